import { API_REF, EXPRESS_REF, type OverlayEntry } from './entry';

/**
 * Integer vs number. The SDK types every numeric member as `number`; the API reference gives
 * "Type: Integer" or "Type: Double" per parameter.
 */
const integers: string[] = [
  'CreateServiceRequest.desiredCount',
  'UpdateServiceRequest.desiredCount',
  'CreateServiceRequest.healthCheckGracePeriodSeconds',
  'UpdateServiceRequest.healthCheckGracePeriodSeconds',
  'LoadBalancer.containerPort',
  'ServiceRegistry.port',
  'ServiceRegistry.containerPort',
  'CapacityProviderStrategyItem.weight',
  'CapacityProviderStrategyItem.base',
  'ThresholdConfiguration.value',
  'DeploymentConfiguration.maximumPercent',
  'DeploymentConfiguration.minimumHealthyPercent',
  'DeploymentConfiguration.bakeTimeInMinutes',
  'DeploymentLifecycleHookTimeoutConfiguration.timeoutInMinutes',
  'LinearConfiguration.stepBakeTimeInMinutes',
  'CanaryConfiguration.canaryBakeTimeInMinutes',
  'DeploymentEarlySuccessCriteria.healthyPercent',
  'ServiceConnectClientAlias.port',
  'ServiceConnectService.ingressPortOverride',
  'TimeoutConfiguration.idleTimeoutSeconds',
  'TimeoutConfiguration.perRequestTimeoutSeconds',
  'ServiceManagedEBSVolumeConfiguration.sizeInGiB',
  'ServiceManagedEBSVolumeConfiguration.volumeInitializationRate',
  'ServiceManagedEBSVolumeConfiguration.iops',
  'ServiceManagedEBSVolumeConfiguration.throughput',
  'GatewayConnectorHealthCheck.healthCheckPort',
  'GatewayConnectorHealthCheck.healthCheckTimeoutSeconds',
  'GatewayConnectorHealthCheck.healthCheckIntervalSeconds',
  'GatewayConnectorHealthCheck.healthyThresholdCount',
  'GatewayConnectorHealthCheck.unhealthyThresholdCount',
  'MetricConfiguration.resolutionSeconds',
];

const expressIntegers = ['ExpressGatewayContainer.containerPort', 'ExpressGatewayScalingTarget.minTaskCount', 'ExpressGatewayScalingTarget.maxTaskCount'];

/** Members documented as Double stay `number`; listed so the choice is explicit. */
const doubles: [string, string][] = [
  ['LinearConfiguration.stepPercent', `${API_REF}, LinearConfiguration.stepPercent (Type: Double)`],
  ['CanaryConfiguration.canaryPercent', `${API_REF}, CanaryConfiguration.canaryPercent (Type: Double)`],
  ['ExpressGatewayScalingTarget.autoScalingTargetValue', `${EXPRESS_REF}, ExpressGatewayScalingTarget.autoScalingTargetValue (Type: Double)`],
];

export const numberTypeEntries: OverlayEntry[] = [
  ...integers.map((target) => ({ target, patch: { type: 'integer' }, source: `${API_REF}, ${target} (Type: Integer)` })),
  ...expressIntegers.map((target) => ({ target, patch: { type: 'integer' }, source: `${EXPRESS_REF}, ${target} (Type: Integer)` })),
  ...doubles.map(([target, source]) => ({ target, patch: { type: 'number' }, source })),
];
