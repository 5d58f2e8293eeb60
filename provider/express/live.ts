/**
 * Live state -> definition. DescribeExpressGatewayService reports the service (name, cluster,
 * infrastructure role, tags) and its active configurations; the newest configuration is the one
 * the service runs or converges to, and it supplies the container, sizing, roles, network,
 * health check and scaling settings.
 */
import { clusterName, prune, spellLikeDesired } from '../../schemas/plan/normalise';
import { normaliseExpress } from '../../schemas/plan/normalise-express';
import { currentConfiguration } from './state';
import { isPlainObject as isObject } from '../../schemas/pointer';
import { OWNED_BY_TASK_DEFINITION, type JsonObject, type LiveExpress } from './types';

/** The CreateExpressGatewayService-shaped definition that describes `service` as it runs now. */
export function definitionFromLive(service: LiveExpress): JsonObject {
  const c = currentConfiguration(service);
  const def: JsonObject = {
    serviceName: service.serviceName,
    cluster: clusterName(service.cluster),
    infrastructureRoleArn: service.infrastructureRoleArn,
    executionRoleArn: c?.executionRoleArn,
    taskRoleArn: c?.taskRoleArn,
    primaryContainer: c?.primaryContainer,
    taskDefinitionArn: c?.taskDefinitionArn,
    cpu: c?.cpu,
    memory: c?.memory,
    cpuArchitecture: c?.cpuArchitecture,
    healthCheckPath: c?.healthCheckPath,
    networkConfiguration: c?.networkConfiguration,
    scalingTarget: c?.scalingTarget,
    tags: service.tags,
  };
  return prune(JSON.parse(JSON.stringify(def))) as JsonObject;
}

/**
 * Fields ECS fills when the definition leaves them out: the live value is then not drift.
 * ECS reports a task definition for every revision (its own when it manages the container), and
 * a customer task definition supplies the container settings; either way only the side the
 * definition uses is compared. Members the update cannot unset (roles, network, scaling) are
 * ECS's choice when unset.
 */
const CHOSEN_BY_ECS_WHEN_UNSET = ['executionRoleArn', 'taskRoleArn', 'networkConfiguration', 'scalingTarget', 'cpuArchitecture', 'serviceName'];

/** Container members ECS fills when the definition leaves them out (a log group it creates). */
const CONTAINER_CHOSEN_WHEN_UNSET = ['awsLogsConfiguration'];

/**
 * The live definition, spelled like `desired` where both mean the same, without the values ECS
 * chose for unset desired fields, so a refresh shows real drift only.
 */
export function reconcileWithDesired(live: JsonObject, desired: JsonObject | undefined): JsonObject {
  if (!desired) return live;
  const out: JsonObject = { ...live };
  const ownTaskDefinition = desired.taskDefinitionArn !== undefined;
  if (ownTaskDefinition) for (const f of OWNED_BY_TASK_DEFINITION) if (desired[f] === undefined) delete out[f];
  if (!ownTaskDefinition) delete out.taskDefinitionArn;
  for (const f of CHOSEN_BY_ECS_WHEN_UNSET) if (desired[f] === undefined) delete out[f];
  if (isObject(out.primaryContainer) && isObject(desired.primaryContainer)) {
    const container = { ...out.primaryContainer };
    for (const f of CONTAINER_CHOSEN_WHEN_UNSET) if (desired.primaryContainer[f] === undefined) delete container[f];
    out.primaryContainer = container;
  }
  return spellLikeDesired(out, desired, normaliseExpress);
}
