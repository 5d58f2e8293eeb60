/**
 * Waiting, rollback and errors against a scripted local ECS endpoint (moto emulates no
 * rollouts). The provider runs in-process here; test/e2e/provider-host.test.ts drives the same
 * provider through the dynamic-provider host.
 */
import { strict as assert } from 'assert';
import { makeProvider } from '../../provider/core/resource-provider';
import { serviceDriver } from '../../provider/service/driver';
import { FAKE_CREDENTIALS, TEST_AWS_ENV } from '../support/moto';
import { captureStderr } from './support/capture';
import { arnOf, clientError, deployment, serviceBody, startScriptedEcs, type Handler, type Json, type ScriptedEcs } from './support/scripted-ecs';

const provider = makeProvider(serviceDriver);
const SD_ARN = arnOf.serviceDeployment('prod', 'web', 'dep-1');

function inputs(endpoint: string, extra: Json = {}): Json {
  return { serviceName: 'web', cluster: 'prod', taskDefinition: 'web:1', desiredCount: 2, endpoint, region: 'us-east-1', pollIntervalSeconds: 0.01, timeouts: { create: 5, update: 5, delete: 5 }, ...extra };
}

function sdReply(status: string, extra: Json = {}): Json {
  return {
    serviceDeployments: [{ serviceDeploymentArn: SD_ARN, status, targetServiceRevision: { requestedTaskCount: 2, runningTaskCount: status === 'SUCCESSFUL' ? 2 : 1 }, ...extra }],
    failures: [],
  };
}

/** Returns the script's entries in order, repeating the last one. */
const seq = (...items: (Json | ReturnType<typeof clientError>)[]): Handler => (_b, n) => items[Math.min(n, items.length - 1)];

function assertNoCredentials(text: string) {
  for (const v of Object.values(FAKE_CREDENTIALS).filter((x) => x.length > 12)) assert.ok(!text.includes(v), 'a credential leaked');
}

