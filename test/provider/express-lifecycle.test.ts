/**
 * ExpressGatewayService create / read / update / delete through the real AWS SDK against a
 * scripted local endpoint speaking the ECS JSON protocol for the Express operations (moto has
 * none): waiting for each revision's deployment, a failed deployment, throttled calls, errors,
 * a create whose answer is lost, and refresh. The provider runs in-process here;
 * test/e2e/provider-host-express.test.ts drives it through the dynamic-provider host.
 */
import { strict as assert } from 'assert';
import { makeProvider } from '../../provider/core/resource-provider';
import { isSecret } from '../../provider/core/secrets';
import { expressDriver } from '../../provider/express/driver';
import { FAKE_CREDENTIALS } from '../support/moto';
import { useScriptedExpress, type ExpressFixture } from './support/express-fixture';
import { startFaultProxy, type FaultProxy } from './support/fault-proxy';
import { arnOf, clientError, type Json, type ScriptedEcs } from './support/scripted-ecs';
import { expressArn, type ExpressWorld } from './support/scripted-express';

const provider = makeProvider(expressDriver);
const ARN = arnOf.service('prod', 'web');
const ROLE = 'arn:aws:iam::123456789012:role/';

function definition(extra: Json = {}): Json {
  return {
    serviceName: 'web',
    cluster: 'prod',
    infrastructureRoleArn: `${ROLE}ecsInfrastructureRoleForExpressServices`,
    executionRoleArn: `${ROLE}ecsTaskExecutionRole`,
    primaryContainer: { image: 'public.ecr.aws/nginx/nginx:1.27', environment: [{ name: 'STAGE', value: 'prod' }] },
    cpu: '512',
    memory: '1024',
    tags: [{ key: 'team', value: 'web' }],
    ...extra,
  };
}

const failure = <T>(p: Promise<T>) => p.then(() => assert.fail('expected a failure'), (e) => e);

