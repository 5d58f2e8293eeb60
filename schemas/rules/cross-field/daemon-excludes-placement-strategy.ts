import { crossFieldRule } from './support/define';
import { isDaemon } from './support/facts';
import { field, presence } from './support/values';

export default crossFieldRule({
  id: 'ECS210',
  name: 'daemon-excludes-placement-strategy',
  defaultSeverity: 'error',
  kinds: ['service', 'ecspresso'],
  messages: {
    strategy: 'A DAEMON service places one task on every matching instance; it takes no placementStrategy.',
  },
  docs: {
    description: 'Forbids a task placement strategy on a DAEMON service.',
    statement:
      'The daemon scheduler runs exactly one task per active container instance that satisfies ' +
      'the placement constraints, so a placement strategy has nothing to decide (constraints ' +
      'remain allowed).',
    source: 'CreateService API reference, schedulingStrategy',
  },
  check(def) {
    if (!isDaemon(def) || presence(field(def, 'placementStrategy')) !== 'present') return [];
    return [
      {
        pointer: '/placementStrategy',
        target: 'key',
        messageId: 'strategy',
        fix: { kind: 'remove', pointer: '/placementStrategy', title: 'Remove placementStrategy' },
      },
    ];
  },
  examples: {
    valid: [
      {
        kind: 'service',
        json: `{
  "serviceName": "log-router",
  "taskDefinition": "log-router:5",
  "launchType": "EC2",
  "schedulingStrategy": "DAEMON",
  "placementConstraints": [{ "type": "memberOf", "expression": "attribute:ecs.os-type == linux" }]
}`,
        yaml: `serviceName: log-router
taskDefinition: log-router:5
launchType: EC2
schedulingStrategy: DAEMON
placementConstraints:
  - { type: memberOf, expression: "attribute:ecs.os-type == linux" }
`,
      },
    ],
    invalid: [
      {
        kind: 'service',
        json: `{
  "serviceName": "log-router",
  "taskDefinition": "log-router:5",
  "launchType": "EC2",
  "schedulingStrategy": "DAEMON",
  ⟦"placementStrategy"⟧: [{ "type": "spread", "field": "attribute:ecs.availability-zone" }]
}`,
        yaml: `serviceName: log-router
taskDefinition: log-router:5
launchType: EC2
schedulingStrategy: DAEMON
⟦placementStrategy⟧:
  - type: spread
    field: attribute:ecs.availability-zone
`,
      },
    ],
  },
});
