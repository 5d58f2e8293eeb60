import { crossFieldRule } from './support/define';
import { isDaemon } from './support/facts';
import { field, presence } from './support/values';

export default crossFieldRule({
  id: 'ECS212',
  name: 'daemon-excludes-volume-configurations',
  defaultSeverity: 'error',
  kinds: ['service', 'ecspresso'],
  messages: {
    daemon: 'Volumes configured at launch (volumeConfigurations) work for REPLICA services only, not DAEMON.',
  },
  docs: {
    description: 'Forbids volumeConfigurations on a DAEMON service.',
    statement: 'Configuring Amazon EBS volumes through the service is supported for REPLICA services and not for DAEMON services.',
    source: 'UpdateService API reference, volumeConfigurations',
  },
  check(def) {
    if (!isDaemon(def) || presence(field(def, 'volumeConfigurations')) !== 'present') return [];
    return [
      {
        pointer: '/volumeConfigurations',
        target: 'key',
        messageId: 'daemon',
        fix: { kind: 'remove', pointer: '/volumeConfigurations', title: 'Remove volumeConfigurations' },
      },
    ];
  },
  examples: {
    valid: [
      {
        kind: 'service',
        json: `{
  "serviceName": "log-router",
  "taskDefinition": "log-router:5",
  "launchType": "EC2",
  "schedulingStrategy": "DAEMON",
  "volumeConfigurations": []
}`,
        yaml: `serviceName: log-router
taskDefinition: log-router:5
launchType: EC2
schedulingStrategy: DAEMON
volumeConfigurations: []
`,
      },
    ],
    invalid: [
      {
        kind: 'service',
        json: `{
  "serviceName": "log-router",
  "taskDefinition": "log-router:5",
  "launchType": "EC2",
  "schedulingStrategy": "DAEMON",
  ⟦"volumeConfigurations"⟧: [
    {
      "name": "scratch",
      "managedEBSVolume": { "roleArn": "arn:aws:iam::123456789012:role/ecsInfrastructureRole", "sizeInGiB": 20 }
    }
  ]
}`,
        yaml: `serviceName: log-router
taskDefinition: log-router:5
launchType: EC2
schedulingStrategy: DAEMON
⟦volumeConfigurations⟧:
  - name: scratch
    managedEBSVolume:
      roleArn: arn:aws:iam::123456789012:role/ecsInfrastructureRole
      sizeInGiB: 20
`,
      },
    ],
  },
});
