/**
 * A real `pre-commit` (Debian package) in a scratch git repository whose
 * .pre-commit-config.yaml uses this repository as the hook source, exactly as another project
 * would: `repo:` + `rev:` + `id: ecsdef`. pre-commit needs a git repository with a revision,
 * so the working tree (tracked and untracked, minus ignored files) is committed into a temp
 * clone first. pre-commit then installs the hook as it does for any node hook (npm install,
 * npm pack, npm install -g of the tarball), so this also proves the package builds its dist/
 * on pack and ships it.
 */
import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { BROKEN_SERVICE, CLEAN_SERVICE } from '../lsp/cli/definitions';
import { requireComponent, which } from '../lsp/server/require-component';

const REPO = path.resolve(__dirname, '..', '..');

const GIT_ENV = {
  GIT_AUTHOR_NAME: 'ecsdef test',
  GIT_AUTHOR_EMAIL: 'test@ecsdef.invalid',
  GIT_COMMITTER_NAME: 'ecsdef test',
  GIT_COMMITTER_EMAIL: 'test@ecsdef.invalid',
  GIT_CONFIG_NOSYSTEM: '1',
};

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'init.defaultBranch=main', '-c', 'commit.gpgsign=false', ...args], {
    cwd,
    env: { ...process.env, ...GIT_ENV },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  }).trim();
}

/** Commits the working tree of this repository (what `git status` would show) into `dir`. */
function snapshotRepository(dir: string): string {
  const files = git(REPO, 'ls-files', '--cached', '--others', '--exclude-standard', '-z').split('\0').filter(Boolean);
  for (const rel of files) {
    const from = path.join(REPO, rel);
    if (!fs.existsSync(from) || !fs.statSync(from).isFile()) continue; // deleted but still staged
    const to = path.join(dir, rel);
    fs.mkdirSync(path.dirname(to), { recursive: true });
    fs.copyFileSync(from, to);
    fs.chmodSync(to, fs.statSync(from).mode);
  }
  git(dir, 'init', '-q');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'snapshot for the pre-commit test');
  return git(dir, 'rev-parse', 'HEAD');
}

describe('pre-commit: the ecsdef hook used from another repository', function () {
  this.timeout(20 * 60_000);
  const temp: string[] = [];
  let consumer: string;
  let env: NodeJS.ProcessEnv;

  const commit = (message: string) => {
    const result = spawnSync('git', ['-c', 'commit.gpgsign=false', 'commit', '-m', message], {
      cwd: consumer,
      env,
      encoding: 'utf8',
      timeout: 15 * 60_000,
      killSignal: 'SIGKILL',
    });
    return { code: result.status, output: `${result.stdout}${result.stderr}` };
  };

  before(function () {
    requireComponent(this, which('pre-commit') !== undefined, 'pre-commit', 'apt-get install -y pre-commit');
    requireComponent(this, which('git') !== undefined && which('npm') !== undefined, 'git and npm', 'apt-get install -y git npm');
    const mk = (prefix: string): string => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
      temp.push(dir);
      return dir;
    };
    const source = mk('ecsdef-hook-source-');
    const rev = snapshotRepository(source);

    consumer = mk('ecsdef-hook-consumer-');
    env = { ...process.env, ...GIT_ENV, PRE_COMMIT_HOME: mk('ecsdef-pre-commit-home-'), PRE_COMMIT_COLOR: 'never' };
    git(consumer, 'init', '-q');
    fs.writeFileSync(
      path.join(consumer, '.pre-commit-config.yaml'),
      `repos:\n  - repo: ${source}\n    rev: ${rev}\n    hooks:\n      - id: ecsdef\n`,
    );
    fs.writeFileSync(path.join(consumer, 'README.md'), 'scratch\n');
    execFileSync('pre-commit', ['install'], { cwd: consumer, env, stdio: 'pipe' });
    // Installs the hook environment now (npm install, pack, global install), with its own timeout.
    const installed = spawnSync('pre-commit', ['install-hooks'], { cwd: consumer, env, encoding: 'utf8', timeout: 15 * 60_000, killSignal: 'SIGKILL' });
    assert.equal(installed.status, 0, `pre-commit install-hooks failed:\n${installed.stdout}\n${installed.stderr}`);
  });

  after(() => {
    for (const dir of temp) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a commit with a broken definition, printing file:line:col', () => {
    fs.mkdirSync(path.join(consumer, 'deploy'));
    fs.writeFileSync(path.join(consumer, 'deploy', 'web-service-def.json'), BROKEN_SERVICE);
    git(consumer, 'add', '-A');
    const result = commit('add a broken definition');
    assert.notEqual(result.code, 0, result.output);
    assert.match(result.output, /ecsdef\.+Failed/);
    assert.match(result.output, /deploy\/web-service-def\.json:7:3  error  ECS201  Choose either launchType or capacityProviderStrategy/);
    assert.throws(() => git(consumer, 'rev-parse', '--verify', 'HEAD'), 'nothing was committed');
  });

  it('accepts the commit once the definition is fixed', () => {
    fs.writeFileSync(path.join(consumer, 'deploy', 'web-service-def.json'), CLEAN_SERVICE);
    git(consumer, 'add', '-A');
    const result = commit('add a clean definition');
    assert.equal(result.code, 0, result.output);
    assert.match(result.output, /ecsdef\.+Passed/);
    assert.equal(git(consumer, 'log', '--format=%s', '-1'), 'add a clean definition');
  });

  it('recognises a definition by content under any name, and passes look-alikes with no finding', () => {
    // A Kubernetes manifest and a package.json share names and keys with ECS files; a
    // CreateService input named deploy/api.json has a real mistake.
    fs.writeFileSync(path.join(consumer, 'service-definition.yaml'), 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n');
    fs.writeFileSync(path.join(consumer, 'package.json'), '{ "name": "x", "version": "1.0.0" }\n');
    fs.writeFileSync(path.join(consumer, 'notes.json'), '{ not json');
    git(consumer, 'add', '-A');
    const lookAlikes = commit('add look-alikes');
    assert.equal(lookAlikes.code, 0, lookAlikes.output);
    assert.match(lookAlikes.output, /ecsdef\.+Passed/);
    fs.writeFileSync(path.join(consumer, 'deploy', 'api.json'), BROKEN_SERVICE);
    git(consumer, 'add', '-A');
    const refused = commit('add a broken definition under a plain name');
    assert.notEqual(refused.code, 0, refused.output);
    assert.match(refused.output, /deploy\/api\.json:7:3  error  ECS201/);
  });
});
