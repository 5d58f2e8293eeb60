/**
 * The real-world corpus (test/fixtures/real-world/recognition) through the built command, the
 * way people run it: a directory walk, each file named on the command line (what the pre-commit
 * hook does), and stdin. Definitions get their kind and no false error; look-alike files are
 * never reported on.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { EXPECTED } from '../../fixtures/real-world/recognition/expected';
import { assertNoCrash, REPO, runCli } from './harness';

const CORPUS = path.join(REPO, 'test', 'fixtures', 'real-world', 'recognition');

interface Entry {
  filePath: string;
  kind: string | null;
  skipped: string | null;
  messages: Array<{ ruleId: string; severity: string; message: string }>;
}

function corpusFiles(dir = CORPUS): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return corpusFiles(full);
    if (entry.name.startsWith('.ecsdef.')) return []; // the corpus's config, not a sample
    return /\.(json|ya?ml|jsonnet)$/.test(entry.name) ? [path.relative(CORPUS, full).split(path.sep).join('/')] : [];
  });
}

function problems(entry: Entry): string[] {
  return entry.messages.filter((m) => m.severity !== 'info').map((m) => m.ruleId).sort();
}

describe('real-world files through `ecsdef validate`', function () {
  this.timeout(120_000);

  it('the expectation table covers every file of the corpus', () => {
    assert.deepEqual(corpusFiles().sort(), Object.keys(EXPECTED).sort());
  });

  describe('a directory walk', () => {
    let entries: Map<string, Entry>;
    let stderr: string;
    before(() => {
      const run = runCli(['validate', '-f', 'json', '.'], { cwd: CORPUS });
      assertNoCrash(run, 'walk');
      stderr = run.stderr;
      entries = new Map((JSON.parse(run.stdout) as Entry[]).map((e) => [path.relative(CORPUS, e.filePath).split(path.sep).join('/'), e]));
    });

    for (const [file, expected] of Object.entries(EXPECTED)) {
      if (expected.kind === null) {
        it(`${file}: skipped, not reported on`, () => {
          const entry = entries.get(file);
          assert.ok(entry, 'listed in the JSON output');
          assert.equal(entry.kind, null);
          assert.ok(entry.skipped, 'a reason is given');
          assert.deepEqual(entry.messages, []);
          assert.equal(stderr.includes(file), false, 'a walk skips quietly');
        });
      } else {
        it(`${file}: checked as ${expected.kind}${expected.errors ? ', mistakes still reported' : ', no false error'}`, () => {
          const entry = entries.get(file);
          assert.ok(entry, 'checked');
          assert.equal(entry.kind, expected.kind);
          assert.deepEqual(problems(entry), (expected.errors ?? []).slice().sort(), JSON.stringify(entry.messages, null, 1));
        });
      }
    }
  });

  it('each look-alike named on the command line: one notice, exit 0, nothing on stdout', () => {
    const lookAlikes = Object.entries(EXPECTED).filter(([, e]) => e.kind === null).map(([f]) => f);
    const run = runCli(['validate', ...lookAlikes], { cwd: CORPUS });
    assertNoCrash(run, 'look-alikes');
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, '');
    const notices = run.stderr.trim().split('\n');
    assert.equal(notices.length, lookAlikes.length, run.stderr);
    for (const file of lookAlikes) assert.ok(notices.some((n) => n.startsWith(`ecsdef: ${file}: not an ECS service definition (`) && n.endsWith('skipped; --kind forces a kind')), file);
  });

  it('every definition named on the command line gets the same result as in the walk', () => {
    const definitions = Object.entries(EXPECTED).filter(([, e]) => e.kind !== null && !e.errors).map(([f]) => f);
    const run = runCli(['validate', '-f', 'json', ...definitions], { cwd: CORPUS });
    assertNoCrash(run, 'definitions');
    assert.equal(run.code, 0, run.stdout);
    const entries = JSON.parse(run.stdout) as Entry[];
    assert.deepEqual(entries.map((e) => e.kind), definitions.map((f) => EXPECTED[f].kind));
  });

  it('stdin with --stdin-filename is recognised like the file', () => {
    const text = fs.readFileSync(path.join(CORPUS, 'not-ecs/k8s/service-definition.yaml'));
    const skipped = runCli(['validate', '-', '--stdin-filename', 'service-definition.yaml'], { cwd: CORPUS, input: text });
    assert.equal(skipped.code, 0);
    assert.match(skipped.stderr, /service-definition\.yaml: not an ECS service definition \(looks like a Kubernetes manifest\)/);
    const forced = runCli(['validate', '-', '--kind', 'service', '--stdin-filename', 'service-definition.yaml'], { cwd: CORPUS, input: text });
    assert.equal(forced.code, 1, '--kind checks it anyway');
  });

  it('a mistake in a definition under an unrecognised name is still found', () => {
    const broken = fs.readFileSync(path.join(CORPUS, 'ecs/tutorial/create-service.json'), 'utf8').replace('"desiredCount": 1', '"desiredCount": -1');
    const run = runCli(['validate', '-', '--stdin-filename', 'deploy/hello.json'], { cwd: CORPUS, input: broken });
    assert.equal(run.code, 1);
    assert.match(run.stdout, /deploy\/hello\.json:5:19  error  ECS105/);
  });

  describe('Jsonnet (evaluated with libjsonnet, natives bound to stand-ins)', () => {
    const JSONNET = 'ecs/jsonnet/ecs-service-def.jsonnet';

    it('a mistake is reported at its key in the Jsonnet source', () => {
      const source = fs.readFileSync(path.join(CORPUS, JSONNET), 'utf8').replace("launchType: 'FARGATE'", "launchType: 'FARGATE_SPOT'");
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecsdef-jsonnet-'));
      fs.copyFileSync(path.join(CORPUS, 'ecs/jsonnet/network.libsonnet'), path.join(dir, 'network.libsonnet'));
      fs.writeFileSync(path.join(dir, 'ecs-service-def.jsonnet'), source);
      const run = runCli(['validate', '--no-config', '--ext-str', 'stage=prod', 'ecs-service-def.jsonnet'], { cwd: dir });
      assert.equal(run.code, 1, run.stderr);
      const line = source.split('\n').findIndex((l) => l.includes('launchType')) + 1;
      assert.match(run.stdout, new RegExp(`^ecs-service-def\\.jsonnet:${line}:3  error  ECS104 `, 'm'));
    });

    it('an evaluation error names the place and exits 2; --ext-str supplies what the config does', () => {
      const failed = runCli(['validate', '--no-config', JSONNET], { cwd: CORPUS });
      assert.equal(failed.code, 2);
      assert.match(failed.stderr, /ecs-service-def\.jsonnet:5:15: Jsonnet evaluation failed: RUNTIME ERROR: undefined external variable: stage/);
      const given = runCli(['validate', '--no-config', '--ext-str', 'stage=prod', JSONNET], { cwd: CORPUS });
      assert.equal(given.code, 0, given.stderr + given.stdout);
    });

    it('never reads the environment: must_env stays a placeholder, env gives its default', () => {
      const run = runCli(['validate', '-f', 'json', '--ext-str', 'stage=dev', JSONNET], { cwd: CORPUS, env: { DESIRED: 'not-a-number', SUBNET_A: 'bad subnet' } });
      assert.equal(run.code, 0, run.stderr + run.stdout);
    });
  });
});
