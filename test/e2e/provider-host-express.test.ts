/**
 * ExpressGatewayService through @pulumi/pulumi's dynamic-provider host over gRPC, as `pulumi up`
 * drives it (provider serialised into `__provider`, then configure / check / diff / create /
 * update / read / delete), against the scripted Express endpoint.
 *
 * Secrets, as the engine handles them: the host answers configure with acceptSecrets=false, so
 * the engine strips secret wrappers from everything it sends (`engineSends` below) and keeps
 * secretness only for outputs named like a secret input, or returned wrapped as secrets. The
 * tests assert that the plain secret values appear nowhere in what the host returns except
 * inside the secret wrapper of `primaryContainer`: not in other outputs, the rolloutPlan, check
 * failures, error messages, partial-failure details, or the host's stdout and stderr.
 */
import { strict as assert } from 'assert';
import { isSecret, unwrapSecrets, asSecret } from '../../provider/core/secrets';
import { DynamicHost, requireInstalled, serializeProvider, type Bag } from '../support/dynamic-host';
import { FAKE_CREDENTIALS, TEST_AWS_ENV } from '../support/moto';
import { arnOf, clientError, type ScriptedEcs } from '../provider/support/scripted-ecs';
import { expressArn, ExpressWorld, startScriptedExpress } from '../provider/support/scripted-express';

const TYPE = 'pulumi-nodejs:dynamic/ecsdef:ExpressGatewayService';
const ARN = arnOf.service('prod', 'hello');
const DB_PASSWORD = 'hunter2-Zq8#pW4$kT';
const TOKEN_ARN = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:hello-token-9XyZ01';
const SECRETS = [DB_PASSWORD, TOKEN_ARN];

const container = (password = DB_PASSWORD, image = 'public.ecr.aws/nginx/nginx:1.27') => ({
  image,
  containerPort: 8080,
  environment: [{ name: 'STAGE', value: 'prod' }, { name: 'DB_PASSWORD', value: password }],
  secrets: [{ name: 'TOKEN', valueFrom: TOKEN_ARN }],
});

/** What the engine sends a provider that does not accept secrets: every wrapper removed. */
const engineSends = (bag: Bag): Bag => unwrapSecrets(bag);

/**
 * What the engine makes of a check answer: it marks secret every property named like a secret
 * input (provider_plugin.go, annotateSecrets). A program passing one secret environment value
 * sends the whole container as a secret input (see express-resource.test.ts).
 */
const engineKeeps = (checked: Bag): Bag =>
  checked.primaryContainer === undefined || isSecret(checked.primaryContainer) ? checked : { ...checked, primaryContainer: asSecret(checked.primaryContainer) };

/** Every text, with the contents of secret wrappers left out. */
function visible(...values: unknown[]): string {
  const strip = (v: unknown): unknown =>
    isSecret(v) ? '[secret]' : Array.isArray(v) ? v.map(strip) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, strip(x)])) : v;
  return values.map((v) => (typeof v === 'string' ? v : JSON.stringify(strip(v)))).join('\n');
}

function assertNothingLeaks(...values: unknown[]) {
  const text = visible(...values);
  for (const s of [...SECRETS, `${DB_PASSWORD}-rotated`]) assert.ok(!text.includes(s), `${s.slice(0, 6)}... visible: ${text.slice(Math.max(0, text.indexOf(s) - 100), text.indexOf(s) + 30)}`);
  for (const c of Object.values(FAKE_CREDENTIALS).filter((x) => x.length > 12)) assert.ok(!text.includes(c), 'a credential leaked');
}

