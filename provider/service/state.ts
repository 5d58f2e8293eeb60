/**
 * The state (outputs) of an `EcsService`: the last-applied inputs, flat, plus what ECS reported.
 *
 * Layout versions (`ecsdefStateVersion`):
 * - 1 (no version field): the inputs and `serviceArn` only.
 * - 2: adds `taskDefinitionArn` (the revision the service runs, used to align family-only
 *   references), `clusterArn`, `status`, and the rollout fields.
 * `migrateServiceState` upgrades any older layout in memory; a newer layout is refused rather
 * than misread.
 */
import type { Service } from '@aws-sdk/client-ecs';
import type { Rollout } from '../aws/deployment-wait';
import { appliedInputs, STATE_VERSION_KEY, type Bag } from '../core/inputs';

export const SERVICE_STATE_VERSION = 2;

export const SERVICE_OUTPUT_KEYS = [
  'serviceArn',
  'clusterArn',
  'taskDefinitionArn',
  'status',
  'deploymentId',
  'serviceDeploymentArn',
  'rolloutState',
  'rolloutStateReason',
] as const;

/** Outputs for `inputs` as applied, with what `service` and `rollout` report. */
export function serviceOutputs(inputs: Bag, service: Service | undefined, rollout: Rollout | undefined): Bag {
  const outs: Bag = { ...appliedInputs(inputs), [STATE_VERSION_KEY]: SERVICE_STATE_VERSION };
  const fields: Bag = {
    serviceArn: service?.serviceArn,
    clusterArn: service?.clusterArn,
    taskDefinitionArn: service?.taskDefinition,
    status: service?.status,
    deploymentId: rollout?.deploymentId ?? service?.deployments?.find((d) => d.status === 'PRIMARY')?.id,
    serviceDeploymentArn: rollout?.serviceDeploymentArn ?? service?.currentServiceDeployment,
    rolloutState: rollout?.rolloutState,
    rolloutStateReason: rollout?.rolloutStateReason,
  };
  for (const [k, v] of Object.entries(fields)) if (v !== undefined) outs[k] = v;
  return outs;
}

const MIGRATIONS: Record<number, (outs: Bag) => Bag> = {
  1: (outs) => ({
    ...outs,
    ...(outs.taskDefinitionArn === undefined && typeof outs.taskDefinition === 'string' ? { taskDefinitionArn: outs.taskDefinition } : {}),
    [STATE_VERSION_KEY]: 2,
  }),
};

export function migrateServiceState(outputs: Bag): Bag {
  let outs = { ...outputs };
  let version = typeof outs[STATE_VERSION_KEY] === 'number' ? (outs[STATE_VERSION_KEY] as number) : 1;
  if (version > SERVICE_STATE_VERSION) {
    throw new Error(
      `this EcsService state was written by a newer ecsdef provider (state version ${version}, this provider reads up to ${SERVICE_STATE_VERSION}); upgrade ecsdef`,
    );
  }
  while (version < SERVICE_STATE_VERSION) {
    outs = MIGRATIONS[version](outs);
    version = outs[STATE_VERSION_KEY] as number;
  }
  return outs;
}
