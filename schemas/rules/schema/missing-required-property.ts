import type { Rule } from '../rule';

const rule: Rule = {
  id: 'ECS102',
  name: 'missing-required-property',
  group: 'schema',
  defaultSeverity: 'error',
  kinds: ['service', 'update-service', 'express-service', 'express-update', 'ecspresso'],
  messages: { missing: 'Missing required property "{{property}}".' },
  docs: {
    description: 'Flags objects that lack a member the request shape requires.',
    statement: 'Members marked required in the API model must be present.',
    source: 'ECS API Reference, "Required: Yes" members of each request shape',
  },
  examples: {
    valid: [{ json: '{ "serviceName": "web", "desiredCount": 1 }', yaml: 'serviceName: web\ndesiredCount: 1\n' }],
    invalid: [
      {
        json: '{ "serviceName": "web", "desiredCount": 1, "networkConfiguration": { ⟦"awsvpcConfiguration"⟧: { "securityGroups": ["sg-1"] } } }',
        yaml: 'serviceName: web\ndesiredCount: 1\nnetworkConfiguration:\n  ⟦awsvpcConfiguration⟧:\n    securityGroups: [sg-1]\n',
      },
    ],
  },
};
export default rule;
