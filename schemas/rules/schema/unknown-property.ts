import type { Rule } from '../rule';

const rule: Rule = {
  id: 'ECS101',
  name: 'unknown-property',
  group: 'schema',
  defaultSeverity: 'error',
  kinds: ['service', 'update-service', 'express-service', 'express-update', 'ecspresso'],
  messages: {
    unknown: 'Unknown property "{{property}}": {{parent}} does not take it.',
    didYouMean: 'Unknown property "{{property}}": did you mean "{{suggestion}}"?',
  },
  docs: {
    description: 'Flags keys that the request shape does not define.',
    statement: 'The AWS CLI and the ECS API reject request parameters that are not part of the operation input.',
    source: 'ECS API Reference, request syntax of CreateService / UpdateService / CreateExpressGatewayService / UpdateExpressGatewayService',
  },
  examples: {
    valid: [{ json: '{ "serviceName": "web", "desiredCount": 1 }', yaml: 'serviceName: web\ndesiredCount: 1\n' }],
    invalid: [
      { json: '{ "serviceName": "web", "desiredCount": 1, ⟦"desiredcount"⟧: 2 }', yaml: 'serviceName: web\ndesiredCount: 1\n⟦desiredcount⟧: 2\n' },
    ],
  },
};
export default rule;
