import type { RuleReport } from '../rule';
import { crossFieldRule } from './support/define';
import { objectItems } from './support/facts';
import { field, pointer, presence } from './support/values';

export default crossFieldRule({
  id: 'ECS250',
  name: 'service-connect-client-alias-required',
  defaultSeverity: 'warning',
  kinds: ['service', 'update-service', 'ecspresso'],
  messages: {
    missing: 'Give this Service Connect service a clientAliases entry with the port clients connect to.',
  },
  docs: {
    description: 'Asks for a client alias on every Service Connect service entry.',
    statement:
      'Each Service Connect service object is to provide at least one client alias with a port. ' +
      'A warning, because clientAliases is optional in the request shape.',
    source: 'ServiceConnectService (API reference), clientAliases',
  },
  check(def) {
    const reports: RuleReport[] = [];
    for (const { item, index } of objectItems(field(def, 'serviceConnectConfiguration'), 'services')) {
      if (presence(field(item, 'clientAliases')) !== 'absent') continue;
      reports.push({ pointer: pointer('serviceConnectConfiguration', 'services', index), target: 'value', messageId: 'missing' });
    }
    return reports;
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
    "services": [{ "portName": "http", "discoveryName": "api", "clientAliases": [{ "port": 80, "dnsName": "api" }] }]
  }
}`,
        yaml: `service: api
serviceConnectConfiguration:
  enabled: true
  namespace: internal
  services:
    - portName: http
      discoveryName: api
      clientAliases: [{ port: 80, dnsName: api }]
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
    "services": [⟦{ "portName": "http", "discoveryName": "api" }⟧]
  }
}`,
        yaml: `service: api
serviceConnectConfiguration:
  enabled: true
  namespace: internal
  services:
    - ⟦{ portName: http, discoveryName: api }⟧
`,
      },
    ],
  },
});
