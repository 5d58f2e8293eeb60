import type { RuleReport } from '../rule';
import { crossFieldRule } from './support/define';
import { managedVolumes } from './support/facts';
import { field, presence, text } from './support/values';

export default crossFieldRule({
  id: 'ECS245',
  name: 'ebs-throughput-requires-gp3',
  defaultSeverity: 'error',
  kinds: ['service', 'update-service', 'ecspresso'],
  messages: {
    notGp3: 'throughput can be provisioned for gp3 volumes only, not {{type}}.',
  },
  docs: {
    description: 'Allows a provisioned throughput only on gp3 managed EBS volumes.',
    statement: 'The throughput setting is supported only for the gp3 volume type.',
    source: 'ServiceManagedEBSVolumeConfiguration (API reference), throughput',
  },
  check(def) {
    const reports: RuleReport[] = [];
    for (const { volume, at } of managedVolumes(def)) {
      const type = text(field(volume, 'volumeType'));
      if (type === undefined || type === 'gp3' || presence(field(volume, 'throughput')) !== 'present') continue;
      reports.push({
        pointer: `${at}/throughput`,
        target: 'key',
        messageId: 'notGp3',
        data: { type },
        fix: { kind: 'remove', pointer: `${at}/throughput`, title: 'Remove throughput' },
      });
    }
    return reports;
  },
  examples: {
    valid: [
      {
        kind: 'update-service',
        json: `{
  "service": "db",
  "volumeConfigurations": [
    {
      "name": "data",
      "managedEBSVolume": {
        "roleArn": "arn:aws:iam::123456789012:role/ecsInfrastructureRole",
        "volumeType": "gp3",
        "sizeInGiB": 50,
        "throughput": 250
      }
    }
  ]
}`,
        yaml: `service: db
volumeConfigurations:
  - name: data
    managedEBSVolume:
      roleArn: arn:aws:iam::123456789012:role/ecsInfrastructureRole
      volumeType: gp3
      sizeInGiB: 50
      throughput: 250
`,
      },
    ],
    invalid: [
      {
        kind: 'update-service',
        json: `{
  "service": "db",
  "volumeConfigurations": [
    {
      "name": "data",
      "managedEBSVolume": {
        "roleArn": "arn:aws:iam::123456789012:role/ecsInfrastructureRole",
        "volumeType": "gp2",
        "sizeInGiB": 50,
        ⟦"throughput"⟧: 250
      }
    }
  ]
}`,
        yaml: `service: db
volumeConfigurations:
  - name: data
    managedEBSVolume:
      roleArn: arn:aws:iam::123456789012:role/ecsInfrastructureRole
      volumeType: gp2
      sizeInGiB: 50
      ⟦throughput⟧: 250
`,
      },
    ],
  },
});
