/**
 * EcsService through @pulumi/pulumi's dynamic-provider host over gRPC, as `pulumi up` drives it:
 * the provider serialised by `pulumi.runtime.serializeFunction` into `__provider`, then
 * configure / check / diff / create / update / read / delete. Asserts what the engine receives.
 */
import { strict as assert } from 'assert';
import { DynamicHost, requireInstalled, serializeProvider, type Bag } from '../support/dynamic-host';
import { FAKE_CREDENTIALS, TEST_AWS_ENV, useMoto, type Moto } from '../support/moto';
import { arnOf, deployment, serviceBody, startScriptedEcs, type ScriptedEcs } from '../provider/support/scripted-ecs';

const UNKNOWN = '04da6b54-80e4-46f7-96ec-b56ff0331ba9';

function assertNoCredentials(...texts: unknown[]) {
  const all = texts.map((t) => (typeof t === 'string' ? t : JSON.stringify(t))).join('\n');
  for (const v of Object.values(FAKE_CREDENTIALS).filter((x) => x.length > 12)) assert.ok(!all.includes(v), `credential ${v.slice(0, 6)}... leaked`);
}

/** The engine's view of one preview step: the checked `rolloutPlan` and the diff response. */
interface Preview {
  rolloutPlan: unknown;
  failures: { property: string; reason: string }[];
  diff?: Awaited<ReturnType<DynamicHost['diff']>>;
}

