import type { RuleReport } from '../rule';
import { crossFieldRule } from './support/define';
import { objectItems } from './support/facts';
import { field, pointer, presence, text } from './support/values';

export default crossFieldRule({
  id: 'ECS220',
  name: 'spread-field-known-attribute',
  defaultSeverity: 'warning',
  kinds: ['service', 'update-service', 'ecspresso'],
  messages: {
    invalid: 'spread takes instanceId, host or an attribute written as attribute:<name>; got "{{field}}".',
    missing: 'A spread strategy needs a field to spread over, e.g. attribute:ecs.availability-zone.',
  },
  docs: {
    description: 'Checks the field of a spread placement strategy.',
    statement:
      'spread distributes tasks evenly over the values of field, which is instanceId (or its ' +
      'synonym host) or a platform or custom container instance attribute such as ' +
      'attribute:ecs.availability-zone.',
    source: 'PlacementStrategy (API reference), field',
  },
  check(def) {
    const reports: RuleReport[] = [];
    for (const { item, index } of objectItems(def, 'placementStrategy')) {
      if (text(field(item, 'type')) !== 'spread') continue;
      const value = field(item, 'field');
      if (presence(value) === 'absent') {
        reports.push({ pointer: pointer('placementStrategy', index, 'type'), target: 'value', messageId: 'missing' });
        continue;
      }
      const known = text(value);
      if (known === undefined || known === 'instanceId' || known === 'host' || /^attribute:\S+$/.test(known)) continue;
      reports.push({
        pointer: pointer('placementStrategy', index, 'field'),
        target: 'value',
        messageId: 'invalid',
        data: { field: known },
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
  "desiredCount": 6,
  "launchType": "EC2",
  "placementStrategy": [
    { "type": "spread", "field": "attribute:ecs.availability-zone" },
    { "type": "spread", "field": "instanceId" }
  ]
}`,
        yaml: `serviceName: web
taskDefinition: web:12
desiredCount: 6
launchType: EC2
placementStrategy:
  - { type: spread, field: "attribute:ecs.availability-zone" }
  - { type: spread, field: instanceId }
`,
      },
    ],
    invalid: [
      {
        kind: 'service',
        json: `{
  "serviceName": "web",
  "taskDefinition": "web:12",
  "desiredCount": 6,
  "launchType": "EC2",
  "placementStrategy": [{ "type": "spread", "field": ⟦"availability-zone"⟧ }]
}`,
        yaml: `serviceName: web
taskDefinition: web:12
desiredCount: 6
launchType: EC2
placementStrategy:
  - { type: spread, field: ⟦availability-zone⟧ }
`,
      },
    ],
  },
});
