import type { RuleReport } from '../rule';
import { crossFieldRule } from './support/define';
import { managedVolumes } from './support/facts';
import { field, num, presence, text } from './support/values';

/** Provisioned IOPS range per volume type; types absent here take no iops. */
const IOPS: Readonly<Record<string, readonly [number, number]>> = {
  gp3: [3000, 16000],
  io1: [100, 64000],
  io2: [100, 256000],
};
const REQUIRED = ['io1', 'io2'];
const UNSUPPORTED = ['st1', 'sc1', 'standard'];

export default crossFieldRule({
  id: 'ECS244',
  name: 'ebs-iops-by-volume-type',
  defaultSeverity: 'error',
  kinds: ['service', 'update-service', 'ecspresso'],
  messages: {
    required: '{{type}} volumes need iops.',
    unsupported: '{{type}} volumes take no iops setting.',
    range: '{{type}} volumes accept {{min}} to {{max}} IOPS; {{value}} is outside.',
  },
  docs: {
    description: 'Checks iops of a managed EBS volume against its volume type.',
    statement:
      'iops is required for io1 and io2, not supported for st1, sc1 and standard, and must lie in ' +
      '3,000-16,000 for gp3, 100-64,000 for io1 and 100-256,000 for io2.',
    source: 'ServiceManagedEBSVolumeConfiguration (API reference), iops',
  },
  check(def) {
    const reports: RuleReport[] = [];
    for (const { volume, at } of managedVolumes(def)) {
      const type = text(field(volume, 'volumeType'));
      if (type === undefined) continue;
      const iops = field(volume, 'iops');
      const given = presence(iops);
      if (given === 'absent' && REQUIRED.includes(type)) {
        reports.push({ pointer: `${at}/volumeType`, target: 'value', messageId: 'required', data: { type } });
      } else if (given === 'present' && UNSUPPORTED.includes(type)) {
        reports.push({
          pointer: `${at}/iops`,
          target: 'key',
          messageId: 'unsupported',
          data: { type },
          fix: { kind: 'remove', pointer: `${at}/iops`, title: 'Remove iops' },
        });
      }
      const value = num(iops);
      const range = IOPS[type];
      if (value !== undefined && range && (value < range[0] || value > range[1])) {
        reports.push({
          pointer: `${at}/iops`,
          target: 'value',
          messageId: 'range',
          data: { type, min: range[0], max: range[1], value },
        });
      }
    }
    return reports;
  },
  examples: {
    valid: [
      {
        kind: 'service',
        json: `{
  "serviceName": "db",
  "taskDefinition": "db:3",
  "desiredCount": 1,
  "launchType": "EC2",
  "volumeConfigurations": [
    {
      "name": "data",
      "managedEBSVolume": { "roleArn": "arn:aws:iam::123456789012:role/ecsInfrastructureRole", "volumeType": "io2", "sizeInGiB": 100, "iops": 5000 }
    }
  ]
}`,
        yaml: `serviceName: db
taskDefinition: db:3
desiredCount: 1
launchType: EC2
volumeConfigurations:
  - name: data
    managedEBSVolume:
      roleArn: arn:aws:iam::123456789012:role/ecsInfrastructureRole
      volumeType: io2
      sizeInGiB: 100
      iops: 5000
`,
      },
    ],
    invalid: [
      {
        kind: 'service',
        json: `{
  "serviceName": "db",
  "taskDefinition": "db:3",
  "desiredCount": 1,
  "launchType": "EC2",
  "volumeConfigurations": [
    {
      "name": "data",
      "managedEBSVolume": { "roleArn": "arn:aws:iam::123456789012:role/ecsInfrastructureRole", "volumeType": ⟦"io1"⟧, "sizeInGiB": 100 }
    }
  ]
}`,
        yaml: `serviceName: db
taskDefinition: db:3
desiredCount: 1
launchType: EC2
volumeConfigurations:
  - name: data
    managedEBSVolume:
      roleArn: arn:aws:iam::123456789012:role/ecsInfrastructureRole
      volumeType: ⟦io1⟧
      sizeInGiB: 100
`,
      },
      {
        kind: 'update-service',
        json: `{
  "service": "db",
  "volumeConfigurations": [
    {
      "name": "data",
      "managedEBSVolume": { "roleArn": "arn:aws:iam::123456789012:role/ecsInfrastructureRole", "volumeType": "gp3", "sizeInGiB": 100, "iops": ⟦20000⟧ }
    }
  ]
}`,
        yaml: `service: db
volumeConfigurations:
  - name: data
    managedEBSVolume:
      roleArn: arn:aws:iam::123456789012:role/ecsInfrastructureRole
      volumeType: gp3
      sizeInGiB: 100
      iops: ⟦20000⟧
`,
      },
    ],
  },
});
