import type { RuleReport } from '../rule';
import { crossFieldRule } from './support/define';
import { deploymentConfiguration, objectItems } from './support/facts';
import { entries, field, isGiven, pointer, presence, text } from './support/values';

const LAMBDA_ONLY_STAGES = ['TEST_TRAFFIC_SHIFT', 'PRODUCTION_TRAFFIC_SHIFT'];

export default crossFieldRule({
  id: 'ECS241',
  name: 'lifecycle-hook-settings',
  defaultSeverity: 'error',
  kinds: ['service', 'update-service', 'ecspresso'],
  messages: {
    lambdaTarget: 'An AWS_LAMBDA lifecycle hook (the default type) needs hookTargetArn, the function to invoke.',
    stages: 'A lifecycle hook needs lifecycleStages: the deployment stages at which it runs.',
    pauseStage: 'PAUSE hooks cannot run at {{stage}}; only AWS_LAMBDA hooks can.',
  },
  docs: {
    description: 'Checks the target and stages of deployment lifecycle hooks.',
    statement:
      'Every lifecycle hook lists its lifecycle stages; an AWS_LAMBDA hook (the default target ' +
      'type) names its function in hookTargetArn; PAUSE hooks cannot be placed at the ' +
      'TEST_TRAFFIC_SHIFT or PRODUCTION_TRAFFIC_SHIFT stages.',
    source: 'DeploymentLifecycleHook (API reference), targetType, hookTargetArn and lifecycleStages',
  },
  check(def) {
    const reports: RuleReport[] = [];
    for (const { item, index } of objectItems(deploymentConfiguration(def), 'lifecycleHooks')) {
      const at = pointer('deploymentConfiguration', 'lifecycleHooks', index);
      const rawType = field(item, 'targetType');
      const type = isGiven(rawType) ? text(rawType) : 'AWS_LAMBDA';
      if (type === 'AWS_LAMBDA' && presence(field(item, 'hookTargetArn')) === 'absent') {
        reports.push({ pointer: at, target: 'value', messageId: 'lambdaTarget' });
      }
      const stages = field(item, 'lifecycleStages');
      if (presence(stages) === 'absent') {
        reports.push({ pointer: at, target: 'value', messageId: 'stages' });
      }
      if (type !== 'PAUSE') continue;
      for (const { value, index: j } of entries(stages)) {
        const stage = text(value);
        if (stage === undefined || !LAMBDA_ONLY_STAGES.includes(stage)) continue;
        reports.push({ pointer: `${at}/lifecycleStages/${j}`, target: 'value', messageId: 'pauseStage', data: { stage } });
      }
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
    "strategy": "BLUE_GREEN",
    "bakeTimeInMinutes": 15,
    "lifecycleHooks": [
      {
        "hookTargetArn": "arn:aws:lambda:us-east-1:123456789012:function:smoke-test",
        "roleArn": "arn:aws:iam::123456789012:role/ecsHookInvokeRole",
        "lifecycleStages": ["POST_TEST_TRAFFIC_SHIFT"]
      },
      { "targetType": "PAUSE", "lifecycleStages": ["PRE_PRODUCTION_TRAFFIC_SHIFT"] }
    ]
  }
}`,
        yaml: `service: web
deploymentConfiguration:
  strategy: BLUE_GREEN
  bakeTimeInMinutes: 15
  lifecycleHooks:
    - hookTargetArn: arn:aws:lambda:us-east-1:123456789012:function:smoke-test
      roleArn: arn:aws:iam::123456789012:role/ecsHookInvokeRole
      lifecycleStages: [POST_TEST_TRAFFIC_SHIFT]
    - targetType: PAUSE
      lifecycleStages: [PRE_PRODUCTION_TRAFFIC_SHIFT]
`,
      },
    ],
    invalid: [
      {
        kind: 'update-service',
        json: `{
  "service": "web",
  "deploymentConfiguration": {
    "strategy": "BLUE_GREEN",
    "bakeTimeInMinutes": 15,
    "lifecycleHooks": [{ "targetType": "PAUSE", "lifecycleStages": [⟦"PRODUCTION_TRAFFIC_SHIFT"⟧] }]
  }
}`,
        yaml: `service: web
deploymentConfiguration:
  strategy: BLUE_GREEN
  bakeTimeInMinutes: 15
  lifecycleHooks:
    - targetType: PAUSE
      lifecycleStages: [⟦PRODUCTION_TRAFFIC_SHIFT⟧]
`,
      },
      {
        kind: 'update-service',
        json: `{
  "service": "web",
  "deploymentConfiguration": {
    "strategy": "BLUE_GREEN",
    "bakeTimeInMinutes": 15,
    "lifecycleHooks": [⟦{ "roleArn": "arn:aws:iam::123456789012:role/ecsHookInvokeRole", "lifecycleStages": ["PRE_SCALE_UP"] }⟧]
  }
}`,
        yaml: `service: web
deploymentConfiguration:
  strategy: BLUE_GREEN
  bakeTimeInMinutes: 15
  lifecycleHooks:
    - ⟦{ roleArn: "arn:aws:iam::123456789012:role/ecsHookInvokeRole", lifecycleStages: [PRE_SCALE_UP] }⟧
`,
      },
    ],
  },
});
