import type { RuleReport } from '../rule';
import { crossFieldRule } from './support/define';
import { deploymentConfiguration, deploymentStrategy } from './support/facts';
import { field, pointer, presence } from './support/values';

/** Settings that belong to a single deployment strategy. */
const OWNED: ReadonlyArray<{ key: string; strategy: string }> = [
  { key: 'linearConfiguration', strategy: 'LINEAR' },
  { key: 'canaryConfiguration', strategy: 'CANARY' },
  { key: 'earlySuccessCriteria', strategy: 'ROLLING' },
];

export default crossFieldRule({
  id: 'ECS238',
  name: 'deployment-strategy-settings-match',
  defaultSeverity: 'error',
  kinds: ['service', 'update-service', 'ecspresso'],
  messages: {
    mismatch: '{{key}} belongs to the {{owner}} strategy, but this service deploys with {{strategy}}.',
  },
  docs: {
    description: 'Keeps strategy-specific deployment settings with their strategy.',
    statement:
      'linearConfiguration is valid only with the LINEAR strategy, canaryConfiguration only with ' +
      'CANARY, and earlySuccessCriteria only with rolling deployments. A created service without ' +
      'a strategy deploys with ROLLING.',
    source:
      'DeploymentConfiguration (API reference), linearConfiguration, canaryConfiguration and earlySuccessCriteria',
  },
  check(def, { kind }) {
    const config = deploymentConfiguration(def);
    const strategy = deploymentStrategy(def, kind);
    if (!config || strategy === undefined) return [];
    const reports: RuleReport[] = [];
    for (const { key, strategy: owner } of OWNED) {
      if (owner === strategy || presence(field(config, key)) !== 'present') continue;
      const at = pointer('deploymentConfiguration', key);
      reports.push({
        pointer: at,
        target: 'key',
        messageId: 'mismatch',
        data: { key, owner, strategy },
        fix: { kind: 'remove', pointer: at, title: `Remove ${key}` },
      });
    }
    return reports;
  },
  examples: {
    valid: [
      {
        kind: 'update-service',
        json: `{
  "service": "web",
  "deploymentConfiguration": {
    "strategy": "LINEAR",
    "linearConfiguration": { "stepPercent": 10.0, "stepBakeTimeInMinutes": 5 }
  }
}`,
        yaml: `service: web
deploymentConfiguration:
  strategy: LINEAR
  linearConfiguration: { stepPercent: 10.0, stepBakeTimeInMinutes: 5 }
`,
      },
    ],
    invalid: [
      {
        kind: 'update-service',
        json: `{
  "service": "web",
  "deploymentConfiguration": {
    "strategy": "CANARY",
    ⟦"linearConfiguration"⟧: { "stepPercent": 10.0, "stepBakeTimeInMinutes": 5 }
  }
}`,
        yaml: `service: web
deploymentConfiguration:
  strategy: CANARY
  ⟦linearConfiguration⟧: { stepPercent: 10.0, stepBakeTimeInMinutes: 5 }
`,
      },
    ],
  },
});
