/** `ecsdef diff`: classification of two definition files, rollout arithmetic, reporters, exit codes. */
import { strict as assert } from 'assert';
import { diffDefinitions } from '../../../lsp/cli/diff';
import { formatDiffText, rolloutArithmetic } from '../../../lsp/cli/diff-report';
import { runDiffOn } from './diff-io';

const BASE = { serviceName: 'web', cluster: 'prod', taskDefinition: 'web:1', desiredCount: 4 };

const run = runDiffOn;

describe('ecsdef diff', () => {
  it('rollout arithmetic: min healthy rounds up, max running rounds down', () => {
    assert.deepEqual(rolloutArithmetic(4, 50, 200), { desiredCount: 4, minimumHealthyPercent: 50, maximumPercent: 200, minimumHealthyTasks: 2, maximumRunningTasks: 8 });
    assert.deepEqual([rolloutArithmetic(3, 50, 150).minimumHealthyTasks, rolloutArithmetic(3, 50, 150).maximumRunningTasks], [2, 4]);
    assert.deepEqual([rolloutArithmetic(5, 0, 100).minimumHealthyTasks, rolloutArithmetic(5, 0, 100).maximumRunningTasks], [0, 5]);
  });

  it('a new task definition: new deployment with the rollout of the new configuration', () => {
    const r = diffDefinitions(BASE, { ...BASE, taskDefinition: 'web:2', deploymentConfiguration: { minimumHealthyPercent: 50, maximumPercent: 150 } }, ['a', 'b']);
    assert.equal(r.verdict, 'new deployment');
    assert.equal(r.summary, 'new deployment: taskDefinition; also in place: deploymentConfiguration');
    assert.deepEqual([r.rollout?.minimumHealthyTasks, r.rollout?.maximumRunningTasks], [2, 6]);
    const text = formatDiffText(r);
    assert.match(text, /deployment taskDefinition: "web:1" -> "web:2"/);
    assert.match(text, /rollout: 4 desired; at least 2 running \(minimumHealthyPercent 50\), at most 6 running or pending \(maximumPercent 150\)/);
  });

  it('spelling differences are no change', () => {
    const r = diffDefinitions(BASE, { ...BASE, cluster: 'arn:aws:ecs:us-east-1:1:cluster/prod', platformVersion: 'LATEST', deploymentConfiguration: { maximumPercent: 200 } }, ['a', 'b']);
    assert.deepEqual([r.verdict, r.changes, r.summary], ['no change', [], 'no change']);
  });

  it('text and JSON reports; exit 0 for an allowed change, 1 with --fail-on deployment', () => {
    const files = { '/defs/a.json': JSON.stringify(BASE), '/defs/b.yaml': 'serviceName: web\ncluster: prod\ntaskDefinition: web:2\ndesiredCount: 4\n' };
    const text = run(files, ['a.json', 'b.yaml']);
    assert.equal(text.code, 0, text.stderr);
    assert.match(text.stdout, /^a\.json -> b\.yaml \(service, ECS controller\)\n  new deployment: taskDefinition\n/);
    const json = run(files, ['a.json', 'b.yaml', '--format', 'json']);
    const parsed = JSON.parse(json.stdout);
    assert.deepEqual([parsed.verdict, parsed.changes[0].field, parsed.changes[0].class, parsed.rollout.maximumRunningTasks], ['new deployment', 'taskDefinition', 'deployment', 8]);
    assert.equal(run(files, ['a.json', 'b.yaml', '--fail-on', 'deployment']).code, 1);
    assert.equal(run(files, ['a.json', 'b.yaml', '--fail-on', 'replace']).code, 0);
  });

  it('a change the controller refuses exits 1 and says what to do instead', () => {
    const tg = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123456789abcdef';
    const bg = { ...BASE, deploymentController: { type: 'CODE_DEPLOY' }, loadBalancers: [{ targetGroupArn: tg, containerName: 'app', containerPort: 80 }] };
    const files = { '/defs/a.json': JSON.stringify(bg), '/defs/b.json': JSON.stringify({ ...bg, taskDefinition: 'web:2' }) };
    const out = run(files, ['a.json', 'b.json']);
    assert.equal(out.code, 1);
    assert.match(out.stdout, /refused: taskDefinition/);
    assert.match(out.stdout, /CodeDeploy/);
    const ext = run(files, ['a.json', 'b.json', '--controller', 'EXTERNAL', '--format', 'json']);
    assert.match(JSON.parse(ext.stdout).changes[0].reason, /CreateTaskSet/);
  });

  it('usage and I/O errors exit 2; invalid definitions exit 1 with rule ids', () => {
    assert.equal(run({}, ['only-one.json']).code, 2);
    assert.equal(run({}, ['a.json', 'b.json', '--format', 'sarif']).code, 2);
    assert.equal(run({}, ['a.json', 'b.json']).code, 2);
    const bad = run({ '/defs/a.json': JSON.stringify(BASE), '/defs/b.json': JSON.stringify({ ...BASE, desiredCount: -1 }) }, ['a.json', 'b.json']);
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /b\.json: \/desiredCount: \[ECS\d{3}\]/);
  });
});
