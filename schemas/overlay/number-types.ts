import { INT32_MAX, INT32_MIN } from '../number-range';
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

/**
 * An API Integer is a 32-bit signed integer: a larger value fails at the API however it is
 * written (`1e20`, 2^53+1). Ranges stated for a member come later in the overlay and narrow this.
 */
const INT32 = { type: 'integer', minimum: INT32_MIN, maximum: INT32_MAX };

export const numberTypeEntries: OverlayEntry[] = [
  ...integers.map((target) => ({ target, patch: INT32, source: `${API_REF}, ${target} (Type: Integer, 32-bit signed)` })),
  ...expressIntegers.map((target) => ({ target, patch: INT32, source: `${EXPRESS_REF}, ${target} (Type: Integer, 32-bit signed)` })),
  ...doubles.map(([target, source]) => ({ target, patch: { type: 'number' }, source })),
];
