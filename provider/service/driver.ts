/**
 * `EcsService` CRUD: the ResourceDriver for ECS services (CreateService request shape).
 *
 * Invariants:
 * - once CreateService has succeeded, every failure is a `PartialFailure` carrying the service
 *   ARN and the outputs, so the engine keeps the service in state;
 * - update sends one UpdateService request with only the changed fields, then tag calls;
 * - a deployment is followed after create and after an update that starts one.
 */
import type { CreateServiceRequest, Service } from '@aws-sdk/client-ecs';
import { connectEcs, type Ecs } from '../aws/client';
import { waitUntilInactive } from '../aws/deletion-wait';
import { followDeployment, RolloutFailed, type Rollout } from '../aws/deployment-wait';
import { findAfterLostCreate } from '../aws/lost-create';
import { afterRollback, partial, rolloutUnfinished } from '../aws/rollout-outcome';
import * as api from '../aws/service-api';
import { isTransient } from '../core/errors';
import { splitBag, type Bag } from '../core/inputs';
import { controllerOf } from '../../schemas/classify';
import type { Plan } from '../../schemas/plan/plan';
import { progressLog } from '../core/progress';
import { tagChanges } from '../core/tags';
import type { ResourceDriver } from '../core/resource-provider';
import { resolveSettings, type ProviderSettings } from '../core/settings';
import { definitionFromLive, reconcileWithDesired } from './live';
import { alignTaskDefinition, normaliseService } from '../../schemas/plan/normalise';
import { migrateServiceState, SERVICE_OUTPUT_KEYS, serviceOutputs } from './state';
import { buildUpdateRequest } from './update-request';

type Def = Bag;

function refOf(def: Def, id?: string): api.ServiceRef {
  const cluster = typeof def.cluster === 'string' ? def.cluster : api.partsOfServiceArn(id)?.cluster ?? 'default';
  return { cluster, service: typeof def.serviceName === 'string' ? def.serviceName : id ?? '' };
}

function open(bag: Bag): { def: Def; settings: ProviderSettings; ecs: Ecs } {
  const { definition, settings } = splitBag(bag, SERVICE_OUTPUT_KEYS);
  const resolved = resolveSettings(settings);
  return { def: definition, settings: resolved, ecs: connectEcs(resolved) };
}

/** Follows the deployment `started` began, or says why not. */
async function follow(ecs: Ecs, settings: ProviderSettings, ref: api.ServiceRef, started: Service, startedAt: Date, timeout: number): Promise<Rollout> {
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
  return followDeployment(ecs, { ref, started, startedAt, timeoutSeconds: timeout, pollIntervalSeconds: settings.pollIntervalSeconds, log });
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
  const { def, settings, ecs } = open(inputs);
  try {
    const request = { ...def, clientToken: def.clientToken ?? require('crypto').randomUUID() } as CreateServiceRequest;
    const startedAt = new Date();
    const service = await createOrFind(ecs, request);
    const id = service.serviceArn as string;
    const ref = refOf(def, id);
    try {
      const rollout = await follow(ecs, settings, ref, service, startedAt, settings.timeoutSeconds.create);
      return { id, outs: serviceOutputs(inputs, service, rollout) };
    } catch (err) {
      throw partial(err, id, (rollout) => serviceOutputs(inputs, service, rollout ?? { rolloutState: 'IN_PROGRESS' }));
    }
  } finally {
    ecs.destroy();
  }
}

async function read(id: string, state: Bag): Promise<{ id?: string; props?: Bag }> {
  const { def, ecs } = open(state);
  try {
    const service = await api.describeService(ecs, refOf(def, id));
    if (!service || service.status === 'INACTIVE') return { id: '', props: {} };
    const live = reconcileWithDesired(definitionFromLive(service), def);
    const kept: Bag = {};
    for (const [k, v] of Object.entries(state)) if (!(k in def)) kept[k] = v; // settings, triggers, outputs
    const rollout: Rollout | undefined = state.rolloutState ? (state as unknown as Rollout) : undefined;
    return { id: service.serviceArn ?? id, props: serviceOutputs({ ...kept, ...live }, service, rollout) };
  } finally {
    ecs.destroy();
  }
}

async function update(id: string, state: Bag, news: Bag, plan: Plan): Promise<{ outs: Bag }> {
  const { def, settings, ecs } = open(news);
  const ref = refOf(def, id);
  try {
    const startedAt = new Date();
    const request = buildUpdateRequest(plan, def, ref);
    let service = request ? await api.updateService(ecs, request) : undefined;
    const applied = (s: Service | undefined, r: Rollout | undefined, bag = news) => serviceOutputs(bag, s, r);
    const tags = plan.changes.some((c) => c.field === 'tags') ? tagChanges(state.tags, def.tags) : undefined;
    if (tags) {
      try {
        await api.untagService(ecs, id, tags.remove, api.subjectOf(ref));
        await api.tagService(ecs, id, tags.put, api.subjectOf(ref));
      } catch (err) {
        throw partial(err, id, () => applied(service, undefined, { ...news, tags: state.tags }));
      }
    }
    // A resource whose last rollout did not complete is updated again with no changes: resume following it.
    const resume = !request && rolloutUnfinished(state);
    if (resume || !service) service = (await api.describeService(ecs, ref)) ?? service;
    if (!service) throw new Error(`${api.subjectOf(ref)} no longer exists; run pulumi refresh`);
    if (!plan.startsDeployment && !resume) return { outs: applied(service, { ...(state as unknown as Rollout) }) };
    try {
      const rollout = await follow(ecs, settings, ref, service, startedAt, settings.timeoutSeconds.update);
      return { outs: applied(service, rollout) };
    } catch (err) {
      const rolledBack = err instanceof RolloutFailed;
      throw partial(err, id, (r) => applied(service, r, rolledBack ? afterRollback(news, state, plan) : news));
    }
  } finally {
    ecs.destroy();
  }
}

/** Scales a REPLICA service to zero, deletes it, and waits until ECS reports it INACTIVE. */
async function remove(id: string, state: Bag): Promise<void> {
  const { def, settings, ecs } = open(state);
  const ref = refOf(def, id);
  const log = progressLog();
  const gone = (s: Service | undefined) => !s || s.status === 'INACTIVE';
  try {
    const service = await api.describeService(ecs, ref);
    if (gone(service)) return;
    if (service?.status === 'ACTIVE') {
      if (service.schedulingStrategy !== 'DAEMON' && (service.desiredCount ?? 0) > 0) {
        log(`${api.subjectOf(ref)}: scaling to 0 tasks before deletion`);
        await api.updateService(ecs, { cluster: ref.cluster, service: ref.service, desiredCount: 0 });
      }
      await api.deleteService(ecs, ref, false);
    }
    const status = async () => (await api.describeService(ecs, ref))?.status;
    await waitUntilInactive({ status, subject: api.subjectOf(ref), settings, log });
  } finally {
    ecs.destroy();
  }
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
  read,
  update,
  delete: remove,
};
