import type { RuleReport } from '../rule';
import { crossFieldRule } from './support/define';
import { managedVolumes } from './support/facts';
import { field, presence } from './support/values';

export default crossFieldRule({
  id: 'ECS243',
  name: 'ebs-volume-size-or-snapshot',
  defaultSeverity: 'error',
  kinds: ['service', 'update-service', 'ecspresso'],
  messages: {
    missing: 'A managed EBS volume needs sizeInGiB or snapshotId to know what to create.',
  },
  docs: {
    description: 'Requires a size or a snapshot for every service-managed EBS volume.',
    statement:
      'Either a volume size or a snapshot ID has to be specified; with a snapshot the volume ' +
      'takes the snapshot size unless a size at least as large is given.',
    source: 'ServiceManagedEBSVolumeConfiguration (API reference), sizeInGiB and snapshotId',
  },
  check(def) {
    const reports: RuleReport[] = [];
    for (const { volume, at } of managedVolumes(def)) {
      if (presence(field(volume, 'sizeInGiB')) !== 'absent') continue;
      if (presence(field(volume, 'snapshotId')) !== 'absent') continue;
      reports.push({ pointer: at, target: 'key', messageId: 'missing' });
    }
    return reports;
  },
  examples: {
    valid: [
      {
        kind: 'update-service',
        json: `{
  "service": "db-cache",
  "volumeConfigurations": [
    {
      "name": "data",
      "managedEBSVolume": {
        "roleArn": "arn:aws:iam::123456789012:role/ecsInfrastructureRole",
        "snapshotId": "snap-0123456789abcdef0"
      }
    }
  ]
}`,
        yaml: `service: db-cache
volumeConfigurations:
  - name: data
    managedEBSVolume:
      roleArn: arn:aws:iam::123456789012:role/ecsInfrastructureRole
      snapshotId: snap-0123456789abcdef0
`,
      },
    ],
    invalid: [
      {
        kind: 'update-service',
        json: `{
  "service": "db-cache",
  "volumeConfigurations": [
    {
      "name": "data",
      ⟦"managedEBSVolume"⟧: { "roleArn": "arn:aws:iam::123456789012:role/ecsInfrastructureRole", "volumeType": "gp3" }
    }
  ]
}`,
        yaml: `service: db-cache
volumeConfigurations:
  - name: data
    ⟦managedEBSVolume⟧:
      roleArn: arn:aws:iam::123456789012:role/ecsInfrastructureRole
      volumeType: gp3
`,
      },
    ],
  },
});
