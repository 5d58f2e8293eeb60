import type { RuleReport } from '../rule';
import { crossFieldRule } from './support/define';
import { strategyItems } from './support/facts';
import { field, num, pointer, text } from './support/values';

export default crossFieldRule({
  id: 'ECS213',
  name: 'capacity-provider-single-base',
  defaultSeverity: 'error',
  kinds: ['service', 'update-service', 'ecspresso'],
  messages: {
    second: 'Only one capacity provider may set a base; {{first}} already does.',
  },
  docs: {
    description: 'Allows a base on at most one capacity provider of a strategy.',
    statement:
      'Within one capacity provider strategy only a single provider can have a base defined. A ' +
      'base of 0 equals the default and is not counted (DescribeServices returns 0 for every ' +
      'provider). Every provider after the first with a base is reported.',
    source: 'CapacityProviderStrategyItem (API reference), base',
  },
  check(def) {
    const reports: RuleReport[] = [];
    let first: string | undefined;
    for (const { item, index } of strategyItems(def)) {
      const base = num(field(item, 'base'));
      if (base === undefined || base <= 0) continue;
      const name = text(field(item, 'capacityProvider')) ?? `entry ${index}`;
      if (first === undefined) {
        first = name;
        continue;
      }
      const at = pointer('capacityProviderStrategy', index, 'base');
      reports.push({
        pointer: at,
        target: 'key',
        messageId: 'second',
        data: { first },
        fix: { kind: 'remove', pointer: at, title: 'Remove this base' },
      });
    }
    return reports;
  },
  examples: {
    valid: [
      {
        kind: 'update-service',
        json: `{
  "service": "web",
  "forceNewDeployment": true,
  "capacityProviderStrategy": [
    { "capacityProvider": "FARGATE", "base": 2, "weight": 1 },
    { "capacityProvider": "FARGATE_SPOT", "base": 0, "weight": 3 }
  ]
}`,
        yaml: `service: web
forceNewDeployment: true
capacityProviderStrategy:
  - { capacityProvider: FARGATE, base: 2, weight: 1 }
  - { capacityProvider: FARGATE_SPOT, base: 0, weight: 3 }
`,
      },
    ],
    invalid: [
      {
        kind: 'update-service',
        json: `{
  "service": "web",
  "forceNewDeployment": true,
  "capacityProviderStrategy": [
    { "capacityProvider": "FARGATE", "base": 2, "weight": 1 },
    { "capacityProvider": "FARGATE_SPOT", ⟦"base"⟧: 1, "weight": 3 }
  ]
}`,
        yaml: `service: web
forceNewDeployment: true
capacityProviderStrategy:
  - { capacityProvider: FARGATE, base: 2, weight: 1 }
  - { capacityProvider: FARGATE_SPOT, ⟦base⟧: 1, weight: 3 }
`,
      },
    ],
  },
});
