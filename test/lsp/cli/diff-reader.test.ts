/**
 * `ecsdef diff` reads files through the same reader and recognition as `validate`: YAML merge
 * keys mean the same thing, ecspresso files are compared as services, look-alikes are refused.
 */
import { strict as assert } from 'node:assert';
import { runDiffOn } from './diff-io';

describe('ecsdef diff: one reader with validate', () => {
  it('applies YAML merge keys the way validate does (no ECS101 on "<<")', () => {
    const before = '<<: {launchType: EC2, desiredCount: 2}\ncluster: prod\nserviceName: web\ntaskDefinition: web:1\n';
    const files = { '/defs/before.yaml': before, '/defs/after.yaml': before.replace('desiredCount: 2', 'desiredCount: 3') };
    const r = runDiffOn(files, ['before.yaml', 'after.yaml', '--format', 'json']);
    assert.equal(r.stderr, '');
    assert.equal(r.code, 0);
    const result = JSON.parse(r.stdout);
    assert.equal(result.verdict, 'in place');
    assert.deepEqual(result.changes.map((c: { pointer: string }) => c.pointer), ['/desiredCount']);
  });

  it('compares two ecspresso files as services, validating each as ecspresso', () => {
    const before = JSON.stringify({ desiredCount: 2, launchType: 'FARGATE', networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-1'] } } });
    const after = before.replace('subnet-1', 'subnet-2');
    const r = runDiffOn({ '/defs/ecs-service-def.json': before, '/defs/next/ecs-service-def.json': after }, ['ecs-service-def.json', 'next/ecs-service-def.json', '--format', 'json']);
    assert.equal(r.stderr, '');
    assert.equal(JSON.parse(r.stdout).verdict, 'new deployment');
  });

  it('refuses a file that is not an ECS service definition, saying why (exit 2)', () => {
    const k8s = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n';
    const r = runDiffOn({ '/defs/service-definition.yaml': k8s, '/defs/b.yaml': k8s }, ['service-definition.yaml', 'b.yaml']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /service-definition\.yaml: not an ECS service definition \(looks like a Kubernetes manifest\); --kind forces a kind/);
  });

  it('reports a syntax error with its place and rule id (exit 2)', () => {
    const r = runDiffOn({ '/defs/a.json': '{ "serviceName": "web", }x', '/defs/b.json': '{}' }, ['a.json', 'b.json']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^ecsdef diff: a\.json:1:\d+: \[ECS00\d\] /);
  });

  it('refuses an UpdateService input, which holds only what changes', () => {
    const update = JSON.stringify({ service: 'web', desiredCount: 2 });
    const r = runDiffOn({ '/defs/update-service.json': update, '/defs/b.json': update }, ['update-service.json', 'b.json']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /UpdateService input lists only what changes/);
  });
});
