import type { Rule } from '../rule';

const rule: Rule = {
  id: 'ECS104',
  name: 'invalid-enum-value',
  group: 'schema',
  defaultSeverity: 'error',
  kinds: ['service', 'update-service', 'express-service', 'express-update', 'ecspresso'],
  messages: {
    enum: 'Value {{value}} is not allowed; use one of {{allowed}}.',
    caseMismatch: 'Value {{value}} has the wrong case; use "{{suggestion}}".',
  },
  docs: {
    description: 'Flags values outside a documented set of valid values.',
    statement: 'Enumerated parameters accept only their listed valid values, case-sensitively.',
    source: 'ECS API Reference, "Valid Values" of each enumerated parameter',
  },
  examples: {
    valid: [{ json: '{ "serviceName": "web", "desiredCount": 1, "launchType": "FARGATE" }', yaml: 'serviceName: web\ndesiredCount: 1\nlaunchType: FARGATE\n' }],
    invalid: [
      {
        json: '{ "serviceName": "web", "desiredCount": 1, "launchType": ⟦"fargate"⟧ }',
        yaml: 'serviceName: web\ndesiredCount: 1\nlaunchType: ⟦fargate⟧\n',
      },
    ],
  },
};
export default rule;
