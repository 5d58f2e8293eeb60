import type { Rule } from '../rule';

const rule: Rule = {
  id: 'ECS111',
  name: 'not-in-api',
  group: 'schema',
  defaultSeverity: 'warning',
  // ecspresso files never reach the AWS CLI; there the key is only output-only (ECS110).
  kinds: ['service'],
  messages: { notInApi: '"{{property}}" appears in the developer guide but not in the {{operation}} API; the AWS CLI rejects it.' },
  docs: {
    description: 'Warns about keys the developer guide lists that the current API does not accept.',
    statement: 'The service definition template of the developer guide lists platformFamily, which CreateService does not take.',
    source: 'ECS Developer Guide, Service definition parameters, platformFamily; ECS API Reference, CreateService',
  },
  examples: {
    valid: [{ json: '{ "serviceName": "web", "desiredCount": 1 }', yaml: 'serviceName: web\ndesiredCount: 1\n' }],
    invalid: [
      { json: '{ "serviceName": "web", "desiredCount": 1, ⟦"platformFamily"⟧: "LINUX" }', yaml: 'serviceName: web\ndesiredCount: 1\n⟦platformFamily⟧: LINUX\n' },
    ],
  },
};
export default rule;
