import { crossFieldRule } from './support/define';
import { field, presence } from './support/values';

export default crossFieldRule({
  id: 'ECS249',
  name: 'service-connect-access-log-requires-log-configuration',
  defaultSeverity: 'error',
  kinds: ['service', 'update-service', 'ecspresso'],
  messages: {
    missing: 'Service Connect access logs go to the proxy log configuration; add serviceConnectConfiguration.logConfiguration.',
  },
  docs: {
    description: 'Requires a Service Connect log configuration when access logs are configured.',
    statement:
      'Turning on Service Connect access logs also requires a logConfiguration in the same ' +
      'serviceConnectConfiguration.',
    source: 'ServiceConnectConfiguration (API reference), accessLogConfiguration',
  },
  check(def) {
    const config = field(def, 'serviceConnectConfiguration');
    if (presence(field(config, 'accessLogConfiguration')) !== 'present') return [];
    if (presence(field(config, 'logConfiguration')) !== 'absent') return [];
    return [{ pointer: '/serviceConnectConfiguration/accessLogConfiguration', target: 'key', messageId: 'missing' }];
  },
  examples: {
    valid: [
      {
        kind: 'update-service',
        json: `{
  "service": "api",
  "serviceConnectConfiguration": {
    "enabled": true,
    "namespace": "internal",
    "logConfiguration": { "logDriver": "awslogs", "options": { "awslogs-group": "/ecs/service-connect", "awslogs-region": "us-east-1", "awslogs-stream-prefix": "api" } },
    "accessLogConfiguration": { "format": "JSON" }
  }
}`,
        yaml: `service: api
serviceConnectConfiguration:
  enabled: true
  namespace: internal
  logConfiguration:
    logDriver: awslogs
    options: { awslogs-group: /ecs/service-connect, awslogs-region: us-east-1, awslogs-stream-prefix: api }
  accessLogConfiguration: { format: JSON }
`,
      },
    ],
    invalid: [
      {
        kind: 'update-service',
        json: `{
  "service": "api",
  "serviceConnectConfiguration": {
    "enabled": true,
    "namespace": "internal",
    ⟦"accessLogConfiguration"⟧: { "format": "JSON" }
  }
}`,
        yaml: `service: api
serviceConnectConfiguration:
  enabled: true
  namespace: internal
  ⟦accessLogConfiguration⟧: { format: JSON }
`,
      },
    ],
  },
});
