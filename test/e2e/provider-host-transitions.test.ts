/**
 * Item 6: the documented moves between a launch type and a capacity provider strategy, through
 * the engine and the dynamic-provider host against moto (answering like real ECS): which are an
 * UpdateService in place, which are refused at preview, and which are no change at all.
 */
import { strict as assert } from 'assert';
import { realEcsEcho } from '../provider/support/ecs-echo';
import { startWorld, type World } from './provider-host-world';

// An Auto Scaling group capacity provider (EC2), so no awsvpc network is needed.
const ASG = [{ capacityProvider: 'asg-web', weight: 1 }];

describe('e2e: EcsService launch type and capacity provider strategy transitions (engine, moto)', function () {
  this.timeout(120_000);
  let w: World;
  before(async function () {
    w = await startWorld(this, { rewrite: realEcsEcho() });
  });
  after(async () => w?.stop());

  it('a capacity provider strategy back to a launch type is one UpdateService with an empty strategy, not a replacement', async () => {
    const program = w.program('back', { capacityProviderStrategy: ASG });
    await w.engine.up('back', program);
    const { capacityProviderStrategy: _cps, ...rest } = program;
    const next = { ...rest, launchType: 'EC2' };
    const step = await w.preview('back', next);
    assert.deepEqual([step.op, step.diff?.replaces], ['update', []]);
    assert.equal(step.rolloutPlan, 'new deployment (forceNewDeployment): capacityProviderStrategy, launchType; not followed (waitForDeployment is off)');
    const { step: done, sent } = await w.up('back', next);
    assert.equal(done.error, undefined);
    assert.deepEqual(sent, [{ op: 'UpdateService', body: { cluster: w.cluster, service: 'back', capacityProviderStrategy: [], forceNewDeployment: true } }]);
  });

  it("a capacity provider strategy back to the cluster's default strategy is refused at preview", async () => {
    const program = w.program('default', { capacityProviderStrategy: ASG });
    await w.engine.up('default', program);
    const { capacityProviderStrategy: _cps, ...next } = program;
    const step = await w.preview('default', next);
    assert.equal(step.op, 'failed');
    assert.deepEqual(step.failures.map((f) => f.property), ['capacityProviderStrategy']);
    assert.match(step.failures[0].reason, /^\[forbidden-change\] UpdateService cannot move a service from a capacity provider strategy back to the cluster's default strategy/);
  });

  it('an explicit launchType EC2 added or removed is no change when EC2 is the effective default, after a refresh too', async () => {
    const program = w.program('ec2');
    await w.engine.up('ec2', program);
    assert.equal(await w.engine.refresh('ec2'), true);
    const added = await w.preview('ec2', { ...program, launchType: 'EC2' });
    assert.deepEqual([added.op, added.rolloutPlan, added.diff?.replaces], ['same', 'no change', []]);
    await w.engine.up('ec2', { ...program, launchType: 'EC2' });
    const removed = await w.preview('ec2', program);
    assert.deepEqual([removed.op, removed.rolloutPlan], ['same', 'no change']);
  });

  it('a launch type change under the EXTERNAL controller is refused with the CreateTaskSet advice', async () => {
    const program = w.program('ext', { deploymentController: { type: 'EXTERNAL' }, launchType: 'EC2' });
    await w.engine.up('ext', program);
    const step = await w.preview('ext', { ...program, launchType: 'EXTERNAL' });
    assert.equal(step.op, 'failed');
    assert.deepEqual(step.failures.map((f) => f.property), ['launchType']);
    assert.match(step.failures[0].reason, /EXTERNAL deployment controller .*CreateTaskSet/);
  });
});
