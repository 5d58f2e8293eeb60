/**
 * The README's "What the preview shows" table for EcsService, observed: each row is an edit
 * previewed through the engine and the dynamic-provider host, after an `up` of the definition
 * before it (a scripted ECS endpoint whose deployments complete, so waiting stays on as by
 * default). The test renders the table from what it saw and compares it with the README;
 * `ECSDEF_WRITE_README=1` writes it there instead.
 */
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { DynamicHost, Engine, requireInstalled, serializeProvider, type Bag, type ResourceOptions, type StepResult } from '../support/dynamic-host';
import { TEST_AWS_ENV } from '../support/moto';
import { arnOf, deployment, serviceBody, startScriptedEcs, type ScriptedEcs } from '../provider/support/scripted-ecs';

const README = path.resolve(__dirname, '..', '..', 'README.md');
const BEGIN = '<!-- preview-table:begin (written by test/e2e/provider-host-preview-table.test.ts) -->';
const END = '<!-- preview-table:end -->';
const UNKNOWN = '04da6b54-80e4-46f7-96ec-b56ff0331ba9';
const ASG = [{ capacityProvider: 'asg-web', weight: 1 }];
const TG = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123456789abcdef';

interface Row {
  edit: string;
  /** The definition `up` creates first (none: the row previews a first `up`). */
  before?: Bag;
  after: (before: Bag) => Bag;
  opts?: ResourceOptions;
}

const without = (def: Bag, ...keys: string[]) => Object.fromEntries(Object.entries(def).filter(([k]) => !keys.includes(k)));

