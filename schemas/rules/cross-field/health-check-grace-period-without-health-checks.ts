import { crossFieldRule } from './support/define';
import { field, num, presence } from './support/values';

export default crossFieldRule({
  id: 'ECS233',
  name: 'health-check-grace-period-without-health-checks',
  defaultSeverity: 'info',
  kinds: ['service', 'ecspresso'],
  messages: {
    unused:
      'No load balancer or VPC Lattice target is configured; the grace period only matters if the task definition has container health checks.',
  },
  docs: {
    description: 'Notes a health check grace period on a service without load balancer or VPC Lattice checks.',
    statement:
      'The grace period suspends Elastic Load Balancing, VPC Lattice and container health checks ' +
      'after a task starts and is unused when none of them applies. The developer guide says it ' +
      'is valid only with a load balancer; the API reference also counts VPC Lattice and container ' +
      'health checks (set in the task definition, invisible here), so this is only a hint.',
    source: 'CreateService API reference, healthCheckGracePeriodSeconds',
  },
  check(def) {
    const seconds = num(field(def, 'healthCheckGracePeriodSeconds'));
    if (seconds === undefined || seconds <= 0) return [];
    if (presence(field(def, 'loadBalancers')) !== 'absent') return [];
    if (presence(field(def, 'vpcLatticeConfigurations')) !== 'absent') return [];
    return [{ pointer: '/healthCheckGracePeriodSeconds', target: 'key', messageId: 'unused' }];
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
    { "targetGroupArn": "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/api/0123456789abcdef", "containerName": "api", "containerPort": 8080 }
  ],
  "healthCheckGracePeriodSeconds": 60,
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
healthCheckGracePeriodSeconds: 60
networkConfiguration:
  awsvpcConfiguration: { subnets: [subnet-0a1b2c3d4e5f60718] }
`,
      },
    ],
    invalid: [
      {
        kind: 'ecspresso',
        json: `{
  "desiredCount": 2,
  "launchType": "EC2",
  ⟦"healthCheckGracePeriodSeconds"⟧: 120
}`,
        yaml: `desiredCount: 2
launchType: EC2
⟦healthCheckGracePeriodSeconds⟧: 120
`,
      },
    ],
  },
});
