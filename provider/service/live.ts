/**
 * Live state -> definition. DescribeServices reports most settings on the service itself, but
 * Service Connect, volume and VPC Lattice settings only on its deployments: they are read from
 * the PRIMARY deployment (the one the service is converging to).
 */
import type { JsonObject, LiveService } from './types';
import { clusterName, normaliseService, prune, spellLikeDesired } from '../../schemas/plan/normalise';

/** The deployment the service is converging to, if it reports deployments. */
export function primaryDeployment(service: LiveService) {
  return service.deployments?.find((d) => d.status === 'PRIMARY');
}

/** The CreateService-shaped definition that describes `service` as it runs now. */
export function definitionFromLive(service: LiveService): JsonObject {
  const primary = primaryDeployment(service);
  const def: JsonObject = {
    serviceName: service.serviceName,
    cluster: clusterName(service.clusterArn),
    taskDefinition: service.taskDefinition,
    availabilityZoneRebalancing: service.availabilityZoneRebalancing,
    loadBalancers: service.loadBalancers,
    serviceRegistries: service.serviceRegistries,
    desiredCount: service.desiredCount,
    launchType: service.launchType,
    capacityProviderStrategy: service.capacityProviderStrategy,
    platformVersion: service.platformVersion,
    role: service.roleArn,
    deploymentConfiguration: service.deploymentConfiguration,
    placementConstraints: service.placementConstraints,
    placementStrategy: service.placementStrategy,
    networkConfiguration: service.networkConfiguration,
    healthCheckGracePeriodSeconds: service.healthCheckGracePeriodSeconds,
    schedulingStrategy: service.schedulingStrategy,
    deploymentController: service.deploymentController,
    tags: service.tags,
    enableECSManagedTags: service.enableECSManagedTags,
    propagateTags: service.propagateTags,
    enableExecuteCommand: service.enableExecuteCommand,
    serviceConnectConfiguration: primary?.serviceConnectConfiguration,
    volumeConfigurations: primary?.volumeConfigurations,
    vpcLatticeConfigurations: primary?.vpcLatticeConfigurations,
  };
  return prune(JSON.parse(JSON.stringify(def))) as JsonObject;
}

/**
 * Values ECS chooses when the definition leaves a field unset. When the desired definition left
 * it unset and the live value is what ECS would have chosen, the live value is not drift.
 */
const CHOSEN_BY_ECS_WHEN_UNSET: Record<string, (live: JsonObject, desired: JsonObject) => boolean> = {
  // Without launchType and capacityProviderStrategy, ECS uses the cluster's default capacity
  // provider strategy, or the EC2 launch type when the cluster has none.
  launchType: (live, desired) => desired.capacityProviderStrategy === undefined && live.launchType === 'EC2',
  capacityProviderStrategy: (_live, desired) => desired.launchType === undefined,
  // Fargate resolves LATEST to a concrete version on some responses.
  platformVersion: () => true,
  // The service-linked role is used when no role is given (normalise drops it already).
  role: () => true,
  // DAEMON services get one task per instance: ECS owns the count.
  desiredCount: (live) => live.schedulingStrategy === 'DAEMON',
};

/**
 * The live definition, spelled like `desired` where both mean the same, with fields ECS filled
 * in for unset desired fields removed. Identifiers (cluster, task definition, role) keep the
 * desired spelling when they normalise to the same value, so a refresh shows real drift only.
 */
export function reconcileWithDesired(live: JsonObject, desired: JsonObject | undefined): JsonObject {
  if (!desired) return live;
  const out: JsonObject = { ...live };
  for (const [field, chosen] of Object.entries(CHOSEN_BY_ECS_WHEN_UNSET)) {
    if (desired[field] === undefined && out[field] !== undefined && chosen(live, desired)) delete out[field];
  }
  const spelled = spellLikeDesired(out, desired, normaliseService);
  // Fields ECS does not report (e.g. clientToken) keep the desired value.
  for (const field of ['clientToken']) if (desired[field] !== undefined) spelled[field] = desired[field];
  return spelled;
}