describe('ExpressGatewayService lifecycle (scripted Express endpoint, real SDK)', () => {
  const fx = useScriptedExpress();
  const inputs = (extra: Json = {}) => ({ ...definition(extra), ...fx.settings() });
  /** Creates the service as `pulumi up` would, returning id and outputs. */
  const created = async (extra: Json = {}) => provider.create(inputs(extra));
  /** check + update, as the engine calls them. */
  const updated = async (outs: Json, news: Json) => provider.update!(ARN, outs, (await provider.check!(outs, news)).inputs);

  let world: ExpressWorld;
  let ecs: ScriptedEcs;
  let stderr: ExpressFixture['stderr'];
  beforeEach(() => ({ world, ecs, stderr } = fx));

  it('create follows the first revision to SUCCESSFUL; outputs carry the ARN, the endpoint and the revision', async () => {
    const { id, outs } = await created({ $schema: 'https://ecsdef.dev/schemas/express-service.schema.json' });
    assert.equal(id, ARN);
    assert.deepEqual(
      [outs.serviceArn, outs.status, outs.serviceRevisionArn, outs.activeTaskDefinitionArn, outs.ingressEndpoint, outs.rolloutState],
      [ARN, 'ACTIVE', expressArn.revision('prod', 'web', 1), expressArn.managedTaskDefinition('web', 1), expressArn.endpoint('web'), 'COMPLETED'],
    );
    assert.deepEqual(outs.ingressPaths, [{ accessType: 'PUBLIC', endpoint: expressArn.endpoint('web') }]);
    assert.equal(outs.serviceDeploymentArn, arnOf.serviceDeployment('prod', 'web', 'd1'));
    assert.ok(isSecret(outs.primaryContainer), 'the container (environment, secrets) is stored as a secret');
    assert.deepEqual(ecs.ops(), ['CreateExpressGatewayService', 'DescribeServiceDeployments', 'DescribeServiceDeployments', 'DescribeExpressGatewayService']);
    const request = ecs.calls[0].body;
    assert.deepEqual(Object.keys(request).sort(), ['cluster', 'cpu', 'executionRoleArn', 'infrastructureRoleArn', 'memory', 'primaryContainer', 'serviceName', 'tags']);
    assert.match(stderr.text(), /\[ecsdef\] Express service 'web' in cluster 'prod': deployment IN_PROGRESS, 1\/2 running/);
    assert.match(String(ecs.calls[0].headers.authorization), /Credential=AKIAECSDEFTESTKEY123\//, 'credentials come from the environment at run time');
  });

  it('finds the deployment by its target revision when the create answer does not name it', async () => {
    world.createNamesDeployment = false;
    const { outs } = await created();
    assert.equal(outs.rolloutState, 'COMPLETED');
    assert.deepEqual(ecs.ops().slice(0, 2), ['CreateExpressGatewayService', 'ListServiceDeployments']);
    assert.ok(ecs.calls[1].body.createdAt.after > 0, 'only deployments created since the call are considered');
  });

  it('update sends one UpdateExpressGatewayService with the changed fields and follows the new revision (listed late)', async () => {
    const { outs } = await created();
    world.listLag = 2;
    const news = inputs({ primaryContainer: { image: 'public.ecr.aws/nginx/nginx:1.28' }, cpu: '1024', tags: [{ key: 'team', value: 'api' }] });
    const r = await updated(outs, news);
    const calls = ecs.calls.slice(4);
    const update = calls.filter((c) => c.op === 'UpdateExpressGatewayService');
    assert.equal(update.length, 1);
    assert.deepEqual(update[0].body, { serviceArn: ARN, primaryContainer: { image: 'public.ecr.aws/nginx/nginx:1.28' }, cpu: '1024' });
    assert.deepEqual(calls.filter((c) => c.op.endsWith('Resource')).map((c) => c.op), ['TagResource']);
    assert.equal(calls.filter((c) => c.op === 'ListServiceDeployments').length, 3, 'kept listing until the deployment of the new revision appeared');
    assert.deepEqual([r.outs.serviceRevisionArn, r.outs.rolloutState, r.outs.serviceDeploymentArn], [expressArn.revision('prod', 'web', 2), 'COMPLETED', arnOf.serviceDeployment('prod', 'web', 'd2')]);
    assert.deepEqual(world.only().tags, [{ key: 'team', value: 'api' }]);
    assert.match(stderr.text(), /waiting for the deployment of revision .*\/web\/2 to be listed/);
  });

  it('a tag-only change calls TagResource / UntagResource and waits for nothing', async () => {
    const { outs } = await created();
    const before = ecs.calls.length;
    const r = await updated(outs, inputs({ tags: [{ key: 'owner', value: 'me' }] }));
    assert.deepEqual(ecs.ops().slice(before), ['UntagResource', 'TagResource', 'DescribeExpressGatewayService']);
    assert.equal(r.outs.serviceRevisionArn, expressArn.revision('prod', 'web', 1));
  });

  it('moving to a task definition of its own sends only taskDefinitionArn', async () => {
    const { outs } = await created();
    const td = arnOf.taskDefinition('web:7');
    await updated(outs, inputs({ taskDefinitionArn: td, primaryContainer: undefined, executionRoleArn: undefined, cpu: undefined, memory: undefined }));
    assert.deepEqual(ecs.calls.find((c) => c.op === 'UpdateExpressGatewayService')?.body, { serviceArn: ARN, taskDefinitionArn: td });
    assert.equal(world.only().current.taskDefinitionArn, td);
  });

  it('a rolled-back update fails without a partial result: the old state (what runs again) is kept, and the next preview plans the change again', async () => {
    const { outs } = await created();
    world.outcomes.push({ status: 'ROLLBACK_SUCCESSFUL', reason: 'Service deployment rolled back because the circuit breaker threshold was exceeded.' });
    const news = inputs({ primaryContainer: { image: 'public.ecr.aws/nginx/nginx:broken' }, tags: [{ key: 'team', value: 'api' }] });
    const err = await failure(updated(outs, news));
    assert.equal(err.name, 'UpdateNotApplied');
    assert.equal(err.id, undefined, 'no partial failure: the engine keeps the old inputs and outputs');
    assert.match(err.message, /^Express service 'web' in cluster 'prod': deployment .*\/d2 ended ROLLBACK_SUCCESSFUL: Service deployment rolled back because the circuit breaker/);
    assert.match(err.message, /the state keeps the previous definition/);
    // the next `pulumi up` sees the container change again, from the old state as from the old inputs
    const again = await provider.diff!(ARN, outs, news);
    assert.equal(again.changes, true);
  });

  it('a failed first deployment is a partial failure carrying the service ARN', async () => {
    world.outcomes.push({ status: 'STOPPED', reason: 'tasks failed to start: CannotPullContainerError' });
    const err = await failure(created());
    assert.equal(err.id, ARN);
    assert.match(err.message, /ended STOPPED: tasks failed to start: CannotPullContainerError/);
    assert.equal(err.properties.serviceArn, ARN);
    assert.equal(err.properties.rolloutState, 'FAILED');
  });

  it('a deployment that outlives its timeout fails with the last state, keeping the service', async () => {
    world.outcomes.push({ status: 'HANG' });
    const err = await failure(provider.create({ ...inputs(), timeouts: { create: 0.3 } }));
    assert.equal(err.id, ARN);
    assert.match(err.message, /did not complete within 0\.3 s \(last state IN_PROGRESS/);
    assert.equal(err.properties.rolloutState, 'IN_PROGRESS');
  });

  it('an update after an unfinished rollout, with no changes, resumes following that deployment', async () => {
    world.outcomes.push({ status: 'HANG' });
    const err = await failure(provider.create({ ...inputs(), timeouts: { create: 0.2 } }));
    world.deployments.get(arnOf.serviceDeployment('prod', 'web', 'd1'))!.outcome = { status: 'SUCCESSFUL' };
    const before = ecs.calls.length;
    const r = await updated(err.properties, inputs());
    assert.equal(r.outs.rolloutState, 'COMPLETED');
    assert.ok(!ecs.ops().slice(before).includes('UpdateExpressGatewayService'));
    assert.equal(ecs.ops()[before], 'DescribeServiceDeployments', 'the stored deployment ARN is followed directly');
  });

  it('throttled calls are retried by the SDK (create, update, polls) and the operation completes', async () => {
    const throttle = clientError('ThrottlingException', 'Rate exceeded');
    world.queue('CreateExpressGatewayService', throttle);
    world.queue('DescribeServiceDeployments', throttle);
    const { outs } = await created();
    world.queue('UpdateExpressGatewayService', throttle, throttle);
    const r = await updated(outs, inputs({ cpu: '1024' }));
    assert.equal(r.outs.rolloutState, 'COMPLETED');
    assert.equal(ecs.ops().filter((o) => o === 'CreateExpressGatewayService').length, 2);
    assert.equal(ecs.ops().filter((o) => o === 'UpdateExpressGatewayService').length, 3);
    assert.equal(world.services.size, 1);
  });

  it('a call still throttled after every attempt fails naming the operation and the service; nothing was created', async () => {
    process.env.ECSDEF_MAX_ATTEMPTS = '2';
    world.queue('CreateExpressGatewayService', clientError('ThrottlingException', 'Rate exceeded'), clientError('ThrottlingException', 'Rate exceeded'));
    const err = await failure(created({ serviceName: undefined }));
    assert.equal(err.message, "Amazon ECS CreateExpressGatewayService failed for Express service '(name chosen by ECS)' in cluster 'prod': ThrottlingException: Rate exceeded (HTTP 400)");
    assert.equal(err.id, undefined, 'no partial failure: nothing exists');
    assert.equal(world.services.size, 0);
  });

  it('AWS errors name the service, the operation and the field AWS complains about, never credentials', async () => {
    world.queue('CreateExpressGatewayService', clientError('InvalidParameterException', 'primaryContainer.image: repository does not exist or may require authorization.'));
    const err = await failure(created());
    assert.equal(err.message, "Amazon ECS CreateExpressGatewayService failed for Express service 'web' in cluster 'prod': InvalidParameterException: primaryContainer.image: repository does not exist or may require authorization. (HTTP 400)");
    for (const v of Object.values(FAKE_CREDENTIALS).filter((x) => x.length > 12)) assert.ok(!(err.message + stderr.text()).includes(v));
    const { outs } = await created();
    world.queue('UpdateExpressGatewayService', clientError('InvalidParameterException', 'cpu 3 is not a supported value.'));
    const up = await failure(updated(outs, inputs({ cpu: '3' })));
    assert.match(up.message, /^Amazon ECS UpdateExpressGatewayService failed for Express service 'web' in cluster 'prod': InvalidParameterException: cpu 3/);
    assert.equal(up.id, undefined, 'a refused update changed nothing: the old state stays');
  });

  it('a create whose answer is lost after ECS applied it adopts the service instead of failing or duplicating it', async () => {
    const proxy: FaultProxy = await startFaultProxy(ecs.endpoint);
    try {
      proxy.inject('CreateExpressGatewayService', 'drop-after');
      const { id, outs } = await provider.create({ ...inputs(), endpoint: proxy.endpoint });
      assert.equal(id, ARN);
      assert.equal(outs.rolloutState, 'COMPLETED');
      assert.equal(world.services.size, 1);
      assert.deepEqual(ecs.ops().slice(0, 3), ['CreateExpressGatewayService', 'CreateExpressGatewayService', 'DescribeServices']);
      assert.match(stderr.text(), /failed in transit but the service exists; adopting it/);
    } finally {
      await proxy.close();
    }
  });

  it('refresh: no drift right after create; a change made outside Pulumi shows; a deleted service is gone', async () => {
    const { outs } = await created({ networkConfiguration: undefined, scalingTarget: undefined });
    const desired = inputs();
    const fresh = await provider.read!(ARN, outs);
    assert.equal(fresh.id, ARN);
    assert.equal((await provider.diff!(ARN, fresh.props!, desired)).changes, false, 'ECS defaults (port, log group, network, scaling) are not drift');
    world.only().current.primaryContainer.image = 'public.ecr.aws/nginx/nginx:hotfix';
    const drifted = await provider.read!(ARN, outs);
    assert.equal((drifted.props!.primaryContainer as { value: Json }).value.image, 'public.ecr.aws/nginx/nginx:hotfix');
    assert.equal((await provider.diff!(ARN, drifted.props!, desired)).changes, true);
    world.only().status = 'INACTIVE';
    assert.deepEqual(await provider.read!(ARN, outs), { id: '', props: {} });
  });

  it('waitForDeployment off: no polling, NOT_FOLLOWED', async () => {
    const { outs } = await provider.create({ ...inputs(), waitForDeployment: false });
    assert.equal(outs.rolloutState, 'NOT_FOLLOWED');
    assert.ok(!ecs.ops().includes('DescribeServiceDeployments'));
  });

  it('delete calls DeleteExpressGatewayService and waits for INACTIVE; a second delete finds nothing to do', async () => {
    const { outs } = await created();
    const before = ecs.calls.length;
    await provider.delete!(ARN, outs);
    assert.deepEqual(ecs.ops().slice(before), ['DescribeExpressGatewayService', 'DeleteExpressGatewayService', 'DescribeExpressGatewayService', 'DescribeExpressGatewayService', 'DescribeExpressGatewayService']);
    assert.equal(world.only().status, 'INACTIVE');
    const again = ecs.calls.length;
    await provider.delete!(ARN, outs);
    assert.deepEqual(ecs.ops().slice(again), ['DescribeExpressGatewayService']);
  });

  it('a delete that does not reach INACTIVE in time fails with the status', async () => {
    const { outs } = await created();
    world.drainPolls = 1000;
    const err = await failure(provider.delete!(ARN, { ...outs, timeouts: { delete: 0.2 } }));
    assert.match(err.message, /^Express service 'web' in cluster 'prod' was deleted but did not become INACTIVE within 0\.2 s \(status DRAINING\)/);
  });
});
