/** The update plan: request contents, forceNewDeployment, triggers, replacement, state layouts. */
import { strict as assert } from 'assert';
import { describePlan, hasChanges } from '../../schemas/plan/plan';
import { makeProvider, planBetween, propertyPath } from '../../provider/core/resource-provider';
import { resolveSettings } from '../../provider/core/settings';
import { redact } from '../../provider/core/errors';
import { serviceDriver } from '../../provider/service/driver';
import { migrateServiceState, SERVICE_STATE_VERSION } from '../../provider/service/state';
import { buildUpdateRequest } from '../../provider/service/update-request';
import { tagChanges } from '../../provider/core/tags';
import { UNKNOWN } from '../../schemas/plan/normalise';

const BASE = { serviceName: 'web', cluster: 'prod', taskDefinition: 'web:1', desiredCount: 2 };
const plan = (before: object, after: object, state: object = {}) => planBetween(serviceDriver, before as never, after as never, state as never);
const ref = { cluster: 'prod', service: 'web' };

describe('provider plan', () => {
  it('sends only the changed fields, without forceNewDeployment for a task definition change', () => {
    const after = { ...BASE, taskDefinition: 'web:2', networkConfiguration: { awsvpcConfiguration: { subnets: ['s-1'] } } };
    const p = plan(BASE, after);
    assert.deepEqual(buildUpdateRequest(p, after, ref), { cluster: 'prod', service: 'web', taskDefinition: 'web:2', networkConfiguration: after.networkConfiguration });
    assert.equal(describePlan(p), 'new deployment: taskDefinition, networkConfiguration');
  });

  it('in-place changes only: no deployment, and the preview says so', () => {
    const after = { ...BASE, desiredCount: 4, tags: [{ key: 'team', value: 'a' }] };
    const p = plan(BASE, after);
    assert.equal(p.startsDeployment, false);
    assert.deepEqual(buildUpdateRequest(p, after, ref), { cluster: 'prod', service: 'web', desiredCount: 4 });
    assert.equal(describePlan(p), 'in place, no new deployment: desiredCount, tags');
  });

  it('forceNewDeployment for capacity provider strategy changes', () => {
    const before = { ...BASE, capacityProviderStrategy: [{ capacityProvider: 'FARGATE', weight: 1 }] };
    const after = { ...BASE, capacityProviderStrategy: [{ capacityProvider: 'FARGATE_SPOT', weight: 1 }] };
    const p = plan(before, after);
    assert.equal(buildUpdateRequest(p, after, ref)?.forceNewDeployment, true);
    assert.equal(describePlan(p), 'new deployment (forceNewDeployment): capacityProviderStrategy');
  });

  it('forceNewDeployment when redeployTriggers change, never when they stay', () => {
    const p1 = plan({ ...BASE, redeployTriggers: { image: 'sha256:a' } }, { ...BASE, redeployTriggers: { image: 'sha256:b' } });
    assert.deepEqual(buildUpdateRequest(p1, BASE, ref), { cluster: 'prod', service: 'web', forceNewDeployment: true });
    assert.equal(describePlan(p1), 'new deployment (forceNewDeployment): redeployTriggers');
    const p2 = plan({ ...BASE, redeployTriggers: { image: 'sha256:a' } }, { ...BASE, desiredCount: 3, redeployTriggers: { image: 'sha256:a' } });
    assert.equal(buildUpdateRequest(p2, { ...BASE, desiredCount: 3 }, ref)?.forceNewDeployment, undefined);
  });

  it('a removed field is sent as its reset value (UpdateService reads omission as unchanged)', () => {
    const before = { ...BASE, placementStrategy: [{ type: 'binpack', field: 'memory' }], healthCheckGracePeriodSeconds: 30, deploymentConfiguration: { maximumPercent: 150 } };
    const p = plan(before, BASE);
    assert.deepEqual(buildUpdateRequest(p, BASE, ref), {
      cluster: 'prod',
      service: 'web',
      placementStrategy: [],
      healthCheckGracePeriodSeconds: 0,
      deploymentConfiguration: { maximumPercent: 200, minimumHealthyPercent: 100, deploymentCircuitBreaker: { enable: false, rollback: false } },
    });
  });

  it('tags: put changed and new keys, remove dropped keys', () => {
    assert.deepEqual(tagChanges([{ key: 'a', value: '1' }, { key: 'b', value: '2' }], [{ key: 'a', value: '9' }, { key: 'c', value: '3' }]), {
      put: [{ key: 'a', value: '9' }, { key: 'c', value: '3' }],
      remove: ['b'],
    });
  });

  it('replacement deletes first when the new service keeps its name in the same cluster', () => {
    const p1 = plan({ ...BASE, launchType: 'EC2' }, { ...BASE, launchType: 'FARGATE' });
    assert.deepEqual([p1.replaces, p1.deleteBeforeReplace], [['launchType'], true]);
    assert.equal(describePlan(p1), 'replace (delete before replace): launchType');
    const p2 = plan(BASE, { ...BASE, serviceName: 'web2' });
    assert.deepEqual([p2.replaces, p2.deleteBeforeReplace], [['serviceName'], false]);
    const p3 = plan({ ...BASE, region: 'us-east-1' }, { ...BASE, region: 'eu-west-1' });
    assert.deepEqual([p3.replaces, p3.deleteBeforeReplace], [['region'], false]);
  });

  it('values unknown in preview are changes, marked as known after apply', () => {
    const p = plan(BASE, { ...BASE, taskDefinition: UNKNOWN });
    assert.equal(describePlan(p), 'new deployment: taskDefinition (known after apply)');
  });

  it('check cannot see the running revision: a family vs revision spelling is marked as uncertain', () => {
    const p = plan({ ...BASE, taskDefinition: 'web' }, { ...BASE, taskDefinition: 'web:1' });
    assert.equal(describePlan(p), 'new deployment: taskDefinition (unless it names the running revision)');
  });

  it('provider settings alone change no field, but are an update (so the stored outputs get them) that calls no AWS', () => {
    const p = plan({ ...BASE, waitForDeployment: true, pollIntervalSeconds: 15 }, { ...BASE, waitForDeployment: false, timeouts: { update: 60 } });
    assert.equal(describePlan(p), 'settings only, no AWS call: waitForDeployment, timeouts, pollIntervalSeconds');
    assert.deepEqual(p.changes, []);
    assert.equal(hasChanges(p), true);
    assert.equal(buildUpdateRequest(p, BASE, ref), undefined);
    assert.equal(describePlan(plan(BASE, { ...BASE, desiredCount: 3, endpoint: 'http://127.0.0.1:1' })), 'in place, no new deployment: desiredCount; settings: endpoint');
  });

  it('a removed field that UpdateService cannot unset keeps its running value: no change is planned or sent', () => {
    const p = plan({ ...BASE, networkConfiguration: { awsvpcConfiguration: { subnets: ['s-1'] } } }, BASE);
    assert.deepEqual([describePlan(p), buildUpdateRequest(p, BASE, ref)], ['no change', undefined]);
    const { desiredCount: _d, ...withoutCount } = BASE;
    assert.equal(describePlan(plan(BASE, withoutCount)), 'no change');
  });

  it('waiting off: the plan does not promise to follow the deployment', () => {
    const off = { ...BASE, waitForDeployment: false };
    assert.equal(describePlan(plan(off, { ...off, taskDefinition: 'web:2' })), 'new deployment: taskDefinition; not followed (waitForDeployment is off)');
    assert.equal(describePlan(planBetween(serviceDriver, undefined, off)), 'create: new service, first deployment, not followed (waitForDeployment is off)');
    assert.equal(describePlan(planBetween(serviceDriver, undefined, BASE)), 'create: new service, first deployment followed to completion');
  });

  it('a refused change fails the diff with what to do instead', async () => {
    const provider = makeProvider(serviceDriver);
    const olds = { ...BASE, deploymentController: { type: 'CODE_DEPLOY' }, ecsdefStateVersion: 2 };
    await assert.rejects(() => provider.diff!('arn', olds, { ...olds, taskDefinition: 'web:2' }), /CodeDeploy/);
  });
});

