import { crossFieldRule } from './support/define';
import { runsOnFargate } from './support/facts';
import { field, isGiven, presence } from './support/values';

export default crossFieldRule({
  id: 'ECS223',
  name: 'fargate-requires-network-configuration',
  defaultSeverity: 'error',
  kinds: ['service', 'ecspresso'],
  messages: {
    missing: 'Fargate tasks use awsvpc networking; add networkConfiguration.awsvpcConfiguration with subnets.',
  },
  docs: {
    description: 'Requires an awsvpc network configuration for services on Fargate.',
    statement:
      'Fargate requires the awsvpc network mode, and tasks in that mode need the service network ' +
      'configuration to receive their own network interface. Reported on networkConfiguration ' +
      'when it lacks awsvpcConfiguration, otherwise on what selects Fargate.',
    source: 'Service definition parameters (developer guide), networkConfiguration',
  },
  check(def) {
    if (runsOnFargate(def) !== true) return [];
    const network = field(def, 'networkConfiguration');
    if (presence(network) === 'unknown') return [];
    if (presence(field(network, 'awsvpcConfiguration')) !== 'absent') return [];
    const at = isGiven(network)
      ? '/networkConfiguration'
      : isGiven(field(def, 'launchType'))
        ? '/launchType'
        : '/capacityProviderStrategy';
    return [{ pointer: at, target: 'key', messageId: 'missing' }];
  },
  examples: {
    valid: [
      {
        kind: 'ecspresso',
        json: `{
  "desiredCount": 2,
  "launchType": "FARGATE",
  "networkConfiguration": {
    "awsvpcConfiguration": { "subnets": ["subnet-0a1b2c3d4e5f60718"], "securityGroups": ["sg-0123456789abcdef0"] }
  }
}`,
        yaml: `desiredCount: 2
launchType: FARGATE
networkConfiguration:
  awsvpcConfiguration:
    subnets: [subnet-0a1b2c3d4e5f60718]
    securityGroups: [sg-0123456789abcdef0]
`,
      },
    ],
    invalid: [
      {
        kind: 'service',
        json: `{
  "serviceName": "web",
  "taskDefinition": "web:12",
  "desiredCount": 2,
  ⟦"launchType"⟧: "FARGATE"
}`,
        yaml: `serviceName: web
taskDefinition: web:12
desiredCount: 2
⟦launchType⟧: FARGATE
`,
      },
    ],
  },
});