describe('e2e: ExpressGatewayService through the dynamic-provider host (gRPC)', function () {
  this.timeout(120_000);
  let providerText: string;
  let world: ExpressWorld;
  let ecs: ScriptedEcs;
  let host: DynamicHost;
  const seen: unknown[] = [];
  const news = (extra: Bag = {}): Bag => ({
    __provider: providerText,
    serviceName: 'hello',
    cluster: 'prod',
    infrastructureRoleArn: 'arn:aws:iam::123456789012:role/ecsInfrastructureRoleForExpressServices',
    primaryContainer: container(),
    tags: [{ key: 'team', value: 'web' }],
    ...extra,
  });

  before(async () => {
    providerText = await serializeProvider(requireInstalled('provider/express-gateway-service').expressGatewayServiceProvider);
    ({ world, ecs } = await startScriptedExpress());
    host = await DynamicHost.start({ ...TEST_AWS_ENV, ECSDEF_ENDPOINT: ecs.endpoint, ECSDEF_POLL_INTERVAL_SECONDS: '0.01', ECSDEF_TIMEOUT_SECONDS: '10' }, { type: TYPE });
  });
  after(async () => {
    await host?.stop();
    await ecs?.close();
  });
  afterEach(() => {
    seen.push(host.stdout, host.stderr);
    assertNothingLeaks(...seen);
  });

  it('the host declines secrets at configure, so the engine sends it plain values', () => {
    assert.equal(host.acceptsSecrets, false);
    assert.match(providerText, /require\("ecsdef\/provider\/express\/[\w-]+\.js"\)/, 'the Express modules are loaded by name in the host');
    assert.doesNotMatch(providerText, /require\("ecsdef\/provider\/service\//, 'no ECS service module shadows an Express one (see serialised-modules.test.ts)');
    assertNothingLeaks(providerText);
  });

  it('check, diff, create, update, read and delete; the preview says "new service revision"; secrets stay wrapped', async () => {
    const preview = async (oldInputs: Bag, oldOutputs: Bag | undefined, next: Bag) => {
      const checked = await host.check('hello', engineSends(oldInputs), engineSends(next));
      const diff = oldOutputs && !checked.failures.length ? await host.diff('hello', ARN, engineSends(oldOutputs), engineSends(checked.inputs)) : undefined;
      seen.push(engineKeeps(checked.inputs), checked.failures, diff);
      return { inputs: checked.inputs, plan: checked.inputs.rolloutPlan, failures: checked.failures, diff };
    };

    const c0 = await preview({}, undefined, news());
    assert.equal(c0.plan, 'create: new Express service, first service revision deployed and followed to completion');
    assert.deepEqual(c0.failures, []);
    const created = await host.create('hello', engineSends(c0.inputs));
    seen.push(created);
    assert.equal(created.id, ARN);
    assert.ok(isSecret(created.properties.primaryContainer), 'the container comes back as a secret: the engine stores it encrypted');
    assert.deepEqual((created.properties.primaryContainer as { value: unknown }).value, container());
    assert.deepEqual(
      [created.properties.rolloutState, created.properties.serviceRevisionArn, created.properties.ingressEndpoint, created.properties.ecsdefStateVersion],
      ['COMPLETED', expressArn.revision('prod', 'hello', 1), expressArn.endpoint('hello'), 1],
    );
    assert.equal(created.properties.__provider, providerText);
    const state = created.properties;

    // spelling only: reordered environment, cluster as ARN, default port written out
    const same = await preview(c0.inputs, state, news({ cluster: arnOf.cluster('prod'), primaryContainer: { ...container(), environment: [...container().environment].reverse() } }));
    assert.equal(same.plan, 'no change');
    assert.equal(same.diff?.changes, 'DIFF_NONE');

    const rotated = await preview(c0.inputs, state, news({ primaryContainer: container(`${DB_PASSWORD}-rotated`) }));
    assert.equal(rotated.plan, 'new service revision (rolling deployment): primaryContainer');
    assert.deepEqual([rotated.diff?.changes, rotated.diff?.replaces, rotated.diff?.detailedDiffCount], ['DIFF_SOME', [], 0]);

    const tags = await preview(c0.inputs, state, news({ tags: [{ key: 'team', value: 'api' }] }));
    assert.equal(tags.plan, 'in place, no new revision: tags');

    const renamed = await preview(c0.inputs, state, news({ serviceName: 'hello2' }));
    assert.equal(renamed.plan, 'replace (create before delete): serviceName');
    assert.deepEqual([renamed.diff?.replaces, renamed.diff?.deleteBeforeReplace], [['serviceName'], false]);

    const newRole = await preview(c0.inputs, state, news({ infrastructureRoleArn: 'arn:aws:iam::123456789012:role/other' }));
    assert.equal(newRole.plan, 'replace (delete before replace): infrastructureRoleArn');
    assert.deepEqual([newRole.diff?.replaces, newRole.diff?.deleteBeforeReplace], [['infrastructureRoleArn'], true]);

    const exclusive = await preview(c0.inputs, state, news({ taskDefinitionArn: arnOf.taskDefinition('hello:3'), cpu: '512' }));
    assert.deepEqual(exclusive.failures.map((f) => [f.property, f.reason.slice(0, 8)]), [['primaryContainer', '[ECS251]'], ['cpu', '[ECS251]']]);
    const empty = await preview(c0.inputs, state, news({ primaryContainer: undefined }));
    assert.deepEqual(empty.failures.map((f) => f.reason.slice(0, 8)), ['[ECS253]']);

    const updated = await host.update('hello', ARN, engineSends(state), engineSends(rotated.inputs));
    seen.push(updated);
    assert.equal(updated.properties.serviceRevisionArn, expressArn.revision('prod', 'hello', 2));
    assert.equal(updated.properties.rolloutState, 'COMPLETED');
    assert.equal(updated.properties.rolloutPlan, rotated.inputs.rolloutPlan, 'the outputs keep the plan that was executed');
    assert.deepEqual((updated.properties.primaryContainer as { value: unknown }).value, container(`${DB_PASSWORD}-rotated`));
    assert.deepEqual(world.only().current.primaryContainer.environment[1], { name: 'DB_PASSWORD', value: `${DB_PASSWORD}-rotated` }, 'AWS received the real value');

    const refreshed = await host.read('hello', ARN, engineSends(updated.properties), engineSends(rotated.inputs));
    seen.push(refreshed);
    assert.ok(isSecret(refreshed.properties.primaryContainer));
    assert.equal((await host.diff('hello', ARN, engineSends(refreshed.properties), engineSends(rotated.inputs))).changes, 'DIFF_NONE');

    await host.delete('hello', ARN, engineSends(refreshed.properties));
    assert.equal((await host.read('hello', ARN, engineSends(refreshed.properties), engineSends(rotated.inputs))).id, '');
    assert.match(await host.waitForStderr(/INACTIVE/), /\[ecsdef\] Express service 'hello' in cluster 'prod': DRAINING, waiting for INACTIVE/);
  });

  it('a rolled-back update fails without a partial result (the engine keeps the old state); its message and details do not show the values ECS quoted', async () => {
    world.services.clear();
    const { inputs } = await host.check('hello', {}, engineSends(news()));
    const created = await host.create('hello', inputs);
    world.outcomes.push({ status: 'ROLLBACK_SUCCESSFUL', reason: `health checks failed: app logged DB_PASSWORD=${DB_PASSWORD} TOKEN=${TOKEN_ARN}` });
    const next = await host.check('hello', inputs, engineSends(news({ primaryContainer: container(DB_PASSWORD, 'public.ecr.aws/nginx/nginx:broken') })));
    seen.push(engineKeeps(inputs), engineKeeps(next.inputs), created);
    const err = await host.update('hello', ARN, engineSends(created.properties), next.inputs).then(() => assert.fail('update must fail'), (e) => e);
    seen.push(err.message, err.details, err.initFailed);
    assert.equal(err.initFailed, undefined, 'no ErrorResourceInitFailed: the old inputs and outputs, which describe what runs again, stay');
    assert.match(err.message, /ended ROLLBACK_SUCCESSFUL: health checks failed: app logged DB_PASSWORD=\*\*\* TOKEN=\*\*\*/);
  });

  it('a first deployment that fails is a partial failure the engine keeps, with the values ECS quoted masked', async () => {
    world.services.clear();
    world.outcomes.push({ status: 'ROLLBACK_SUCCESSFUL', reason: `health checks failed: app logged DB_PASSWORD=${DB_PASSWORD} TOKEN=${TOKEN_ARN}` });
    const { inputs } = await host.check('hello', {}, engineSends(news()));
    const err = await host.create('hello', inputs).then(() => assert.fail('create must fail'), (e) => e);
    seen.push(err.message, err.details, err.initFailed);
    assert.ok(err.initFailed, 'ErrorResourceInitFailed: the engine keeps the service in state');
    assert.equal(err.initFailed.id, ARN);
    assert.equal(err.initFailed.properties.rolloutState, 'FAILED');
    assert.ok(isSecret(err.initFailed.properties.primaryContainer));
  });

  it('an AWS error echoing the values fails the step without them', async () => {
    world.services.clear();
    world.queue('CreateExpressGatewayService', clientError('InvalidParameterException', `secret ${TOKEN_ARN} cannot be read for environment ${DB_PASSWORD}`));
    const { inputs } = await host.check('hello', {}, engineSends(news()));
    seen.push(engineKeeps(inputs));
    const err = await host.create('hello', inputs).then(() => assert.fail('create must fail'), (e) => e);
    seen.push(err.message, err.details);
    assert.equal(err.initFailed, undefined, 'nothing was created');
    assert.match(err.message, /^Amazon ECS CreateExpressGatewayService failed for Express service 'hello' in cluster 'prod': InvalidParameterException: secret \*\*\* cannot be read for environment \*\*\*/);
  });

  it('values that do arrive wrapped as secrets (a host that accepts them) are unwrapped, and the container goes back wrapped', async () => {
    world.services.clear();
    const wrapped = news({ primaryContainer: { ...container(), environment: [{ name: 'DB_PASSWORD', value: asSecret(DB_PASSWORD) }] } });
    const checked = await host.check('hello', {}, wrapped);
    assert.deepEqual(checked.failures, []);
    assert.ok(isSecret((checked.inputs.primaryContainer as { environment: { value: unknown }[] }).environment[0].value), 'check hands the inputs back as received');
    const created = await host.create('hello', checked.inputs);
    seen.push(engineKeeps(checked.inputs), checked.failures, created);
    assert.ok(isSecret(created.properties.primaryContainer));
    assert.deepEqual(world.only().current.primaryContainer.environment, [{ name: 'DB_PASSWORD', value: DB_PASSWORD }], 'AWS received the plain value');
    const diff = await host.diff('hello', ARN, created.properties, checked.inputs);
    assert.equal(diff.changes, 'DIFF_NONE');
  });
});
