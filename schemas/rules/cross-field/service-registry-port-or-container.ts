import type { RuleReport } from '../rule';
import { crossFieldRule } from './support/define';
import { isCreateLike, objectItems } from './support/facts';
import { field, laterKey, pointer, presence } from './support/values';

export default crossFieldRule({
  id: 'ECS232',
  name: 'service-registry-port-or-container',
  defaultSeverity: 'error',
  kinds: ['service', 'update-service', 'ecspresso'],
  messages: {
    both: 'Give either port or the containerName and containerPort pair, not both.',
    incomplete: '{{present}} goes together with {{missing}}; give both or neither.',
    needsContainer:
      'Without an awsvpc network configuration the tasks use bridge or host mode, which needs containerName and containerPort here.',
  },
  docs: {
    description: 'Checks how a service registry entry names its port.',
    statement:
      'A registry entry names a containerName and containerPort pair from the task definition or ' +
      '(awsvpc with SRV records only) a port, never both. Bridge and host mode tasks need the ' +
      'pair; only awsvpc tasks take a network configuration, so a created service without one is ' +
      'in bridge or host mode.',
    source: 'ServiceRegistry (API reference), containerName, containerPort and port',
  },
  check(def, { kind }) {
    const reports: RuleReport[] = [];
    const bridgeOrHost = isCreateLike(kind) && presence(field(def, 'networkConfiguration')) === 'absent';
    for (const { item, index } of objectItems(def, 'serviceRegistries')) {
      const port = presence(field(item, 'port'));
      const name = presence(field(item, 'containerName'));
      const cport = presence(field(item, 'containerPort'));
      if ([port, name, cport].includes('unknown')) continue;
      if (port === 'present' && (name === 'present' || cport === 'present')) {
        const container = name === 'present' ? 'containerName' : 'containerPort';
        const later = laterKey(item, 'port', container);
        reports.push({ pointer: pointer('serviceRegistries', index, later), target: 'key', messageId: 'both' });
      } else if (name !== cport) {
        const [present, missing] = name === 'present' ? ['containerName', 'containerPort'] : ['containerPort', 'containerName'];
        reports.push({
          pointer: pointer('serviceRegistries', index, present),
          target: 'key',
          messageId: 'incomplete',
          data: { present, missing },
        });
      } else if (bridgeOrHost && name === 'absent') {
        reports.push({ pointer: pointer('serviceRegistries', index), target: 'value', messageId: 'needsContainer' });
      }
    }
    return reports;
  },
  examples: {
    valid: [
      {
        kind: 'service',
        json: `{
  "serviceName": "api",
  "taskDefinition": "api:4",
  "desiredCount": 2,
  "launchType": "FARGATE",
  "networkConfiguration": { "awsvpcConfiguration": { "subnets": ["subnet-0a1b2c3d4e5f60718"] } },
  "serviceRegistries": [
    { "registryArn": "arn:aws:servicediscovery:us-east-1:123456789012:service/srv-0123456789abcdef0", "port": 8080 }
  ]
}`,
        yaml: `serviceName: api
taskDefinition: api:4
desiredCount: 2
launchType: FARGATE
networkConfiguration:
  awsvpcConfiguration: { subnets: [subnet-0a1b2c3d4e5f60718] }
serviceRegistries:
  - registryArn: arn:aws:servicediscovery:us-east-1:123456789012:service/srv-0123456789abcdef0
    port: 8080
`,
      },
    ],
    invalid: [
      {
        kind: 'update-service',
        json: `{
  "service": "api",
  "serviceRegistries": [
    {
      "registryArn": "arn:aws:servicediscovery:us-east-1:123456789012:service/srv-0123456789abcdef0",
      "containerName": "api",
      "containerPort": 8080,
      ⟦"port"⟧: 8080
    }
  ]
}`,
        yaml: `service: api
serviceRegistries:
  - registryArn: arn:aws:servicediscovery:us-east-1:123456789012:service/srv-0123456789abcdef0
    containerName: api
    containerPort: 8080
    ⟦port⟧: 8080
`,
      },
      {
        kind: 'service',
        json: `{
  "serviceName": "api",
  "taskDefinition": "api:4",
  "desiredCount": 2,
  "launchType": "EC2",
  "serviceRegistries": [
    { "registryArn": "arn:aws:servicediscovery:us-east-1:123456789012:service/srv-0123456789abcdef0", ⟦"containerName"⟧: "api" }
  ]
}`,
        yaml: `serviceName: api
taskDefinition: api:4
desiredCount: 2
launchType: EC2
serviceRegistries:
  - registryArn: arn:aws:servicediscovery:us-east-1:123456789012:service/srv-0123456789abcdef0
    ⟦containerName⟧: api
`,
      },
      {
        kind: 'ecspresso',
        json: `{
  "desiredCount": 2,
  "launchType": "EC2",
  "serviceRegistries": [⟦{ "registryArn": "arn:aws:servicediscovery:us-east-1:123456789012:service/srv-0123456789abcdef0" }⟧]
}`,
        yaml: `desiredCount: 2
launchType: EC2
serviceRegistries:
  - ⟦{ registryArn: "arn:aws:servicediscovery:us-east-1:123456789012:service/srv-0123456789abcdef0" }⟧
`,
      },
    ],
  },
});
