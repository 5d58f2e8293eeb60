import { strict as assert } from 'assert';
import { splitBag } from '../../provider/core/inputs';
import { makeProvider } from '../../provider/core/resource-provider';
import { serviceDriver } from '../../provider/service/driver';

/**
 * A `__proto__` key in the inputs (JSON.parse keeps it as an ordinary key, and so does the
 * engine) must stay a key. Assigned with `obj[key] = value` it became the definition's
 * prototype: `launchType` read through it and own-key validation saw nothing.
 */
describe('provider: hostile inputs', () => {
  const news = (): Record<string, unknown> =>
    JSON.parse('{"serviceName": "web", "cluster": "main", "taskDefinition": "web:1", "desiredCount": 1, "__proto__": {"launchType": "FARGATE"}}');

  it('splitBag keeps __proto__ as an own key of the definition, never its prototype', () => {
    const { definition } = splitBag(news(), []);
    assert.equal(Object.getPrototypeOf(definition), Object.prototype);
    assert.equal((definition as { launchType?: unknown }).launchType, undefined);
    assert.deepEqual(Object.keys(definition), ['serviceName', 'cluster', 'taskDefinition', 'desiredCount', '__proto__']);
  });

  it('check reports __proto__ as an unknown property', async () => {
    const provider = makeProvider(serviceDriver);
    const result = await provider.check!({}, news());
    assert.deepEqual(
      (result.failures ?? []).map((f) => f.property),
      ['__proto__'],
      JSON.stringify(result.failures),
    );
    assert.match(result.failures![0].reason, /^\[ECS101\] /);
  });
});
