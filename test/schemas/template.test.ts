/**
 * Placeholder styles: each listed style is recognised, and ordinary values ECS takes are not
 * mistaken for placeholders (which would silence real checks on them).
 */
import { strict as assert } from 'node:assert';
import { isTemplated, PLACEHOLDER_STYLES } from '../../schemas/template';
import { validate } from '../../schemas/validate';

describe('placeholder styles', () => {
  for (const style of PLACEHOLDER_STYLES) {
    it(`${style.name}: "${style.example}" is a placeholder, alone and inside a longer value`, () => {
      assert.ok(isTemplated(style.example));
      assert.ok(isTemplated(`prefix-${style.example}-suffix`));
    });
  }

  const ordinary = [
    'arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/web/0123456789abcdef',
    'arn:aws:ecs:us-east-1:111122223333:task-definition/web:12',
    'sg-0123456789abcdef0',
    'web_service-2',
    '/healthz?ready=1',
    'FARGATE',
    'a < b > c',
    '$5 per month',
    'C# {service}',
    'python __init__ style',
    'replace me later',
  ];
  for (const value of ordinary) {
    it(`"${value}" is an ordinary value`, () => assert.equal(isTemplated(value), false));
  }

  it('a placeholder silences value checks and cross-field rules, not the checks on other fields', () => {
    const problems = validate(
      {
        cluster: '${CLUSTER}',
        serviceName: 'web',
        taskDefinition: 'web',
        desiredCount: '$(Count)',
        launchType: '<+pipeline.variables.launchType>',
        platformVersion: 'LATEST',
        schedulingStrategy: 'EVERYWHERE',
      },
      'service',
    );
    assert.deepEqual(problems.map((p) => `${p.ruleId} ${p.pointer}`), ['ECS104 /schedulingStrategy']);
  });
});
