/**
 * EcsService as `pulumi up` runs it: the test engine (ignoreChanges, the re-check of a
 * replacement, same steps, init errors, refresh with returned inputs) over the real dynamic
 * provider host, against moto_server behind a counting proxy that also answers like real ECS
 * (defaults, the service-linked role, binpack fields in capitals; provider/support/ecs-echo.ts).
 *
 * Every preview is checked for what it claims and for the AWS calls it made (none); every `up`
 * for the requests it sent, which must be what the preview said.
 */
import { strict as assert } from 'assert';
import type { Bag, ResourceOptions } from '../support/dynamic-host';
import { createNetwork } from '../support/moto';
import { realEcsEcho } from '../provider/support/ecs-echo';
import { startFaultProxy, type FaultProxy } from '../provider/support/fault-proxy';
import { startWorld, type World } from './provider-host-world';

const NOT_FOLLOWED = 'not followed (waitForDeployment is off)';

describe('e2e: EcsService through the engine and the dynamic-provider host (moto)', function () {
  this.timeout(120_000);
  let w: World;

  before(async function () {
    w = await startWorld(this, { rewrite: realEcsEcho() });
  });
  after(async () => w?.stop());

  const preview = (name: string, program: Bag, opts?: ResourceOptions) => w.preview(name, program, opts);
  const up = (name: string, program: Bag, opts?: ResourceOptions) => w.up(name, program, opts);
  const live = async (name: string) => (await w.ecs.send(new w.sdk.DescribeServicesCommand({ cluster: w.cluster, services: [name] }))).services?.[0];

  it('item 1: after a refresh that found drift, the preview shows the change the update sends (CI deployed another revision)', async () => {
    const program = w.program('drift');
    assert.equal((await up('drift', program)).step.error, undefined);
    await w.ecs.send(new w.sdk.UpdateServiceCommand({ cluster: w.cluster, service: 'drift', taskDefinition: 'web:2' }));
    assert.equal(await w.engine.refresh('drift'), true);
    const step = await preview('drift', program);
    assert.equal(step.rolloutPlan, `new deployment: taskDefinition; ${NOT_FOLLOWED}`);
    assert.deepEqual([step.op, step.diff?.changes], ['update', 'DIFF_SOME']);
    const { sent } = await up('drift', program);
    assert.deepEqual(sent, [{ op: 'UpdateService', body: { cluster: w.cluster, service: 'drift', taskDefinition: 'web:1' } }]);
  });

  it('item 1: with waiting off the preview does not promise to follow the deployment', async () => {
    const step = await preview('nowait', w.program('nowait'));
    assert.equal(step.rolloutPlan, `create: new service, first deployment, ${NOT_FOLLOWED}`);
  });

  it('item 1: after a partial failure (a tag call failed) the preview shows what the update sends again', async () => {
    const program = w.program('tagfail', { tags: [{ key: 'team', value: 'a' }] });
    await up('tagfail', program);
    const next = { ...program, desiredCount: 2, tags: [{ key: 'team', value: 'b' }] };
    w.proxy.inject('TagResource', 'throttle');
    const failed = await up('tagfail', next);
    assert.match(String(failed.step.error?.message), /TagResource failed .*ThrottlingException/);
    const step = await preview('tagfail', next);
    assert.equal(step.rolloutPlan, 'in place, no new deployment: desiredCount, tags');
    assert.equal(step.diff?.changes, 'DIFF_SOME');
    const { sent } = await up('tagfail', next);
    assert.deepEqual(sent.map((s) => s.op), ['UpdateService', 'TagResource']);
    assert.deepEqual(sent[1].body.tags, [{ key: 'team', value: 'b' }]);
  });

  it('item 2: a replacement says so in the preview, through the engine re-check without olds, and in the outputs', async () => {
    const network = await createNetwork(w.moto.endpoint, 1);
    const program = w.program('repl', { launchType: 'EC2' });
    await up('repl', program);
    const next = { ...program, launchType: 'FARGATE', networkConfiguration: { awsvpcConfiguration: { subnets: network.subnets, securityGroups: network.securityGroups } } };
    const step = await preview('repl', next);
    assert.deepEqual([step.op, step.diff?.replaces, step.diff?.deleteBeforeReplace], ['replace', ['launchType'], true]);
    assert.equal(step.rolloutPlan, 'replace (delete before replace): launchType');
    const { sent } = await up('repl', next);
    assert.deepEqual(sent.map((s) => s.op), ['UpdateService', 'DeleteService', 'CreateService'], 'scaled to 0 and deleted, then created');
    assert.equal(w.engine.stateOf('repl')!.outputs.rolloutPlan, 'replace (delete before replace): launchType');
  });

  it('item 3: an autoscaled desiredCount with ignoreChanges is never scaled back, before or after a refresh', async () => {
    const program = w.program('auto', { desiredCount: 2 });
    const opts = { ignoreChanges: ['desiredCount'] };
    await up('auto', program, opts);
    // Application Auto Scaling sets the count outside Pulumi.
    await w.ecs.send(new w.sdk.UpdateServiceCommand({ cluster: w.cluster, service: 'auto', desiredCount: 5 }));
    for (const refresh of [false, true]) {
      if (refresh) assert.equal(await w.engine.refresh('auto'), true);
      const step = await preview('auto', program, opts);
      assert.deepEqual([step.rolloutPlan, step.diff?.changes], ['no change', 'DIFF_NONE'], `refresh first: ${refresh}`);
      const from = w.mark();
      await up('auto', program, opts);
      assert.deepEqual(w.proxy.ops(from), []);
    }
    const tagged = await up('auto', { ...program, tags: [{ key: 'team', value: 'web' }] }, opts);
    assert.deepEqual(tagged.sent.map((s) => s.op), ['TagResource'], 'another change does not send the count');
    assert.equal((await live('auto'))?.desiredCount, 5);
  });

  it('item 4: binpack fields as ECS returns them (MEMORY, CPU) are the same as memory and cpu after a refresh', async () => {
    const program = w.program('pack', { placementStrategy: [{ type: 'binpack', field: 'memory' }, { type: 'binpack', field: 'cpu' }] });
    await up('pack', program);
    assert.equal(await w.engine.refresh('pack'), true);
    assert.deepEqual(w.engine.stateOf('pack')!.outputs.placementStrategy, program.placementStrategy, 'the refreshed state keeps the definition spelling');
    const step = await preview('pack', program);
    assert.deepEqual([step.rolloutPlan, step.diff?.changes], ['no change', 'DIFF_NONE']);
    const from = w.mark();
    await up('pack', program);
    assert.deepEqual(w.proxy.ops(from), []);
  });

  it('item 4: a service or its cluster deleted outside Pulumi is gone for refresh and destroy, never a failure', async () => {
    await up('gone', w.program('gone'));
    await w.ecs.send(new w.sdk.DeleteServiceCommand({ cluster: w.cluster, service: 'gone', force: true }));
    assert.equal(await w.engine.refresh('gone'), false, 'refresh drops it from the state');

    const other = `${w.cluster}-b`;
    await w.ecs.send(new w.sdk.CreateClusterCommand({ clusterName: other }));
    await up('gone2', w.program('gone2', { cluster: other }));
    // The cluster is gone: ECS answers ClusterNotFoundException for everything in it.
    w.proxy.inject('DescribeServices', 'cluster-not-found');
    await w.engine.destroy('gone2');
    await up('gone3', w.program('gone3', { cluster: other }));
    w.proxy.inject('DescribeServices', 'cluster-not-found');
    assert.equal(await w.engine.refresh('gone3'), false);
  });

  it('item 7: settings-only changes reach the stored outputs (no AWS call), so destroy uses the current endpoint', async () => {
    const second: FaultProxy = await startFaultProxy(w.moto.endpoint);
    try {
      const program = w.program('settings', { timeouts: { delete: 60 } });
      await up('settings', program);
      const next = { ...program, endpoint: second.endpoint, timeouts: { delete: 30 } };
      const step = await preview('settings', next);
      assert.deepEqual([step.rolloutPlan, step.diff?.changes], ['settings only, no AWS call: endpoint, timeouts', 'DIFF_SOME']);
      const from = w.mark();
      await up('settings', next);
      assert.deepEqual(w.proxy.ops(from), [], 'the update makes no AWS call');
      assert.deepEqual(second.log, []);
      assert.equal(w.engine.stateOf('settings')!.outputs.endpoint, second.endpoint);
      const before = w.mark();
      await w.engine.destroy('settings');
      assert.deepEqual(w.proxy.ops(before), [], 'the old endpoint is not used');
      assert.ok(second.ops().includes('DeleteService'));
    } finally {
      await second.close();
    }
  });

  it('item 10: rolloutPlan is in the outputs after up', async () => {
    await up('plan', w.program('plan'));
    assert.equal(w.engine.stateOf('plan')!.outputs.rolloutPlan, `create: new service, first deployment, ${NOT_FOLLOWED}`);
    await up('plan', w.program('plan', { desiredCount: 3 }));
    assert.equal(w.engine.stateOf('plan')!.outputs.rolloutPlan, 'in place, no new deployment: desiredCount');
  });
});
