import { crossFieldRule } from './support/define';
import { roleKey } from './support/facts';
import { field, pointer, presence } from './support/values';

export default crossFieldRule({
  id: 'ECS202',
  name: 'role-requires-load-balancers',
  defaultSeverity: 'error',
  kinds: ['service', 'ecspresso'],
  messages: {
    noLoadBalancer:
      'The {{key}} is the IAM role ECS uses to register tasks with a load balancer; add loadBalancers or drop the role.',
  },
  docs: {
    description: 'Requires loadBalancers whenever a load-balancer IAM role is given.',
    statement:
      'The service role only lets ECS call the load balancer for you, so a service that names it ' +
      'must also list at least one load balancer.',
    source: 'CreateService API reference, role',
  },
  check(def, { kind }) {
    const key = roleKey(kind);
    if (presence(field(def, key)) !== 'present') return [];
    if (presence(field(def, 'loadBalancers')) !== 'absent') return [];
    return [
      {
        pointer: pointer(key),
        target: 'key',
        messageId: 'noLoadBalancer',
        data: { key },
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
  "serviceName": "worker",
  "taskDefinition": "worker:7",
  "desiredCount": 1,
  "launchType": "EC2",
  ⟦"role"⟧: "arn:aws:iam::123456789012:role/ecsServiceRole"
}`,
        yaml: `serviceName: worker
taskDefinition: worker:7
desiredCount: 1
launchType: EC2
⟦role⟧: arn:aws:iam::123456789012:role/ecsServiceRole
`,
      },
    ],
  },
});
