import { crossFieldRule } from './support/define';
import { controllerType, isDaemon, isNonRollingController } from './support/facts';
import { laterKey } from './support/values';

export default crossFieldRule({
  id: 'ECS209',
  name: 'daemon-requires-ecs-controller',
  defaultSeverity: 'error',
  kinds: ['service', 'ecspresso'],
  messages: {
    controller:
      'DAEMON services deploy only with the ECS controller; {{controller}} needs the REPLICA scheduler.',
  },
  docs: {
    description: 'Forbids the DAEMON scheduler with the CODE_DEPLOY or EXTERNAL controllers.',
    statement:
      'The CODE_DEPLOY and EXTERNAL deployment controllers require the REPLICA scheduling ' +
      'strategy; DAEMON is not supported with them.',
    source: 'CreateService API reference, schedulingStrategy',
  },
  check(def, { kind }) {
    const controller = controllerType(def, kind);
    if (!isDaemon(def) || !isNonRollingController(controller)) return [];
    const later = laterKey(def, 'schedulingStrategy', 'deploymentController');
    return [
      {
        pointer: later === 'deploymentController' ? '/deploymentController/type' : '/schedulingStrategy',
        target: 'value',
        messageId: 'controller',
        data: { controller: controller as string },
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
  "deploymentController": { "type": "ECS" }
}`,
        yaml: `serviceName: log-router
taskDefinition: log-router:5
launchType: EC2
schedulingStrategy: DAEMON
deploymentController: { type: ECS }
`,
      },
    ],
    invalid: [
      {
        kind: 'service',
        json: `{
  "serviceName": "log-router",
  "launchType": "EC2",
  "schedulingStrategy": "DAEMON",
  "deploymentController": { "type": ⟦"EXTERNAL"⟧ }
}`,
        yaml: `serviceName: log-router
launchType: EC2
schedulingStrategy: DAEMON
deploymentController:
  type: ⟦EXTERNAL⟧
`,
      },
      {
        kind: 'ecspresso',
        json: `{
  "deploymentController": { "type": "EXTERNAL" },
  "launchType": "EC2",
  "schedulingStrategy": ⟦"DAEMON"⟧
}`,
        yaml: `deploymentController: { type: EXTERNAL }
launchType: EC2
schedulingStrategy: ⟦DAEMON⟧
`,
      },
    ],
  },
});
