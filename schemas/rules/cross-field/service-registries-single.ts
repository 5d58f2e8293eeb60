import type { RuleReport } from '../rule';
import { crossFieldRule } from './support/define';
import { field, isPlaceholder, pointer } from './support/values';

export default crossFieldRule({
  id: 'ECS231',
  name: 'service-registries-single',
  defaultSeverity: 'error',
  kinds: ['service', 'update-service', 'ecspresso'],
  messages: {
    extra: 'A service registers with one service registry only; remove this extra entry.',
  },
  docs: {
    description: 'Allows at most one service registry per service.',
    statement:
      'Each service can be associated with a single service discovery registry; several ' +
      'registries per service are not supported. Every entry after the first is reported.',
    source: 'CreateService API reference, serviceRegistries',
  },
  check(def) {
    const registries = field(def, 'serviceRegistries');
    if (!Array.isArray(registries)) return [];
    const reports: RuleReport[] = [];
    for (let index = 1; index < registries.length; index++) {
      if (isPlaceholder(registries[index])) continue;
      reports.push({ pointer: pointer('serviceRegistries', index), target: 'value', messageId: 'extra' });
    }
    return reports;
  },
  examples: {
    valid: [
      {
        kind: 'update-service',
        json: `{
  "service": "api",
  "serviceRegistries": [{ "registryArn": "arn:aws:servicediscovery:us-east-1:123456789012:service/srv-0123456789abcdef0" }]
}`,
        yaml: `service: api
serviceRegistries:
  - registryArn: arn:aws:servicediscovery:us-east-1:123456789012:service/srv-0123456789abcdef0
`,
      },
    ],
    invalid: [
      {
        kind: 'update-service',
        json: `{
  "service": "api",
  "serviceRegistries": [
    { "registryArn": "arn:aws:servicediscovery:us-east-1:123456789012:service/srv-0123456789abcdef0" },
    ⟦{ "registryArn": "arn:aws:servicediscovery:us-east-1:123456789012:service/srv-0fedcba9876543210" }⟧
  ]
}`,
        yaml: `service: api
serviceRegistries:
  - { registryArn: "arn:aws:servicediscovery:us-east-1:123456789012:service/srv-0123456789abcdef0" }
  - ⟦{ registryArn: "arn:aws:servicediscovery:us-east-1:123456789012:service/srv-0fedcba9876543210" }⟧
`,
      },
    ],
  },
});
