import type { RuleReport } from '../rule';
import { crossFieldRule } from './support/define';
import { hasAwsvpcConfiguration, objectItems } from './support/facts';
import { field, pointer, presence } from './support/values';

export default crossFieldRule({
  id: 'ECS228',
  name: 'classic-load-balancer-excludes-awsvpc',
  defaultSeverity: 'error',
  kinds: ['service', 'update-service', 'ecspresso'],
  messages: {
    classic:
      'awsvpc tasks (including all Fargate tasks) cannot use a Classic Load Balancer; use a target group of an Application or Network Load Balancer.',
  },
  docs: {
    description: 'Forbids Classic Load Balancers for tasks with an awsvpc network configuration.',
    statement:
      'Services whose tasks use the awsvpc network mode, Fargate ones among them, support only ' +
      'Application and Network Load Balancers (with ip target groups); Classic Load Balancers are ' +
      'not supported.',
    source: 'CreateService API reference, loadBalancers',
  },
  check(def) {
    if (!hasAwsvpcConfiguration(def)) return [];
    const reports: RuleReport[] = [];
    for (const { item, index } of objectItems(def, 'loadBalancers')) {
      if (presence(field(item, 'loadBalancerName')) !== 'present') continue;
      reports.push({ pointer: pointer('loadBalancers', index, 'loadBalancerName'), target: 'key', messageId: 'classic' });
    }
    return reports;
  },
  examples: {
    valid: [
      {
        kind: 'service',
        json: `{
  "serviceName": "legacy-web",
  "taskDefinition": "legacy-web:3",
  "desiredCount": 2,
  "launchType": "EC2",
  "loadBalancers": [{ "loadBalancerName": "legacy-web-elb", "containerName": "web", "containerPort": 80 }]
}`,
        yaml: `serviceName: legacy-web
taskDefinition: legacy-web:3
desiredCount: 2
launchType: EC2
loadBalancers:
  - { loadBalancerName: legacy-web-elb, containerName: web, containerPort: 80 }
`,
      },
    ],
    invalid: [
      {
        kind: 'service',
        json: `{
  "serviceName": "legacy-web",
  "taskDefinition": "legacy-web:3",
  "desiredCount": 2,
  "launchType": "FARGATE",
  "loadBalancers": [{ ⟦"loadBalancerName"⟧: "legacy-web-elb", "containerName": "web", "containerPort": 80 }],
  "networkConfiguration": { "awsvpcConfiguration": { "subnets": ["subnet-0a1b2c3d4e5f60718"] } }
}`,
        yaml: `serviceName: legacy-web
taskDefinition: legacy-web:3
desiredCount: 2
launchType: FARGATE
loadBalancers:
  - { ⟦loadBalancerName⟧: legacy-web-elb, containerName: web, containerPort: 80 }
networkConfiguration:
  awsvpcConfiguration: { subnets: [subnet-0a1b2c3d4e5f60718] }
`,
      },
    ],
  },
});
