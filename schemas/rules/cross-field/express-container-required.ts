import { crossFieldRule } from './support/define';
import { anchorForMissing, field, presence } from './support/values';

export default crossFieldRule({
  id: 'ECS253',
  name: 'express-container-required',
  defaultSeverity: 'error',
  kinds: ['express-service'],
  messages: {
    missing: 'An Express service needs primaryContainer (at least its image) or taskDefinitionArn to run.',
  },
  docs: {
    description: 'Requires the container an Express service runs: primaryContainer or taskDefinitionArn.',
    statement:
      'CreateExpressGatewayService starts its tasks either from the primary container settings ' +
      '(the image at minimum) or from a task definition you supply with taskDefinitionArn; a ' +
      'definition with neither gives the service nothing to run. Reported on serviceName, else ' +
      'on the first key. UpdateExpressGatewayService requests may leave both out (they keep the ' +
      'running container), so the rule checks service definitions only.',
    source: 'CreateExpressGatewayService API reference, primaryContainer and taskDefinitionArn',
  },
  check(def) {
    if (presence(field(def, 'primaryContainer')) !== 'absent' || presence(field(def, 'taskDefinitionArn')) !== 'absent') return [];
    const at = anchorForMissing(def, '', ['serviceName', 'infrastructureRoleArn']);
    if (at === undefined) return [];
    return [{ pointer: at, target: 'key', messageId: 'missing' }];
  },
  examples: {
    valid: [
      {
        kind: 'express-service',
        json: `{
  "serviceName": "storefront",
  "infrastructureRoleArn": "arn:aws:iam::123456789012:role/ecsInfrastructureRoleForExpressServices",
  "primaryContainer": { "image": "public.ecr.aws/nginx/nginx:1.27" }
}`,
        yaml: `serviceName: storefront
infrastructureRoleArn: arn:aws:iam::123456789012:role/ecsInfrastructureRoleForExpressServices
primaryContainer:
  image: public.ecr.aws/nginx/nginx:1.27
`,
      },
    ],
    invalid: [
      {
        kind: 'express-service',
        json: `{
  ⟦"serviceName"⟧: "storefront",
  "infrastructureRoleArn": "arn:aws:iam::123456789012:role/ecsInfrastructureRoleForExpressServices",
  "cpu": "512"
}`,
        yaml: `⟦serviceName⟧: storefront
infrastructureRoleArn: arn:aws:iam::123456789012:role/ecsInfrastructureRoleForExpressServices
cpu: "512"
`,
      },
    ],
  },
});
