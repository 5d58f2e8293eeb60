import { crossFieldRule } from './support/define';
import { controllerType } from './support/facts';
import { anchorForMissing, field, isGiven, presence } from './support/values';

export default crossFieldRule({
  id: 'ECS207',
  name: 'task-definition-required',
  defaultSeverity: 'error',
  kinds: ['service'],
  messages: {
    missing: 'A service with the {{controller}} deployment controller needs a taskDefinition to run.',
  },
  docs: {
    description: 'Requires taskDefinition for services using the ECS or CODE_DEPLOY controller.',
    statement:
      'CreateService needs a task definition when the deployment controller is ECS (the default) ' +
      'or CODE_DEPLOY; only EXTERNAL services may leave it to their task sets. Reported on the ' +
      'controller type when it is written, otherwise on serviceName. The developer guide names ' +
      'only the ECS controller; the API reference adds CODE_DEPLOY and is followed here.',
    source: 'CreateService API reference, taskDefinition',
  },
  check(def, { kind }) {
    const controller = controllerType(def, kind);
    if (controller !== 'ECS' && controller !== 'CODE_DEPLOY') return [];
    if (presence(field(def, 'taskDefinition')) !== 'absent') return [];
    const explicit = isGiven(field(def, 'deploymentController'));
    const at = explicit ? '/deploymentController/type' : anchorForMissing(def, '', ['serviceName']);
    if (at === undefined) return [];
    return [{ pointer: at, target: explicit ? 'value' : 'key', messageId: 'missing', data: { controller } }];
  },
  examples: {
    valid: [
      {
        kind: 'service',
        json: `{
  "serviceName": "web",
  "desiredCount": 2,
  "deploymentController": { "type": "EXTERNAL" }
}`,
        yaml: `serviceName: web
desiredCount: 2
deploymentController: { type: EXTERNAL }
`,
      },
    ],
    invalid: [
      {
        kind: 'service',
        json: `{
  ⟦"serviceName"⟧: "web",
  "desiredCount": 2,
  "launchType": "EC2"
}`,
        yaml: `⟦serviceName⟧: web
desiredCount: 2
launchType: EC2
`,
      },
      {
        kind: 'service',
        json: `{
  "serviceName": "web",
  "desiredCount": 2,
  "launchType": "EC2",
  "loadBalancers": [
    { "targetGroupArn": "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web-blue/0123456789abcdef", "containerName": "web", "containerPort": 80 }
  ],
  "deploymentController": { "type": ⟦"CODE_DEPLOY"⟧ }
}`,
        yaml: `serviceName: web
desiredCount: 2
launchType: EC2
loadBalancers:
  - targetGroupArn: arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web-blue/0123456789abcdef
    containerName: web
    containerPort: 80
deploymentController: { type: ⟦CODE_DEPLOY⟧ }
`,
      },
    ],
  },
});