describe('provider state versions', () => {
  it('upgrades unversioned (v1) state: the task definition input stands for the running revision', () => {
    const v1 = { ...BASE, taskDefinition: 'web:1', serviceArn: 'arn:aws:ecs:us-east-1:1:service/prod/web' };
    const migrated = migrateServiceState(v1);
    assert.equal(migrated.ecsdefStateVersion, SERVICE_STATE_VERSION);
    assert.equal(migrated.taskDefinitionArn, 'web:1');
    assert.deepEqual(plan(migrated, { ...BASE, taskDefinition: 'web' }, migrated).changes, []);
  });

  it('refuses state written by a newer provider', () => {
    assert.throws(() => migrateServiceState({ ecsdefStateVersion: 99 }), /newer ecsdef provider.*99/);
  });
});

describe('provider helpers', () => {
  it('maps JSON pointers to Pulumi property paths', () => {
    assert.equal(propertyPath('/networkConfiguration/awsvpcConfiguration/subnets/0'), 'networkConfiguration.awsvpcConfiguration.subnets[0]');
    assert.equal(propertyPath('/tags/1/key'), 'tags[1].key');
  });

  it('settings: inputs win over environment, environment over defaults', () => {
    const env = { AWS_REGION: 'eu-west-1', ECSDEF_WAIT: 'false', ECSDEF_TIMEOUT_SECONDS: '60', ECSDEF_ENDPOINT: 'http://127.0.0.1:1' };
    const s = resolveSettings({ timeouts: { update: 5 } }, env);
    assert.deepEqual([s.region, s.waitForDeployment, s.timeoutSeconds, s.endpoint], ['eu-west-1', false, { create: 60, update: 5, delete: 60 }, 'http://127.0.0.1:1']);
    assert.equal(resolveSettings({ region: 'us-west-2', waitForDeployment: true }, env).region, 'us-west-2');
  });

  it('redacts credential values from messages', () => {
    assert.equal(redact('key AKIAXXXX secret s3cr3t!', { AWS_ACCESS_KEY_ID: 'AKIAXXXX', AWS_SECRET_ACCESS_KEY: 's3cr3t!' }), 'key *** secret ***');
  });
});
