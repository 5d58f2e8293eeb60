/**
 * Round trips against moto_server through the real AWS SDK: create, read, update, delete; and a
 * property: random valid definitions, created, read back and diffed, show no changes.
 * moto emulates no rollouts, so waiting is off here (test/provider/wait.test.ts covers it).
 */
import { strict as assert } from 'assert';
import fc from 'fast-check';
import { validate } from '../../schemas';
import { makeProvider } from '../../provider/core/resource-provider';
import { serviceDriver } from '../../provider/service/driver';
import { createNetwork, TEST_AWS_ENV, useMoto, type Moto } from '../support/moto';

const provider = makeProvider(serviceDriver);
const ACCT = '123456789012';

describe('provider against moto_server (real SDK)', function () {
  this.timeout(120_000);
  let moto: Moto;
  let sdk: typeof import('@aws-sdk/client-ecs');
  let ecs: import('@aws-sdk/client-ecs').ECSClient;
  let network: { subnets: string[]; securityGroups: string[] };
  const cluster = `rt-${Date.now()}`;
  const savedEnv = { ...process.env };

  before(async function () {
    moto = await useMoto(this);
    Object.assign(process.env, TEST_AWS_ENV, { ECSDEF_PROGRESS: 'false' });
    sdk = require('@aws-sdk/client-ecs');
    ecs = new sdk.ECSClient({ endpoint: moto.endpoint, region: 'us-east-1' });
    await ecs.send(new sdk.CreateClusterCommand({ clusterName: cluster }));
    for (let i = 0; i < 2; i++) await ecs.send(new sdk.RegisterTaskDefinitionCommand({ family: 'app', containerDefinitions: [{ name: 'app', image: 'nginx', memory: 128 }] }));
    network = await createNetwork(moto.endpoint, 3);
  });
  after(async () => {
    ecs?.destroy();
    await moto?.stop();
    process.env = { ...savedEnv };
  });

  const settings = () => ({ endpoint: moto.endpoint, region: 'us-east-1', waitForDeployment: false, pollIntervalSeconds: 0.01, timeouts: { delete: 10 } });
  const describe1 = async (name: string) => (await ecs.send(new sdk.DescribeServicesCommand({ cluster, services: [name], include: ['TAGS'] }))).services?.[0];

  it('create, read, update (one UpdateService + tags), read, delete', async () => {
    const inputs = { serviceName: 'crud', cluster, taskDefinition: 'app:1', desiredCount: 1, tags: [{ key: 'a', value: '1' }, { key: 'b', value: '2' }], ...settings() };
    const { id, outs } = await provider.create(inputs);
    let live = await describe1('crud');
    assert.equal(live?.serviceArn, id);
    assert.deepEqual([live?.desiredCount, live?.status], [1, 'ACTIVE']);

    const read1 = await provider.read!(id, outs);
    assert.equal((await provider.diff!(id, read1.props!, inputs)).changes, false);

    const news = { ...inputs, desiredCount: 3, taskDefinition: 'app:2', tags: [{ key: 'a', value: '9' }, { key: 'c', value: '3' }] };
    const { outs: outs2 } = await provider.update!(id, read1.props!, news);
    live = await describe1('crud');
    assert.equal(live?.desiredCount, 3);
    assert.match(String(live?.taskDefinition), /app:2$/);
    assert.deepEqual(Object.fromEntries((live?.tags ?? []).map((t) => [t.key, t.value])), { a: '9', c: '3' });

    const read2 = await provider.read!(id, outs2!);
    assert.equal((await provider.diff!(id, read2.props!, news)).changes, false);

    await provider.delete!(id, read2.props!);
    assert.equal((await describe1('crud'))?.status, 'INACTIVE');
    assert.equal((await provider.read!(id, read2.props!)).id, '');
  });

  it('property: random valid definitions created, read back and diffed show no changes', async () => {
    let n = 0;
    const tagArb = fc.uniqueArray(fc.record({ key: fc.constantFrom('team', 'env', 'cost', 'owner', 'tier'), value: fc.string({ minLength: 1, maxLength: 8 }).filter((s) => /^[\w .:/=+\-@]+$/.test(s)) }), { selector: (t) => t.key, maxLength: 4 });
    const definitionArb = fc
      .record({
        clusterSpelling: fc.constantFrom('name', 'arn'),
        taskDefinition: fc.constantFrom('app', 'app:1', 'app:2', `arn:aws:ecs:us-east-1:${ACCT}:task-definition/app:2`),
        desiredCount: fc.integer({ min: 0, max: 5 }),
        fargate: fc.boolean(),
        subnets: fc.shuffledSubarray([0, 1, 2], { minLength: 1 }),
        assignPublicIp: fc.constantFrom(undefined, 'DISABLED'),
        platformVersion: fc.constantFrom(undefined, 'LATEST', '1.4.0'),
        propagateTags: fc.constantFrom(undefined, 'NONE', 'SERVICE', 'TASK_DEFINITION'),
        schedulingStrategy: fc.constantFrom(undefined, 'REPLICA'),
        controller: fc.constantFrom(undefined, 'ECS'),
        tags: tagArb,
      })
      .map((r) => {
        const def: Record<string, unknown> = {
          serviceName: `prop-${Date.now()}-${n++}`,
          cluster: r.clusterSpelling === 'arn' ? `arn:aws:ecs:us-east-1:${ACCT}:cluster/${cluster}` : cluster,
          taskDefinition: r.taskDefinition,
          desiredCount: r.desiredCount,
        };
        if (r.fargate) {
          def.launchType = 'FARGATE';
          def.networkConfiguration = { awsvpcConfiguration: { subnets: r.subnets.map((i) => network.subnets[i]), securityGroups: network.securityGroups, ...(r.assignPublicIp ? { assignPublicIp: r.assignPublicIp } : {}) } };
          if (r.platformVersion) def.platformVersion = r.platformVersion;
        }
        if (r.propagateTags) def.propagateTags = r.propagateTags;
        if (r.schedulingStrategy) def.schedulingStrategy = r.schedulingStrategy;
        if (r.controller) def.deploymentController = { type: r.controller };
        if (r.tags.length) def.tags = r.tags;
        return def;
      });

    await fc.assert(
      fc.asyncProperty(definitionArb, async (def) => {
        assert.deepEqual(validate(def, 'service').filter((p) => p.severity === 'error'), [], 'generated definitions are valid');
        const inputs = { ...def, ...settings() };
        const { id, outs } = await provider.create(inputs);
        try {
          const read = await provider.read!(id, outs);
          assert.equal(read.id, id);
          const diff = await provider.diff!(id, read.props!, inputs);
          assert.deepEqual(diff, { changes: false, replaces: [], deleteBeforeReplace: false }, JSON.stringify(read.props));
        } finally {
          await provider.delete!(id, outs);
        }
      }),
      { numRuns: 25, seed: Number(process.env.ECSDEF_FC_SEED ?? 20260521) },
    );
  });
});
