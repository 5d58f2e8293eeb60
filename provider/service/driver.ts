/**
 * `EcsService` CRUD: the ResourceDriver for ECS services (CreateService request shape).
 *
 * Invariants:
 * - once CreateService has succeeded, every failure is a `PartialFailure` carrying the service
 *   ARN and the outputs, so the engine keeps the service in state;
 * - update sends one UpdateService request with only the changed fields, then tag calls; changed
 *   provider settings alone make no AWS call; an update that leaves the service different from
 *   its new inputs fails without a partial result (aws/rollout-outcome.ts), so state and preview
 *   keep describing what runs;
 * - a deployment is followed after create and after an update that starts one;
 * - text from AWS passes through the mask of the values the program marked secret.
 */
import type { CreateServiceRequest, Service } from '@aws-sdk/client-ecs';
import { usingEcs, type Ecs } from '../aws/client';
import { waitUntilInactive } from '../aws/deletion-wait';
import { followDeployment, RolloutFailed, type Rollout } from '../aws/deployment-wait';
import { findAfterLostCreate } from '../aws/lost-create';
import { notApplied, partial, rolloutUnfinished } from '../aws/rollout-outcome';
import * as api from '../aws/service-api';
import { isTransient } from '../core/errors';
import { IMPORT_KEY, type Bag } from '../core/inputs';
import { maskUnexpected } from '../core/mask';
import { controllerOf } from '../../schemas/classify';
import type { Plan } from '../../schemas/plan/plan';
import { progressLog } from '../core/progress';
import { tagChanges } from '../core/tags';
import type { ResourceDriver } from '../core/resource-provider';
import type { ProviderSettings } from '../core/settings';
import { alignTaskDefinition, normaliseService } from '../../schemas/plan/normalise';
import { adoptService } from './adopt';
import { readService } from './refresh';
import { openSession, refOf } from './session';
import { migrateServiceState, SERVICE_OUTPUT_KEYS, serviceOutputs } from './state';
import { buildUpdateRequest } from './update-request';

/** Follows the deployment `started` began, or says why not. */
async function follow(ecs: Ecs, settings: ProviderSettings, ref: api.ServiceRef, started: Service, startedAt: Date, timeout: number, mask: (t: string) => string): Promise<Rollout> {
  const log = progressLog();
  if (!settings.waitForDeployment) {
    log(`${api.subjectOf(ref)}: not waiting for the deployment (waitForDeployment is off)`);
    return { deploymentId: started.deployments?.find((d) => d.status === 'PRIMARY')?.id, rolloutState: 'NOT_FOLLOWED' };
  }
  const controller = started.deploymentController?.type ?? 'ECS';
  if (controller !== 'ECS') {
    log(`${api.subjectOf(ref)}: deployments of the ${controller} controller are not followed`);
    return { rolloutState: 'NOT_FOLLOWED' };
  }
  return followDeployment(ecs, { ref, started, startedAt, timeoutSeconds: timeout, pollIntervalSeconds: settings.pollIntervalSeconds, log, mask });
}

/**
 * CreateService whose response was lost (dropped connection, retries exhausted) may still have
 * created the service: look before reporting failure, so nothing runs untracked.
 */
async function createOrFind(ecs: Ecs, request: CreateServiceRequest): Promise<Service> {
  try {
    return await api.createService(ecs, request);
  } catch (err) {
    if (!isTransient(err)) throw err;
    const ref = { cluster: request.cluster ?? 'default', service: request.serviceName ?? '' };
    return findAfterLostCreate(err, async () => {
      const found = await api.describeService(ecs, ref);
      if (found?.status !== 'ACTIVE') return undefined;
      progressLog()(`${api.subjectOf(ref)}: CreateService failed in transit but the service exists; adopting it`);
      return found;
    });
  }
}

