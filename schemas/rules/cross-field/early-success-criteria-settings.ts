import type { RuleReport } from '../rule';
import { crossFieldRule } from './support/define';
import { deploymentConfiguration } from './support/facts';
import { bool, field, num, presence } from './support/values';

const BASE = '/deploymentConfiguration/earlySuccessCriteria';

export default crossFieldRule({
  id: 'ECS240',
  name: 'early-success-criteria-settings',
  defaultSeverity: 'error',
  kinds: ['service', 'update-service', 'ecspresso'],
  messages: {
    missing: 'Early success criteria that are enabled also need {{key}}.',
    belowMinimum:
      'healthyPercent ({{healthy}}) must be at least minimumHealthyPercent ({{minimum}}).',
  },
  docs: {
    description: 'Checks the settings that enabled early success criteria depend on.',
    statement:
      'When early success criteria are enabled, healthyPercent and sourceServiceRevisionCleanup ' +
      'must be given too, and healthyPercent may not be lower than the minimumHealthyPercent of ' +
      'the deployment configuration.',
    source: 'DeploymentEarlySuccessCriteria (API reference), enable and healthyPercent',
  },
  check(def) {
    const config = deploymentConfiguration(def);
    const criteria = field(config, 'earlySuccessCriteria');
    const reports: RuleReport[] = [];
    if (bool(field(criteria, 'enable')) === true) {
      for (const key of ['healthyPercent', 'sourceServiceRevisionCleanup']) {
        if (presence(field(criteria, key)) !== 'absent') continue;
        reports.push({ pointer: `${BASE}/enable`, target: 'value', messageId: 'missing', data: { key } });
      }
    }
    const healthy = num(field(criteria, 'healthyPercent'));
    const minimum = num(field(config, 'minimumHealthyPercent'));
    if (healthy !== undefined && minimum !== undefined && healthy < minimum) {
      reports.push({ pointer: `${BASE}/healthyPercent`, target: 'value', messageId: 'belowMinimum', data: { healthy, minimum } });
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
    "minimumHealthyPercent": 100,
    "earlySuccessCriteria": { "enable": true, "healthyPercent": 100, "sourceServiceRevisionCleanup": "DEFERRED" }
  }
}`,
        yaml: `service: web
deploymentConfiguration:
  minimumHealthyPercent: 100
  earlySuccessCriteria:
    enable: true
    healthyPercent: 100
    sourceServiceRevisionCleanup: DEFERRED
`,
      },
    ],
    invalid: [
      {
        kind: 'update-service',
        json: `{
  "service": "web",
  "deploymentConfiguration": {
    "earlySuccessCriteria": { "enable": ⟦true⟧, "healthyPercent": 90 }
  }
}`,
        yaml: `service: web
deploymentConfiguration:
  earlySuccessCriteria:
    enable: ⟦true⟧
    healthyPercent: 90
`,
      },
      {
        kind: 'service',
        json: `{
  "serviceName": "web",
  "taskDefinition": "web:12",
  "desiredCount": 4,
  "launchType": "EC2",
  "deploymentConfiguration": {
    "minimumHealthyPercent": 100,
    "earlySuccessCriteria": { "enable": true, "healthyPercent": ⟦75⟧, "sourceServiceRevisionCleanup": "BLOCKING" }
  }
}`,
        yaml: `serviceName: web
taskDefinition: web:12
desiredCount: 4
launchType: EC2
deploymentConfiguration:
  minimumHealthyPercent: 100
  earlySuccessCriteria: { enable: true, healthyPercent: ⟦75⟧, sourceServiceRevisionCleanup: BLOCKING }
`,
      },
    ],
  },
});
