import type { RuleReport } from '../rule';
import { crossFieldRule } from './support/define';
import { controllerType, objectItems } from './support/facts';
import { field, pointer, presence } from './support/values';

export default crossFieldRule({
  id: 'ECS229',
  name: 'code-deploy-requires-load-balancer',
  defaultSeverity: 'error',
  kinds: ['service', 'ecspresso'],
  messages: {
    missing: 'Blue/green deployments through CodeDeploy shift traffic at a load balancer; add loadBalancers.',
    classic: 'The CODE_DEPLOY controller works with Application or Network Load Balancers only, not a Classic one.',
  },
  docs: {
    description: 'Requires an Application or Network Load Balancer for the CODE_DEPLOY controller.',
    statement:
      'A service with the CODE_DEPLOY deployment controller has to use an Application Load ' +
      'Balancer or a Network Load Balancer.',
    source: 'CreateService API reference, loadBalancers',
  },
  check(def, { kind }) {
    if (controllerType(def, kind) !== 'CODE_DEPLOY') return [];
    if (presence(field(def, 'loadBalancers')) === 'absent') {
      return [{ pointer: '/deploymentController/type', target: 'value', messageId: 'missing' }];
    }
    const reports: RuleReport[] = [];
    for (const { item, index } of objectItems(def, 'loadBalancers')) {
      if (presence(field(item, 'loadBalancerName')) !== 'present') continue;
      if (presence(field(item, 'targetGroupArn')) !== 'absent') continue;
      reports.push({ pointer: pointer('loadBalancers', index, 'loadBalancerName'), target: 'key', messageId: 'classic' });
    }
    return reports;
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
    { "targetGroupArn": "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web-blue/0123456789abcdef", "containerName": "web", "containerPort": 80 }
  ],
  "deploymentController": { "type": "CODE_DEPLOY" }
}`,
        yaml: `serviceName: web
taskDefinition: web:12
desiredCount: 2
launchType: EC2
loadBalancers:
  - targetGroupArn: arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web-blue/0123456789abcdef
    containerName: web
    containerPort: 80
deploymentController: { type: CODE_DEPLOY }
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
  "deploymentController": { "type": ⟦"CODE_DEPLOY"⟧ }
}`,
        yaml: `serviceName: web
taskDefinition: web:12
desiredCount: 2
launchType: EC2
deploymentController: { type: ⟦CODE_DEPLOY⟧ }
`,
      },
      {
        kind: 'ecspresso',
        json: `{
  "desiredCount": 2,
  "launchType": "EC2",
  "loadBalancers": [{ ⟦"loadBalancerName"⟧: "legacy-web-elb", "containerName": "web", "containerPort": 80 }],
  "deploymentController": { "type": "CODE_DEPLOY" }
}`,
        yaml: `desiredCount: 2
launchType: EC2
loadBalancers:
  - { ⟦loadBalancerName⟧: legacy-web-elb, containerName: web, containerPort: 80 }
deploymentController: { type: CODE_DEPLOY }
`,
      },
    ],
  },
});
