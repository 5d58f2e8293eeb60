import type { RuleReport } from '../rule';
import { crossFieldRule } from './support/define';
import { field, pointer, presence } from './support/values';

const EXCLUDED = ['primaryContainer', 'executionRoleArn', 'taskRoleArn', 'cpu', 'memory', 'cpuArchitecture'];

export default crossFieldRule({
  id: 'ECS251',
  name: 'express-task-definition-exclusive',
  defaultSeverity: 'error',
  kinds: ['express-service', 'express-update'],
  messages: {
    excluded: 'With taskDefinitionArn the task definition supplies {{key}}; remove it here.',
  },
  docs: {
    description: 'Keeps task-level settings out of an Express service that brings its own task definition.',
    statement:
      'An Express gateway service given a taskDefinitionArn cannot also specify primaryContainer, ' +
      'executionRoleArn, taskRoleArn, cpu, memory or cpuArchitecture. The UpdateExpressGatewayService ' +
      'page of the seeds lists five of them; the current API reference adds cpuArchitecture. Each ' +
      'excluded key present is reported.',
    source:
      'CreateExpressGatewayService and UpdateExpressGatewayService API reference, taskDefinitionArn',
  },
  check(def) {
    if (presence(field(def, 'taskDefinitionArn')) !== 'present') return [];
    const reports: RuleReport[] = [];
    for (const key of EXCLUDED) {
      if (presence(field(def, key)) !== 'present') continue;
      reports.push({
        pointer: pointer(key),
        target: 'key',
        messageId: 'excluded',
        data: { key },
        fix: { kind: 'remove', pointer: pointer(key), title: `Remove ${key}` },
      });
    }
    return reports;
  },
  examples: {
    valid: [
      {
        kind: 'express-service',
        json: `{
  "serviceName": "storefront",
  "infrastructureRoleArn": "arn:aws:iam::123456789012:role/ecsInfrastructureRoleForExpressServices",
  "taskDefinitionArn": "arn:aws:ecs:us-east-1:123456789012:task-definition/storefront:3",
  "healthCheckPath": "/health"
}`,
        yaml: `serviceName: storefront
infrastructureRoleArn: arn:aws:iam::123456789012:role/ecsInfrastructureRoleForExpressServices
taskDefinitionArn: arn:aws:ecs:us-east-1:123456789012:task-definition/storefront:3
healthCheckPath: /health
`,
      },
    ],
    invalid: [
      {
        kind: 'express-service',
        json: `{
  "serviceName": "storefront",
  "infrastructureRoleArn": "arn:aws:iam::123456789012:role/ecsInfrastructureRoleForExpressServices",
  "taskDefinitionArn": "arn:aws:ecs:us-east-1:123456789012:task-definition/storefront:3",
  ⟦"cpu"⟧: "512"
}`,
        yaml: `serviceName: storefront
infrastructureRoleArn: arn:aws:iam::123456789012:role/ecsInfrastructureRoleForExpressServices
taskDefinitionArn: arn:aws:ecs:us-east-1:123456789012:task-definition/storefront:3
⟦cpu⟧: "512"
`,
      },
      {
        kind: 'express-update',
        json: `{
  "serviceArn": "arn:aws:ecs:us-east-1:123456789012:service/default/storefront",
  ⟦"primaryContainer"⟧: { "image": "123456789012.dkr.ecr.us-east-1.amazonaws.com/storefront:2.1.0", "containerPort": 8080 },
  "taskDefinitionArn": "arn:aws:ecs:us-east-1:123456789012:task-definition/storefront:4"
}`,
        yaml: `serviceArn: arn:aws:ecs:us-east-1:123456789012:service/default/storefront
⟦primaryContainer⟧:
  image: 123456789012.dkr.ecr.us-east-1.amazonaws.com/storefront:2.1.0
  containerPort: 8080
taskDefinitionArn: arn:aws:ecs:us-east-1:123456789012:task-definition/storefront:4
`,
      },
    ],
  },
});
