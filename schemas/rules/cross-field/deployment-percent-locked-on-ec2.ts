import type { RuleReport } from '../rule';
import { crossFieldRule } from './support/define';
import {
  controllerType,
  deploymentConfiguration,
  isNonRollingController,
  knownLaunchType,
  PERCENT_DEFAULTS,
} from './support/facts';
import { field, num, pointer } from './support/values';

export default crossFieldRule({
  id: 'ECS235',
  name: 'deployment-percent-locked-on-ec2',
  defaultSeverity: 'error',
  kinds: ['service', 'ecspresso'],
  messages: {
    custom:
      'With the {{controller}} controller on EC2, {{key}} is fixed at its default of {{default}}; a custom value is refused.',
  },
  docs: {
    description: 'Forbids custom deployment percentages for CODE_DEPLOY or EXTERNAL services on EC2.',
    statement:
      'For blue/green (CODE_DEPLOY) and EXTERNAL services with EC2 tasks the maximum and minimum ' +
      'healthy percentages take their defaults (200 and 100) and only bound tasks during container ' +
      'instance draining; a custom value cannot be specified.',
    source: 'DeploymentConfiguration (API reference), maximumPercent and minimumHealthyPercent',
  },
  check(def, { kind }) {
    const controller = controllerType(def, kind);
    const config = deploymentConfiguration(def);
    if (!config || !isNonRollingController(controller) || knownLaunchType(def) !== 'EC2') return [];
    const reports: RuleReport[] = [];
    for (const [key, fallback] of Object.entries(PERCENT_DEFAULTS)) {
      const value = num(field(config, key));
      if (value === undefined || value === fallback) continue;
      const at = pointer('deploymentConfiguration', key);
      reports.push({
        pointer: at,
        target: 'value',
        messageId: 'custom',
        data: { controller: controller as string, key, default: fallback },
        fix: { kind: 'set', pointer: at, value: fallback, title: `Set ${key} to ${fallback}` },
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
  "launchType": "EC2",
  "deploymentController": { "type": "EXTERNAL" },
  "deploymentConfiguration": { "maximumPercent": 200, "minimumHealthyPercent": 100 }
}`,
        yaml: `desiredCount: 2
launchType: EC2
deploymentController: { type: EXTERNAL }
deploymentConfiguration: { maximumPercent: 200, minimumHealthyPercent: 100 }
`,
      },
    ],
    invalid: [
      {
        kind: 'ecspresso',
        json: `{
  "desiredCount": 2,
  "launchType": "EC2",
  "deploymentController": { "type": "EXTERNAL" },
  "deploymentConfiguration": { "maximumPercent": 200, "minimumHealthyPercent": ⟦50⟧ }
}`,
        yaml: `desiredCount: 2
launchType: EC2
deploymentController: { type: EXTERNAL }
deploymentConfiguration: { maximumPercent: 200, minimumHealthyPercent: ⟦50⟧ }
`,
      },
    ],
  },
});
