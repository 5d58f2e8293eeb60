import { crossFieldRule } from './support/define';
import { roleKey } from './support/facts';
import { field, pointer, presence } from './support/values';

export default crossFieldRule({
  id: 'ECS204',
  name: 'role-requires-single-target-group',
  defaultSeverity: 'error',
  kinds: ['service', 'ecspresso'],
  messages: {
    multiple:
      'A service with {{count}} load balancer entries uses the service-linked role; {{key}} is allowed only with one.',
  },
  docs: {
    description: 'Forbids a load-balancer IAM role when the service attaches several target groups.',
    statement:
      'Naming a role is permitted only for a service with a single load balancer target group; ' +
      'services with multiple target groups need the service-linked role.',
    source: 'Service definition parameters (developer guide), role; CreateService API reference, role',
  },
  check(def, { kind }) {
    const key = roleKey(kind);
    const loadBalancers = field(def, 'loadBalancers');
    if (presence(field(def, key)) !== 'present' || !Array.isArray(loadBalancers)) return [];
    if (loadBalancers.length < 2) return [];
    return [
      {
        pointer: pointer(key),
        target: 'key',
        messageId: 'multiple',
        data: { key, count: loadBalancers.length },
        fix: { kind: 'remove', pointer: pointer(key), title: `Remove ${key}` },
      },
    ];
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
  "role": "arn:aws:iam::123456789012:role/ecsServiceRole",
  "loadBalancers": [{ "loadBalancerName": "legacy-web-elb", "containerName": "web", "containerPort": 80 }]
}`,
        yaml: `serviceName: legacy-web
taskDefinition: legacy-web:3
desiredCount: 2
launchType: EC2
role: arn:aws:iam::123456789012:role/ecsServiceRole
loadBalancers:
  - { loadBalancerName: legacy-web-elb, containerName: web, containerPort: 80 }
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
  ⟦"role"⟧: "arn:aws:iam::123456789012:role/ecsServiceRole",
  "loadBalancers": [
    { "targetGroupArn": "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web-http/0123456789abcdef", "containerName": "web", "containerPort": 80 },
    { "targetGroupArn": "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web-admin/fedcba9876543210", "containerName": "web", "containerPort": 8081 }
  ]
}`,
        yaml: `serviceName: web
taskDefinition: web:12
desiredCount: 2
launchType: EC2
⟦role⟧: arn:aws:iam::123456789012:role/ecsServiceRole
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
  },
});
