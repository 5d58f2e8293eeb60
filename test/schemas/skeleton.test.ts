/**
 * The `aws ecs create-service --generate-cli-skeleton` template of the service definition guide,
 * filled with sensible values, validates; typical mistakes fail with the offending pointer.
 */
import { strict as assert } from 'assert';
import { validate } from '../../schemas';

/** The template's keys in the guide's order, with sensible values. */
export const filledSkeleton = {
  cluster: 'production',
  serviceName: 'web',
  taskDefinition: 'web:12',
  loadBalancers: [{ targetGroupArn: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123456789abcdef', containerName: 'web', containerPort: 8080 }],
  serviceRegistries: [{ registryArn: 'arn:aws:servicediscovery:us-east-1:123456789012:service/srv-abc', containerName: 'web', containerPort: 8080 }],
  desiredCount: 3,
  clientToken: 'create-web-2026-11-21',
  capacityProviderStrategy: [{ capacityProvider: 'FARGATE', weight: 1, base: 1 }],
  platformVersion: 'LATEST',
  platformFamily: 'LINUX',
  deploymentConfiguration: { maximumPercent: 200, minimumHealthyPercent: 100 },
  placementConstraints: [],
  placementStrategy: [],
  networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-0abc'], securityGroups: ['sg-0abc'], assignPublicIp: 'DISABLED' } },
  healthCheckGracePeriodSeconds: 30,
  schedulingStrategy: 'REPLICA',
  deploymentController: { type: 'ECS' },
  tags: [{ key: 'team', value: 'web' }],
  enableECSManagedTags: true,
  propagateTags: 'SERVICE',
};

describe('the service definition template', () => {
  it('validates when filled with sensible values (platformFamily only warns)', () => {
    const problems = validate(filledSkeleton, 'service');
    assert.deepEqual(problems.filter((p) => p.severity === 'error'), []);
    assert.deepEqual(problems.map((p) => p.ruleName), ['not-in-api']);
  });

  const cases: [string, Record<string, unknown>, string, string][] = [
    ['an unknown top-level key', { ...filledSkeleton, desiredCuont: 2 }, 'unknown-property', '/desiredCuont'],
    ['a wrong type', { ...filledSkeleton, desiredCount: 'three' }, 'wrong-type', '/desiredCount'],
    ['an out-of-range weight', { ...filledSkeleton, capacityProviderStrategy: [{ capacityProvider: 'FARGATE', weight: 1001 }] }, 'value-out-of-range', '/capacityProviderStrategy/0/weight'],
  ];
  for (const [what, definition, ruleName, pointer] of cases) {
    it(`fails on ${what} with the pointer of the offending value`, () => {
      const errors = validate(definition, 'service').filter((p) => p.severity === 'error');
      assert.deepEqual(errors.map((p) => [p.ruleName, p.pointer]), [[ruleName, pointer]]);
    });
  }
});
