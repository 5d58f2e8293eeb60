/**
 * Environment values and secret references of an Express service's container never show in
 * plain text outside the secret-wrapped `primaryContainer` output: not in other outputs, the
 * preview's rolloutPlan, check failures, error messages, partial-failure reasons, or progress
 * lines — even when AWS or ECS quote them back. The provider's own identifiers stay readable when
 * an environment value happens to equal one of them.
 */
import { strict as assert } from 'assert';
import { makeProvider } from '../../provider/core/resource-provider';
import { masker, maskError } from '../../provider/core/mask';
import { isSecret } from '../../provider/core/secrets';
import { expressDriver } from '../../provider/express/driver';
import { FAKE_CREDENTIALS } from '../support/moto';
import { useScriptedExpress, type ExpressFixture } from './support/express-fixture';
import { arnOf, clientError, type Json, type ScriptedEcs } from './support/scripted-ecs';
import type { ExpressWorld } from './support/scripted-express';

const provider = makeProvider(expressDriver);
const ARN = arnOf.service('prod', 'web');
const DB_PASSWORD = 'pa55-Xq7!vR2#kLm9';
const API_TOKEN_ARN = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:api-token-Ab12Cd';
const SECRETS = [DB_PASSWORD, API_TOKEN_ARN];

const container = (image = 'public.ecr.aws/nginx/nginx:1.27') => ({
  image,
  environment: [{ name: 'STAGE', value: 'prod' }, { name: 'DB_PASSWORD', value: DB_PASSWORD }],
  secrets: [{ name: 'API_TOKEN', valueFrom: API_TOKEN_ARN }],
});

/** Asserts no secret appears in `texts`, except inside a secret wrapper. */
function assertNoPlainSecret(...texts: unknown[]) {
  const strip = (v: unknown): unknown =>
    isSecret(v) ? '[secret]' : Array.isArray(v) ? v.map(strip) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, strip(x)])) : v;
  const all = texts.map((t) => (typeof t === 'string' ? t : JSON.stringify(strip(t)))).join('\n');
  for (const s of SECRETS) assert.ok(!all.includes(s), `secret ${s.slice(0, 4)}... leaked: ${all.slice(Math.max(0, all.indexOf(s) - 80), all.indexOf(s) + 40)}`);
  for (const v of Object.values(FAKE_CREDENTIALS).filter((x) => x.length > 12)) assert.ok(!all.includes(v), 'a credential leaked');
}

describe('masking of sensitive values (unit)', () => {
  it('masks values of four characters or more, longest first, plus credentials; leaves short ones', () => {
    const saved = process.env.AWS_SECRET_ACCESS_KEY;
    process.env.AWS_SECRET_ACCESS_KEY = FAKE_CREDENTIALS.AWS_SECRET_ACCESS_KEY;
    try {
      const mask = masker(['abcdef', 'abcdefgh', 'on', 42, undefined]);
      assert.equal(mask('x abcdefgh y abcdef on'), 'x *** y *** on');
      assert.equal(mask(`key ${FAKE_CREDENTIALS.AWS_SECRET_ACCESS_KEY}`), 'key ***');
    } finally {
      if (saved === undefined) delete process.env.AWS_SECRET_ACCESS_KEY;
      else process.env.AWS_SECRET_ACCESS_KEY = saved;
    }
  });

  it('masks the message and stack of an error in place, keeping its class', () => {
    class Custom extends Error {}
    const err = maskError(new Custom(`bad value ${DB_PASSWORD}`), masker([DB_PASSWORD]));
    assert.ok(err instanceof Custom);
    assertNoPlainSecret(err.message, err.stack);
  });
});

