/**
 * One row per documented statement: a change to a running service, the controller, and what
 * the provider plans (schemas.classify reached through the provider's normaliser). `source`
 * names the document and passage, restated in our own words.
 */
import { strict as assert } from 'assert';
import { planBetween } from '../../provider/core/resource-provider';
import { serviceDriver } from '../../provider/service/driver';

type Controller = 'ECS' | 'CODE_DEPLOY' | 'EXTERNAL';
type Expect = 'replace' | 'deployment' | 'deployment+force' | 'in-place' | 'forbidden' | 'none';
interface Row {
  controller: Controller;
  change: Record<string, unknown>;
  from?: Record<string, unknown>;
  expect: Expect;
  source: string;
  /** What a refusal must advise (default: the controller's remedy). */
  remedy?: RegExp;
}

const SEED = 'seed 000 (UpdateService API reference)';
const ECS_PARA = `${SEED}, rolling update paragraph: the listed parameters update through this call and new tasks pick them up`;
const BG_PARA = `${SEED}, blue/green paragraph: only count, deployment configuration, grace period, placement, managed and propagated tags; the rest through a CodeDeploy deployment`;
const EXT_PARA = `${SEED}, external controller paragraph: only count, placement, grace period, managed and propagated tags; launch type, load balancer, network, platform version and task definition through a new task set`;
const TG = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123456789abcdef';