describe('e2e: EcsService through the dynamic-provider host (gRPC)', function () {
  this.timeout(120_000);
  let providerText: string;

  before(async () => {
    const provider = requireInstalled('provider/ecs-service').ecsServiceProvider;
    providerText = await serializeProvider(provider);
  });

  it('serialises without clients or credentials, loading the SDK and schemas by module name in the host', () => {
    assertNoCredentials(providerText);
    assert.match(providerText, /require\("ecsdef\/provider\/aws\/client\.js"\)/);
    assert.match(providerText, /require\("ecsdef\/schemas\/index\.js"\)/);
    assert.doesNotMatch(providerText, /ECSClient\(\{[^}]*credentials/);
  });

  describe('against moto_server', () => {
    let moto: Moto;
    let host: DynamicHost;
    let cluster: string;
    const savedEnv = { ...process.env };

    before(async function () {
      moto = await useMoto(this);
      Object.assign(process.env, TEST_AWS_ENV);
      const sdk = require('@aws-sdk/client-ecs');
      const ecs = new sdk.ECSClient({ endpoint: moto.endpoint, region: 'us-east-1' });
      cluster = `host-${Date.now()}`;
      await ecs.send(new sdk.CreateClusterCommand({ clusterName: cluster }));
      for (const family of ['web', 'web']) await ecs.send(new sdk.RegisterTaskDefinitionCommand({ family, containerDefinitions: [{ name: 'app', image: 'nginx', memory: 128 }] }));
      ecs.destroy();
      host = await DynamicHost.start({ ...TEST_AWS_ENV, ECSDEF_ENDPOINT: moto.endpoint, ECSDEF_WAIT: 'false' });
    });
    after(async () => {
      await host?.stop();
      await moto?.stop();
      process.env = { ...savedEnv };
    });

    it('check, diff, create, update, read and delete, with the preview telling what each update does', async () => {
      const base = { __provider: providerText, serviceName: 'web', cluster, taskDefinition: 'web:1', desiredCount: 2, tags: [{ key: 'team', value: 'a' }] };
      const preview = async (oldInputs: Bag, oldOutputs: Bag | undefined, id: string, news: Bag): Promise<Preview & { inputs: Bag }> => {
        const checked = await host.check('web', oldInputs, news);
        const diff = oldOutputs && checked.failures.length === 0 ? await host.diff('web', id, oldOutputs, checked.inputs) : undefined;
        return { inputs: checked.inputs, rolloutPlan: checked.inputs.rolloutPlan, failures: checked.failures, diff };
      };

      // create
      const c0 = await preview({}, undefined, '', base);
      assert.equal(c0.rolloutPlan, 'create: new service, first deployment, not followed (waitForDeployment is off)');
      assert.deepEqual(c0.failures, []);
      const created = await host.create('web', c0.inputs);
      assert.equal(created.id, `arn:aws:ecs:us-east-1:123456789012:service/${cluster}/web`);
      assert.equal(created.properties.ecsdefStateVersion, 2);
      assert.equal(created.properties.serviceArn, created.id);
      assert.equal(created.properties.taskDefinitionArn, 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:1');
      assert.equal(created.properties.rolloutState, 'NOT_FOLLOWED');
      assert.equal(created.properties.__provider, providerText, 'the host keeps the provider in state');
      const oldInputs = c0.inputs;

      // no change: spelling differences only
      const same = await preview(oldInputs, created.properties, created.id, { ...base, cluster: `arn:aws:ecs:us-east-1:123456789012:cluster/${cluster}`, platformVersion: 'LATEST', propagateTags: 'NONE' });
      assert.equal(same.rolloutPlan, 'no change');
      assert.deepEqual(same.diff, { changes: 'DIFF_NONE', replaces: [], deleteBeforeReplace: false, detailedDiffCount: 0, stablesCount: 0, hasDetailedDiff: false });

      // in place
      const inPlace = await preview(oldInputs, created.properties, created.id, { ...base, desiredCount: 3, tags: [{ key: 'team', value: 'b' }] });
      assert.equal(inPlace.rolloutPlan, 'in place, no new deployment: desiredCount, tags');
      assert.deepEqual(inPlace.diff, { changes: 'DIFF_SOME', replaces: [], deleteBeforeReplace: false, detailedDiffCount: 0, stablesCount: 0, hasDetailedDiff: false });

      // new deployment, and why
      const deploy = await preview(oldInputs, created.properties, created.id, { ...base, taskDefinition: 'web:2', desiredCount: 3 });
      assert.equal(deploy.rolloutPlan, 'new deployment: taskDefinition; also in place: desiredCount; not followed (waitForDeployment is off)');
      assert.equal(deploy.diff?.changes, 'DIFF_SOME');
      assert.equal(deploy.diff?.detailedDiffCount, 0, 'the host forwards no detailed diff: the plan travels in rolloutPlan');

      // preview with a value unknown until apply
      const unknown = await preview(oldInputs, created.properties, created.id, { ...base, taskDefinition: UNKNOWN });
      assert.equal(unknown.rolloutPlan, 'new deployment: taskDefinition (known after apply); not followed (waitForDeployment is off)');
      assert.deepEqual(unknown.failures, []);

      // redeploy trigger
      const trig = await preview({ ...oldInputs, redeployTriggers: 'sha256:a' }, { ...created.properties, redeployTriggers: 'sha256:a' }, created.id, { ...base, redeployTriggers: 'sha256:b' });
      assert.equal(trig.rolloutPlan, 'new deployment (forceNewDeployment): redeployTriggers; not followed (waitForDeployment is off)');
      assert.equal(trig.diff?.changes, 'DIFF_SOME');

      // replacement, delete first (same name, same cluster)
      const replace = await preview(oldInputs, created.properties, created.id, { ...base, launchType: 'FARGATE', networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-1'] } } });
      assert.equal(replace.rolloutPlan, 'replace (delete before replace): launchType');
      assert.deepEqual([replace.diff?.replaces, replace.diff?.deleteBeforeReplace], [['launchType'], true]);

      // invalid definition: check failures with the rule id
      const bad = await preview(oldInputs, created.properties, created.id, { ...base, desiredCount: -1, bogus: true });
      assert.deepEqual(
        bad.failures.map((f) => f.property).sort(),
        ['bogus', 'desiredCount'],
      );
      for (const f of bad.failures) assert.match(f.reason, /^\[ECS\d{3}\] /);

      // update through the host
      const updated = await host.update('web', created.id, created.properties, deploy.inputs);
      assert.equal(updated.properties.desiredCount, 3);
      assert.match(String(updated.properties.taskDefinitionArn), /web:2$/, 'moto echoes the reference it was given; ECS returns the ARN');
      assert.equal(updated.properties.rolloutPlan, deploy.rolloutPlan, 'the outputs keep the plan that was executed');

      // refresh: no drift, then drift made outside Pulumi shows
      const refreshed = await host.read('web', created.id, updated.properties, deploy.inputs);
      assert.equal(refreshed.id, created.id);
      const again = await host.diff('web', created.id, refreshed.properties, deploy.inputs);
      assert.equal(again.changes, 'DIFF_NONE');
      const sdk = require('@aws-sdk/client-ecs');
      const ecs = new sdk.ECSClient({ endpoint: moto.endpoint, region: 'us-east-1' });
      await ecs.send(new sdk.UpdateServiceCommand({ cluster, service: 'web', desiredCount: 7 }));
      const drifted = await host.read('web', created.id, updated.properties, deploy.inputs);
      assert.equal(drifted.properties.desiredCount, 7);
      assert.equal((await host.diff('web', created.id, drifted.properties, deploy.inputs)).changes, 'DIFF_SOME');

      // delete, then read reports it gone
      await host.delete('web', created.id, drifted.properties);
      const gone = await host.read('web', created.id, drifted.properties, deploy.inputs);
      assert.equal(gone.id, '');
      const described = await ecs.send(new sdk.DescribeServicesCommand({ cluster, services: ['web'] }));
      assert.equal(described.services?.[0]?.status, 'INACTIVE');
      ecs.destroy();

      assertNoCredentials(created, updated, refreshed, host.stderr);
    });

    it('a refused change fails the preview with what to do instead', async () => {
      const tg = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/bg/0123456789abcdef';
      const news = {
        __provider: providerText, serviceName: 'bg', cluster, taskDefinition: 'web:1', desiredCount: 1,
        deploymentController: { type: 'CODE_DEPLOY' }, loadBalancers: [{ targetGroupArn: tg, containerName: 'app', containerPort: 80 }],
      };
      const checked = await host.check('bg', news, { ...news, taskDefinition: 'web:2' });
      assert.deepEqual(checked.failures.map((f) => f.property), ['taskDefinition']);
      assert.match(checked.failures[0].reason, /^\[forbidden-change\] .*CodeDeploy/);
      assert.equal(checked.inputs.rolloutPlan, 'refused: taskDefinition');
      await assert.rejects(host.diff('bg', 'arn', { ...news, ecsdefStateVersion: 2 }, { ...news, taskDefinition: 'web:2' }), /CodeDeploy deployment/);
    });
  });

  describe('against a scripted ECS endpoint (rollouts)', () => {
    let ecs: ScriptedEcs;
    let host: DynamicHost;
    const sdArn = arnOf.serviceDeployment('prod', 'web', 'd1');
    const created = serviceBody({ cluster: 'prod', name: 'web', taskDefinition: 'web:1', deployments: [deployment('ecs-svc/1', 'web:1', 'IN_PROGRESS')], currentServiceDeployment: sdArn });
    let rollback = true;

    before(async () => {
      ecs = await startScriptedEcs({
        CreateService: () => ({ service: created }),
        DescribeServiceDeployments: (_b, n) => ({
          serviceDeployments: [
            n === 0
              ? { serviceDeploymentArn: sdArn, status: 'IN_PROGRESS' }
              : rollback
                ? { serviceDeploymentArn: sdArn, status: 'ROLLBACK_SUCCESSFUL', statusReason: 'Service deployment rolled back because the circuit breaker threshold was exceeded.', deploymentCircuitBreaker: { status: 'TRIGGERED', failureCount: 2, threshold: 2 } }
                : { serviceDeploymentArn: sdArn, status: 'SUCCESSFUL' },
          ],
        }),
      });
      host = await DynamicHost.start({ ...TEST_AWS_ENV, ECSDEF_ENDPOINT: ecs.endpoint, ECSDEF_POLL_INTERVAL_SECONDS: '0.01' });
    });
    after(async () => {
      await host?.stop();
      await ecs?.close();
    });

    it('a create whose deployment rolls back is a partial failure: the engine receives the id and properties', async () => {
      const news = { __provider: providerText, serviceName: 'web', cluster: 'prod', taskDefinition: 'web:1', desiredCount: 2 };
      const { inputs } = await host.check('web', {}, news);
      const err = await host.create('web', inputs).then(() => undefined, (e) => e);
      assert.ok(err, 'create must fail');
      assert.match(err.message, /circuit breaker threshold was exceeded/);
      assert.ok(err.initFailed, 'ErrorResourceInitFailed is attached, so the engine keeps the resource');
      assert.equal(err.initFailed.id, arnOf.service('prod', 'web'));
      assert.equal(err.initFailed.properties.rolloutState, 'FAILED');
      assert.equal(err.initFailed.properties.serviceArn, arnOf.service('prod', 'web'));
      assert.match(await host.waitForStderr(/deployment IN_PROGRESS/), /\[ecsdef\] service 'web' in cluster 'prod': deployment IN_PROGRESS/);
      assertNoCredentials(err.message, err.initFailed, host.stderr);
    });

    it('a create whose deployment completes reports the rollout in outputs', async () => {
      rollback = false;
      const news = { __provider: providerText, serviceName: 'web', cluster: 'prod', taskDefinition: 'web:1', desiredCount: 2 };
      const { inputs } = await host.check('web', {}, news);
      const out = await host.create('web', inputs);
      assert.deepEqual([out.properties.rolloutState, out.properties.deploymentId, out.properties.serviceDeploymentArn], ['COMPLETED', 'ecs-svc/1', sdArn]);
    });
  });
});
