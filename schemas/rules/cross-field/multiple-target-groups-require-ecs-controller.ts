import { crossFieldRule } from './support/define';
import { controllerType, isNonRollingController } from './support/facts';
import { field, isPlaceholder, pointer } from './support/values';

export default crossFieldRule({
  id: 'ECS230',
  name: 'multiple-target-groups-require-ecs-controller',
  defaultSeverity: 'error',
  kinds: ['service', 'update-service', 'ecspresso'],
  messages: {
    multiple: 'The {{controller}} deployment controller supports one target group per service; remove the extra entries.',
  },
  docs: {
    description: 'Allows several load balancer entries only with the rolling ECS controller.',
    statement:
      'Only services using the ECS deployment controller may register multiple target groups; ' +
      'blue/green (CODE_DEPLOY) and EXTERNAL deployments support a single one (CodeDeploy keeps ' +
      'its second target group in the deployment group, not in the service).',
    source: 'UpdateService API reference, loadBalancers; LoadBalancer (API reference), targetGroupArn',
  },
  check(def, { kind }) {
    const controller = controllerType(def, kind);
    const loadBalancers = field(def, 'loadBalancers');
    if (!isNonRollingController(controller) || !Array.isArray(loadBalancers) || loadBalancers.length < 2) return [];
    const extra = loadBalancers.findIndex((entry, index) => index > 0 && !isPlaceholder(entry));
    if (extra < 0) return [];
    return [
      { pointer: pointer('loadBalancers', extra), target: 'value', messageId: 'multiple', data: { controller: controller as string } },
    ];
  },
  examples: {
    valid: [
      {
        kind: 'service',
        json: `{
  "serviceName": "web",
  "taskDefinition": "web:12",
  "desiredCount": 2,
  "launchType": "EC2",
  "loadBalancers": [
    { "targetGroupArn": "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web-http/0123456789abcdef", "containerName": "web", "containerPort": 80 },
    { "targetGroupArn": "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web-admin/fedcba9876543210", "containerName": "web", "containerPort": 8081 }
  ]
}`,
        yaml: `serviceName: web
taskDefinition: web:12
desiredCount: 2
launchType: EC2
loadBalancers:
  - targetGroupArn: arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web-http/0123456789abcdef
    containerName: web
    containerPort: 80
  - targetGroupArn: arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web-admin/fedcba9876543210
    containerName: web
    containerPort: 8081
`,
      },
    ],
    invalid: [
      {
        kind: 'service',
        json: `{
  "serviceName": "web",
  "taskDefinition": "web:12",
  "desiredCount": 2,
  "launchType": "EC2",
  "deploymentController": { "type": "CODE_DEPLOY" },
  "loadBalancers": [
    { "targetGroupArn": "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web-http/0123456789abcdef", "containerName": "web", "containerPort": 80 },
    ⟦{ "targetGroupArn": "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web-admin/fedcba9876543210", "containerName": "web", "containerPort": 8081 }⟧
  ]
}`,
        yaml: `serviceName: web
taskDefinition: web:12
desiredCount: 2
launchType: EC2
deploymentController: { type: CODE_DEPLOY }
loadBalancers:
  - { targetGroupArn: "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web-http/0123456789abcdef", containerName: web, containerPort: 80 }
  - ⟦{ targetGroupArn: "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web-admin/fedcba9876543210", containerName: web, containerPort: 8081 }⟧
`,
      },
    ],
  },
});
