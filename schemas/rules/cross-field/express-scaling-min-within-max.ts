import { crossFieldRule } from './support/define';
import { field, isRecord, laterKey, num, pointer } from './support/values';

export default crossFieldRule({
  id: 'ECS252',
  name: 'express-scaling-min-within-max',
  defaultSeverity: 'error',
  kinds: ['express-service', 'express-update'],
  messages: {
    inverted: 'minTaskCount ({{minimum}}) is above maxTaskCount ({{maximum}}).',
  },
  docs: {
    description: 'Keeps the Express scaling minimum at or below the maximum.',
    statement:
      'The scaling target bounds the task count between minTaskCount and maxTaskCount; a minimum ' +
      'above the maximum leaves no valid count.',
    source: 'ExpressGatewayScalingTarget (API reference), minTaskCount and maxTaskCount',
  },
  check(def) {
    const target = field(def, 'scalingTarget');
    if (!isRecord(target)) return [];
    const minimum = num(field(target, 'minTaskCount'));
    const maximum = num(field(target, 'maxTaskCount'));
    if (minimum === undefined || maximum === undefined || minimum <= maximum) return [];
    return [
      {
        pointer: pointer('scalingTarget', laterKey(target, 'minTaskCount', 'maxTaskCount')),
        target: 'value',
        messageId: 'inverted',
        data: { minimum, maximum },
      },
    ];
  },
  examples: {
    valid: [
      {
        kind: 'express-update',
        json: `{
  "serviceArn": "arn:aws:ecs:us-east-1:123456789012:service/default/storefront",
  "scalingTarget": { "minTaskCount": 2, "maxTaskCount": 10, "autoScalingMetric": "AVERAGE_CPU", "autoScalingTargetValue": 60 }
}`,
        yaml: `serviceArn: arn:aws:ecs:us-east-1:123456789012:service/default/storefront
scalingTarget: { minTaskCount: 2, maxTaskCount: 10, autoScalingMetric: AVERAGE_CPU, autoScalingTargetValue: 60 }
`,
      },
    ],
    invalid: [
      {
        kind: 'express-service',
        json: `{
  "serviceName": "storefront",
  "infrastructureRoleArn": "arn:aws:iam::123456789012:role/ecsInfrastructureRoleForExpressServices",
  "primaryContainer": { "image": "public.ecr.aws/nginx/nginx:1.27" },
  "scalingTarget": { "minTaskCount": 5, "maxTaskCount": ⟦2⟧ }
}`,
        yaml: `serviceName: storefront
infrastructureRoleArn: arn:aws:iam::123456789012:role/ecsInfrastructureRoleForExpressServices
primaryContainer:
  image: public.ecr.aws/nginx/nginx:1.27
scalingTarget:
  minTaskCount: 5
  maxTaskCount: ⟦2⟧
`,
      },
    ],
  },
});
