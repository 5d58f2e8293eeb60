/**
 * No spurious diffs: pairs that ECS treats the same must plan no change; pairs that differ in
 * meaning must plan one. Each pair goes through the provider's normaliser and schemas.classify.
 */
import { strict as assert } from 'assert';
import { planBetween } from '../../provider/core/resource-provider';
import { definitionFromLive, reconcileWithDesired } from '../../provider/service/live';
import { normaliseService } from '../../schemas/plan/normalise';
import { serviceDriver } from '../../provider/service/driver';

const BASE = { serviceName: 'web', cluster: 'prod', taskDefinition: 'web:3', desiredCount: 2 };
const ACCT = '123456789012';

function changedFields(before: object, after: object, state?: object): string[] {
  const plan = planBetween(serviceDriver, { ...BASE, ...before }, { ...BASE, ...after }, state as never);
  return [...plan.changes.map((c) => c.field), ...plan.replaces.filter((r) => !plan.changes.some((c) => c.field === r))];
}

const same: [string, object, object, object?][] = [
  ['cluster name vs ARN', { cluster: 'prod' }, { cluster: `arn:aws:ecs:us-east-1:${ACCT}:cluster/prod` }],
  ['cluster unset vs default', { cluster: undefined }, { cluster: 'default' }],
  ['role name vs ARN', { role: 'ecsServiceRole' }, { role: `arn:aws:iam::${ACCT}:role/ecsServiceRole` }],
  ['role unset vs the service-linked role', {}, { role: `arn:aws:iam::${ACCT}:role/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS` }],
  ['task definition family:revision vs ARN', { taskDefinition: 'web:3' }, { taskDefinition: `arn:aws:ecs:us-east-1:${ACCT}:task-definition/web:3` }],
  ['task definition family vs running revision', { taskDefinition: 'web' }, { taskDefinition: 'web:3' }, { taskDefinitionArn: `arn:aws:ecs:us-east-1:${ACCT}:task-definition/web:3` }],
  ['deployment percentages at their defaults', {}, { deploymentConfiguration: { maximumPercent: 200, minimumHealthyPercent: 100 } }],
  ['circuit breaker and alarms off', {}, { deploymentConfiguration: { deploymentCircuitBreaker: { enable: false, rollback: false }, alarms: { alarmNames: [], enable: false, rollback: false } } }],
  ['DAEMON percentages at their defaults', { schedulingStrategy: 'DAEMON' }, { schedulingStrategy: 'DAEMON', deploymentConfiguration: { maximumPercent: 100, minimumHealthyPercent: 0 } }],
  ['assignPublicIp DISABLED vs unset', { networkConfiguration: { awsvpcConfiguration: { subnets: ['s-1'] } } }, { networkConfiguration: { awsvpcConfiguration: { subnets: ['s-1'], assignPublicIp: 'DISABLED' } } }],
  ['platformVersion LATEST vs unset', {}, { platformVersion: 'LATEST' }],
  ['availabilityZoneRebalancing ENABLED vs unset', {}, { availabilityZoneRebalancing: 'ENABLED' }],
  ['propagateTags NONE vs unset', {}, { propagateTags: 'NONE' }],
  ['schedulingStrategy REPLICA vs unset', {}, { schedulingStrategy: 'REPLICA' }],
  ['deploymentController ECS vs unset', {}, { deploymentController: { type: 'ECS' } }],
  ['grace period 0 vs unset', {}, { healthCheckGracePeriodSeconds: 0 }],
  ['subnet and security group order', { networkConfiguration: { awsvpcConfiguration: { subnets: ['s-1', 's-2'], securityGroups: ['sg-1', 'sg-2'] } } }, { networkConfiguration: { awsvpcConfiguration: { subnets: ['s-2', 's-1'], securityGroups: ['sg-2', 'sg-1'] } } }],
  ['tag order', { tags: [{ key: 'a', value: '1' }, { key: 'b', value: '2' }] }, { tags: [{ key: 'b', value: '2' }, { key: 'a', value: '1' }] }],
  ['capacity provider order and base 0', { capacityProviderStrategy: [{ capacityProvider: 'FARGATE', weight: 1 }, { capacityProvider: 'FARGATE_SPOT', weight: 3 }] }, { capacityProviderStrategy: [{ capacityProvider: 'FARGATE_SPOT', weight: 3, base: 0 }, { capacityProvider: 'FARGATE', weight: 1, base: 0 }] }],
  ['spread on host vs instanceId', { placementStrategy: [{ type: 'spread', field: 'host' }] }, { placementStrategy: [{ type: 'spread', field: 'instanceId' }] }],
  ['empty lists vs unset', {}, { loadBalancers: [], serviceRegistries: [], placementConstraints: [], placementStrategy: [], tags: [] }],
  ['null members vs unset', { desiredCount: 2 }, { desiredCount: 2, platformVersion: null, tags: null }],
  ['Service Connect disabled vs unset', {}, { serviceConnectConfiguration: { enabled: false } }],
];

