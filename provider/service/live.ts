/**
 * Live state -> definition. DescribeServices reports most settings on the service itself, but
 * Service Connect, volume and VPC Lattice settings only on its deployments: they are read from
 * the PRIMARY deployment (the one the service is converging to). Gateway connectors and
 * monitoring are reported only on the service revision (DescribeServiceRevisions).
 */
import type { ServiceRevision } from '@aws-sdk/client-ecs';
import type { JsonObject, LiveService } from './types';
import { clusterName, normaliseService, prune, spellLikeDesired, taskDefinitionFamily, taskDefinitionRef } from '../../schemas/plan/normalise';

/** Fields only the service revision reports: without it they are unknown, not unset. */
export const REVISION_ONLY_FIELDS = ['gatewayConnectors', 'monitoring'] as const;

/** The deployment the service is converging to, if it reports deployments. */
export function primaryDeployment(service: LiveService) {
  return service.deployments?.find((d) => d.status === 'PRIMARY');
}

/** The CreateService-shaped definition that describes `service` (and its current `revision`) as it runs now. */
export function definitionFromLive(service: LiveService, revision?: ServiceRevision): JsonObject {
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
    gatewayConnectors: revision?.gatewayConnectors,
    monitoring: revision?.monitoring,
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

/** `web` (a family: "the revision that runs") still names what runs when the service runs `web:N`. */
function keepsFamilyReference(live: JsonObject, desired: JsonObject): boolean {
  const d = desired.taskDefinition;
  const running = taskDefinitionRef(live.taskDefinition);
  return typeof d === 'string' && typeof running === 'string' && d === taskDefinitionFamily(d) && !d.startsWith('arn:') && taskDefinitionFamily(running) === d;
}

/**
 * The live definition, spelled like `desired` where both mean the same, with fields ECS filled
 * in for unset desired fields removed. Identifiers (cluster, task definition, role) keep the
 * desired spelling when they normalise to the same value, and a family reference keeps naming the
 * revision of that family that runs, so a refresh shows real drift only. `unreported` fields
 * (ECS did not say) keep the desired value.
 */
export function reconcileWithDesired(live: JsonObject, desired: JsonObject | undefined, unreported: readonly string[] = []): JsonObject {
  if (!desired) return live;
  const out: JsonObject = { ...live };
  for (const [field, chosen] of Object.entries(CHOSEN_BY_ECS_WHEN_UNSET)) {
    if (desired[field] === undefined && out[field] !== undefined && chosen(live, desired)) delete out[field];
  }
  const spelled = spellLikeDesired(out, desired, normaliseService);
  if (keepsFamilyReference(live, desired)) spelled.taskDefinition = desired.taskDefinition;
  // Fields ECS does not report (e.g. clientToken) keep the desired value.
  for (const field of ['clientToken', ...unreported]) {
    if (desired[field] !== undefined) spelled[field] = desired[field];
    else delete spelled[field];
  }
  return spelled;
}
