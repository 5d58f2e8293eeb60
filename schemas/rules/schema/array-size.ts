import type { Rule } from '../rule';

const rule: Rule = {
  id: 'ECS108',
  name: 'array-size',
  group: 'schema',
  defaultSeverity: 'error',
  kinds: ['service', 'update-service', 'express-service', 'express-update', 'ecspresso'],
  messages: {
    tooMany: '{{count}} entries given; at most {{limit}} are allowed.',
    tooFew: '{{count}} entries given; at least {{limit}} are required.',
  },
  docs: {
    description: 'Flags lists with more (or fewer) entries than documented.',
    statement: 'Documented list limits: 16 subnets, 5 security groups, 10 placement constraints, 5 placement strategy rules, 5 target groups, 50 tags, 20 capacity providers.',
    source: 'ECS Developer Guide, Service definition parameters; ECS API Reference, CreateService',
  },
  examples: {
    valid: [
      {
        json: '{ "serviceName": "web", "desiredCount": 1, "networkConfiguration": { "awsvpcConfiguration": { "subnets": ["subnet-1"], "securityGroups": ["sg-1", "sg-2", "sg-3", "sg-4", "sg-5"] } } }',
        yaml: 'serviceName: web\ndesiredCount: 1\nnetworkConfiguration:\n  awsvpcConfiguration:\n    subnets: [subnet-1]\n    securityGroups: [sg-1, sg-2, sg-3, sg-4, sg-5]\n',
      },
    ],
    invalid: [
      {
        json: '{ "serviceName": "web", "desiredCount": 1, "networkConfiguration": { "awsvpcConfiguration": { "subnets": ["subnet-1"], "securityGroups": ⟦["sg-1", "sg-2", "sg-3", "sg-4", "sg-5", "sg-6"]⟧ } } }',
        yaml: 'serviceName: web\ndesiredCount: 1\nnetworkConfiguration:\n  awsvpcConfiguration:\n    subnets: [subnet-1]\n    securityGroups: ⟦[sg-1, sg-2, sg-3, sg-4, sg-5, sg-6]⟧\n',
      },
    ],
  },
};
export default rule;
