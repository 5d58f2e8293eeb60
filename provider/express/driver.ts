/**
 * `ExpressGatewayService` CRUD: the ResourceDriver for ECS Express gateway services
 * (CreateExpressGatewayService request shape).
 *
 * Invariants:
 * - once CreateExpressGatewayService has succeeded, every failure is a `PartialFailure` carrying
 *   the service ARN and the outputs, so the engine keeps the service in state;
 * - update sends one UpdateExpressGatewayService request with only the changed fields, then tag
 *   calls; every accepted update makes a new service revision, whose deployment is followed
 *   (found by its target revision) until it completes, fails or runs out of time; an update
 *   that leaves the service different from its new inputs (rollback, failed tag call) fails
 *   without a partial result (aws/rollout-outcome.ts);
 * - text from elsewhere (AWS error messages, ECS reasons, also kept in outputs, and unexpected
 *   errors) passes through a mask of the environment values and secret references of the old
 *   and new definitions before it is logged, thrown or stored; `primaryContainer` is stored as
 *   a Pulumi secret (see state.ts and core/mask.ts).
 */
import type { CreateExpressGatewayServiceRequest, Service, UpdatedExpressGatewayService } from '@aws-sdk/client-ecs';
import { connectEcs, usingEcs, type Ecs } from '../aws/client';
import { waitUntilInactive } from '../aws/deletion-wait';
import { followDeployment, RolloutFailed, type Rollout } from '../aws/deployment-wait';
import * as api from '../aws/express-api';
import { findAfterLostCreate } from '../aws/lost-create';
import { notApplied, partial, rolloutUnfinished } from '../aws/rollout-outcome';
import { partsOfServiceArn, tagService, untagService } from '../aws/service-api';
import { isTransient, type AwsOperationError } from '../core/errors';
import { splitBag, type Bag } from '../core/inputs';
import { masker, maskUnexpected, secretFieldValues, type Mask } from '../core/mask';
import { progressLog } from '../core/progress';
import { tagChanges } from '../core/tags';
import type { ResourceDriver } from '../core/resource-provider';
import { resolveSettings, type ProviderSettings } from '../core/settings';
import { normaliseExpress } from '../../schemas/plan/normalise-express';
import type { Plan } from '../../schemas/plan/plan';
import { definitionFromLive, reconcileWithDesired } from './live';
import { currentConfiguration, EXPRESS_OUTPUT_KEYS, expressOutputs, migrateExpressState, revisionOf, type RevisionInfo } from './state';
import { sensitiveValues } from '../../schemas/sensitive';
import type { LiveExpress } from './types';
import { buildExpressUpdateRequest } from './update-request';

/** A create seen by AWS up to this long before our clock says we sent it is still ours. */
const CLOCK_SKEW_MS = 60_000;

interface Session {
  def: Bag;
  settings: ProviderSettings;
  ecs: Ecs;
  mask: Mask;
  log: (line: string) => void;
  subject: string;
}

/** Everything one provider call needs; `alsoSensitive` adds the old definition's values to the mask. */
function open(bag: Bag, id?: string, alsoSensitive: Bag[] = []): Session {
  const { definition, settings } = splitBag(bag, EXPRESS_OUTPUT_KEYS);
  const { $schema: _schema, ...def } = definition;
  const resolved = resolveSettings(settings);
  const mask = masker([bag, ...alsoSensitive].flatMap((d) => [...sensitiveValues(d), ...secretFieldValues(d)]));
  const subject = api.expressSubject({ serviceName: def.serviceName, cluster: def.cluster, arn: id });
  return { def, settings: resolved, ecs: connectEcs(resolved, mask), mask, log: progressLog(), subject };
}

/** An error with its foreign text masked (see core/mask.ts). */
const safe = (err: unknown, mask: Mask) => maskUnexpected(err, mask);

/** Runs `fn`, then closes the client; an unexpected error it throws is masked (aws/client.ts). */
const guarded = <T>(s: Session, fn: () => Promise<T>): Promise<T> => usingEcs(s.ecs, s.mask, fn);

/** The answer of UpdateExpressGatewayService, seen as a service whose newest configuration is its target. */
function asLive(updated: UpdatedExpressGatewayService, id: string): LiveExpress {
  return { ...updated, serviceArn: updated.serviceArn ?? id, activeConfigurations: updated.targetConfiguration ? [updated.targetConfiguration] : [] };
}

