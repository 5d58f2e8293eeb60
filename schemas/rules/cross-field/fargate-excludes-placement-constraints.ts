import { crossFieldRule } from './support/define';
import { runsOnFargate } from './support/facts';
import { field, presence } from './support/values';

export default crossFieldRule({
  id: 'ECS221',
  name: 'fargate-excludes-placement-constraints',
  defaultSeverity: 'error',
  kinds: ['service', 'update-service', 'ecspresso'],
  messages: {
    fargate: 'Fargate chooses where tasks run; placementConstraints are not supported there.',
  },
  docs: {
    description: 'Forbids task placement constraints on Fargate.',
    statement:
      'Task placement constraints are not supported with the Fargate launch type. Fargate is ' +
      'recognised by launchType FARGATE or by a strategy made only of FARGATE and FARGATE_SPOT.',
    source: 'Service definition parameters (developer guide), placementConstraints',
  },
  check(def) {
    if (runsOnFargate(def) !== true || presence(field(def, 'placementConstraints')) !== 'present') return [];
    return [
      {
        pointer: '/placementConstraints',
        target: 'key',
        messageId: 'fargate',
        fix: { kind: 'remove', pointer: '/placementConstraints', title: 'Remove placementConstraints' },
      },
    ];
  },
  examples: {
    valid: [
      {
        kind: 'service',
        json: `{
  "serviceName": "web",
  "taskDefinition": "web:12",
  "desiredCount": 3,
  "launchType": "EC2",
  "placementConstraints": [{ "type": "distinctInstance" }]
}`,
        yaml: `serviceName: web
taskDefinition: web:12
desiredCount: 3
launchType: EC2
placementConstraints:
  - type: distinctInstance
`,
      },
    ],
    invalid: [
      {
        kind: 'service',
        json: `{
  "serviceName": "web",
  "taskDefinition": "web:12",
  "desiredCount": 3,
  "launchType": "FARGATE",
  ⟦"placementConstraints"⟧: [{ "type": "distinctInstance" }],
  "networkConfiguration": { "awsvpcConfiguration": { "subnets": ["subnet-0a1b2c3d4e5f60718"] } }
}`,
        yaml: `serviceName: web
taskDefinition: web:12
desiredCount: 3
launchType: FARGATE
⟦placementConstraints⟧:
  - type: distinctInstance
networkConfiguration:
  awsvpcConfiguration: { subnets: [subnet-0a1b2c3d4e5f60718] }
`,
      },
    ],
  },
});
