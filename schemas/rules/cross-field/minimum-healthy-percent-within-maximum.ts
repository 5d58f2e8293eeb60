import { crossFieldRule } from './support/define';
import { deploymentConfiguration } from './support/facts';
import { field, laterKey, num, pointer } from './support/values';

export default crossFieldRule({
  id: 'ECS234',
  name: 'minimum-healthy-percent-within-maximum',
  defaultSeverity: 'error',
  kinds: ['service', 'update-service', 'ecspresso'],
  messages: {
    inverted: 'minimumHealthyPercent ({{minimum}}) is above maximumPercent ({{maximum}}); the lower limit cannot exceed the upper.',
  },
  docs: {
    description: 'Keeps minimumHealthyPercent at or below maximumPercent.',
    statement:
      'During a rolling deployment minimumHealthyPercent is the lower limit and maximumPercent the ' +
      'upper limit on the tasks kept, both as a share of desiredCount; a lower limit above the ' +
      'upper one cannot be met.',
    source: 'DeploymentConfiguration (API reference), maximumPercent and minimumHealthyPercent',
  },
  check(def) {
    const config = deploymentConfiguration(def);
    if (!config) return [];
    const minimum = num(field(config, 'minimumHealthyPercent'));
    const maximum = num(field(config, 'maximumPercent'));
    if (minimum === undefined || maximum === undefined || minimum <= maximum) return [];
    return [
      {
        pointer: pointer('deploymentConfiguration', laterKey(config, 'minimumHealthyPercent', 'maximumPercent')),
        target: 'value',
        messageId: 'inverted',
        data: { minimum, maximum },
      },
    ];
  },
  examples: {
    valid: [
      {
        kind: 'update-service',
        json: `{
  "service": "web",
  "deploymentConfiguration": { "maximumPercent": 150, "minimumHealthyPercent": 100 }
}`,
        yaml: `service: web
deploymentConfiguration: { maximumPercent: 150, minimumHealthyPercent: 100 }
`,
      },
    ],
    invalid: [
      {
        kind: 'update-service',
        json: `{
  "service": "web",
  "deploymentConfiguration": { "maximumPercent": 100, "minimumHealthyPercent": ⟦150⟧ }
}`,
        yaml: `service: web
deploymentConfiguration:
  maximumPercent: 100
  minimumHealthyPercent: ⟦150⟧
`,
      },
    ],
  },
});
