import type { Rule } from '../rule';

const rule: Rule = {
  id: 'ECS105',
  name: 'value-out-of-range',
  group: 'schema',
  defaultSeverity: 'error',
  kinds: ['service', 'update-service', 'express-service', 'express-update', 'ecspresso'],
  messages: {
    range: 'Value {{value}} is out of range: it must be {{comparison}} {{limit}}.',
    multipleOf: 'Value {{value}} must be a multiple of {{limit}}.',
    notAllowed: 'Value {{value}} is not allowed; use one of {{allowed}}.',
  },
  docs: {
    description: 'Flags numbers outside their documented range.',
    statement: 'Numeric parameters with a documented range (for example a capacity provider weight of 0 to 1,000) reject values outside it.',
    source: 'ECS Developer Guide, Service definition parameters; ECS API Reference (ranges per parameter)',
  },
  examples: {
    valid: [
      {
        json: '{ "serviceName": "web", "desiredCount": 1, "capacityProviderStrategy": [{ "capacityProvider": "FARGATE", "weight": 1000 }] }',
        yaml: 'serviceName: web\ndesiredCount: 1\ncapacityProviderStrategy:\n  - capacityProvider: FARGATE\n    weight: 1000\n',
      },
    ],
    invalid: [
      {
        json: '{ "serviceName": "web", "desiredCount": 1, "capacityProviderStrategy": [{ "capacityProvider": "FARGATE", "weight": ⟦1001⟧ }] }',
        yaml: 'serviceName: web\ndesiredCount: 1\ncapacityProviderStrategy:\n  - capacityProvider: FARGATE\n    weight: ⟦1001⟧\n',
      },
    ],
  },
};
export default rule;
