import type { RuleReport } from '../rule';
import { crossFieldRule } from './support/define';
import { runsOnFargate } from './support/facts';
import { field, pointer, presence } from './support/values';

export default crossFieldRule({
  id: 'ECS224',
  name: 'platform-version-requires-fargate',
  defaultSeverity: 'warning',
  kinds: ['service', 'update-service', 'ecspresso'],
  messages: {
    platformVersion: 'platformVersion applies to Fargate only; these tasks do not run on Fargate.',
    platformFamily: 'platformFamily applies to Fargate only; these tasks do not run on Fargate.',
  },
  docs: {
    description: 'Flags Fargate platform settings on a service that does not run on Fargate.',
    statement:
      'A platform version (and, in a described service, a platform family) is specified only for ' +
      'tasks on Fargate; EC2 tasks take none. CreateService has no platformFamily parameter even ' +
      'though the developer guide template lists one; that key is reported by the schema.',
    source: 'CreateService API reference, platformVersion; Service (API reference), platformFamily',
  },
  check(def) {
    if (runsOnFargate(def) !== false) return [];
    const reports: RuleReport[] = [];
    for (const key of ['platformVersion', 'platformFamily']) {
      if (presence(field(def, key)) !== 'present') continue;
      reports.push({
        pointer: pointer(key),
        target: 'key',
        messageId: key,
        fix: { kind: 'remove', pointer: pointer(key), title: `Remove ${key}` },
      });
    }
    return reports;
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
  "platformVersion": "1.4.0",
  "networkConfiguration": { "awsvpcConfiguration": { "subnets": ["subnet-0a1b2c3d4e5f60718"] } }
}`,
        yaml: `serviceName: web
taskDefinition: web:12
desiredCount: 2
launchType: FARGATE
platformVersion: 1.4.0
networkConfiguration:
  awsvpcConfiguration: { subnets: [subnet-0a1b2c3d4e5f60718] }
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
  ⟦"platformVersion"⟧: "LATEST"
}`,
        yaml: `serviceName: web
taskDefinition: web:12
desiredCount: 2
launchType: EC2
⟦platformVersion⟧: LATEST
`,
      },
      {
        kind: 'ecspresso',
        json: `{
  "desiredCount": 2,
  "capacityProviderStrategy": [{ "capacityProvider": "web-asg-cp", "weight": 1 }],
  ⟦"platformVersion"⟧: "1.4.0"
}`,
        yaml: `desiredCount: 2
capacityProviderStrategy:
  - { capacityProvider: web-asg-cp, weight: 1 }
⟦platformVersion⟧: 1.4.0
`,
      },
    ],
  },
});