const rows: Row[] = [
  // ECS (rolling update)
  { controller: 'ECS', change: { taskDefinition: 'web:2' }, expect: 'deployment', source: `${SEED}, taskDefinition: a new revision starts tasks of that revision, then old tasks stop` },
  { controller: 'ECS', change: { networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-b'] } } }, expect: 'deployment', source: ECS_PARA },
  { controller: 'ECS', change: { loadBalancers: [{ targetGroupArn: TG, containerName: 'app', containerPort: 80 }] }, expect: 'deployment', source: `${SEED}, loadBalancers: adding or changing one starts new tasks before stopping old ones` },
  { controller: 'ECS', change: { serviceRegistries: [{ registryArn: 'arn:aws:servicediscovery:us-east-1:123456789012:service/srv-1' }] }, expect: 'deployment', source: `${SEED}, serviceRegistries: same start-then-stop behaviour as load balancers` },
  { controller: 'ECS', change: { platformVersion: '1.4.0' }, expect: 'deployment', source: `${SEED}, platformVersion and forceNewDeployment: tasks move to another Fargate platform version only through new tasks` },
  { controller: 'ECS', from: { volumeConfigurations: [{ name: 'data', managedEBSVolume: { sizeInGiB: 10, roleArn: 'arn:aws:iam::123456789012:role/ebs' } }] }, change: { volumeConfigurations: [{ name: 'data', managedEBSVolume: { sizeInGiB: 20, roleArn: 'arn:aws:iam::123456789012:role/ebs' } }] }, expect: 'deployment', source: `${SEED}, volumeConfigurations: a configuration that differs from the current one triggers a deployment` },
  { controller: 'ECS', from: { volumeConfigurations: [{ name: 'data', managedEBSVolume: { sizeInGiB: 10, roleArn: 'arn:aws:iam::123456789012:role/ebs' } }] }, change: { volumeConfigurations: undefined }, expect: 'none', source: `${SEED}, volumeConfigurations: null means no new deployment` },
  { controller: 'ECS', change: { capacityProviderStrategy: [{ capacityProvider: 'FARGATE_SPOT', weight: 1 }] }, from: { capacityProviderStrategy: [{ capacityProvider: 'FARGATE', weight: 1 }] }, expect: 'deployment+force', source: `${SEED}, capacityProviderStrategy (current API text in @aws-sdk/client-ecs: applied with forceNewDeployment)` },
  { controller: 'ECS', from: { launchType: 'FARGATE' }, change: { launchType: undefined, capacityProviderStrategy: [{ capacityProvider: 'FARGATE', weight: 1 }] }, expect: 'deployment+force', source: `${SEED}, capacityProviderStrategy: a launch type may give way to a capacity provider strategy` },
  { controller: 'ECS', change: { desiredCount: 5 }, expect: 'in-place', source: `${SEED}: the number of running copies changes by sending a new desired count for the service` },
  { controller: 'ECS', change: { deploymentConfiguration: { maximumPercent: 150, minimumHealthyPercent: 50 } }, expect: 'in-place', source: `${SEED}: the deployment configuration can be updated; the scheduler applies it to the next deployment` },
  { controller: 'ECS', change: { propagateTags: 'SERVICE' }, expect: 'in-place', source: `${SEED}, propagateTags: only tasks launched after the update are affected` },
  { controller: 'ECS', change: { enableECSManagedTags: true }, expect: 'in-place', source: `${SEED}, enableECSManagedTags: only tasks launched after the update are affected` },
  { controller: 'ECS', change: { healthCheckGracePeriodSeconds: 60 }, expect: 'in-place', source: `${SEED}, healthCheckGracePeriodSeconds` },
  { controller: 'ECS', from: { placementStrategy: [{ type: 'spread', field: 'attribute:ecs.availability-zone' }, { type: 'binpack', field: 'memory' }] }, change: { placementStrategy: [{ type: 'binpack', field: 'memory' }, { type: 'spread', field: 'attribute:ecs.availability-zone' }] }, expect: 'in-place', source: `${SEED}, placementStrategy: a given value overrides the existing strategy (rules apply in order)` },
  { controller: 'ECS', change: { tags: [{ key: 'team', value: 'web' }] }, expect: 'in-place', source: 'ECS API reference, TagResource / UntagResource (tags are not an UpdateService parameter)' },
  { controller: 'ECS', change: { clientToken: 'another' }, expect: 'none', source: 'CreateService clientToken: idempotency of the create request only' },
  { controller: 'ECS', change: { serviceName: 'web2' }, expect: 'replace', source: `${SEED}, request syntax: the service is addressed by name; there is no parameter to rename it` },
  { controller: 'ECS', change: { cluster: 'staging' }, expect: 'replace', source: `${SEED}, cluster: names the cluster the service runs on; a service cannot move` },
  { controller: 'ECS', change: { role: 'otherRole' }, expect: 'replace', source: `${SEED}, request syntax: no role parameter (the role is set by CreateService)` },
  { controller: 'ECS', change: { schedulingStrategy: 'DAEMON' }, expect: 'replace', source: `${SEED}, request syntax: no schedulingStrategy parameter` },
  { controller: 'ECS', from: { launchType: 'FARGATE' }, change: { launchType: 'EC2' }, expect: 'replace', source: `${SEED}, request syntax: no launchType parameter` },
  // CODE_DEPLOY (blue/green)
  ...(['desiredCount', 'deploymentConfiguration', 'healthCheckGracePeriodSeconds', 'placementConstraints', 'placementStrategy', 'enableECSManagedTags', 'propagateTags'] as const).map(
    (field): Row => ({ controller: 'CODE_DEPLOY', change: { [field]: sample(field) }, expect: 'in-place', source: BG_PARA }),
  ),
  ...(['taskDefinition', 'networkConfiguration', 'platformVersion', 'loadBalancers'] as const).map(
    (field): Row => ({ controller: 'CODE_DEPLOY', change: { [field]: sample(field) }, expect: 'forbidden', source: BG_PARA }),
  ),
  // EXTERNAL
  ...(['desiredCount', 'healthCheckGracePeriodSeconds', 'placementConstraints', 'placementStrategy', 'enableECSManagedTags', 'propagateTags'] as const).map(
    (field): Row => ({ controller: 'EXTERNAL', change: { [field]: sample(field) }, expect: 'in-place', source: EXT_PARA }),
  ),
  ...(['taskDefinition', 'networkConfiguration', 'platformVersion', 'loadBalancers', 'deploymentConfiguration'] as const).map(
    (field): Row => ({ controller: 'EXTERNAL', change: { [field]: sample(field) }, expect: 'forbidden', source: EXT_PARA }),
  ),
  { controller: 'EXTERNAL', from: { launchType: 'EC2' }, change: { launchType: 'FARGATE' }, expect: 'forbidden', source: `${EXT_PARA} (the launch type belongs to each task set: CreateTaskSet)` },
  // Launch type <-> capacity provider strategy (schemas/plan/transitions.ts)
  { controller: 'ECS', from: { capacityProviderStrategy: [{ capacityProvider: 'FARGATE', weight: 1 }] }, change: { capacityProviderStrategy: undefined, launchType: 'FARGATE' }, expect: 'deployment+force', source: 'UpdateService API reference, capacityProviderStrategy: back to the launch type by passing an empty list' },
  { controller: 'ECS', from: { capacityProviderStrategy: [{ capacityProvider: 'FARGATE', weight: 1 }] }, change: { capacityProviderStrategy: undefined }, expect: 'forbidden', remedy: /cluster's default strategy/, source: `${SEED}, capacityProviderStrategy: a service on a strategy cannot go back to the cluster's default strategy` },
  { controller: 'ECS', change: { launchType: 'EC2' }, expect: 'none', source: 'CreateService, launchType: EC2 is what ECS uses when neither launch type nor strategy is set' },
  { controller: 'ECS', from: { launchType: 'EC2' }, change: { launchType: undefined }, expect: 'none', source: 'CreateService, launchType: EC2 is what ECS uses when neither launch type nor strategy is set' },
  { controller: 'ECS', from: { networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-a'] } } }, change: { networkConfiguration: undefined }, expect: 'none', source: `${SEED}, request syntax: an omitted networkConfiguration leaves it unchanged, and nothing unsets it` },
];

function sample(field: string): unknown {
  const values: Record<string, unknown> = {
    desiredCount: 7,
    deploymentConfiguration: { maximumPercent: 150 },
    healthCheckGracePeriodSeconds: 30,
    placementConstraints: [{ type: 'distinctInstance' }],
    placementStrategy: [{ type: 'binpack', field: 'cpu' }],
    enableECSManagedTags: true,
    propagateTags: 'TASK_DEFINITION',
    taskDefinition: 'web:9',
    networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-z'] } },
    platformVersion: '1.3.0',
    loadBalancers: [{ targetGroupArn: TG, containerName: 'app', containerPort: 8080 }],
  };
  return values[field];
}

function base(controller: Controller): Record<string, unknown> {
  return { serviceName: 'web', cluster: 'prod', taskDefinition: 'web:1', desiredCount: 2, deploymentController: { type: controller } };
}

function outcome(row: Row): { expect: Expect; reasons: string[] } {
  const before = { ...base(row.controller), ...row.from };
  const after = { ...before, ...row.change };
  for (const [k, v] of Object.entries(row.change)) if (v === undefined) delete after[k];
  const plan = planBetween(serviceDriver, before, after, { taskDefinitionArn: 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:1' });
  const reasons = plan.changes.map((c) => c.reason);
  if (plan.forbidden.length) return { expect: 'forbidden', reasons };
  if (plan.replaces.length) return { expect: 'replace', reasons };
  if (plan.deployment.length) return { expect: plan.forceNewDeployment ? 'deployment+force' : 'deployment', reasons };
  if (plan.inPlace.length) return { expect: 'in-place', reasons };
  return { expect: 'none', reasons };
}

describe('provider classification (documented change classes, per controller)', () => {
  for (const row of rows) {
    const what = Object.entries(row.change).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(' ');
    it(`${row.controller}: ${what} -> ${row.expect}  [${row.source}]`, () => {
      const got = outcome(row);
      assert.equal(got.expect, row.expect, got.reasons.join('; '));
      if (row.expect === 'forbidden') {
        const remedy = row.remedy ?? (row.controller === 'CODE_DEPLOY' ? /CodeDeploy/ : /CreateTaskSet|task set/);
        assert.match(got.reasons.join(' '), remedy);
      }
    });
  }
});
