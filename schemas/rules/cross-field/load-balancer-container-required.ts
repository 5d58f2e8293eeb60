import type { RuleReport } from '../rule';
import { crossFieldRule } from './support/define';
import { objectItems } from './support/facts';
import { field, pointer, presence } from './support/values';

export default crossFieldRule({
  id: 'ECS227',
  name: 'load-balancer-container-required',
  defaultSeverity: 'error',
  kinds: ['service', 'update-service', 'ecspresso'],
  messages: {
    missing: 'This load balancer entry lacks {{missing}}: name the container and port that receive the traffic.',
  },
  docs: {
    description: 'Requires containerName and containerPort in every load balancer entry.',
    statement:
      'Whatever the load balancer type, the entry holds the container name as written in the ' +
      'container definition and the container port the load balancer sends traffic to.',
    source: 'CreateService API reference, loadBalancers; LoadBalancer (API reference), containerName',
  },
  check(def) {
    const reports: RuleReport[] = [];
    for (const { item, index } of objectItems(def, 'loadBalancers')) {
      const missing = ['containerName', 'containerPort'].filter((k) => presence(field(item, k)) === 'absent');
      if (missing.length === 0) continue;
      reports.push({
        pointer: pointer('loadBalancers', index),
        target: 'value',
        messageId: 'missing',
        data: { missing: missing.join(' and ') },
      });
    }
    return reports;
  },
  examples: {
    valid: [
      {
        kind: 'ecspresso',
        json: `{
  "desiredCount": 2,
  "launchType": "EC2",
  "loadBalancers": [{ "loadBalancerName": "legacy-web-elb", "containerName": "web", "containerPort": 80 }]
}`,
        yaml: `desiredCount: 2
launchType: EC2
loadBalancers:
  - loadBalancerName: legacy-web-elb
    containerName: web
    containerPort: 80
`,
      },
    ],
    invalid: [
      {
        kind: 'ecspresso',
        json: `{
  "desiredCount": 2,
  "launchType": "EC2",
  "loadBalancers": [⟦{ "loadBalancerName": "legacy-web-elb", "containerPort": 80 }⟧]
}`,
        yaml: `desiredCount: 2
launchType: EC2
loadBalancers:
  - ⟦{ loadBalancerName: legacy-web-elb, containerPort: 80 }⟧
`,
      },
    ],
  },
});
