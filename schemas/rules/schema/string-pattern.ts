import type { Rule } from '../rule';

const rule: Rule = {
  id: 'ECS107',
  name: 'string-pattern',
  group: 'schema',
  defaultSeverity: 'error',
  kinds: ['service', 'update-service', 'express-service', 'express-update', 'ecspresso'],
  messages: { pattern: 'Value {{value}} has characters that are not allowed here ({{allowed}}).' },
  docs: {
    description: 'Flags strings with characters their parameter does not allow.',
    statement: 'A service name takes only letters, digits, hyphens and underscores; a client token only printable ASCII.',
    source: 'ECS Developer Guide, Service definition parameters, serviceName; ECS API Reference, CreateService clientToken',
  },
  examples: {
    valid: [{ json: '{ "serviceName": "web_api-2", "desiredCount": 1 }', yaml: 'serviceName: web_api-2\ndesiredCount: 1\n' }],
    invalid: [{ json: '{ "serviceName": ⟦"web api"⟧, "desiredCount": 1 }', yaml: 'serviceName: ⟦web api⟧\ndesiredCount: 1\n' }],
  },
};
export default rule;
