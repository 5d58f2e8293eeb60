import type { RuleReport } from '../rule';
import { crossFieldRule } from './support/define';
import { managedVolumes, runsOnFargate } from './support/facts';
import { field, text } from './support/values';

export default crossFieldRule({
  id: 'ECS248',
  name: 'ebs-magnetic-not-on-fargate',
  defaultSeverity: 'error',
  kinds: ['service', 'update-service', 'ecspresso'],
  messages: {
    magnetic: 'Fargate tasks cannot attach magnetic (standard) volumes; choose gp3, gp2, io1, io2, st1 or sc1.',
  },
  docs: {
    description: 'Forbids the magnetic (standard) EBS volume type on Fargate.',
    statement: 'The magnetic volume type, standard, is not supported on Fargate.',
    source: 'ServiceManagedEBSVolumeConfiguration (API reference), volumeType',
  },
  check(def) {
    if (runsOnFargate(def) !== true) return [];
    const reports: RuleReport[] = [];
    for (const { volume, at } of managedVolumes(def)) {
      if (text(field(volume, 'volumeType')) !== 'standard') continue;
      reports.push({ pointer: `${at}/volumeType`, target: 'value', messageId: 'magnetic' });
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
  "launchType": "FARGATE",
  "networkConfiguration": { "awsvpcConfiguration": { "subnets": ["subnet-0a1b2c3d4e5f60718"] } },
  "volumeConfigurations": [
    {
      "name": "data",
      "managedEBSVolume": { "roleArn": "arn:aws:iam::123456789012:role/ecsInfrastructureRole", "volumeType": "gp3", "sizeInGiB": 20 }
    }
  ]
}`,
        yaml: `serviceName: db
taskDefinition: db:3
desiredCount: 1
launchType: FARGATE
networkConfiguration:
  awsvpcConfiguration: { subnets: [subnet-0a1b2c3d4e5f60718] }
volumeConfigurations:
  - name: data
    managedEBSVolume: { roleArn: "arn:aws:iam::123456789012:role/ecsInfrastructureRole", volumeType: gp3, sizeInGiB: 20 }
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
  "launchType": "FARGATE",
  "networkConfiguration": { "awsvpcConfiguration": { "subnets": ["subnet-0a1b2c3d4e5f60718"] } },
  "volumeConfigurations": [
    {
      "name": "data",
      "managedEBSVolume": { "roleArn": "arn:aws:iam::123456789012:role/ecsInfrastructureRole", "volumeType": ⟦"standard"⟧, "sizeInGiB": 20 }
    }
  ]
}`,
        yaml: `serviceName: db
taskDefinition: db:3
desiredCount: 1
launchType: FARGATE
networkConfiguration:
  awsvpcConfiguration: { subnets: [subnet-0a1b2c3d4e5f60718] }
volumeConfigurations:
  - name: data
    managedEBSVolume: { roleArn: "arn:aws:iam::123456789012:role/ecsInfrastructureRole", volumeType: ⟦standard⟧, sizeInGiB: 20 }
`,
      },
    ],
  },
});
