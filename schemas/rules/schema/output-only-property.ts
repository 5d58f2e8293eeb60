import type { Rule } from '../rule';

const rule: Rule = {
  id: 'ECS110',
  name: 'output-only-property',
  group: 'schema',
  // ecspresso init writes these keys itself; the file works as written, so this is information.
  defaultSeverity: 'info',
  kinds: ['ecspresso'],
  messages: { ignored: '"{{property}}" is ignored here: {{why}}.' },
  docs: {
    description: 'Notes keys in an ecspresso service definition that are read-only or set elsewhere.',
    statement:
      'An ecspresso service definition is the DescribeServices shape: keys that only DescribeServices returns (status, counts, events, ARNs) and the cluster, service name and task definition that ecspresso takes from its own configuration have no effect.',
    source: 'ECS API Reference, DescribeServices response (Service); ecspresso service definition format',
  },
  examples: {
    valid: [{ kind: 'ecspresso', json: '{ "desiredCount": 1, "launchType": "FARGATE" }', yaml: 'desiredCount: 1\nlaunchType: FARGATE\n' }],
    invalid: [
      { kind: 'ecspresso', json: '{ "desiredCount": 1, ⟦"runningCount"⟧: 1 }', yaml: 'desiredCount: 1\n⟦runningCount⟧: 1\n' },
    ],
  },
};
export default rule;
