import type { RuleReport } from '../rule';
import { crossFieldRule } from './support/define';
import { controllerType, deploymentConfiguration, isNonRollingController } from './support/facts';
import { bool, field, pointer, presence } from './support/values';

/** deploymentConfiguration members that only the ECS controller honours; `enabled` ones count only when switched on. */
const FEATURES: ReadonlyArray<{ key: string; messageId: string; enabled: boolean }> = [
  { key: 'deploymentCircuitBreaker', messageId: 'circuitBreaker', enabled: true },
  { key: 'alarms', messageId: 'alarms', enabled: true },
  { key: 'linearConfiguration', messageId: 'trafficShift', enabled: false },
  { key: 'canaryConfiguration', messageId: 'trafficShift', enabled: false },
];

export default crossFieldRule({
  id: 'ECS237',
  name: 'deployment-features-require-ecs-controller',
  defaultSeverity: 'error',
  kinds: ['service', 'update-service', 'ecspresso'],
  messages: {
    circuitBreaker: 'The deployment circuit breaker works only with the ECS controller, not {{controller}}.',
    alarms: 'CloudWatch alarm based failure detection works only with the ECS controller, not {{controller}}.',
    trafficShift: '{{key}} applies only to services deployed by the ECS controller, not {{controller}}.',
  },
  docs: {
    description: 'Forbids ECS-controller deployment features on CODE_DEPLOY or EXTERNAL services.',
    statement:
      'The deployment circuit breaker and deployment alarms can be used only with the rolling ' +
      '(ECS) deployment controller, and linear or canary configurations are valid only when the ' +
      'controller is ECS. A circuit breaker or alarm block with enable false is ignored (that is ' +
      'what DescribeServices returns for such services).',
    source:
      'DeploymentConfiguration (API reference), deploymentCircuitBreaker, alarms, linearConfiguration and canaryConfiguration',
  },
  check(def, { kind }) {
    const controller = controllerType(def, kind);
    const config = deploymentConfiguration(def);
    if (!config || !isNonRollingController(controller)) return [];
    const reports: RuleReport[] = [];
    for (const { key, messageId, enabled } of FEATURES) {
      const value = field(config, key);
      if (enabled ? bool(field(value, 'enable')) !== true : presence(value) !== 'present') continue;
      const at = pointer('deploymentConfiguration', key);
      reports.push({
        pointer: at,
        target: 'key',
        messageId,
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
  "launchType": "EC2",
  "loadBalancers": [
    { "targetGroupArn": "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web-blue/0123456789abcdef", "containerName": "web", "containerPort": 80 }
  ],
  "deploymentController": { "type": "CODE_DEPLOY" },
  "deploymentConfiguration": {
    "deploymentCircuitBreaker": { "enable": false, "rollback": false },
    "maximumPercent": 200,
    "minimumHealthyPercent": 100
  }
}`,
        yaml: `desiredCount: 2
launchType: EC2
loadBalancers:
  - targetGroupArn: arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web-blue/0123456789abcdef
    containerName: web
    containerPort: 80
deploymentController: { type: CODE_DEPLOY }
deploymentConfiguration:
  deploymentCircuitBreaker: { enable: false, rollback: false }
  maximumPercent: 200
  minimumHealthyPercent: 100
`,
      },
    ],
    invalid: [
      {
        kind: 'update-service',
        json: `{
  "service": "web",
  "deploymentController": { "type": "EXTERNAL" },
  "deploymentConfiguration": {
    ⟦"alarms"⟧: { "alarmNames": ["web-5xx-rate"], "enable": true, "rollback": true }
  }
}`,
        yaml: `service: web
deploymentController: { type: EXTERNAL }
deploymentConfiguration:
  ⟦alarms⟧: { alarmNames: [web-5xx-rate], enable: true, rollback: true }
`,
      },
    ],
  },
});
