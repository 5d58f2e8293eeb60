import { crossFieldRule } from './support/define';
import { field, laterKey, pointer, presence } from './support/values';

export default crossFieldRule({
  id: 'ECS201',
  name: 'launch-type-excludes-capacity-provider-strategy',
  defaultSeverity: 'error',
  kinds: ['service', 'ecspresso'],
  messages: {
    conflict:
      'Choose either launchType or capacityProviderStrategy: a service takes one of them, not both.',
  },
  docs: {
    description: 'Forbids setting a launch type and a capacity provider strategy together.',
    statement:
      'A service runs either on a launch type or on a capacity provider strategy; when one is set ' +
      'the other has to be left out. With neither, the cluster default strategy applies. An empty ' +
      'strategy list counts as not set.',
    source: 'CreateService API reference, launchType and capacityProviderStrategy',
  },
  check(def) {
    const launchType = presence(field(def, 'launchType'));
    if (launchType !== 'present' || presence(field(def, 'capacityProviderStrategy')) !== 'present') {
      return [];
    }
    return [
      {
        pointer: pointer(laterKey(def, 'launchType', 'capacityProviderStrategy')),
        target: 'key',
        messageId: 'conflict',
        fix: { kind: 'remove', pointer: '/launchType', title: 'Remove launchType' },
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
  "desiredCount": 2,
  "capacityProviderStrategy": [{ "capacityProvider": "FARGATE_SPOT", "weight": 1 }],
  "networkConfiguration": { "awsvpcConfiguration": { "subnets": ["subnet-0a1b2c3d4e5f60718"] } }
}`,
        yaml: `serviceName: web
taskDefinition: web:12
desiredCount: 2
capacityProviderStrategy:
  - { capacityProvider: FARGATE_SPOT, weight: 1 }
networkConfiguration:
  awsvpcConfiguration: { subnets: [subnet-0a1b2c3d4e5f60718] }
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
  "launchType": "FARGATE",
  ⟦"capacityProviderStrategy"⟧: [{ "capacityProvider": "FARGATE_SPOT", "weight": 1 }],
  "networkConfiguration": { "awsvpcConfiguration": { "subnets": ["subnet-0a1b2c3d4e5f60718"] } }
}`,
        yaml: `serviceName: web
taskDefinition: web:12
desiredCount: 2
launchType: FARGATE
⟦capacityProviderStrategy⟧:
  - { capacityProvider: FARGATE_SPOT, weight: 1 }
networkConfiguration:
  awsvpcConfiguration: { subnets: [subnet-0a1b2c3d4e5f60718] }
`,
      },
      {
        kind: 'ecspresso',
        json: `{
  "capacityProviderStrategy": [{ "capacityProvider": "FARGATE", "weight": 1 }],
  ⟦"launchType"⟧: "FARGATE",
  "desiredCount": 1,
  "networkConfiguration": { "awsvpcConfiguration": { "subnets": ["subnet-0a1b2c3d4e5f60718"] } }
}`,
        yaml: `capacityProviderStrategy:
  - capacityProvider: FARGATE
    weight: 1
⟦launchType⟧: FARGATE
desiredCount: 1
networkConfiguration:
  awsvpcConfiguration:
    subnets: [subnet-0a1b2c3d4e5f60718]
`,
      },
    ],
  },
});
