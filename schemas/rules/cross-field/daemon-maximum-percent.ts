import { crossFieldRule } from './support/define';
import { deploymentConfiguration, isDaemon } from './support/facts';
import { field, num } from './support/values';

export default crossFieldRule({
  id: 'ECS211',
  name: 'daemon-maximum-percent',
  defaultSeverity: 'warning',
  kinds: ['service', 'ecspresso'],
  messages: {
    notHundred: 'A DAEMON service keeps maximumPercent at 100 (found {{value}}).',
  },
  docs: {
    description: 'Keeps the deployment maximumPercent of a DAEMON service at 100.',
    statement:
      'For the DAEMON scheduler the maximum percent is meant to stay at its default of 100. The ' +
      'developer guide says so ("should"); the current API reference no longer mentions it, hence ' +
      'a warning.',
    source: 'Service definition parameters (developer guide), deploymentConfiguration.maximumPercent',
  },
  check(def) {
    const value = num(field(deploymentConfiguration(def), 'maximumPercent'));
    if (!isDaemon(def) || value === undefined || value === 100) return [];
    const at = '/deploymentConfiguration/maximumPercent';
    return [
      {
        pointer: at,
        target: 'value',
        messageId: 'notHundred',
        data: { value },
        fix: { kind: 'set', pointer: at, value: 100, title: 'Set maximumPercent to 100' },
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
  "deploymentConfiguration": { "maximumPercent": 100, "minimumHealthyPercent": 0 }
}`,
        yaml: `serviceName: log-router
taskDefinition: log-router:5
launchType: EC2
schedulingStrategy: DAEMON
deploymentConfiguration: { maximumPercent: 100, minimumHealthyPercent: 0 }
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
  "deploymentConfiguration": { "maximumPercent": ⟦200⟧, "minimumHealthyPercent": 0 }
}`,
        yaml: `serviceName: log-router
taskDefinition: log-router:5
launchType: EC2
schedulingStrategy: DAEMON
deploymentConfiguration:
  maximumPercent: ⟦200⟧
  minimumHealthyPercent: 0
`,
      },
    ],
  },
});
