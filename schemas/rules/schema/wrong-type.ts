import type { Rule } from '../rule';

const rule: Rule = {
  id: 'ECS103',
  name: 'wrong-type',
  group: 'schema',
  defaultSeverity: 'error',
  kinds: ['service', 'update-service', 'express-service', 'express-update', 'ecspresso'],
  messages: { type: 'Expected {{expected}}, found {{actual}}.' },
  docs: {
    description: 'Flags values of the wrong JSON type (string for a number, number for an integer...).',
    statement: 'Each parameter has one documented type: String, Integer, Double, Boolean, object or array.',
    source: 'ECS API Reference, "Type" of each request parameter',
  },
  examples: {
    valid: [{ json: '{ "serviceName": "web", "desiredCount": 2 }', yaml: 'serviceName: web\ndesiredCount: 2\n' }],
    invalid: [
      { json: '{ "serviceName": "web", "desiredCount": ⟦"2"⟧ }', yaml: 'serviceName: web\ndesiredCount: ⟦"2"⟧\n' },
      { json: '{ "serviceName": "web", "desiredCount": ⟦1.5⟧ }', yaml: 'serviceName: web\ndesiredCount: ⟦1.5⟧\n' },
    ],
  },
};
export default rule;
