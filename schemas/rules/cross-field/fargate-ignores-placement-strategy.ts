import { crossFieldRule } from './support/define';
import { runsOnFargate } from './support/facts';
import { field, presence } from './support/values';

export default crossFieldRule({
  id: 'ECS222',
  name: 'fargate-ignores-placement-strategy',
  defaultSeverity: 'warning',
  kinds: ['service', 'update-service', 'ecspresso'],
  messages: {
    fargate: 'Fargate spreads tasks over Availability Zones itself; placementStrategy does not apply there.',
  },
  docs: {
    description: 'Flags a task placement strategy on Fargate.',
    statement:
      'Fargate does not support task placement strategies; it spreads tasks across the reachable ' +
      'Availability Zones on its own. The seeds name only constraints for Fargate, so this is a ' +
      'warning.',
    source: 'Amazon ECS task placement (developer guide), placementStrategy',
  },
  check(def) {
    if (runsOnFargate(def) !== true || presence(field(def, 'placementStrategy')) !== 'present') return [];
    return [
      {
        pointer: '/placementStrategy',
        target: 'key',
        messageId: 'fargate',
        fix: { kind: 'remove', pointer: '/placementStrategy', title: 'Remove placementStrategy' },
      },
    ];
  },
  examples: {
    valid: [
      {
        kind: 'update-service',
        json: `{
  "service": "web",
  "forceNewDeployment": true,
  "capacityProviderStrategy": [{ "capacityProvider": "web-asg-cp", "weight": 1 }],
  "placementStrategy": [{ "type": "spread", "field": "attribute:ecs.availability-zone" }]
}`,
        yaml: `service: web
forceNewDeployment: true
capacityProviderStrategy:
  - { capacityProvider: web-asg-cp, weight: 1 }
placementStrategy:
  - { type: spread, field: "attribute:ecs.availability-zone" }
`,
      },
    ],
    invalid: [
      {
        kind: 'update-service',
        json: `{
  "service": "web",
  "forceNewDeployment": true,
  "capacityProviderStrategy": [{ "capacityProvider": "FARGATE", "weight": 1 }],
  ⟦"placementStrategy"⟧: [{ "type": "spread", "field": "attribute:ecs.availability-zone" }]
}`,
        yaml: `service: web
forceNewDeployment: true
capacityProviderStrategy:
  - { capacityProvider: FARGATE, weight: 1 }
⟦placementStrategy⟧:
  - { type: spread, field: "attribute:ecs.availability-zone" }
`,
      },
    ],
  },
});
