import type { RuleReport } from '../rule';
import { crossFieldRule } from './support/define';
import {
  controllerType,
  deploymentConfiguration,
  isNonRollingController,
  PERCENT_DEFAULTS,
  runsOnFargate,
} from './support/facts';
import { field, num, pointer } from './support/values';

export default crossFieldRule({
  id: 'ECS236',
  name: 'deployment-percent-unused-on-fargate',
  defaultSeverity: 'info',
  kinds: ['service', 'ecspresso'],
  messages: {
    unused: 'With the {{controller}} controller on Fargate, {{key}} is not used.',
  },
  docs: {
    description: 'Notes deployment percentages that CODE_DEPLOY or EXTERNAL services on Fargate ignore.',
    statement:
      'For blue/green (CODE_DEPLOY) and EXTERNAL services whose tasks run on Fargate, the maximum ' +
      'and minimum healthy percentages are not used (DescribeServices still returns them). Values ' +
      'equal to the defaults are not reported.',
    source: 'DeploymentConfiguration (API reference), maximumPercent and minimumHealthyPercent',
  },
  check(def, { kind }) {
    const controller = controllerType(def, kind);
    const config = deploymentConfiguration(def);
    if (!config || !isNonRollingController(controller) || runsOnFargate(def) !== true) return [];
    const reports: RuleReport[] = [];
    for (const [key, fallback] of Object.entries(PERCENT_DEFAULTS)) {
      const value = num(field(config, key));
      if (value === undefined || value === fallback) continue;
      const at = pointer('deploymentConfiguration', key);
      reports.push({
        pointer: at,
        target: 'value',
        messageId: 'unused',
        data: { controller: controller as string, key },
        fix: { kind: 'remove', pointer: at, title: `Remove ${key}` },
      });
    }
    return reports;
  },
  examples: {
    valid: [
      {
        kind: 'ecspresso',
        json: `{
  "desiredCount": 2,
  "launchType": "FARGATE",
  "deploymentController": { "type": "EXTERNAL" },
  "deploymentConfiguration": { "maximumPercent": 200, "minimumHealthyPercent": 100 },
  "networkConfiguration": { "awsvpcConfiguration": { "subnets": ["subnet-0a1b2c3d4e5f60718"] } }
}`,
        yaml: `desiredCount: 2
launchType: FARGATE
deploymentController: { type: EXTERNAL }
deploymentConfiguration: { maximumPercent: 200, minimumHealthyPercent: 100 }
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
  "deploymentController": { "type": "EXTERNAL" },
  "deploymentConfiguration": { "maximumPercent": ⟦150⟧, "minimumHealthyPercent": 100 },
  "networkConfiguration": { "awsvpcConfiguration": { "subnets": ["subnet-0a1b2c3d4e5f60718"] } }
}`,
        yaml: `desiredCount: 2
launchType: FARGATE
deploymentController: { type: EXTERNAL }
deploymentConfiguration: { maximumPercent: ⟦150⟧, minimumHealthyPercent: 100 }
networkConfiguration:
  awsvpcConfiguration: { subnets: [subnet-0a1b2c3d4e5f60718] }
`,
      },
    ],
  },
});
