import type { RuleReport } from '../rule';
import { crossFieldRule } from './support/define';
import { objectItems } from './support/facts';
import { field, pointer, presence, text } from './support/values';

export default crossFieldRule({
  id: 'ECS217',
  name: 'member-of-requires-expression',
  defaultSeverity: 'error',
  kinds: ['service', 'update-service', 'ecspresso'],
  messages: {
    missing: 'A memberOf constraint needs an expression that selects the candidate instances.',
  },
  docs: {
    description: 'Requires an expression on a memberOf placement constraint.',
    statement:
      'memberOf restricts placement to a group of candidates, and that group is written as a ' +
      'cluster query language expression; without one the constraint selects nothing.',
    source: 'PlacementConstraint (API reference), type and expression',
  },
  check(def) {
    const reports: RuleReport[] = [];
    for (const { item, index } of objectItems(def, 'placementConstraints')) {
      if (text(field(item, 'type')) !== 'memberOf') continue;
      if (presence(field(item, 'expression')) !== 'absent') continue;
      reports.push({ pointer: pointer('placementConstraints', index, 'type'), target: 'value', messageId: 'missing' });
    }
    return reports;
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
  "placementConstraints": [{ "type": "memberOf", "expression": "attribute:ecs.instance-type =~ m6i.*" }]
}`,
        yaml: `serviceName: web
taskDefinition: web:12
desiredCount: 3
launchType: EC2
placementConstraints:
  - { type: memberOf, expression: "attribute:ecs.instance-type =~ m6i.*" }
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
  "launchType": "EC2",
  "placementConstraints": [{ "type": ⟦"memberOf"⟧ }]
}`,
        yaml: `serviceName: web
taskDefinition: web:12
desiredCount: 3
launchType: EC2
placementConstraints:
  - type: ⟦memberOf⟧
`,
      },
    ],
  },
});
