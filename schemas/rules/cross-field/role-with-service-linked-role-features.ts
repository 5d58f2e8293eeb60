import type { RuleReport } from '../rule';
import { crossFieldRule } from './support/define';
import { controllerType, roleKey } from './support/facts';
import { field, pointer, presence } from './support/values';

export default crossFieldRule({
  id: 'ECS205',
  name: 'role-with-service-linked-role-features',
  defaultSeverity: 'warning',
  kinds: ['service', 'ecspresso'],
  messages: {
    serviceDiscovery:
      'Services registered for service discovery run with the service-linked role; leave out {{key}}.',
    external:
      'Services with the EXTERNAL deployment controller run with the service-linked role; leave out {{key}}.',
  },
  docs: {
    description: 'Flags a load-balancer IAM role on services that must use the service-linked role.',
    statement:
      'The service-linked role is required, and no role is specified, when the service uses ' +
      'service discovery or an external deployment controller (as with awsvpc tasks and multiple ' +
      'target groups, which have rules of their own).',
    source: 'CreateService API reference, role',
  },
  check(def, { kind }) {
    const key = roleKey(kind);
    if (presence(field(def, key)) !== 'present') return [];
    const fix = { kind: 'remove' as const, pointer: pointer(key), title: `Remove ${key}` };
    const reports: RuleReport[] = [];
    if (presence(field(def, 'serviceRegistries')) === 'present') {
      reports.push({ pointer: pointer(key), target: 'key', messageId: 'serviceDiscovery', data: { key }, fix });
    }
    if (controllerType(def, kind) === 'EXTERNAL') {
      reports.push({ pointer: pointer(key), target: 'key', messageId: 'external', data: { key }, fix });
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
  "role": "arn:aws:iam::123456789012:role/ecsServiceRole",
  "loadBalancers": [{ "loadBalancerName": "legacy-web-elb", "containerName": "web", "containerPort": 80 }],
  "serviceRegistries": []
}`,
        yaml: `serviceName: legacy-web
taskDefinition: legacy-web:3
desiredCount: 2
launchType: EC2
role: arn:aws:iam::123456789012:role/ecsServiceRole
loadBalancers:
  - { loadBalancerName: legacy-web-elb, containerName: web, containerPort: 80 }
serviceRegistries: []
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
  "launchType": "EC2",
  ⟦"role"⟧: "arn:aws:iam::123456789012:role/ecsServiceRole",
  "loadBalancers": [{ "loadBalancerName": "legacy-web-elb", "containerName": "web", "containerPort": 80 }],
  "serviceRegistries": [
    { "registryArn": "arn:aws:servicediscovery:us-east-1:123456789012:service/srv-0123456789abcdef0", "containerName": "web", "containerPort": 80 }
  ]
}`,
        yaml: `serviceName: legacy-web
taskDefinition: legacy-web:3
desiredCount: 2
launchType: EC2
⟦role⟧: arn:aws:iam::123456789012:role/ecsServiceRole
loadBalancers:
  - { loadBalancerName: legacy-web-elb, containerName: web, containerPort: 80 }
serviceRegistries:
  - registryArn: arn:aws:servicediscovery:us-east-1:123456789012:service/srv-0123456789abcdef0
    containerName: web
    containerPort: 80
`,
      },
    ],
  },
});
