import { each, EXPRESS_REF, type OverlayEntry } from './entry';
import { SERVICE_NAME } from './developer-guide';

/** Facts from the Express gateway service API references that the model lacks. */
export const expressEntries: OverlayEntry[] = [
  {
    target: 'CreateExpressGatewayServiceRequest.serviceName',
    patch: SERVICE_NAME,
    source: `${EXPRESS_REF}, serviceName (up to 255 letters, numbers, underscores, hyphens)`,
  },
  ...each(
    ['CreateExpressGatewayServiceRequest.healthCheckPath', 'UpdateExpressGatewayServiceRequest.healthCheckPath'],
    { pattern: '^/' },
    `${EXPRESS_REF}, healthCheckPath (starts with a forward slash)`,
  ),
  { target: 'ExpressGatewayScalingTarget.minTaskCount', patch: { minimum: 0 }, source: `${EXPRESS_REF}, scalingTarget.minTaskCount (a number of tasks)` },
  { target: 'ExpressGatewayScalingTarget.maxTaskCount', patch: { minimum: 1 }, source: `${EXPRESS_REF}, scalingTarget.maxTaskCount (a number of tasks)` },
  {
    target: 'ExpressGatewayContainer.containerPort',
    patch: { minimum: 1, maximum: 65535, 'x-ecsdef-default': 80 },
    source: `${EXPRESS_REF}, primaryContainer.containerPort (a TCP port; 80 by default)`,
  },
];
