/**
 * Property: a random valid definition, created through the engine and the dynamic-provider host
 * against moto, refreshed with what real ECS echoes back (documented defaults, the
 * service-linked role, binpack fields in capitals; provider/support/ecs-echo.ts), then previewed
 * with the same program: no change, and no AWS call.
 */
import { strict as assert } from 'assert';
import fc from 'fast-check';
import { validate } from '../../schemas';
import type { Bag } from '../support/dynamic-host';
import { createNetwork } from '../support/moto';
import { realEcsEcho } from '../provider/support/ecs-echo';
import { startWorld, type World } from './provider-host-world';

const ACCOUNT = '123456789012';

describe('e2e: property: created, refreshed with what ECS echoes, previewed: no change and no AWS call (engine, moto)', function () {
  this.timeout(300_000);
  let w: World;
  let network: { subnets: string[]; securityGroups: string[] };
  before(async function () {
    w = await startWorld(this, { rewrite: realEcsEcho() });
    network = await createNetwork(w.moto.endpoint, 3);
  });
  after(async () => w?.stop());

  it('holds for random valid definitions', async () => {
    let n = 0;
    const tag = fc.record({ key: fc.constantFrom('team', 'env', 'cost', 'tier'), value: fc.string({ minLength: 1, maxLength: 8 }).filter((s) => /^[\w .:/=+\-@]+$/.test(s)) });
    const placement = fc.constantFrom(
      undefined,
      [{ type: 'binpack', field: 'memory' }],
      [{ type: 'binpack', field: 'cpu' }],
      [{ type: 'spread', field: 'attribute:ecs.availability-zone' }, { type: 'binpack', field: 'memory' }],
      [{ type: 'spread', field: 'host' }],
    );
    const arb = fc.record({
      clusterAsArn: fc.boolean(),
      taskDefinition: fc.constantFrom('web', 'web:1', 'web:2', `arn:aws:ecs:us-east-1:${ACCOUNT}:task-definition/web:2`),
      desiredCount: fc.integer({ min: 0, max: 4 }),
      compute: fc.constantFrom('unset', 'EC2', 'FARGATE', 'strategy'),
      subnets: fc.shuffledSubarray([0, 1, 2], { minLength: 1 }),
      platformVersion: fc.constantFrom(undefined, 'LATEST', '1.4.0'),
      placementStrategy: placement,
      placementConstraints: fc.constantFrom(undefined, [], [{ type: 'distinctInstance' }]),
      deploymentConfiguration: fc.constantFrom(undefined, { maximumPercent: 200 }, { maximumPercent: 150, minimumHealthyPercent: 50 }, { deploymentCircuitBreaker: { enable: false, rollback: false } }),
      healthCheckGracePeriodSeconds: fc.constantFrom(undefined, 0, 30),
      enableExecuteCommand: fc.constantFrom(undefined, false, true),
      propagateTags: fc.constantFrom(undefined, 'NONE', 'SERVICE'),
      tags: fc.uniqueArray(tag, { selector: (t) => t.key, maxLength: 3 }),
    });
    const definition = (r: any): Bag => {
      const def: Bag = {
        serviceName: `prop-${n++}`,
        cluster: r.clusterAsArn ? `arn:aws:ecs:us-east-1:${ACCOUNT}:cluster/${w.cluster}` : w.cluster,
        taskDefinition: r.taskDefinition,
        desiredCount: r.desiredCount,
      };
      if (r.compute === 'EC2') def.launchType = 'EC2';
      if (r.compute === 'strategy') def.capacityProviderStrategy = [{ capacityProvider: 'asg-web', weight: 1 }];
      if (r.compute === 'FARGATE') {
        def.launchType = 'FARGATE';
        def.networkConfiguration = { awsvpcConfiguration: { subnets: r.subnets.map((i: number) => network.subnets[i]), securityGroups: network.securityGroups } };
        if (r.platformVersion) def.platformVersion = r.platformVersion;
      } else {
        // Fargate chooses where tasks run: placement only for the other kinds.
        if (r.placementStrategy) def.placementStrategy = r.placementStrategy;
        if (r.placementConstraints) def.placementConstraints = r.placementConstraints;
      }
      for (const k of ['deploymentConfiguration', 'healthCheckGracePeriodSeconds', 'enableExecuteCommand', 'propagateTags'] as const) if (r[k] !== undefined) def[k] = r[k];
      if (r.tags.length) def.tags = r.tags;
      return def;
    };

    await fc.assert(
      fc.asyncProperty(arb, async (r) => {
        const def = definition(r);
        assert.deepEqual(validate(def, 'service').filter((p) => p.severity === 'error'), [], 'generated definitions are valid');
        const name = def.serviceName as string;
        const program = w.program(name, def);
        const created = await w.engine.up(name, program);
        assert.equal(created.error, undefined, String(created.error?.message));
        try {
          assert.equal(await w.engine.refresh(name), true);
          const step = await w.preview(name, program);
          const { __provider: _p, ...state } = w.engine.stateOf(name)!.outputs;
          assert.deepEqual([step.rolloutPlan, step.diff?.changes], ['no change', 'DIFF_NONE'], `refreshed state: ${JSON.stringify(state)}`);
        } finally {
          await w.engine.destroy(name);
        }
      }),
      { numRuns: 30, seed: Number(process.env.ECSDEF_FC_SEED ?? 20260611) },
    );
  });
});
