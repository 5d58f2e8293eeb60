import type { RuleReport } from '../rule';
import { crossFieldRule } from './support/define';
import { objectItems } from './support/facts';
import { field, laterKey, pointer, presence } from './support/values';

export default crossFieldRule({
  id: 'ECS226',
  name: 'load-balancer-target-group-or-name',
  defaultSeverity: 'error',
  kinds: ['service', 'update-service', 'ecspresso'],
  messages: {
    both:
      'Give targetGroupArn (Application or Network Load Balancer) or loadBalancerName (Classic Load Balancer), not both.',
    neither: 'This load balancer entry needs a targetGroupArn or, for a Classic Load Balancer, a loadBalancerName.',
  },
  docs: {
    description: 'Requires exactly one of targetGroupArn and loadBalancerName per load balancer entry.',
    statement:
      'An Application or Network Load Balancer entry names its target group ARN and omits the ' +
      'load balancer name; a Classic Load Balancer entry names the load balancer and omits the ' +
      'target group ARN. An entry with neither attaches nothing.',
    source: 'CreateService API reference, loadBalancers; LoadBalancer (API reference), loadBalancerName',
  },
  check(def) {
    const reports: RuleReport[] = [];
    for (const { item, index } of objectItems(def, 'loadBalancers')) {
      const group = presence(field(item, 'targetGroupArn'));
      const name = presence(field(item, 'loadBalancerName'));
      if (group === 'present' && name === 'present') {
        reports.push({
          pointer: pointer('loadBalancers', index, laterKey(item, 'targetGroupArn', 'loadBalancerName')),
          target: 'key',
          messageId: 'both',
          fix: {
            kind: 'remove',
            pointer: pointer('loadBalancers', index, 'loadBalancerName'),
            title: 'Remove loadBalancerName (keep the target group)',
          },
        });
      } else if (group === 'absent' && name === 'absent') {
        reports.push({ pointer: pointer('loadBalancers', index), target: 'value', messageId: 'neither' });
      }
    }
    return reports;
  },
  examples: {
    valid: [
      {
        kind: 'update-service',
        json: `{
  "service": "web",
  "loadBalancers": [
    {
      "targetGroupArn": "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123456789abcdef",
      "containerName": "web",
      "containerPort": 8080
    }
  ]
}`,
        yaml: `service: web
loadBalancers:
  - targetGroupArn: arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123456789abcdef
    containerName: web
    containerPort: 8080
`,
      },
    ],
    invalid: [
      {
        kind: 'update-service',
        json: `{
  "service": "web",
  "loadBalancers": [
    {
      "targetGroupArn": "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123456789abcdef",
      ⟦"loadBalancerName"⟧: "web-alb",
      "containerName": "web",
      "containerPort": 8080
    }
  ]
}`,
        yaml: `service: web
loadBalancers:
  - targetGroupArn: arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123456789abcdef
    ⟦loadBalancerName⟧: web-alb
    containerName: web
    containerPort: 8080
`,
      },
      {
        kind: 'update-service',
        json: `{
  "service": "web",
  "loadBalancers": [⟦{ "containerName": "web", "containerPort": 8080 }⟧]
}`,
        yaml: `service: web
loadBalancers:
  - ⟦{ containerName: web, containerPort: 8080 }⟧
`,
      },
    ],
  },
});
