import type { RuleReport } from '../rule';
import { crossFieldRule } from './support/define';
import { FARGATE_PROVIDERS, isDaemon, knownLaunchType, strategyItems } from './support/facts';
import { field, laterKey, pointer, text } from './support/values';

export default crossFieldRule({
  id: 'ECS208',
  name: 'daemon-excludes-fargate',
  defaultSeverity: 'error',
  kinds: ['service', 'ecspresso'],
  messages: {
    launchType: 'Fargate cannot run DAEMON services; use the EC2 launch type or the REPLICA scheduler.',
    provider:
      'The {{provider}} capacity provider is Fargate, which cannot run DAEMON services.',
  },
  docs: {
    description: 'Forbids the DAEMON scheduling strategy on Fargate.',
    statement:
      'Fargate tasks do not support the DAEMON scheduling strategy, whether Fargate is chosen by ' +
      'launchType or through the FARGATE and FARGATE_SPOT capacity providers.',
    source: 'CreateService API reference, schedulingStrategy',
  },
  check(def) {
    if (!isDaemon(def)) return [];
    const reports: RuleReport[] = [];
    if (knownLaunchType(def) === 'FARGATE') {
      reports.push({
        pointer: pointer(laterKey(def, 'schedulingStrategy', 'launchType')),
        target: 'value',
        messageId: 'launchType',
      });
    }
    for (const { item, index } of strategyItems(def)) {
      const provider = text(field(item, 'capacityProvider'));
      if (provider !== undefined && FARGATE_PROVIDERS.includes(provider)) {
        reports.push({
          pointer: pointer('capacityProviderStrategy', index, 'capacityProvider'),
          target: 'value',
          messageId: 'provider',
          data: { provider },
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
  "serviceName": "log-router",
  "taskDefinition": "log-router:5",
  "launchType": "EC2",
  "schedulingStrategy": "DAEMON"
}`,
        yaml: `serviceName: log-router
taskDefinition: log-router:5
launchType: EC2
schedulingStrategy: DAEMON
`,
      },
    ],
    invalid: [
      {
        kind: 'service',
        json: `{
  "serviceName": "log-router",
  "taskDefinition": "log-router:5",
  "schedulingStrategy": "DAEMON",
  "launchType": ⟦"FARGATE"⟧,
  "networkConfiguration": { "awsvpcConfiguration": { "subnets": ["subnet-0a1b2c3d4e5f60718"] } }
}`,
        yaml: `serviceName: log-router
taskDefinition: log-router:5
schedulingStrategy: DAEMON
launchType: ⟦FARGATE⟧
networkConfiguration:
  awsvpcConfiguration: { subnets: [subnet-0a1b2c3d4e5f60718] }
`,
      },
      {
        kind: 'ecspresso',
        json: `{
  "schedulingStrategy": "DAEMON",
  "capacityProviderStrategy": [{ "capacityProvider": ⟦"FARGATE_SPOT"⟧, "weight": 1 }],
  "networkConfiguration": { "awsvpcConfiguration": { "subnets": ["subnet-0a1b2c3d4e5f60718"] } }
}`,
        yaml: `schedulingStrategy: DAEMON
capacityProviderStrategy:
  - capacityProvider: ⟦FARGATE_SPOT⟧
    weight: 1
networkConfiguration:
  awsvpcConfiguration: { subnets: [subnet-0a1b2c3d4e5f60718] }
`,
      },
    ],
  },
});
