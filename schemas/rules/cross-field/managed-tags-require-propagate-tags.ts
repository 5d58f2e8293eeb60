import { crossFieldRule } from './support/define';
import { bool, field, isGiven, presence } from './support/values';

export default crossFieldRule({
  id: 'ECS242',
  name: 'managed-tags-require-propagate-tags',
  defaultSeverity: 'warning',
  kinds: ['service', 'ecspresso'],
  messages: {
    missing: 'ECS managed tags are on but propagateTags is not set; choose SERVICE, TASK_DEFINITION or NONE.',
  },
  docs: {
    description: 'Asks for propagateTags when ECS managed tags are turned on.',
    statement:
      'When Amazon ECS managed tags are used, the propagateTags parameter is to be set as well. ' +
      'A warning, because the API reference states it without naming a failure.',
    source: 'CreateService API reference, enableECSManagedTags',
  },
  check(def) {
    if (bool(field(def, 'enableECSManagedTags')) !== true) return [];
    const propagate = field(def, 'propagateTags');
    if (presence(propagate) !== 'absent') return [];
    return [
      {
        pointer: '/enableECSManagedTags',
        target: 'value',
        messageId: 'missing',
        fix: isGiven(propagate)
          ? { kind: 'set', pointer: '/propagateTags', value: 'SERVICE', title: 'Propagate the service tags' }
          : { kind: 'add', pointer: '/propagateTags', value: 'SERVICE', title: 'Propagate the service tags' },
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
  "launchType": "EC2",
  "enableECSManagedTags": true,
  "propagateTags": "SERVICE"
}`,
        yaml: `serviceName: web
taskDefinition: web:12
desiredCount: 2
launchType: EC2
enableECSManagedTags: true
propagateTags: SERVICE
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
  "launchType": "EC2",
  "enableECSManagedTags": ⟦true⟧
}`,
        yaml: `serviceName: web
taskDefinition: web:12
desiredCount: 2
launchType: EC2
enableECSManagedTags: ⟦true⟧
`,
      },
    ],
  },
});
