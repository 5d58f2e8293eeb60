/**
 * `ecsdef diff` with two Express gateway service definitions: detected from the files, the same
 * normaliser and statement as the provider's preview ("new service revision (rolling
 * deployment)"), no deployment controller, exit codes by class.
 */
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { diffDefinitions } from '../../../lsp/cli/diff';
import { runDiffOn } from './diff-io';

const EXAMPLE = fs.readFileSync(path.join(__dirname, '..', '..', '..', 'examples', 'express.express-service.json'), 'utf8');
const BASE = JSON.parse(EXAMPLE) as Record<string, unknown>;

const run = runDiffOn;

const yamlOf = (def: Record<string, unknown>) => require('yaml').stringify(def) as string;

describe('ecsdef diff: Express gateway services', () => {
  it('two Express files, JSON and YAML: a new image is a new service revision, reported without a controller', () => {
    const after = { ...BASE, primaryContainer: { ...(BASE.primaryContainer as object), image: 'public.ecr.aws/nginx/nginx:1.28' } };
    const out = run({ '/defs/before.json': EXAMPLE, '/defs/after.yaml': yamlOf(after) }, ['before.json', 'after.yaml']);
    assert.equal(out.code, 0, out.stderr);
    const lines = out.stdout.split('\n');
    assert.equal(lines[0], 'before.json -> after.yaml (express-service)');
    assert.equal(lines[1], '  new service revision (rolling deployment): primaryContainer');
    assert.match(out.stdout, /deployment primaryContainer: .* -> /);
    assert.match(out.stdout, /primaryContainer changes create a new service revision with a rolling deployment/);
    assert.doesNotMatch(out.stdout, /forceNewDeployment|ECS controller|rollout: \d/);
    assert.equal(run({ '/defs/before.json': EXAMPLE, '/defs/after.yaml': yamlOf(after) }, ['before.json', 'after.yaml', '--fail-on', 'deployment']).code, 1);
  });

  it('JSON report: kind, verdict, the same statement as the preview, classes per field', () => {
    const after = { ...BASE, cpu: '1024', tags: [{ key: 'team', value: 'web' }] };
    const out = run({ '/defs/a.json': EXAMPLE, '/defs/b.json': JSON.stringify(after) }, ['a.json', 'b.json', '--format', 'json']);
    const r = JSON.parse(out.stdout);
    assert.deepEqual([r.kind, r.verdict, r.summary], ['express-service', 'new deployment', 'new service revision (rolling deployment): cpu; also in place: tags']);
    assert.deepEqual(r.changes.map((c: { field: string; class: string }) => [c.field, c.class]), [['cpu', 'deployment'], ['tags', 'in-place']]);
    assert.equal(r.rollout, undefined, 'no rolling-update arithmetic: ECS runs the Express rollout');
  });

  it('identity changes replace; spelling and documented defaults are no change', () => {
    const replace = diffDefinitions(BASE, { ...BASE, infrastructureRoleArn: 'arn:aws:iam::123456789012:role/other' }, ['a', 'b']);
    assert.deepEqual([replace.verdict, replace.summary, replace.deleteBeforeReplace], ['replace', 'replace (delete before replace): infrastructureRoleArn', true]);
    const env = (BASE.primaryContainer as { environment: unknown[] }).environment;
    const same = diffDefinitions(BASE, { ...BASE, cluster: 'arn:aws:ecs:us-east-1:123456789012:cluster/default', healthCheckPath: '/health', primaryContainer: { ...(BASE.primaryContainer as object), environment: [...env].reverse() }, cpuArchitecture: 'X86_64' }, ['a', 'b']);
    assert.deepEqual([same.verdict, same.summary], ['no change', 'no change']);
  });

  it('removing a member the update cannot unset is no change; removing one with a default sends it back', () => {
    const withRole = { ...BASE, taskRoleArn: 'arn:aws:iam::123456789012:role/app' };
    const { taskRoleArn: _role, ...withoutRole } = withRole;
    assert.equal(diffDefinitions(withRole, withoutRole, ['a', 'b']).verdict, 'no change');
    const { memory: _memory, ...withoutMemory } = BASE;
    const r = diffDefinitions(BASE, withoutMemory, ['a', 'b']);
    assert.deepEqual([r.verdict, r.changes.map((c) => c.field)], ['new deployment', ['memory']]);
  });

  it('an invalid Express definition exits 1 with the Express rule ids', () => {
    const bad = { ...BASE, taskDefinitionArn: 'arn:aws:ecs:us-east-1:123456789012:task-definition/hello:1' };
    const out = run({ '/defs/a.json': EXAMPLE, '/defs/b.json': JSON.stringify(bad) }, ['a.json', 'b.json']);
    assert.equal(out.code, 1);
    assert.match(out.stderr, /b\.json: \/primaryContainer: \[ECS251\]/);
    const empty = run({ '/defs/a.json': EXAMPLE, '/defs/b.json': JSON.stringify({ serviceName: 'hello-express', infrastructureRoleArn: BASE.infrastructureRoleArn }) }, ['a.json', 'b.json', '--kind', 'express-service']);
    assert.match(empty.stderr, /b\.json: \/serviceName: \[ECS253\]/);
  });
});
