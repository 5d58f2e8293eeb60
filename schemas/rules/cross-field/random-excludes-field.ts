import type { RuleReport } from '../rule';
import { crossFieldRule } from './support/define';
import { objectItems } from './support/facts';
import { field, pointer, presence, text } from './support/values';

export default crossFieldRule({
  id: 'ECS219',
  name: 'random-excludes-field',
  defaultSeverity: 'warning',
  kinds: ['service', 'update-service', 'ecspresso'],
  messages: {
    field: 'A random strategy ignores field; remove it.',
  },
  docs: {
    description: 'Flags a field on a random placement strategy.',
    statement: 'The random placement strategy picks candidates at random and does not use field.',
    source: 'PlacementStrategy (API reference), field',
  },
  check(def) {
    const reports: RuleReport[] = [];
    for (const { item, index } of objectItems(def, 'placementStrategy')) {
      if (text(field(item, 'type')) !== 'random' || presence(field(item, 'field')) !== 'present') continue;
      const at = pointer('placementStrategy', index, 'field');
      reports.push({
        pointer: at,
        target: 'key',
        messageId: 'field',
        fix: { kind: 'remove', pointer: at, title: 'Remove field' },
      });
    }
    return reports;
  },
  examples: {
    valid: [
      {
        kind: 'ecspresso',
        json: `{
  "desiredCount": 2,
  "launchType": "EC2",
  "placementStrategy": [{ "type": "random" }]
}`,
        yaml: `desiredCount: 2
launchType: EC2
placementStrategy:
  - type: random
`,
      },
    ],
    invalid: [
      {
        kind: 'ecspresso',
        json: `{
  "desiredCount": 2,
  "launchType": "EC2",
  "placementStrategy": [{ "type": "random", ⟦"field"⟧: "memory" }]
}`,
        yaml: `desiredCount: 2
launchType: EC2
placementStrategy:
  - { type: random, ⟦field⟧: memory }
`,
      },
    ],
  },
});
