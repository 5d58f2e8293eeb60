import { crossFieldRule } from './support/define';
import { knownLaunchType } from './support/facts';
import { field, text } from './support/values';

export default crossFieldRule({
  id: 'ECS225',
  name: 'assign-public-ip-requires-fargate',
  defaultSeverity: 'warning',
  kinds: ['service', 'ecspresso'],
  messages: {
    launchType: 'Tasks on the {{launchType}} launch type get no public IP; ENABLED works only on Fargate.',
  },
  docs: {
    description: 'Flags assignPublicIp ENABLED for tasks on the EC2 or EXTERNAL launch type.',
    statement:
      'Only a Fargate task in a public subnet can have a public address assigned to its network ' +
      'interface; on other launch types ECS refuses ENABLED. The API reference instead says the ' +
      'value must be DISABLED whenever the controller is ECS, which contradicts the Fargate ' +
      'networking guide and everyday use, so that sentence is not encoded.',
    source: 'Fargate task networking (developer guide), awsvpcConfiguration.assignPublicIp',
  },
  check(def) {
    const launchType = knownLaunchType(def);
    if (launchType !== 'EC2' && launchType !== 'EXTERNAL') return [];
    const network = field(field(def, 'networkConfiguration'), 'awsvpcConfiguration');
    if (text(field(network, 'assignPublicIp')) !== 'ENABLED') return [];
    const at = '/networkConfiguration/awsvpcConfiguration/assignPublicIp';
    return [
      {
        pointer: at,
        target: 'value',
        messageId: 'launchType',
        data: { launchType },
        fix: { kind: 'set', pointer: at, value: 'DISABLED', title: 'Set assignPublicIp to DISABLED' },
      },
    ];
  },
  examples: {
    valid: [
      {
        kind: 'service',
        json: `{
  "serviceName": "web",
  "taskDefinition": "web:12",
  "desiredCount": 2,
  "launchType": "FARGATE",
  "networkConfiguration": {
    "awsvpcConfiguration": { "subnets": ["subnet-0a1b2c3d4e5f60718"], "assignPublicIp": "ENABLED" }
  }
}`,
        yaml: `serviceName: web
taskDefinition: web:12
desiredCount: 2
launchType: FARGATE
networkConfiguration:
  awsvpcConfiguration:
    subnets: [subnet-0a1b2c3d4e5f60718]
    assignPublicIp: ENABLED
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
  "launchType": "EC2",
  "networkConfiguration": {
    "awsvpcConfiguration": { "subnets": ["subnet-0a1b2c3d4e5f60718"], "assignPublicIp": ⟦"ENABLED"⟧ }
  }
}`,
        yaml: `serviceName: web
taskDefinition: web:12
desiredCount: 2
launchType: EC2
networkConfiguration:
  awsvpcConfiguration:
    subnets: [subnet-0a1b2c3d4e5f60718]
    assignPublicIp: ⟦ENABLED⟧
`,
      },
    ],
  },
});
