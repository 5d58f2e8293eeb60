import type { RuleReport } from '../rule';
import { crossFieldRule } from './support/define';
import { managedVolumes } from './support/facts';
import { field, presence } from './support/values';

export default crossFieldRule({
  id: 'ECS247',
  name: 'ebs-initialization-rate-requires-snapshot',
  defaultSeverity: 'error',
  kinds: ['service', 'update-service', 'ecspresso'],
  messages: {
    noSnapshot: 'volumeInitializationRate sets how fast a snapshot is read; it needs snapshotId.',
  },
  docs: {
    description: 'Allows volumeInitializationRate only for volumes created from a snapshot.',
    statement:
      'The initialization rate governs how fast data is fetched from a snapshot into new volumes, ' +
      'so it can be specified only together with a snapshotId.',
    source: 'ServiceManagedEBSVolumeConfiguration (API reference), volumeInitializationRate',
  },
  check(def) {
    const reports: RuleReport[] = [];
    for (const { volume, at } of managedVolumes(def)) {
      if (presence(field(volume, 'volumeInitializationRate')) !== 'present') continue;
      if (presence(field(volume, 'snapshotId')) !== 'absent') continue;
      reports.push({
        pointer: `${at}/volumeInitializationRate`,
        target: 'key',
        messageId: 'noSnapshot',
        fix: { kind: 'remove', pointer: `${at}/volumeInitializationRate`, title: 'Remove volumeInitializationRate' },
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
        "snapshotId": "snap-0123456789abcdef0",
        "volumeInitializationRate": 300
      }
    }
  ]
}`,
        yaml: `service: db
volumeConfigurations:
  - name: data
    managedEBSVolume:
      roleArn: arn:aws:iam::123456789012:role/ecsInfrastructureRole
      snapshotId: snap-0123456789abcdef0
      volumeInitializationRate: 300
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
        "sizeInGiB": 100,
        ⟦"volumeInitializationRate"⟧: 300
      }
    }
  ]
}`,
        yaml: `service: db
volumeConfigurations:
  - name: data
    managedEBSVolume:
      roleArn: arn:aws:iam::123456789012:role/ecsInfrastructureRole
      sizeInGiB: 100
      ⟦volumeInitializationRate⟧: 300
`,
      },
    ],
  },
});
