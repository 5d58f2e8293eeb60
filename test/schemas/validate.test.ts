import { strict as assert } from 'assert';
import { validate } from '../../schemas';

describe('validate', () => {
  it('never reports a Go-template placeholder as a wrong value, while checking the rest', () => {
    const problems = validate(
      {
        serviceName: 'web',
        desiredCount: '{{ must_env `DESIRED` }}',
        launchType: '{{ env `LAUNCH_TYPE` "FARGATE" }}',
        taskDefinition: '{{ tfstate `aws_ecs_task_definition.web.arn` }}',
        healthCheckGracePeriodSeconds: -1,
      },
      'service',
    );
    assert.deepEqual(problems.map((p) => [p.ruleName, p.pointer]), [['value-out-of-range', '/healthCheckGracePeriodSeconds']]);
  });

  it('applies per-rule severities by id or name, and "off"', () => {
    const definition = { serviceName: 'web', taskDefinition: 'web:1', desiredCount: 1, platformFamily: 'LINUX', bogus: true };
    const problems = validate(definition, 'service', { rules: { ECS101: 'warning', 'not-in-api': 'off' } });
    assert.deepEqual(problems.map((p) => [p.ruleId, p.severity]), [['ECS101', 'warning']]);
  });

  it('reports a non-object document at the root', () => {
    assert.deepEqual(validate([1, 2], 'service').map((p) => [p.ruleName, p.pointer]), [['wrong-type', '']]);
  });

  it('gives one best message per location', () => {
    const problems = validate({ serviceName: 'web', taskDefinition: 'web:1', desiredCount: 1, capacityProviderStrategy: [{ capacityProvider: 'my-asg-provider', weight: '2000' }] }, 'service');
    assert.deepEqual(problems.map((p) => [p.ruleName, p.pointer]), [['wrong-type', '/capacityProviderStrategy/0/weight']]);
  });

  it('suggests the right case of an enum value and of a property name', () => {
    const problems = validate({ serviceName: 'web', desiredCount: 1, launchType: 'fargate', DesiredCount: 2 }, 'service');
    const fixes = problems.map((p) => p.fix);
    assert.ok(fixes.some((f) => f?.kind === 'set' && f.value === 'FARGATE'));
    assert.ok(problems.some((p) => p.ruleName === 'unknown-property' && p.fix?.kind === 'rename'));
  });

  it('notes output-only keys of an ecspresso definition as information', () => {
    const problems = validate({ desiredCount: 1, runningCount: 1, serviceArn: 'arn:aws:ecs:us-east-1:123456789012:service/c/web' }, 'ecspresso');
    assert.deepEqual(problems.map((p) => [p.ruleName, p.severity, p.pointer]), [
      ['output-only-property', 'info', '/runningCount'],
      ['output-only-property', 'info', '/serviceArn'],
    ]);
  });
});
