import { crossFieldRule } from './support/define';
import { deploymentConfiguration } from './support/facts';
import { field, presence, text } from './support/values';

export default crossFieldRule({
  id: 'ECS239',
  name: 'blue-green-requires-bake-time',
  defaultSeverity: 'error',
  kinds: ['service', 'ecspresso'],
  messages: {
    missing: 'A BLUE_GREEN deployment needs bakeTimeInMinutes: how long both revisions run after the traffic shift.',
  },
  docs: {
    description: 'Requires bakeTimeInMinutes with the BLUE_GREEN deployment strategy.',
    statement:
      'bakeTimeInMinutes, the time blue and green revisions keep running together after ' +
      'production traffic has moved, must be provided when the strategy is BLUE_GREEN.',
    source: 'DeploymentConfiguration (API reference), bakeTimeInMinutes',
  },
  check(def) {
    const config = deploymentConfiguration(def);
    if (text(field(config, 'strategy')) !== 'BLUE_GREEN') return [];
    if (presence(field(config, 'bakeTimeInMinutes')) !== 'absent') return [];
    return [{ pointer: '/deploymentConfiguration/strategy', target: 'value', messageId: 'missing' }];
  },
  examples: {
    valid: [
      {
        kind: 'ecspresso',
        json: `{
  "desiredCount": 2,
  "launchType": "FARGATE",
  "deploymentConfiguration": { "strategy": "BLUE_GREEN", "bakeTimeInMinutes": 10 },
  "networkConfiguration": { "awsvpcConfiguration": { "subnets": ["subnet-0a1b2c3d4e5f60718"] } }
}`,
        yaml: `desiredCount: 2
launchType: FARGATE
deploymentConfiguration: { strategy: BLUE_GREEN, bakeTimeInMinutes: 10 }
networkConfiguration:
  awsvpcConfiguration: { subnets: [subnet-0a1b2c3d4e5f60718] }
`,
      },
    ],
    invalid: [
      {
        kind: 'ecspresso',
        json: `{
  "desiredCount": 2,
  "launchType": "FARGATE",
  "deploymentConfiguration": { "strategy": ⟦"BLUE_GREEN"⟧ },
  "networkConfiguration": { "awsvpcConfiguration": { "subnets": ["subnet-0a1b2c3d4e5f60718"] } }
}`,
        yaml: `desiredCount: 2
launchType: FARGATE
deploymentConfiguration: { strategy: ⟦BLUE_GREEN⟧ }
networkConfiguration:
  awsvpcConfiguration: { subnets: [subnet-0a1b2c3d4e5f60718] }
`,
      },
    ],
  },
});