const different: [string, object, object, string][] = [
  ['placement strategy order is significant', { placementStrategy: [{ type: 'spread', field: 'instanceId' }, { type: 'binpack', field: 'memory' }] }, { placementStrategy: [{ type: 'binpack', field: 'memory' }, { type: 'spread', field: 'instanceId' }] }, 'placementStrategy'],
  ['another cluster', { cluster: 'prod' }, { cluster: `arn:aws:ecs:us-east-1:${ACCT}:cluster/staging` }, 'cluster'],
  ['another revision', { taskDefinition: 'web:3' }, { taskDefinition: `arn:aws:ecs:us-east-1:${ACCT}:task-definition/web:4` }, 'taskDefinition'],
  ['a family that no longer names the running revision', { taskDefinition: 'web' }, { taskDefinition: 'web:4' }, 'taskDefinition'],
  ['public IP turned on', {}, { networkConfiguration: { awsvpcConfiguration: { subnets: ['s-1'], assignPublicIp: 'ENABLED' } } }, 'networkConfiguration'],
  ['non-default percentages', {}, { deploymentConfiguration: { maximumPercent: 150 } }, 'deploymentConfiguration'],
  ['a tag value', { tags: [{ key: 'a', value: '1' }] }, { tags: [{ key: 'a', value: '2' }] }, 'tags'],
];

describe('provider normaliser: no spurious diffs', () => {
  for (const [name, before, after, state] of same) {
    it(`same: ${name}`, () => {
      const st = state ?? { taskDefinitionArn: `arn:aws:ecs:us-east-1:${ACCT}:task-definition/web:3` };
      assert.deepEqual(changedFields(before, after, st), []);
      assert.deepEqual(changedFields(after, before, st), []);
    });
  }
  for (const [name, before, after, field] of different) {
    it(`different: ${name}`, () => {
      assert.deepEqual(changedFields(before, after, { taskDefinitionArn: `arn:aws:ecs:us-east-1:${ACCT}:task-definition/web:3` }), [field]);
    });
  }

  it('is idempotent and never mutates its input', () => {
    const def = { ...BASE, tags: [{ key: 'b', value: '2' }, { key: 'a', value: '1' }], networkConfiguration: { awsvpcConfiguration: { subnets: ['s-2', 's-1'] } } };
    const copy = JSON.parse(JSON.stringify(def));
    const once = normaliseService(def);
    assert.deepEqual(normaliseService(once), once);
    assert.deepEqual(def, copy);
  });

  it('reads Service Connect, volumes and VPC Lattice from the PRIMARY deployment', () => {
    const sc = { enabled: true, namespace: 'internal', services: [{ portName: 'http', clientAliases: [{ port: 80 }] }] };
    const volumes = [{ name: 'data', managedEBSVolume: { sizeInGiB: 20, roleArn: `arn:aws:iam::${ACCT}:role/ebs` } }];
    const lattice = [{ roleArn: `arn:aws:iam::${ACCT}:role/l`, targetGroupArn: 'arn:aws:vpc-lattice:tg', portName: 'http' }];
    const live = definitionFromLive({
      serviceName: 'web',
      clusterArn: `arn:aws:ecs:us-east-1:${ACCT}:cluster/prod`,
      taskDefinition: `arn:aws:ecs:us-east-1:${ACCT}:task-definition/web:3`,
      desiredCount: 2,
      deployments: [
        { id: 'old', status: 'ACTIVE', serviceConnectConfiguration: { enabled: false } },
        { id: 'new', status: 'PRIMARY', serviceConnectConfiguration: sc, volumeConfigurations: volumes, vpcLatticeConfigurations: lattice } as never,
      ],
    });
    assert.deepEqual(live.serviceConnectConfiguration, sc);
    assert.deepEqual(live.volumeConfigurations, volumes);
    assert.deepEqual(live.vpcLatticeConfigurations, lattice);
  });

  it('reconciles live values ECS chose for unset fields (launch type EC2, resolved platform version)', () => {
    const desired = { ...BASE };
    const live = { ...BASE, cluster: 'prod', launchType: 'EC2', platformVersion: '1.4.0', taskDefinition: `arn:aws:ecs:us-east-1:${ACCT}:task-definition/web:3` };
    assert.deepEqual(reconcileWithDesired(live, desired), BASE);
  });

  it('keeps real drift visible after reconciling', () => {
    const live = { ...BASE, desiredCount: 5 };
    assert.equal(reconcileWithDesired(live, BASE).desiredCount, 5);
  });
});
