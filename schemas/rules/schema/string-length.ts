import type { Rule } from '../rule';

const rule: Rule = {
  id: 'ECS106',
  name: 'string-length',
  group: 'schema',
  defaultSeverity: 'error',
  kinds: ['service', 'update-service', 'express-service', 'express-update', 'ecspresso'],
  messages: {
    tooLong: 'Text is {{length}} characters long; at most {{limit}} are allowed.',
    tooShort: 'Text is {{length}} characters long; at least {{limit}} are required.',
  },
  docs: {
    description: 'Flags strings shorter or longer than documented.',
    statement: 'String parameters with documented length limits (service name up to 255, tag key 1 to 128, tag value up to 256) reject other lengths.',
    source: 'ECS Developer Guide, Service definition parameters (serviceName, tags.key, tags.value)',
  },
  examples: {
    valid: [{ json: '{ "serviceName": "web", "desiredCount": 1, "tags": [{ "key": "team", "value": "" }] }', yaml: 'serviceName: web\ndesiredCount: 1\ntags:\n  - key: team\n    value: ""\n' }],
    invalid: [
      {
        json: '{ "serviceName": "web", "desiredCount": 1, "tags": [{ "key": ⟦""⟧, "value": "x" }] }',
        yaml: 'serviceName: web\ndesiredCount: 1\ntags:\n  - key: ⟦""⟧\n    value: x\n',
      },
    ],
  },
};
export default rule;
