import { crossFieldRule } from './support/define';
import { hasAwsvpcConfiguration, roleKey } from './support/facts';
import { field, laterKey, pointer, presence } from './support/values';

export default crossFieldRule({
  id: 'ECS203',
  name: 'role-excludes-awsvpc',
  defaultSeverity: 'error',
  kinds: ['service', 'ecspresso'],
  messages: {
    awsvpc:
      'Tasks with an awsvpc network configuration use the ECS service-linked role; leave out {{key}}.',
  },
  docs: {
    description: 'Forbids a load-balancer IAM role on a service whose tasks use awsvpc networking.',
    statement:
      'A role may be named only when the task definition does not use the awsvpc network mode; ' +
      'awsvpc tasks rely on the service-linked role instead. Only awsvpc tasks take a network ' +
      'configuration, so its presence marks the mode.',
    source: 'CreateService API reference, role',
  },
  check(def, { kind }) {
    const key = roleKey(kind);
    if (presence(field(def, key)) !== 'present' || !hasAwsvpcConfiguration(def)) return [];
    return [
      {
        pointer: pointer(laterKey(def, key, 'networkConfiguration')),
        target: 'key',
        messageId: 'awsvpc',
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
  "serviceName": "api",
  "taskDefinition": "api:4",
  "desiredCount": 2,
  "launchType": "FARGATE",
  "loadBalancers": [
    {
      "targetGroupArn": "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/api/0123456789abcdef",
      "containerName": "api",
      "containerPort": 8080
    }
  ],
  "networkConfiguration": { "awsvpcConfiguration": { "subnets": ["subnet-0a1b2c3d4e5f60718"] } }
}`,
        yaml: `serviceName: api
taskDefinition: api:4
desiredCount: 2
launchType: FARGATE
loadBalancers:
  - targetGroupArn: arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/api/0123456789abcdef
    containerName: api
    containerPort: 8080
networkConfiguration:
  awsvpcConfiguration: { subnets: [subnet-0a1b2c3d4e5f60718] }
`,
      },
    ],
    invalid: [
      {
        kind: 'service',
        json: `{
  "serviceName": "api",
  "taskDefinition": "api:4",
  "desiredCount": 2,
  "launchType": "FARGATE",
  "loadBalancers": [
    {
      "targetGroupArn": "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/api/0123456789abcdef",
      "containerName": "api",
      "containerPort": 8080
    }
  ],
  "networkConfiguration": { "awsvpcConfiguration": { "subnets": ["subnet-0a1b2c3d4e5f60718"] } },
  ⟦"role"⟧: "ecsServiceRole"
}`,
        yaml: `serviceName: api
taskDefinition: api:4
desiredCount: 2
launchType: FARGATE
loadBalancers:
  - targetGroupArn: arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/api/0123456789abcdef
    containerName: api
    containerPort: 8080
networkConfiguration:
  awsvpcConfiguration: { subnets: [subnet-0a1b2c3d4e5f60718] }
⟦role⟧: ecsServiceRole
`,
      },
    ],
  },
});
