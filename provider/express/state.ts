/**
 * The state (outputs) of an `ExpressGatewayService`: the last-applied inputs, flat, plus what ECS
 * reported (service ARN, status, current revision, ingress endpoints, the followed deployment).
 *
 * `primaryContainer` carries environment values and secret references, so it is written into the
 * outputs as a Pulumi secret (the engine reads the provider's outputs keeping secrets). Older or
 * in-process bags may hold it plain or wrapped: `migrateExpressState` unwraps either.
 *
 * Layout versions (`ecsdefStateVersion`): 1, the first. A newer layout is refused, not misread.
 */
import type { Rollout } from '../aws/deployment-wait';
import { appliedInputs, STATE_VERSION_KEY, type Bag } from '../core/inputs';
import { noSecrets, type Mask } from '../core/mask';
import { asSecret, isSecret, unwrapSecrets } from '../core/secrets';
import type { LiveConfiguration, LiveExpress } from './types';

export const EXPRESS_STATE_VERSION = 1;

export const EXPRESS_OUTPUT_KEYS = [
  'serviceArn',
  'status',
  'statusReason',
  'serviceRevisionArn',
  'activeTaskDefinitionArn',
  'ingressPaths',
  'ingressEndpoint',
  'serviceDeploymentArn',
  'rolloutState',
  'rolloutStateReason',
] as const;

/** Outputs that may embed sensitive values and are always stored as secrets. */
export const SECRET_OUTPUT_KEYS = ['primaryContainer'] as const;

/** The configuration the service runs or converges to: the newest active one. */
export function currentConfiguration(service: LiveExpress | undefined): LiveConfiguration | undefined {
  const configs = [...(service?.activeConfigurations ?? [])];
  return configs.sort((a, b) => (b.createdAt?.getTime() ?? 0) - (a.createdAt?.getTime() ?? 0))[0];
}

/** What ECS reports about the revision, for outputs. */
export interface RevisionInfo {
  serviceRevisionArn?: string;
  activeTaskDefinitionArn?: string;
  ingressPaths?: { accessType?: string; endpoint?: string }[];
}

export function revisionOf(config: LiveConfiguration | undefined): RevisionInfo {
  // JSON round trip: outputs travel as protobuf Structs, which take no `undefined`.
  const ingressPaths = config?.ingressPaths && JSON.parse(JSON.stringify(config.ingressPaths.map((p) => ({ accessType: p.accessType, endpoint: p.endpoint }))));
  return { serviceRevisionArn: config?.serviceRevisionArn, activeTaskDefinitionArn: config?.taskDefinitionArn, ingressPaths };
}

/**
 * Outputs for `inputs` as applied. `service` may be a full description or the create/update
 * answer; `revision` overrides what it says about the revision (e.g. the update's target).
 * ECS's reasons are free text: `mask` hides sensitive values they might quote.
 */
export function expressOutputs(inputs: Bag, service: LiveExpress | undefined, rollout: Rollout | undefined, revision?: RevisionInfo, mask: Mask = noSecrets): Bag {
  const outs: Bag = { ...appliedInputs(inputs), [STATE_VERSION_KEY]: EXPRESS_STATE_VERSION };
  const r = { ...revisionOf(currentConfiguration(service)), ...definedOnly(revision ?? {}) };
  const publicPath = r.ingressPaths?.find((p) => p.accessType === 'PUBLIC') ?? r.ingressPaths?.[0];
  const fields: Bag = {
    serviceArn: service?.serviceArn,
    status: service?.status?.statusCode,
    statusReason: service?.status?.statusReason && mask(service.status.statusReason),
    serviceRevisionArn: r.serviceRevisionArn,
    activeTaskDefinitionArn: r.activeTaskDefinitionArn,
    ingressPaths: r.ingressPaths?.length ? r.ingressPaths : undefined,
    ingressEndpoint: publicPath?.endpoint,
    serviceDeploymentArn: rollout?.serviceDeploymentArn ?? service?.currentDeployment,
    rolloutState: rollout?.rolloutState,
    rolloutStateReason: rollout?.rolloutStateReason && mask(rollout.rolloutStateReason),
  };
  for (const [k, v] of Object.entries(fields)) if (v !== undefined) outs[k] = v;
  for (const k of SECRET_OUTPUT_KEYS) if (outs[k] !== undefined && !isSecret(outs[k])) outs[k] = asSecret(outs[k]);
  return outs;
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export function migrateExpressState(outputs: Bag): Bag {
  const outs = unwrapSecrets(outputs);
  const version = typeof outs[STATE_VERSION_KEY] === 'number' ? (outs[STATE_VERSION_KEY] as number) : 1;
  if (version > EXPRESS_STATE_VERSION) {
    throw new Error(
      `this ExpressGatewayService state was written by a newer ecsdef provider (state version ${version}, this provider reads up to ${EXPRESS_STATE_VERSION}); upgrade ecsdef`,
    );
  }
  return { ...outs, [STATE_VERSION_KEY]: EXPRESS_STATE_VERSION };
}
