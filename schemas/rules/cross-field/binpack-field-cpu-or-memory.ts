import type { RuleReport } from '../rule';
import { crossFieldRule } from './support/define';
import { objectItems } from './support/facts';
import { field, pointer, presence, text } from './support/values';

const FIELDS = ['cpu', 'memory'];

export default crossFieldRule({
  id: 'ECS218',
  name: 'binpack-field-cpu-or-memory',
  defaultSeverity: 'error',
  kinds: ['service', 'update-service', 'ecspresso'],
  messages: {
    invalid: 'binpack packs by cpu or memory; "{{field}}" is neither.',
    missing: 'A binpack strategy needs field set to cpu or memory.',
  },
  docs: {
    description: 'Limits the field of a binpack placement strategy to cpu or memory.',
    statement:
      'binpack places tasks on the candidates with the least remaining amount of one resource, ' +
      'named by field, whose valid values are cpu and memory (DescribeServices returns them as CPU and MEMORY).',
    source: 'PlacementStrategy (API reference), field',
  },
  check(def) {
    const reports: RuleReport[] = [];
    for (const { item, index } of objectItems(def, 'placementStrategy')) {
      if (text(field(item, 'type')) !== 'binpack') continue;
      const value = field(item, 'field');
      if (presence(value) === 'absent') {
        reports.push({ pointer: pointer('placementStrategy', index, 'type'), target: 'value', messageId: 'missing' });
        continue;
      }
      const known = text(value);
      // DescribeServices reads binpack fields back as MEMORY and CPU, and ECS takes them so.
      if (known === undefined || FIELDS.includes(known.toLowerCase())) continue;
      reports.push({ pointer: pointer('placementStrategy', index, 'field'), target: 'value', messageId: 'invalid', data: { field: known } });
    }
    return reports;
  },
  examples: {
    valid: [
      {
        kind: 'ecspresso',
        json: `{ "desiredCount": 2, "placementStrategy": [{ "type": "binpack", "field": "MEMORY" }] }`,
        yaml: `desiredCount: 2\nplacementStrategy:\n  - { type: binpack, field: MEMORY }\n`,
      },
      {
        kind: 'update-service',
        json: `{
  "service": "batch",
  "placementStrategy": [{ "type": "binpack", "field": "memory" }]
}`,
        yaml: `service: batch
placementStrategy:
  - { type: binpack, field: memory }
`,
      },
    ],
    invalid: [
      {
        kind: 'update-service',
        json: `{
  "service": "batch",
  "placementStrategy": [{ "type": "binpack", "field": ⟦"instanceId"⟧ }]
}`,
        yaml: `service: batch
placementStrategy:
  - { type: binpack, field: ⟦instanceId⟧ }
`,
      },
      {
        kind: 'service',
        json: `{
  "serviceName": "batch",
  "taskDefinition": "batch:9",
  "desiredCount": 4,
  "launchType": "EC2",
  "placementStrategy": [{ "type": ⟦"binpack"⟧ }]
}`,
        yaml: `serviceName: batch
taskDefinition: batch:9
desiredCount: 4
launchType: EC2
placementStrategy:
  - type: ⟦binpack⟧
`,
      },
    ],
  },
});
