import type { RuleReport } from '../rule';
import { crossFieldRule } from './support/define';
import { objectItems } from './support/facts';
import { field, pointer, presence, text } from './support/values';

export default crossFieldRule({
  id: 'ECS216',
  name: 'distinct-instance-excludes-expression',
  defaultSeverity: 'error',
  kinds: ['service', 'update-service', 'ecspresso'],
  messages: {
    expression: 'A distinctInstance constraint stands alone; remove its expression.',
  },
  docs: {
    description: 'Forbids an expression on a distinctInstance placement constraint.',
    statement:
      'An expression cannot be given when the constraint type is distinctInstance. An empty ' +
      'expression counts as none.',
    source: 'PlacementConstraint (API reference), expression',
  },
  check(def) {
    const reports: RuleReport[] = [];
    for (const { item, index } of objectItems(def, 'placementConstraints')) {
      if (text(field(item, 'type')) !== 'distinctInstance') continue;
      if (presence(field(item, 'expression')) !== 'present') continue;
      const at = pointer('placementConstraints', index, 'expression');
      reports.push({
        pointer: at,
        target: 'key',
        messageId: 'expression',
        fix: { kind: 'remove', pointer: at, title: 'Remove the expression' },
      });
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
        kind: 'update-service',
        json: `{
  "service": "web",
  "placementConstraints": [
    { "type": "distinctInstance", ⟦"expression"⟧: "attribute:ecs.instance-type =~ t3.*" }
  ]
}`,
        yaml: `service: web
placementConstraints:
  - type: distinctInstance
    ⟦expression⟧: attribute:ecs.instance-type =~ t3.*
`,
      },
    ],
  },
});