async function create(inputs: Bag): Promise<{ id: string; outs: Bag }> {
  const s = openSession(inputs);
  return usingEcs(s.ecs, s.mask, async () => {
    const importId = inputs[IMPORT_KEY];
    if (typeof importId === 'string' && importId) {
      const adopted = await adoptService(s, importId);
      return { id: importId, outs: serviceOutputs(inputs, adopted, { rolloutState: 'NOT_FOLLOWED' }) };
    }
    const request = { ...s.def, clientToken: s.def.clientToken ?? require('crypto').randomUUID() } as CreateServiceRequest;
    const startedAt = new Date();
    const service = await createOrFind(s.ecs, request);
    const id = service.serviceArn as string;
    const ref = refOf(s.def, id);
    try {
      const rollout = await follow(s.ecs, s.settings, ref, service, startedAt, s.settings.timeoutSeconds.create, s.mask);
      return { id, outs: serviceOutputs(inputs, service, rollout) };
    } catch (err) {
      throw partial(maskUnexpected(err, s.mask), id, (rollout) => serviceOutputs(inputs, service, rollout ?? { rolloutState: 'IN_PROGRESS' }));
    }
  });
}

/** The outputs of `state` for the new inputs `news`, when nothing AWS reports has changed. */
function keptOutputs(state: Bag, news: Bag): Bag {
  const outs = serviceOutputs(news, undefined, undefined);
  for (const k of SERVICE_OUTPUT_KEYS) if (state[k] !== undefined) outs[k] = state[k];
  return outs;
}

async function update(id: string, state: Bag, news: Bag, plan: Plan): Promise<{ outs: Bag }> {
  const s = openSession(news, [state]);
  const ref = refOf(s.def, id);
  return usingEcs(s.ecs, s.mask, async () => {
    const startedAt = new Date();
    const request = buildUpdateRequest(plan, s.def, ref);
    let service = request ? await api.updateService(s.ecs, request) : undefined;
    if (plan.changes.some((c) => c.field === 'tags')) {
      const tags = tagChanges(state.tags, s.def.tags);
      try {
        await api.untagService(s.ecs, id, tags.remove, api.subjectOf(ref));
        await api.tagService(s.ecs, id, tags.put, api.subjectOf(ref));
      } catch (err) {
        throw notApplied(err);
      }
    }
    // A resource whose last rollout did not complete is updated again with no changes: resume following it.
    const resume = !request && rolloutUnfinished(state);
    // Tags, settings, the recorded plan: nothing ECS reports has changed.
    if (!request && !resume) return { outs: keptOutputs(state, news) };
    if (!service) service = await api.describeService(s.ecs, ref);
    if (!service) throw new Error(`${api.subjectOf(ref)} no longer exists; run pulumi refresh`);
    if (!plan.startsDeployment && !resume) return { outs: serviceOutputs(news, service, state as unknown as Rollout) };
    try {
      const rollout = await follow(s.ecs, s.settings, ref, service, startedAt, s.settings.timeoutSeconds.update, s.mask);
      return { outs: serviceOutputs(news, service, rollout) };
    } catch (err) {
      // Rolled back: the service runs the old definition again, which the old state describes.
      if (err instanceof RolloutFailed && request) throw notApplied(err);
      const running = service;
      throw partial(maskUnexpected(err, s.mask), id, (r) => serviceOutputs(news, running, r));
    }
  });
}

/** Scales a REPLICA service to zero, deletes it, and waits until ECS reports it INACTIVE (or forgets it). */
async function remove(id: string, state: Bag): Promise<void> {
  const s = openSession(state);
  const ref = refOf(s.def, id);
  const log = progressLog();
  return usingEcs(s.ecs, s.mask, async () => {
    const service = await api.describeService(s.ecs, ref);
    if (!service || service.status === 'INACTIVE') return;
    if (service.status === 'ACTIVE') {
      if (service.schedulingStrategy !== 'DAEMON' && (service.desiredCount ?? 0) > 0) {
        log(`${api.subjectOf(ref)}: scaling to 0 tasks before deletion`);
        if (!(await api.scaleService(s.ecs, ref, 0))) return;
      }
      if (!(await api.deleteService(s.ecs, ref, false))) return;
    }
    const status = async () => (await api.describeService(s.ecs, ref))?.status;
    await waitUntilInactive({ status, subject: api.subjectOf(ref), settings: s.settings, log });
  });
}

export const serviceDriver: ResourceDriver = {
  kind: 'service',
  outputKeys: SERVICE_OUTPUT_KEYS,
  identity: ['serviceName', 'cluster'],
  normalise: normaliseService,
  migrate: migrateServiceState,
  align: (before, after, state) => alignTaskDefinition(before, after, state?.taskDefinitionArn as string | undefined),
  controllerOf: (before) => controllerOf(before) ?? 'ECS',
  subject: (def) => api.subjectOf(refOf(def)),
  create,
  read: readService,
  update,
  delete: remove,
};
