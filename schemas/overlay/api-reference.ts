import { API_REF, each, type OverlayEntry } from './entry';

/**
 * Limits stated in the current API reference text (the doc comments shipped in
 * `@aws-sdk/client-ecs`) but absent from its model.
 */
export const apiReferenceEntries: OverlayEntry[] = [
  {
    target: 'ServiceManagedEBSVolumeConfiguration.volumeType',
    patch: { enum: ['gp2', 'gp3', 'io1', 'io2', 'st1', 'sc1', 'standard'] },
    source: `${API_REF}, ServiceManagedEBSVolumeConfiguration.volumeType (the supported volume types)`,
  },
  {
    target: 'AwsVpcConfiguration.subnets',
    patch: { minItems: 1 },
    source: `${API_REF}, AwsVpcConfiguration.subnets (the subnets the tasks run in; awsvpc tasks need one)`,
  },
  ...each(
    ['UpdateServiceRequest.enableExecuteCommand'],
    { type: ['boolean', 'null'] },
    `${API_REF}, UpdateService enableExecuteCommand (null keeps the value set at creation)`,
  ),
  ...each(
    ['UpdateServiceRequest.volumeConfigurations'],
    { type: ['array', 'null'] },
    `${API_REF}, UpdateService volumeConfigurations (null leaves the volumes unchanged, no new deployment)`,
  ),
  {
    target: 'CreateServiceRequest.clientToken',
    patch: { maxLength: 36, pattern: '^[\\x21-\\x7E]*$' },
    source: `${API_REF}, CreateService clientToken (up to 36 ASCII characters in 33-126)`,
    note: 'The developer guide says 32 characters; the current API text (36) wins.',
  },
  ...each(
    ['CreateServiceRequest.capacityProviderStrategy', 'UpdateServiceRequest.capacityProviderStrategy'],
    { maxItems: 20 },
    `${API_REF}, CreateService capacityProviderStrategy (at most 20 capacity providers)`,
  ),
  ...each(
    ['CreateServiceRequest.placementConstraints', 'UpdateServiceRequest.placementConstraints'],
    { maxItems: 10 },
    `${API_REF}, CreateService / UpdateService placementConstraints (at most 10 per task)`,
  ),
  ...each(
    ['CreateServiceRequest.placementStrategy', 'UpdateServiceRequest.placementStrategy'],
    { maxItems: 5 },
    `${API_REF}, CreateService / UpdateService placementStrategy (at most 5 strategy rules)`,
    'The developer guide says four rules; the current API text (five) wins.',
  ),
  {
    target: 'PlacementConstraint.expression',
    patch: { maxLength: 2000 },
    source: `${API_REF}, PlacementConstraint.expression (at most 2000 characters)`,
  },
  ...each(
    ['CreateServiceRequest.healthCheckGracePeriodSeconds', 'UpdateServiceRequest.healthCheckGracePeriodSeconds'],
    { minimum: 0, maximum: 2147483647 },
    `${API_REF}, UpdateService healthCheckGracePeriodSeconds (up to 2,147,483,647 seconds)`,
  ),
  ...each(
    ['CreateServiceRequest.desiredCount', 'UpdateServiceRequest.desiredCount'],
    { minimum: 0 },
    `${API_REF}, CreateService desiredCount (a number of tasks)`,
  ),
  {
    target: 'DeploymentConfiguration.bakeTimeInMinutes',
    patch: { minimum: 0, maximum: 1440 },
    source: `${API_REF}, DeploymentConfiguration.bakeTimeInMinutes (0 to 1440 minutes)`,
  },
  {
    target: 'LinearConfiguration.stepPercent',
    patch: { minimum: 3, maximum: 100, multipleOf: 0.1 },
    source: `${API_REF}, LinearConfiguration.stepPercent (multiples of 0.1 from 3.0 to 100.0)`,
  },
  {
    target: 'LinearConfiguration.stepBakeTimeInMinutes',
    patch: { minimum: 0, maximum: 1440 },
    source: `${API_REF}, LinearConfiguration.stepBakeTimeInMinutes (0 to 1440 minutes)`,
  },
  {
    target: 'CanaryConfiguration.canaryPercent',
    patch: { minimum: 0.1, maximum: 100, multipleOf: 0.1 },
    source: `${API_REF}, CanaryConfiguration.canaryPercent (multiples of 0.1 from 0.1 to 100.0)`,
  },
  {
    target: 'CanaryConfiguration.canaryBakeTimeInMinutes',
    patch: { minimum: 0, maximum: 1440 },
    source: `${API_REF}, CanaryConfiguration.canaryBakeTimeInMinutes (0 to 1440 minutes)`,
  },
  {
    target: 'DeploymentEarlySuccessCriteria.healthyPercent',
    patch: { minimum: 0, maximum: 100 },
    source: `${API_REF}, DeploymentEarlySuccessCriteria.healthyPercent (an integer between 0 and 100)`,
  },
  {
    target: 'ServiceConnectService.discoveryName',
    patch: { maxLength: 64, pattern: '^[a-z0-9_][a-z0-9_-]*$' },
    source: `${API_REF}, ServiceConnectService.discoveryName (up to 64 lowercase letters, digits, underscores, hyphens; no leading hyphen)`,
  },
  {
    target: 'ServiceConnectService.clientAliases',
    patch: { minItems: 1, maxItems: 1 },
    source: `${API_REF}, ServiceConnectService.clientAliases (exactly one client alias)`,
  },
  {
    target: 'ServiceConnectClientAlias.dnsName',
    patch: { maxLength: 127 },
    source: `${API_REF}, ServiceConnectClientAlias.dnsName (up to 127 characters)`,
  },
  {
    target: 'ServiceManagedEBSVolumeConfiguration.throughput',
    patch: { maximum: 1000 },
    source: `${API_REF}, ServiceManagedEBSVolumeConfiguration.throughput (at most 1,000 MiB/s)`,
  },
  ...each(
    ['CreateServiceRequest.gatewayConnectors', 'UpdateServiceRequest.gatewayConnectors'],
    { maxItems: 1 },
    `${API_REF}, CreateService gatewayConnectors (at most one gateway connector)`,
  ),
  {
    target: 'MetricConfiguration.resolutionSeconds',
    patch: { enum: [20, 60] },
    source: `${API_REF}, MetricConfiguration.resolutionSeconds (20 or 60)`,
  },
  {
    target: 'ThresholdConfiguration.value',
    patch: { minimum: 0 },
    source: `${API_REF}, ThresholdConfiguration.value (a count or percentage of failed tasks)`,
  },
];
