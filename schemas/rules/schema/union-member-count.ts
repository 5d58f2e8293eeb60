import type { Rule } from '../rule';

const rule: Rule = {
  id: 'ECS109',
  name: 'union-member-count',
  group: 'schema',
  defaultSeverity: 'error',
  kinds: ['service', 'update-service', 'ecspresso'],
  messages: { exactlyOne: 'Set exactly one of {{allowed}} in this object.' },
  docs: {
    description: 'Flags union objects that set none or several of their alternatives.',
    statement: 'Union shapes (for example a Service Connect container configuration) take exactly one member per object.',
    source: 'ECS API Reference, ServiceConnectContainerConfiguration',
  },
  examples: {
    valid: [
      {
        json: '{ "serviceName": "web", "desiredCount": 1, "serviceConnectConfiguration": { "enabled": true, "containerConfigurations": [{ "logLevel": "debug" }] } }',
        yaml: 'serviceName: web\ndesiredCount: 1\nserviceConnectConfiguration:\n  enabled: true\n  containerConfigurations:\n    - logLevel: debug\n',
      },
    ],
    invalid: [
      {
        json: '{ "serviceName": "web", "desiredCount": 1, "serviceConnectConfiguration": { "enabled": true, "containerConfigurations": [⟦{}⟧] } }',
        yaml: 'serviceName: web\ndesiredCount: 1\nserviceConnectConfiguration:\n  enabled: true\n  containerConfigurations:\n    - ⟦{}⟧\n',
      },
    ],
  },
};
export default rule;