const ROWS: Row[] = [
  { edit: 'first `up`', after: (b) => b },
  { edit: 'cluster as ARN, `platformVersion: LATEST`, `propagateTags: NONE`', before: {}, after: (b) => ({ ...b, cluster: arnOf.cluster(String(b.cluster)), platformVersion: 'LATEST', propagateTags: 'NONE' }) },
  { edit: '`desiredCount`, `tags`', before: {}, after: (b) => ({ ...b, desiredCount: 3, tags: [{ key: 'team', value: 'web' }] }) },
  { edit: '`taskDefinition` and `desiredCount`', before: {}, after: (b) => ({ ...b, taskDefinition: 'web:2', desiredCount: 3 }) },
  { edit: 'task definition unknown until apply', before: {}, after: (b) => ({ ...b, taskDefinition: UNKNOWN }) },
  { edit: '`redeployTriggers`', before: { redeployTriggers: 'sha256:a' }, after: (b) => ({ ...b, redeployTriggers: 'sha256:b' }) },
  { edit: '`capacityProviderStrategy`', before: { capacityProviderStrategy: ASG }, after: (b) => ({ ...b, capacityProviderStrategy: [{ capacityProvider: 'asg-spot', weight: 1 }] }) },
  { edit: 'capacity provider strategy back to `launchType`', before: { capacityProviderStrategy: ASG }, after: (b) => ({ ...without(b, 'capacityProviderStrategy'), launchType: 'EC2' }) },
  { edit: "capacity provider strategy removed (the cluster's default)", before: { capacityProviderStrategy: ASG }, after: (b) => without(b, 'capacityProviderStrategy') },
  { edit: '`launchType: EC2` added (no strategy)', before: {}, after: (b) => ({ ...b, launchType: 'EC2' }) },
  { edit: '`networkConfiguration` removed', before: { networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-1'] } } }, after: (b) => without(b, 'networkConfiguration') },
  { edit: '`launchType`', before: { launchType: 'EC2' }, after: (b) => ({ ...b, launchType: 'EXTERNAL' }) },
  { edit: '`serviceName`', before: {}, after: (b) => ({ ...b, serviceName: `${b.serviceName}-2` }) },
  { edit: 'task definition under `CODE_DEPLOY`', before: { deploymentController: { type: 'CODE_DEPLOY' }, loadBalancers: [{ targetGroupArn: TG, containerName: 'app', containerPort: 80 }] }, after: (b) => ({ ...b, taskDefinition: 'web:2' }) },
  { edit: 'launch type under `EXTERNAL`', before: { deploymentController: { type: 'EXTERNAL' }, launchType: 'EC2' }, after: (b) => ({ ...b, launchType: 'EXTERNAL' }) },
  { edit: '`endpoint`, `timeouts` only', before: {}, after: (b) => ({ ...b, endpoint: `${b.endpoint}/`, timeouts: { update: 600 } }) },
  { edit: '`waitForDeployment: false` and `taskDefinition`', before: {}, after: (b) => ({ ...b, waitForDeployment: false, taskDefinition: 'web:2' }) },
  { edit: '`desiredCount` with `ignoreChanges: ["desiredCount"]`', before: {}, after: (b) => ({ ...b, desiredCount: 9 }), opts: { ignoreChanges: ['desiredCount'] } },
];

function engineReceives(step: StepResult): string {
  if (step.op === 'failed') return 'preview fails';
  if (step.op === 'create') return '(create)';
  if (step.op === 'same') return 'none';
  if (step.op === 'replace') return `replaces ${step.diff!.replaces.map((r) => `\`${r}\``).join(', ')}${step.diff!.deleteBeforeReplace ? ', delete first' : ''}`;
  return 'some, no replaces';
}

function rolloutPlanCell(step: StepResult): string {
  const plan = `\`${String(step.rolloutPlan).replace(/\|/g, '\\|')}\``;
  return step.failures.length ? `${plan} + check failure on ${[...new Set(step.failures.map((f) => `\`${f.property}\``))].join(', ')}` : plan;
}

describe('e2e: the README table of what the EcsService preview shows, observed through the engine', function () {
  this.timeout(120_000);
  let ecs: ScriptedEcs;
  let host: DynamicHost;
  let engine: Engine;

  before(async () => {
    const sd = (name: string) => arnOf.serviceDeployment('prod', name, 'd1');
    ecs = await startScriptedEcs({
      CreateService: (b) => ({ service: serviceBody({ cluster: 'prod', name: b.serviceName, taskDefinition: b.taskDefinition, deployments: [deployment('ecs-svc/1', b.taskDefinition, 'IN_PROGRESS')], currentServiceDeployment: sd(b.serviceName) }) }),
      DescribeServiceDeployments: (b) => ({ serviceDeployments: b.serviceDeploymentArns.map((arn: string) => ({ serviceDeploymentArn: arn, status: 'SUCCESSFUL' })) }),
    });
    host = await DynamicHost.start({ ...TEST_AWS_ENV, ECSDEF_POLL_INTERVAL_SECONDS: '0.01' });
    engine = new Engine(host, await serializeProvider(requireInstalled('provider/ecs-service').ecsServiceProvider));
  });
  after(async () => {
    await host?.stop();
    await ecs?.close();
  });

  it('the README table is what the previews show', async () => {
    const lines = ['| edit | `rolloutPlan` | diff the engine receives |', '| --- | --- | --- |'];
    for (const [i, row] of ROWS.entries()) {
      const base: Bag = { serviceName: `row${i}`, cluster: 'prod', taskDefinition: 'web:1', desiredCount: 2, endpoint: ecs.endpoint, region: 'us-east-1', ...row.before };
      if (row.before) {
        const created = await engine.up(base.serviceName as string, base, row.opts);
        assert.equal(created.error, undefined, `${row.edit}: ${created.error?.message} ${JSON.stringify(created.failures)}`);
      }
      const calls = ecs.calls.length;
      const step = await engine.preview(base.serviceName as string, row.after(base), row.opts);
      assert.equal(ecs.calls.length, calls, `${row.edit}: the preview makes no AWS call`);
      lines.push(`| ${row.edit} | ${rolloutPlanCell(step)} | ${engineReceives(step)} |`);
    }
    const table = lines.join('\n');
    const readme = fs.readFileSync(README, 'utf8');
    const start = readme.indexOf(BEGIN);
    const end = readme.indexOf(END);
    assert.ok(start >= 0 && end > start, `README.md has the markers ${BEGIN} ... ${END}`);
    const current = readme.slice(start + BEGIN.length, end).trim();
    if (process.env.ECSDEF_WRITE_README === '1') fs.writeFileSync(README, `${readme.slice(0, start + BEGIN.length)}\n${table}\n${readme.slice(end)}`);
    else assert.equal(current, table, 'README.md is out of date: run ECSDEF_WRITE_README=1 npx mocha test/e2e/provider-host-preview-table.test.ts');
  });
});
