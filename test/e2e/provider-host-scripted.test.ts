/**
 * EcsService through the engine and the dynamic-provider host, against a scripted ECS endpoint
 * (the JSON 1.1 wire protocol) for what moto does not emulate: rollouts that roll back, service
 * revisions (the only place ECS reports gateway connectors and monitoring), and AWS errors that
 * quote request values.
 */
import { strict as assert } from 'assert';
import { DynamicHost, Engine, requireInstalled, secret, serializeProvider, type Bag } from '../support/dynamic-host';
import { TEST_AWS_ENV } from '../support/moto';
import { arnOf, clientError, deployment, serviceBody, startScriptedEcs, type Handler, type Json, type ScriptedEcs } from '../provider/support/scripted-ecs';

describe('e2e: EcsService through the engine and the dynamic-provider host (scripted ECS)', function () {
  this.timeout(60_000);
  let ecs: ScriptedEcs;
  let host: DynamicHost;
  let engine: Engine;
  /** The handlers of the current test (the scripted endpoint calls through this table). */
  let script: Record<string, Handler> = {};

  before(async () => {
    const route = (op: string): Handler => (body, n) => (script[op] ? script[op](body, n) : clientError('UnknownOperationException', `no script for ${op}`));
    const ops = ['CreateService', 'UpdateService', 'DescribeServices', 'DescribeServiceDeployments', 'ListServiceDeployments', 'DescribeServiceRevisions', 'TagResource', 'UntagResource', 'DeleteService'];
    ecs = await startScriptedEcs(Object.fromEntries(ops.map((op) => [op, route(op)])));
    host = await DynamicHost.start({ ...TEST_AWS_ENV, ECSDEF_POLL_INTERVAL_SECONDS: '0.01', ECSDEF_MAX_ATTEMPTS: '1' });
    engine = new Engine(host, await serializeProvider(requireInstalled('provider/ecs-service').ecsServiceProvider));
  });
  after(async () => {
    await host?.stop();
    await ecs?.close();
  });
  beforeEach(() => {
    script = {};
  });

  const program = (name: string, extra: Bag = {}): Bag => ({ serviceName: name, cluster: 'prod', taskDefinition: 'web:1', desiredCount: 2, endpoint: ecs.endpoint, region: 'us-east-1', ...extra });
  const sd = (name: string, n: number) => arnOf.serviceDeployment('prod', name, `d${n}`);

  it('item 1: after a rolled-back update the state still describes what runs, and the preview shows the change the next update sends', async () => {
    const outcome: Record<string, string> = {};
    let deployments = 0;
    const started = (name: string, td: string) => {
      const arn = sd(name, ++deployments);
      outcome[arn] = td === 'web:2' && deployments === 2 ? 'ROLLBACK_SUCCESSFUL' : 'SUCCESSFUL';
      return { service: serviceBody({ cluster: 'prod', name, taskDefinition: td, deployments: [deployment(`ecs-svc/${deployments}`, td, 'IN_PROGRESS')], currentServiceDeployment: arn }) };
    };
    script.CreateService = (b) => started(b.serviceName, b.taskDefinition);
    script.UpdateService = (b) => started(b.service, b.taskDefinition);
    script.DescribeServiceDeployments = (b) => ({
      serviceDeployments: b.serviceDeploymentArns.map((arn: string) => ({ serviceDeploymentArn: arn, status: outcome[arn], statusReason: outcome[arn] === 'SUCCESSFUL' ? undefined : 'circuit breaker: tasks failed to start' })),
    });

    assert.equal((await engine.up('rb', program('rb'))).error, undefined);
    const next = program('rb', { taskDefinition: 'web:2' });
    const failed = await engine.up('rb', next);
    assert.match(String(failed.error?.message), /ROLLBACK_SUCCESSFUL: circuit breaker: tasks failed to start/);
    assert.equal(engine.stateOf('rb')!.inputs.taskDefinition, 'web:1', 'the engine keeps the old inputs: they describe what runs again');

    const calls = ecs.calls.length;
    const step = await engine.preview('rb', next);
    assert.equal(ecs.calls.length, calls, 'the preview makes no AWS call');
    assert.deepEqual([step.rolloutPlan, step.diff?.changes], ['new deployment: taskDefinition', 'DIFF_SOME']);
    assert.equal((await engine.up('rb', next)).error, undefined);
    assert.deepEqual(ecs.calls.slice(calls).filter((c) => c.op === 'UpdateService').map((c) => c.body), [{ cluster: 'prod', service: 'rb', taskDefinition: 'web:2' }]);
  });

  it('item 4: read without a definition (EcsService.get) reads back everything the definition can hold', async () => {
    const revision = 'arn:aws:ecs:us-east-1:123456789012:service-revision/prod/got/1';
    const gatewayConnectors = [{ portName: 'http' }];
    const monitoring = { metricConfigurations: [{ metricNames: ['CPUUtilization'], resolutionSeconds: 20 }] };
    const capacityProviderStrategy = [{ capacityProvider: 'FARGATE_SPOT', weight: 3, base: 1 }];
    script.DescribeServices = () => ({
      services: [serviceBody({ cluster: 'prod', name: 'got', taskDefinition: 'web:4', extra: {
        launchType: undefined, capacityProviderStrategy, platformVersion: '1.4.0', roleArn: 'arn:aws:iam::123456789012:role/ecs-elb',
        currentServiceRevisions: [{ arn: revision, requestedTaskCount: 2, runningTaskCount: 2, pendingTaskCount: 0 }],
      } })],
    });
    script.DescribeServiceRevisions = (b) => ({ serviceRevisions: [{ serviceRevisionArn: b.serviceRevisionArns[0], gatewayConnectors, monitoring }] });
    const props = await engine.get('got', arnOf.service('prod', 'got'), { endpoint: ecs.endpoint, region: 'us-east-1' });
    assert.deepEqual(
      { ...Object.fromEntries(['capacityProviderStrategy', 'platformVersion', 'role', 'gatewayConnectors', 'monitoring', 'taskDefinition'].map((k) => [k, props[k]])) },
      { capacityProviderStrategy, platformVersion: '1.4.0', role: 'arn:aws:iam::123456789012:role/ecs-elb', gatewayConnectors, monitoring, taskDefinition: arnOf.taskDefinition('web:4') },
    );
    assert.equal(props.serviceArn, arnOf.service('prod', 'got'));
  });

  it('item 8: an AWS error that echoes a secret input value is masked, in the error and on stderr', async () => {
    const token = 'tok-3f9a1c77e2b04d5e';
    script.CreateService = () => clientError('InvalidParameterException', `Tag value ${token} is not valid for key deploy-token`);
    // `secretFields` is what EcsService registers for an argument given as a Pulumi secret (resource.test.ts).
    const step = await engine.up('sec', program('sec', { tags: secret([{ key: 'deploy-token', value: token }]), secretFields: ['tags'] }));
    assert.match(String(step.error?.message), /CreateService failed for service 'sec' in cluster 'prod': InvalidParameterException: Tag value \*\*\* is not valid/);
    const everything = JSON.stringify([step, host.stderr]);
    assert.ok(!everything.includes(token), 'the secret value appears nowhere');
    assert.equal(engine.stateOf('sec'), undefined, 'nothing was created');
  });

  it('item 8: values ECS reports while following a deployment are masked too', async () => {
    const password = 'pw-9d2e44b1a0c3';
    script.CreateService = (b: Json) => ({ service: serviceBody({ cluster: 'prod', name: b.serviceName, taskDefinition: 'web:1', deployments: [deployment('ecs-svc/9', 'web:1', 'IN_PROGRESS')], currentServiceDeployment: sd('sec2', 9) }) });
    script.DescribeServiceDeployments = () => ({ serviceDeployments: [{ serviceDeploymentArn: sd('sec2', 9), status: 'ROLLBACK_SUCCESSFUL', statusReason: `container exited: bad password ${password}` }] });
    const step = await engine.up('sec2', program('sec2', { tags: [{ key: 'db', value: secret(password) }], secretFields: ['tags'] }));
    assert.ok(step.error?.initFailed, 'a failed first deployment keeps the service in state');
    assert.match(String(step.error?.message), /bad password \*\*\*/);
    const state = engine.stateOf('sec2')!;
    assert.match(String(state.outputs.rolloutStateReason), /bad password \*\*\*/);
    assert.ok(!JSON.stringify([step.error?.message, step.error?.initFailed?.reasons, host.stderr, state.outputs.rolloutStateReason]).includes(password));
    assert.equal((state.outputs.tags as { value: unknown }).value !== undefined, true, 'the engine stores the tags as a secret, by the name of the secret input');
  });
});