/** Follows the deployment of `revisionArn` (or `deploymentArn` when known), or says why not. */
async function follow(s: Session, service: LiveExpress, startedAt: Date, timeout: number, target: { revisionArn?: string; deploymentArn?: string }): Promise<Rollout> {
  if (!s.settings.waitForDeployment) {
    s.log(`${s.subject}: not waiting for the deployment (waitForDeployment is off)`);
    return { rolloutState: 'NOT_FOLLOWED', serviceDeploymentArn: target.deploymentArn };
  }
  const arn = service.serviceArn as string;
  const cluster = typeof service.cluster === 'string' ? service.cluster : partsOfServiceArn(arn)?.cluster ?? 'default';
  const started: Service = { serviceArn: arn, serviceName: service.serviceName, currentServiceDeployment: target.deploymentArn, deploymentController: { type: 'ECS' } };
  return followDeployment(s.ecs, {
    ref: { cluster, service: arn },
    started,
    startedAt,
    timeoutSeconds: timeout,
    pollIntervalSeconds: s.settings.pollIntervalSeconds,
    log: s.log,
    subject: s.subject,
    revisionArn: target.revisionArn,
    serviceDeploymentsOnly: true,
    mask: s.mask,
  });
}

/**
 * CreateExpressGatewayService takes no idempotency token: when its answer was lost, or the SDK
 * retried after an attempt that may have reached AWS, the service is looked up by name and
 * adopted if ECS created it since this call started.
 */
async function createOrAdopt(s: Session, request: CreateExpressGatewayServiceRequest, startedAt: Date): Promise<LiveExpress> {
  try {
    return await api.createExpress(s.ecs, request, s.subject);
  } catch (err) {
    const maybeApplied = isTransient(err) || Number((err as Partial<AwsOperationError>).attempts) > 1;
    if (!maybeApplied || typeof request.serviceName !== 'string') throw err;
    return findAfterLostCreate(err, async () => {
      const found = await api.findServiceByName(s.ecs, request.cluster ?? 'default', request.serviceName as string, s.subject);
      const recent = (found?.createdAt?.getTime() ?? 0) >= startedAt.getTime() - CLOCK_SKEW_MS;
      if (!found?.serviceArn || found.status !== 'ACTIVE' || !recent) return undefined;
      const service = await api.describeExpress(s.ecs, found.serviceArn, s.subject);
      if (service) s.log(`${s.subject}: CreateExpressGatewayService failed in transit but the service exists; adopting it`);
      return service;
    });
  }
}

async function create(inputs: Bag): Promise<{ id: string; outs: Bag }> {
  const s = open(inputs);
  return guarded(s, async () => {
    const startedAt = new Date();
    const service = await createOrAdopt(s, s.def as unknown as CreateExpressGatewayServiceRequest, startedAt);
    const id = service.serviceArn as string;
    try {
      const target = { revisionArn: currentConfiguration(service)?.serviceRevisionArn, deploymentArn: service.currentDeployment };
      const rollout = await follow(s, service, startedAt, s.settings.timeoutSeconds.create, target);
      const described = (await api.describeExpress(s.ecs, id, s.subject)) ?? service;
      return { id, outs: expressOutputs(inputs, described, rollout, undefined, s.mask) };
    } catch (err) {
      throw partial(safe(err, s.mask), id, (r) => expressOutputs(inputs, service, r ?? { rolloutState: 'IN_PROGRESS' }, undefined, s.mask));
    }
  });
}

async function read(id: string, state: Bag): Promise<{ id?: string; props?: Bag }> {
  const s = open(state, id);
  return guarded(s, async () => {
    const service = await api.describeExpress(s.ecs, id, s.subject);
    if (!service || service.status?.statusCode === 'INACTIVE') return { id: '', props: {} };
    const live = reconcileWithDesired(definitionFromLive(service), s.def);
    const kept: Bag = {};
    for (const [k, v] of Object.entries(state)) if (!(k in s.def) && k !== '$schema') kept[k] = v; // settings, triggers, outputs
    const rollout = state.rolloutState ? (state as unknown as Rollout) : undefined;
    return { id: service.serviceArn ?? id, props: expressOutputs({ ...kept, ...live }, service, rollout, undefined, s.mask) };
  });
}

