import { DEV_GUIDE, each, type OverlayEntry } from './entry';

const SERVICE_NAME = { minLength: 1, maxLength: 255, pattern: '^[A-Za-z0-9_-]+$' };

/** Facts stated in the "Service definition parameters" page of the developer guide. */
export const developerGuideEntries: OverlayEntry[] = [
  {
    target: 'CreateServiceRequest.serviceName',
    patch: SERVICE_NAME,
    source: `${DEV_GUIDE}, serviceName (up to 255 letters, numbers, hyphens, underscores)`,
  },
  // No `x-ecsdef-default` for launchType: with neither a launch type nor a capacity provider
  // strategy, the cluster's default capacity provider strategy applies (EC2 only for a cluster
  // without one). `x-ecsdef-default` holds unconditional API defaults only (hover states it as
  // "Default:"); conditional ones stay in the description text.
  {
    target: 'CapacityProviderStrategyItem.weight',
    patch: { minimum: 0, maximum: 1000 },
    source: `${DEV_GUIDE}, capacityProviderStrategy.weight (integers between 0 and 1,000)`,
  },
  {
    target: 'CapacityProviderStrategyItem.base',
    patch: { minimum: 0, maximum: 100000 },
    source: `${DEV_GUIDE}, capacityProviderStrategy.base (integers between 0 and 100,000)`,
  },
  {
    target: 'DeploymentConfiguration.maximumPercent',
    patch: { minimum: 0 },
    source: `${DEV_GUIDE}, deploymentConfiguration.maximumPercent (a percentage of desiredCount)`,
    note: 'The 200% default holds for the REPLICA scheduler only (the description says so); no unconditional default is stated.',
  },
  {
    target: 'DeploymentConfiguration.minimumHealthyPercent',
    patch: { minimum: 0, maximum: 100 },
    source: `${DEV_GUIDE}, deploymentConfiguration.minimumHealthyPercent (a lower limit as a percentage of desiredCount)`,
    note: 'The default is 100% for REPLICA and 0% for DAEMON (the description says so); no unconditional default is stated.',
  },
  {
    target: 'PlacementStrategy.field',
    patch: { examples: ['instanceId', 'host', 'attribute:ecs.availability-zone', 'cpu', 'memory'] },
    source: `${DEV_GUIDE}, placementStrategy.field (spread: instanceId, host or an attribute; binpack: cpu or memory; random: unused)`,
  },
  {
    target: 'AwsVpcConfiguration.subnets',
    patch: { maxItems: 16 },
    source: `${DEV_GUIDE}, networkConfiguration.awsvpcConfiguration.subnets (limit of 16)`,
  },
  {
    target: 'AwsVpcConfiguration.securityGroups',
    patch: { maxItems: 5 },
    source: `${DEV_GUIDE}, networkConfiguration.awsvpcConfiguration.securityGroups (limit of five)`,
  },
  {
    target: 'AwsVpcConfiguration.assignPublicIp',
    patch: { 'x-ecsdef-default': 'DISABLED' },
    source: `${DEV_GUIDE}, networkConfiguration.awsvpcConfiguration.assignPublicIP (DISABLED by default)`,
    note: 'The guide spells it assignPublicIP; the API member is assignPublicIp.',
  },
  ...each(
    ['CreateServiceRequest.loadBalancers', 'UpdateServiceRequest.loadBalancers'],
    { maxItems: 5 },
    `${DEV_GUIDE}, loadBalancers (limit of five target groups per service)`,
  ),
  ...each(
    ['CreateServiceRequest.tags', 'CreateExpressGatewayServiceRequest.tags'],
    { maxItems: 50 },
    `${DEV_GUIDE}, tags (a maximum of 50 tags)`,
  ),
  { target: 'Tag.key', patch: { minLength: 1, maxLength: 128 }, source: `${DEV_GUIDE}, tags.key (length 1 to 128)` },
  { target: 'Tag.value', patch: { minLength: 0, maxLength: 256 }, source: `${DEV_GUIDE}, tags.value (length 0 to 256)` },
  {
    target: 'CreateServiceRequest.platformFamily',
    patch: {
      type: 'string',
      enum: ['LINUX', 'WINDOWS_SERVER_2019_FULL', 'WINDOWS_SERVER_2019_CORE', 'WINDOWS_SERVER_2022_FULL', 'WINDOWS_SERVER_2022_CORE'],
      'x-ecsdef-not-in-api': true,
    },
    source: `${DEV_GUIDE}, platformFamily`,
    note: 'Listed in the guide and its template, but CreateService has no such parameter: accepted with a warning.',
  },
];

export { SERVICE_NAME };