describe('ExpressGatewayService: secrets stay secret (scripted endpoint)', () => {
  const fx = useScriptedExpress();
  let world: ExpressWorld;
  let ecs: ScriptedEcs;
  let stderr: ExpressFixture['stderr'];
  beforeEach(() => ({ world, ecs, stderr } = fx));
  const inputs = (extra: Json = {}) => ({
    serviceName: 'web',
    cluster: 'prod',
    infrastructureRoleArn: 'arn:aws:iam::123456789012:role/infra',
    primaryContainer: container(),
    ...fx.settings(),
    ...extra,
  });

  it('outputs hold the container only as a secret; the secret values are sent to AWS as given', async () => {
    const { outs } = await provider.create((await provider.check!({}, inputs())).inputs);
    assert.ok(isSecret(outs.primaryContainer));
    assert.deepEqual((outs.primaryContainer as { value: unknown }).value, container());
    assertNoPlainSecret(outs, stderr.text());
    assert.deepEqual(ecs.calls[0].body.primaryContainer, container(), 'AWS receives the real values');
    const refreshed = await provider.read!(ARN, outs);
    assert.ok(isSecret(refreshed.props!.primaryContainer), 'a refresh keeps it secret too');
    assertNoPlainSecret(refreshed.props);
  });

  it('the preview plan names the changed field, never its value; a check failure quoting a value is masked', async () => {
    const { outs } = await provider.create(inputs());
    const next = inputs({ primaryContainer: { ...container(), environment: [{ name: 'DB_PASSWORD', value: `${DB_PASSWORD}-rotated` }] } });
    const checked = await provider.check!(outs, next);
    assert.equal(checked.inputs.rolloutPlan, 'new service revision (rolling deployment): primaryContainer');
    const failures = (await provider.check!({}, inputs({ cpuArchitecture: DB_PASSWORD }))).failures ?? [];
    assert.deepEqual(failures.map((f) => f.property), ['cpuArchitecture']);
    assert.match(failures[0].reason, /^\[ECS\d+\] Value "\*\*\*" is not allowed/);
    assertNoPlainSecret(checked.inputs.rolloutPlan, failures);
  });

  it("an AWS error quoting the values is masked; the provider's own naming of the service stays readable", async () => {
    world.queue('CreateExpressGatewayService', clientError('InvalidParameterException', `environment DB_PASSWORD=${DB_PASSWORD} and secret ${API_TOKEN_ARN} are not accepted for cluster prod`));
    const err = await provider.create(inputs()).then(() => assert.fail('must fail'), (e) => e);
    // AWS's text is masked whole (`prod` is also the value of STAGE); the subject is ours and is not.
    assert.equal(err.message, "Amazon ECS CreateExpressGatewayService failed for Express service 'web' in cluster 'prod': InvalidParameterException: environment DB_PASSWORD=*** and secret *** are not accepted for cluster *** (HTTP 400)");
    assertNoPlainSecret(err.message, err.stack, stderr.text());
  });

  it('a failed deployment whose ECS reason quotes a value: message, reasons, outputs and progress lines are masked', async () => {
    world.outcomes.push({ status: 'ROLLBACK_SUCCESSFUL', reason: `container exited: could not connect with password ${DB_PASSWORD}` });
    const err = await provider.create(inputs()).then(() => assert.fail('must fail'), (e) => e);
    assert.equal(err.id, ARN);
    assert.match(err.message, /could not connect with password \*\*\*/);
    assert.match(err.properties.rolloutStateReason, /password \*\*\*/);
    assert.ok(isSecret(err.properties.primaryContainer));
    assertNoPlainSecret(err.message, err.stack, err.reasons, err.properties, stderr.text());
  });

  it('old values are masked too while the update replaces them', async () => {
    const { outs } = await provider.create(inputs());
    world.queue('UpdateExpressGatewayService', clientError('InvalidParameterException', `cannot replace ${DB_PASSWORD}`));
    const next = (await provider.check!(outs, inputs({ primaryContainer: { image: 'public.ecr.aws/nginx/nginx:1.28' } }))).inputs;
    const err = await provider.update!(ARN, outs, next).then(() => assert.fail('must fail'), (e) => e);
    assert.match(err.message, /cannot replace \*\*\*/);
  });

  it('a status reason ECS reports for the service is masked in outputs', async () => {
    const { outs } = await provider.create(inputs());
    world.queue('DescribeExpressGatewayService', {
      service: { serviceArn: ARN, serviceName: 'web', cluster: 'prod', status: { statusCode: 'ACTIVE', statusReason: `env check failed for ${DB_PASSWORD}` }, activeConfigurations: world.only().configs, tags: [] },
    });
    const refreshed = await provider.read!(ARN, outs);
    assert.equal(refreshed.props!.statusReason, 'env check failed for ***');
    assertNoPlainSecret(refreshed.props);
  });
});