/** What the state said about the revision the service ran before the update. */
const previousRevision = (state: Bag): RevisionInfo => ({
  serviceRevisionArn: state.serviceRevisionArn as string | undefined,
  activeTaskDefinitionArn: state.activeTaskDefinitionArn as string | undefined,
  ingressPaths: state.ingressPaths as RevisionInfo['ingressPaths'],
});

async function update(id: string, state: Bag, news: Bag, plan: Plan): Promise<{ outs: Bag }> {
  const s = open(news, id, [state]);
  return guarded(s, async () => {
    const startedAt = new Date();
    const request = buildExpressUpdateRequest(plan, s.def, id);
    const updated = request ? asLive(await api.updateExpress(s.ecs, request, s.subject), id) : undefined;
    const target = updated ? revisionOf(currentConfiguration(updated)) : undefined;
    const applied = (r: Rollout | undefined, bag: Bag, revision?: RevisionInfo) =>
      expressOutputs(bag, updated ?? { serviceArn: id }, r, revision ?? target ?? previousRevision(state), s.mask);
    if (plan.changes.some((c) => c.field === 'tags')) {
      const tags = tagChanges(state.tags, s.def.tags);
      try {
        await untagService(s.ecs, id, tags.remove, s.subject);
        await tagService(s.ecs, id, tags.put, s.subject);
      } catch (err) {
        throw notApplied(safe(err, s.mask));
      }
    }
    // A resource whose last rollout did not complete is updated again with no changes: resume following it.
    const resume = !request && rolloutUnfinished(state);
    const sameRevision = !!target?.serviceRevisionArn && target.serviceRevisionArn === state.serviceRevisionArn;
    if (sameRevision) s.log(`${s.subject}: the update made no new service revision; nothing to follow`);
    if ((!request && !resume) || sameRevision) {
      const described = (await api.describeExpress(s.ecs, id, s.subject)) ?? updated;
      return { outs: expressOutputs(news, described, state as unknown as Rollout, undefined, s.mask) };
    }
    const followTarget = resume
      ? { revisionArn: state.serviceRevisionArn as string | undefined, deploymentArn: state.serviceDeploymentArn as string | undefined }
      : { revisionArn: target?.serviceRevisionArn };
    try {
      const rollout = await follow(s, updated ?? { serviceArn: id, cluster: s.def.cluster as string | undefined }, startedAt, s.settings.timeoutSeconds.update, followTarget);
      const described = await api.describeExpress(s.ecs, id, s.subject);
      return { outs: expressOutputs(news, described ?? updated, rollout, described ? undefined : target, s.mask) };
    } catch (err) {
      // Rolled back: the service runs the previous revision, which the old state describes.
      if (err instanceof RolloutFailed && request) throw notApplied(err);
      throw partial(safe(err, s.mask), id, (r) => applied(r, news));
    }
  });
}

/** Deletes the service and waits until ECS reports it INACTIVE (or forgets it). */
async function remove(id: string, state: Bag): Promise<void> {
  const s = open(state, id);
  const gone = (svc: LiveExpress | undefined) => !svc || svc.status?.statusCode === 'INACTIVE';
  return guarded(s, async () => {
    const service = await api.describeExpress(s.ecs, id, s.subject);
    if (gone(service)) return;
    if (service?.status?.statusCode === 'ACTIVE') await api.deleteExpress(s.ecs, id, s.subject);
    const status = async () => (await api.describeExpress(s.ecs, id, s.subject))?.status?.statusCode;
    await waitUntilInactive({ status, subject: s.subject, settings: s.settings, log: s.log });
  });
}

export const expressDriver: ResourceDriver = {
  kind: 'express-service',
  outputKeys: EXPRESS_OUTPUT_KEYS,
  identity: ['serviceName', 'cluster'],
  normalise: normaliseExpress,
  migrate: migrateExpressState,
  align: (before, after) => [before, after, []],
  controllerOf: () => 'ECS',
  subject: (def) => api.expressSubject(def),
  sensitiveValues,
  create,
  read,
  update,
  delete: remove,
};
