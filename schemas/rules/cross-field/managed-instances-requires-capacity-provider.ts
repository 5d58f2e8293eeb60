import { crossFieldRule } from './support/define';
import { knownLaunchType } from './support/facts';

export default crossFieldRule({
  id: 'ECS215',
  name: 'managed-instances-requires-capacity-provider',
  defaultSeverity: 'error',
  kinds: ['service', 'ecspresso'],
  messages: {
    launchType:
      'Services reach ECS Managed Instances through a capacity provider strategy, not through launchType.',
  },
  docs: {
    description: 'Forbids launchType MANAGED_INSTANCES on a service.',
    statement:
      'To run a service on Amazon ECS Managed Instances, pass a capacityProviderStrategy and omit ' +
      'launchType; the MANAGED_INSTANCES value of the launch type enum is not the way in for services.',
    source: 'CreateService API reference, launchType',
  },
  check(def) {
    if (knownLaunchType(def) !== 'MANAGED_INSTANCES') return [];
    return [{ pointer: '/launchType', target: 'value', messageId: 'launchType' }];
  },
  examples: {
    valid: [
      {
        kind: 'service',
        json: `{
  "serviceName": "web",
  "taskDefinition": "web:12",
  "desiredCount": 2,
  "capacityProviderStrategy": [{ "capacityProvider": "managed-instances-cp", "weight": 1 }]
}`,
        yaml: `serviceName: web
taskDefinition: web:12
desiredCount: 2
capacityProviderStrategy:
  - { capacityProvider: managed-instances-cp, weight: 1 }
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
  "launchType": ⟦"MANAGED_INSTANCES"⟧
}`,
        yaml: `serviceName: web
taskDefinition: web:12
desiredCount: 2
launchType: ⟦MANAGED_INSTANCES⟧
`,
      },
    ],
  },
});