describe('provider waiting and rollback (scripted ECS endpoint)', () => {
  let ecs: ScriptedEcs | undefined;
  let stderr: ReturnType<typeof captureStderr>;
  const savedEnv = { ...process.env };
  beforeEach(() => {
    Object.assign(process.env, TEST_AWS_ENV);
    stderr = captureStderr();
  });
  afterEach(async () => {
    stderr.restore();
    process.env = { ...savedEnv };
    await ecs?.close();
    ecs = undefined;
  });

  const created = (extra: Json = {}) =>
    serviceBody({ cluster: 'prod', name: 'web', taskDefinition: 'web:1', deployments: [deployment('ecs-svc/1', 'web:1', 'IN_PROGRESS')], currentServiceDeployment: SD_ARN, ...extra });

  it('create follows the service deployment to SUCCESSFUL and reports it in outputs, with progress on stderr', async () => {
    ecs = await startScriptedEcs({
      CreateService: () => ({ service: created() }),
      DescribeServiceDeployments: seq(sdReply('PENDING'), sdReply('IN_PROGRESS'), sdReply('SUCCESSFUL')),
    });
    const { id, outs } = await provider.create(inputs(ecs.endpoint));
    assert.equal(id, arnOf.service('prod', 'web'));
    assert.deepEqual([outs.rolloutState, outs.deploymentId, outs.serviceDeploymentArn], ['COMPLETED', 'ecs-svc/1', SD_ARN]);
    assert.deepEqual(ecs.ops(), ['CreateService', 'DescribeServiceDeployments', 'DescribeServiceDeployments', 'DescribeServiceDeployments']);
    assert.match(stderr.text(), /\[ecsdef\] service 'web' in cluster 'prod': deployment IN_PROGRESS, 1\/2 running/);
    assert.ok(ecs.calls[0].body.clientToken, 'CreateService carries an idempotency token');
  });

  it('finds the deployment with ListServiceDeployments when the service does not name it', async () => {
    ecs = await startScriptedEcs({
      CreateService: () => ({ service: created({ currentServiceDeployment: undefined }) }),
      ListServiceDeployments: () => ({ serviceDeployments: [{ serviceDeploymentArn: SD_ARN, status: 'IN_PROGRESS', createdAt: Date.now() / 1000 }] }),
      DescribeServiceDeployments: seq(sdReply('IN_PROGRESS'), sdReply('SUCCESSFUL')),
    });
    const { outs } = await provider.create(inputs(ecs.endpoint));
    assert.equal(outs.rolloutState, 'COMPLETED');
    assert.deepEqual(ecs.ops().slice(0, 2), ['CreateService', 'ListServiceDeployments']);
  });

  it("falls back to the service's PRIMARY deployment when service deployments are unavailable", async () => {
    ecs = await startScriptedEcs({
      CreateService: () => ({ service: created({ currentServiceDeployment: undefined }) }),
      ListServiceDeployments: () => clientError('UnknownOperationException', 'not supported here'),
      DescribeServices: seq(
        { services: [created({ deployments: [deployment('ecs-svc/1', 'web:1', 'IN_PROGRESS')] })] },
        { services: [created({ deployments: [deployment('ecs-svc/1', 'web:1', 'COMPLETED')] })] },
      ),
    });
    const { outs } = await provider.create(inputs(ecs.endpoint));
    assert.deepEqual([outs.rolloutState, outs.deploymentId], ['COMPLETED', 'ecs-svc/1']);
    assert.match(stderr.text(), /following the service's deployments instead/);
  });

  it('a circuit-breaker rollback fails the create with its reason, and the service stays in state', async () => {
    const reason = 'Service deployment rolled back because the circuit breaker threshold was exceeded.';
    ecs = await startScriptedEcs({
      CreateService: () => ({ service: created() }),
      DescribeServiceDeployments: seq(
        sdReply('IN_PROGRESS'),
        sdReply('ROLLBACK_IN_PROGRESS', { statusReason: reason, deploymentCircuitBreaker: { status: 'TRIGGERED', failureCount: 3, threshold: 3 }, rollback: { reason: 'circuit breaker initiated rollback' } }),
      ),
    });
    const err = await provider.create(inputs(ecs.endpoint)).then(() => undefined, (e) => e);
    assert.ok(err, 'create must fail');
    assert.equal(err.id, arnOf.service('prod', 'web'), 'partial failure carries the id');
    assert.equal(err.properties.rolloutState, 'FAILED');
    assert.match(err.message, /ROLLBACK_IN_PROGRESS: Service deployment rolled back because the circuit breaker threshold was exceeded/);
    assert.match(err.message, /circuit breaker triggered \(3 failed tasks, threshold 3\)/);
    assert.match(err.properties.rolloutStateReason, /circuit breaker/);
  });

  it('a rollout that does not finish in time fails with a timeout, keeping the service', async () => {
    ecs = await startScriptedEcs({
      CreateService: () => ({ service: created() }),
      DescribeServiceDeployments: () => sdReply('IN_PROGRESS'),
    });
    const err = await provider.create(inputs(ecs.endpoint, { timeouts: { create: 0.2 } })).then(() => undefined, (e) => e);
    assert.ok(err);
    assert.match(err.message, /did not complete within 0\.2 s/);
    assert.equal(err.id, arnOf.service('prod', 'web'));
    assert.equal(err.properties.rolloutState, 'IN_PROGRESS');
  });

  it('throttled polls are retried until the deployment completes', async () => {
    ecs = await startScriptedEcs({
      CreateService: () => ({ service: created() }),
      DescribeServiceDeployments: seq(clientError('ThrottlingException', 'Rate exceeded'), clientError('ThrottlingException', 'Rate exceeded'), sdReply('SUCCESSFUL')),
    });
    const { outs } = await provider.create(inputs(ecs.endpoint));
    assert.equal(outs.rolloutState, 'COMPLETED');
    assert.equal(ecs.ops().filter((o) => o === 'DescribeServiceDeployments').length, 3);
  });

  it('update: one UpdateService with only the changed fields; a rollback fails the update without a partial result (the old state still describes the service)', async () => {
    const old = { ...inputs('x'), ecsdefStateVersion: 2, serviceArn: arnOf.service('prod', 'web'), taskDefinitionArn: arnOf.taskDefinition('web:1'), rolloutState: 'COMPLETED' };
    ecs = await startScriptedEcs({
      UpdateService: () => ({ service: serviceBody({ cluster: 'prod', name: 'web', taskDefinition: 'web:2', desiredCount: 3, deployments: [deployment('ecs-svc/2', 'web:2', 'IN_PROGRESS')] }) }),
      ListServiceDeployments: () => clientError('UnknownOperationException', 'not supported here'),
      DescribeServices: () => ({
        services: [serviceBody({ cluster: 'prod', name: 'web', taskDefinition: 'web:1', desiredCount: 3, deployments: [deployment('ecs-svc/2', 'web:2', 'FAILED', { rolloutStateReason: 'ECS deployment circuit breaker: tasks failed to start.' })], extra: { events: [{ message: '(service web) rolling back to deployment ecs-svc/1.' }] } })],
      }),
    });
    const news = { ...inputs(ecs.endpoint), taskDefinition: 'web:2', desiredCount: 3 };
    const err = await provider.update!(old.serviceArn, { ...old, endpoint: ecs.endpoint }, news).then(() => undefined, (e) => e);
    assert.ok(err);
    const updates = ecs.calls.filter((c) => c.op === 'UpdateService');
    assert.equal(updates.length, 1);
    assert.deepEqual(updates[0].body, { cluster: 'prod', service: 'web', taskDefinition: 'web:2', desiredCount: 3 });
    assert.match(err.message, /tasks failed to start.*rolling back/);
    assert.match(err.message, /the state keeps the previous definition/);
    assert.equal(err.name, 'UpdateNotApplied');
    assert.equal(err.id, undefined, 'no partial failure: the engine keeps the old inputs and outputs');
  });

  it('update with in-place changes only does not wait for a deployment', async () => {
    const old = { ...inputs('x'), ecsdefStateVersion: 2, serviceArn: arnOf.service('prod', 'web'), rolloutState: 'COMPLETED' };
    ecs = await startScriptedEcs({
      UpdateService: () => ({ service: serviceBody({ cluster: 'prod', name: 'web', taskDefinition: 'web:1', desiredCount: 5 }) }),
      TagResource: () => ({}),
      UntagResource: () => ({}),
    });
    const news = { ...inputs(ecs.endpoint), desiredCount: 5, tags: [{ key: 'team', value: 'web' }] };
    const { outs } = await provider.update!(old.serviceArn, { ...old, endpoint: ecs.endpoint }, news);
    assert.deepEqual(ecs.ops(), ['UpdateService', 'TagResource']);
    assert.equal(outs.desiredCount, 5);
  });

  it('AWS errors name the service, the operation and the AWS message, never credentials', async () => {
    ecs = await startScriptedEcs({ CreateService: () => clientError('InvalidParameterException', 'Error retrieving subnet information for [subnet-0].') });
    const err = await provider.create(inputs(ecs.endpoint)).then(() => undefined, (e) => e);
    assert.equal(err.message, "Amazon ECS CreateService failed for service 'web' in cluster 'prod': InvalidParameterException: Error retrieving subnet information for [subnet-0]. (HTTP 400)");
    assert.equal(err.id, undefined, 'nothing was created: no partial failure');
    assertNoCredentials(err.message + stderr.text());
    assert.match(String(ecs.calls[0].headers.authorization), /Credential=AKIAECSDEFTESTKEY123\//, 'credentials come from the environment at run time');
  });

  it('delete scales a REPLICA service to 0, deletes it and waits for INACTIVE', async () => {
    const svc = (status: string, desired: number) => ({ services: [serviceBody({ cluster: 'prod', name: 'web', taskDefinition: 'web:1', status, desiredCount: desired })] });
    ecs = await startScriptedEcs({
      DescribeServices: seq(svc('ACTIVE', 2), svc('DRAINING', 0), svc('DRAINING', 0), svc('INACTIVE', 0)),
      UpdateService: () => ({ service: svc('ACTIVE', 0).services[0] }),
      DeleteService: () => ({ service: svc('DRAINING', 0).services[0] }),
    });
    await provider.delete!(arnOf.service('prod', 'web'), { ...inputs(ecs.endpoint), ecsdefStateVersion: 2 });
    assert.deepEqual(ecs.ops(), ['DescribeServices', 'UpdateService', 'DeleteService', 'DescribeServices', 'DescribeServices', 'DescribeServices']);
    assert.equal(ecs.calls[1].body.desiredCount, 0);
    assert.equal(ecs.calls[2].body.force, false);
  });
});
