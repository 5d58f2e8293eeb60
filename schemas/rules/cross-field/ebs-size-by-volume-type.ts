import type { RuleReport } from '../rule';
import { crossFieldRule } from './support/define';
import { managedVolumes } from './support/facts';
import { field, num, text } from './support/values';

/** Volume size range in GiB per volume type. */
const SIZES: Readonly<Record<string, readonly [number, number]>> = {
  gp2: [1, 16384],
  gp3: [1, 16384],
  io1: [4, 16384],
  io2: [4, 16384],
  st1: [125, 16384],
  sc1: [125, 16384],
  standard: [1, 1024],
};

export default crossFieldRule({
  id: 'ECS246',
  name: 'ebs-size-by-volume-type',
  defaultSeverity: 'error',
  kinds: ['service', 'update-service', 'ecspresso'],
  messages: {
    range: '{{type}} volumes are {{min}} to {{max}} GiB; {{value}} is outside.',
  },
  docs: {
    description: 'Checks sizeInGiB of a managed EBS volume against its volume type.',
    statement:
      'Supported sizes are 1-16,384 GiB for gp2 and gp3, 4-16,384 for io1 and io2, 125-16,384 ' +
      'for st1 and sc1, and 1-1,024 for standard.',
    source: 'ServiceManagedEBSVolumeConfiguration (API reference), sizeInGiB',
  },
  check(def) {
    const reports: RuleReport[] = [];
    for (const { volume, at } of managedVolumes(def)) {
      const type = text(field(volume, 'volumeType'));
      const value = num(field(volume, 'sizeInGiB'));
      const range = type === undefined ? undefined : SIZES[type];
      if (!range || value === undefined || (value >= range[0] && value <= range[1])) continue;
      reports.push({
        pointer: `${at}/sizeInGiB`,
        target: 'value',
        messageId: 'range',
        data: { type: type as string, min: range[0], max: range[1], value },
      });
    }
    return reports;
  },
  examples: {
    valid: [
      {
        kind: 'update-service',
        json: `{
  "service": "archive",
  "volumeConfigurations": [
    {
      "name": "archive",
      "managedEBSVolume": {
        "roleArn": "arn:aws:iam::123456789012:role/ecsInfrastructureRole",
        "volumeType": "st1",
        "sizeInGiB": 500
      }
    }
  ]
}`,
        yaml: `service: archive
volumeConfigurations:
  - name: archive
    managedEBSVolume:
      roleArn: arn:aws:iam::123456789012:role/ecsInfrastructureRole
      volumeType: st1
      sizeInGiB: 500
`,
      },
    ],
    invalid: [
      {
        kind: 'update-service',
        json: `{
  "service": "archive",
  "volumeConfigurations": [
    {
      "name": "archive",
      "managedEBSVolume": {
        "roleArn": "arn:aws:iam::123456789012:role/ecsInfrastructureRole",
        "volumeType": "st1",
        "sizeInGiB": ⟦100⟧
      }
    }
  ]
}`,
        yaml: `service: archive
volumeConfigurations:
  - name: archive
    managedEBSVolume:
      roleArn: arn:aws:iam::123456789012:role/ecsInfrastructureRole
      volumeType: st1
      sizeInGiB: ⟦100⟧
`,
      },
    ],
  },
});
