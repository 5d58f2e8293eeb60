/**
 * Item 5: adopting services that exist outside Pulumi, through the engine and the dynamic
 * provider host against moto. The `import` resource option reaches the provider as the
 * `importId` input (EcsService moves it there: test/provider/resource.test.ts), because the
 * engine's own import reads without the serialised provider, which the Node host cannot serve.
 */
import { strict as assert } from 'assert';
import { startWorld, type World } from './provider-host-world';

describe('e2e: adopting existing services (engine, moto)', function () {
  this.timeout(120_000);
  let w: World;
  before(async function () {
    w = await startWorld(this);
  });
  after(async () => w?.stop());

  const outside = async (name: string, desiredCount: number) =>
    (await w.ecs.send(new w.sdk.CreateServiceCommand({ cluster: w.cluster, serviceName: name, taskDefinition: 'web:1', desiredCount }))).service!.serviceArn!;

  it('the import option adopts the service when the program describes it: no CreateService, then no changes', async () => {
    const arn = await outside('adopted', 1);
    const program = w.program('adopted', { importId: arn });
    const preview = await w.engine.preview('adopted', program);
    assert.equal(preview.rolloutPlan, `import: adopt the existing service ${arn} (fails, creating nothing, if it differs from the definition)`);
    const from = w.mark();
    const step = await w.engine.up('adopted', program);
    assert.equal(step.error, undefined);
    assert.ok(!w.proxy.ops(from).includes('CreateService'), 'nothing is created');
    assert.equal(w.engine.stateOf('adopted')!.id, arn);
    assert.equal(w.engine.stateOf('adopted')!.outputs.serviceArn, arn);
    const { importId: _id, ...withoutImport } = program;
    for (const next of [program, withoutImport]) {
      const again = await w.engine.preview('adopted', next);
      assert.deepEqual([again.rolloutPlan, again.diff?.changes], ['no change', 'DIFF_NONE'], 'keeping or removing the option changes nothing');
    }
    const replacing = await w.engine.preview('adopted', { ...program, launchType: 'EXTERNAL' });
    assert.equal(replacing.op, 'failed', 'a replacement while the import option stays would adopt the old service again');
    assert.match(replacing.failures.map((f) => f.reason).join(' '), /remove the import resource option before a change that replaces the service \(launchType\)/);
  });

  it('an import whose definition differs from the running service fails, naming the fields, and adopts nothing', async () => {
    const arn = await outside('differs', 3);
    const from = w.mark();
    const step = await w.engine.up('differs', w.program('differs', { importId: arn, desiredCount: 1 }));
    assert.match(String(step.error?.message), /cannot import service 'differs' in cluster '[^']+': the program's definition differs from the running service in desiredCount/);
    assert.equal(w.engine.stateOf('differs'), undefined);
    assert.ok(!w.proxy.ops(from).includes('CreateService'));
  });

  it('an import of a service that does not exist fails clearly', async () => {
    const arn = `arn:aws:ecs:us-east-1:123456789012:service/${w.cluster}/missing`;
    const step = await w.engine.up('missing', w.program('missing', { importId: arn }));
    assert.match(String(step.error?.message), /cannot import service 'missing' in cluster '[^']+': ECS has no ACTIVE service/);
  });

  it('EcsService.get reads an existing service by ARN, with every field it reports', async () => {
    const arn = await outside('looked-up', 2);
    const props = await w.engine.get('looked-up', arn, { endpoint: w.proxy.endpoint, region: 'us-east-1' });
    assert.deepEqual([props.serviceArn, props.serviceName, props.cluster, props.desiredCount], [arn, 'looked-up', w.cluster, 2]);
    const { __provider: _p, ...inputs } = props.inputs ?? {};
    assert.deepEqual(
      Object.fromEntries(['serviceName', 'cluster', 'taskDefinition', 'desiredCount', 'endpoint'].map((k) => [k, inputs[k]])),
      { serviceName: 'looked-up', cluster: w.cluster, taskDefinition: props.taskDefinitionArn, desiredCount: 2, endpoint: w.proxy.endpoint },
      'inputs that describe the service are returned with it',
    );
  });
});
