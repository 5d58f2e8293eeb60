import { crossFieldRule } from './support/define';
import { schedulingStrategy } from './support/facts';
import { anchorForMissing, field, isGiven, presence } from './support/values';

export default crossFieldRule({
  id: 'ECS206',
  name: 'desired-count-required',
  defaultSeverity: 'error',
  kinds: ['service'],
  messages: {
    missing: 'A REPLICA service needs desiredCount: say how many tasks to keep running.',
  },
  docs: {
    description: 'Requires desiredCount when a service is created with the REPLICA scheduler.',
    statement:
      'desiredCount must be given when schedulingStrategy is REPLICA or left out (REPLICA is the ' +
      'default); only DAEMON services may omit it. Reported on schedulingStrategy when it is ' +
      'written, otherwise on serviceName.',
    source: 'CreateService API reference, desiredCount',
  },
  check(def, { kind }) {
    if (schedulingStrategy(def, kind) !== 'REPLICA') return [];
    const count = field(def, 'desiredCount');
    if (presence(count) !== 'absent') return [];
    const explicit = isGiven(field(def, 'schedulingStrategy'));
    const at = explicit ? '/schedulingStrategy' : anchorForMissing(def, '', ['serviceName', 'taskDefinition']);
    if (at === undefined) return [];
    return [
      {
        pointer: at,
        target: explicit ? 'value' : 'key',
        messageId: 'missing',
        fix: isGiven(count)
          ? { kind: 'set', pointer: '/desiredCount', value: 1, title: 'Set desiredCount to 1' }
          : { kind: 'add', pointer: '/desiredCount', value: 1, title: 'Add desiredCount: 1' },
      },
    ];
  },
  examples: {
    valid: [
      {
        kind: 'service',
        json: `{
  "serviceName": "node-exporter",
  "taskDefinition": "node-exporter:2",
  "launchType": "EC2",
  "schedulingStrategy": "DAEMON"
}`,
        yaml: `serviceName: node-exporter
taskDefinition: node-exporter:2
launchType: EC2
schedulingStrategy: DAEMON
`,
      },
    ],
    invalid: [
      {
        kind: 'service',
        json: `{
  ⟦"serviceName"⟧: "web",
  "taskDefinition": "web:12",
  "launchType": "EC2"
}`,
        yaml: `⟦serviceName⟧: web
taskDefinition: web:12
launchType: EC2
`,
      },
      {
        kind: 'service',
        json: `{
  "serviceName": "web",
  "taskDefinition": "web:12",
  "launchType": "EC2",
  "schedulingStrategy": ⟦"REPLICA"⟧
}`,
        yaml: `serviceName: web
taskDefinition: web:12
launchType: EC2
schedulingStrategy: ⟦REPLICA⟧
`,
      },
    ],
  },
});
