import { crossFieldRule } from './support/define';
import { strategyItems } from './support/facts';
import { field, isGiven, num } from './support/values';

export default crossFieldRule({
  id: 'ECS214',
  name: 'capacity-provider-strategy-needs-weight',
  defaultSeverity: 'error',
  kinds: ['service', 'update-service', 'ecspresso'],
  messages: {
    allZero:
      'With several capacity providers at least one needs a weight above 0; otherwise no task can be placed.',
  },
  docs: {
    description: 'Requires a positive weight somewhere in a multi-provider strategy.',
    statement:
      'When a strategy lists more than one capacity provider, at least one of them needs a weight ' +
      'greater than zero (an omitted weight is 0); providers weighted 0 place no tasks, and a ' +
      'strategy whose providers all weigh 0 makes CreateService fail.',
    source: 'CapacityProviderStrategyItem (API reference), weight',
  },
  check(def) {
    const items = strategyItems(def);
    const strategy = field(def, 'capacityProviderStrategy');
    if (items.length < 2 || !Array.isArray(strategy) || items.length !== strategy.length) return [];
    const weights = items.map(({ item }) => field(item, 'weight'));
    if (weights.some((w) => isGiven(w) && num(w) === undefined)) return [];
    if (weights.some((w) => (num(w) ?? 0) > 0)) return [];
    return [{ pointer: '/capacityProviderStrategy', target: 'key', messageId: 'allZero' }];
  },
  examples: {
    valid: [
      {
        kind: 'service',
        json: `{
  "serviceName": "web",
  "taskDefinition": "web:12",
  "desiredCount": 4,
  "capacityProviderStrategy": [
    { "capacityProvider": "FARGATE", "base": 1 },
    { "capacityProvider": "FARGATE_SPOT", "weight": 1 }
  ],
  "networkConfiguration": { "awsvpcConfiguration": { "subnets": ["subnet-0a1b2c3d4e5f60718"] } }
}`,
        yaml: `serviceName: web
taskDefinition: web:12
desiredCount: 4
capacityProviderStrategy:
  - { capacityProvider: FARGATE, base: 1 }
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
  "desiredCount": 4,
  ⟦"capacityProviderStrategy"⟧: [
    { "capacityProvider": "FARGATE", "base": 1, "weight": 0 },
    { "capacityProvider": "FARGATE_SPOT" }
  ],
  "networkConfiguration": { "awsvpcConfiguration": { "subnets": ["subnet-0a1b2c3d4e5f60718"] } }
}`,
        yaml: `serviceName: web
taskDefinition: web:12
desiredCount: 4
⟦capacityProviderStrategy⟧:
  - { capacityProvider: FARGATE, base: 1, weight: 0 }
  - { capacityProvider: FARGATE_SPOT }
networkConfiguration:
  awsvpcConfiguration: { subnets: [subnet-0a1b2c3d4e5f60718] }
`,
      },
    ],
  },
});
