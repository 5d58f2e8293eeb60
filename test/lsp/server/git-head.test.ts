/**
 * GitHeads: a file's text at its repository's HEAD, read from .git without running git (loose
 * and packed objects and refs, branches, detached HEAD, linked worktrees), cached per file and
 * re-read when HEAD moves. Everything that is not "a tracked file of a readable repository"
 * answers undefined, never an error, and nothing in the repository is written.
 */
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { GitHeads } from '../../../lsp/server/git-head';
import { git, TempRepo } from '../../support/git-repo';

/** Every path under `dir` with its size and mtime: equal snapshots mean nothing was written. */
function snapshot(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, entry.name);
      const st = fs.lstatSync(p);
      out.push(`${path.relative(dir, p)} ${st.size} ${st.mtimeMs}`);
      if (entry.isDirectory()) walk(p);
    }
  };
  walk(dir);
  return out.sort();
}

describe('GitHeads: file text at HEAD without running git', function () {
  this.timeout(60_000);
  let repo: TempRepo;
  let heads: GitHeads;

  beforeEach(() => {
    repo = new TempRepo();
    heads = new GitHeads();
  });

  afterEach(() => {
    heads.dispose();
    repo.remove();
  });

  it('a tracked file: the committed text, whatever the working copy holds', async () => {
    const file = repo.path('services/ecs-service.json');
    repo.commit({ 'services/ecs-service.json': '{ "serviceName": "web" }\n' });
    fs.writeFileSync(file, '{ "serviceName": "api" }\n');
    assert.equal(await heads.headText(file), '{ "serviceName": "web" }\n');
  });

  it('drops a byte order mark, as editors show files', async () => {
    repo.commit({ 'ecs-service.json': '\ufeff{}\n' });
    assert.equal(await heads.headText(repo.path('ecs-service.json')), '{}\n');
  });

  it('a new commit, a branch switch and a detached HEAD are seen on the next call', async () => {
    const file = repo.path('ecs-service.yaml');
    const first = repo.commit({ 'ecs-service.yaml': 'taskDefinition: web:1\n' });
    assert.equal(await heads.headText(file), 'taskDefinition: web:1\n');
    repo.commit({ 'ecs-service.yaml': 'taskDefinition: web:2\n' }); // within the same second
    assert.equal(await heads.headText(file), 'taskDefinition: web:2\n');
    repo.git('switch', '-q', '-c', 'other');
    repo.commit({ 'ecs-service.yaml': 'taskDefinition: web:3\n' });
    assert.equal(await heads.headText(file), 'taskDefinition: web:3\n');
    repo.git('switch', '-q', 'main');
    assert.equal(await heads.headText(file), 'taskDefinition: web:2\n');
    repo.git('switch', '-q', '--detach', first);
    assert.equal(await heads.headText(file), 'taskDefinition: web:1\n');
  });

  it('packed objects and refs (after git gc), then a loose commit on top', async () => {
    const file = repo.path('ecs-service.json');
    repo.commit({ 'ecs-service.json': '{ "desiredCount": 1 }\n', 'other.txt': 'x\n' });
    repo.commit({ 'other.txt': 'y\n' });
    repo.git('gc', '-q', '--prune=now');
    assert.ok(!fs.existsSync(repo.path('.git/refs/heads/main')), 'the ref should be packed');
    assert.equal(await heads.headText(file), '{ "desiredCount": 1 }\n');
    repo.commit({ 'ecs-service.json': '{ "desiredCount": 2 }\n' });
    assert.equal(await heads.headText(file), '{ "desiredCount": 2 }\n');
  });

  it('a linked worktree reads its own branch', async () => {
    repo.commit({ 'ecs-service.json': '{ "serviceName": "main" }\n' });
    const tree = path.join(repo.dir, 'wt');
    repo.git('worktree', 'add', '-q', '-b', 'feature', tree);
    fs.writeFileSync(path.join(tree, 'ecs-service.json'), '{ "serviceName": "feature" }\n');
    git(tree, 'commit', '-q', '-am', 'feature');
    assert.equal(await heads.headText(path.join(tree, 'ecs-service.json')), '{ "serviceName": "feature" }\n');
    assert.equal(await heads.headText(repo.path('ecs-service.json')), '{ "serviceName": "main" }\n');
  });

  describe('undefined, never an error', () => {
    it('for an untracked file (also one staged but not committed)', async () => {
      repo.commit({ 'a.json': '{}\n' });
      assert.equal(await heads.headText(repo.write('ecs-service.json', '{}\n')), undefined);
      repo.git('add', 'ecs-service.json');
      assert.equal(await heads.headText(repo.path('ecs-service.json')), undefined);
    });

    it('for a file outside any repository', async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecsdef-nogit-'));
      try {
        fs.writeFileSync(path.join(dir, 'ecs-service.json'), '{}\n');
        assert.equal(await heads.headText(path.join(dir, 'ecs-service.json')), undefined);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });

    it('in a repository without commits', async () => {
      assert.equal(await heads.headText(repo.write('ecs-service.json', '{}\n')), undefined);
    });

    it('when HEAD is garbage, names a missing ref, or the object store is gone', async () => {
      const file = repo.path('ecs-service.json');
      repo.commit({ 'ecs-service.json': '{}\n' });
      fs.writeFileSync(repo.path('.git/HEAD'), 'not a ref\n');
      assert.equal(await heads.headText(file), undefined);
      fs.writeFileSync(repo.path('.git/HEAD'), 'ref: refs/heads/nowhere\n');
      assert.equal(await heads.headText(file), undefined);
      fs.writeFileSync(repo.path('.git/HEAD'), 'ref: refs/heads/main\n');
      assert.equal(await heads.headText(file), '{}\n');
      fs.rmSync(repo.path('.git/objects'), { recursive: true, force: true });
      fs.mkdirSync(repo.path('.git/objects'));
      heads.forget(file);
      assert.equal(await heads.headText(file), undefined);
    });

    it('when HEAD or the branch ref is a FIFO (nothing blocks)', async function () {
      if (process.platform === 'win32') this.skip();
      const file = repo.path('ecs-service.json');
      repo.commit({ 'ecs-service.json': '{}\n' });
      const main = repo.path('.git/refs/heads/main');
      fs.rmSync(main);
      execFileSync('mkfifo', [main]);
      assert.equal(await heads.headText(file), undefined);
      fs.rmSync(repo.path('.git/HEAD'));
      execFileSync('mkfifo', [repo.path('.git/HEAD')]);
      assert.equal(await heads.headText(file), undefined);
    });
  });

  it('writes nothing in the repository', async () => {
    const file = repo.path('ecs-service.json');
    repo.commit({ 'ecs-service.json': '{}\n' });
    repo.git('gc', '-q');
    repo.write('new.json', '{}\n');
    const before = snapshot(repo.dir);
    assert.equal(await heads.headText(file), '{}\n');
    assert.equal(await heads.headText(repo.path('new.json')), undefined);
    assert.deepEqual(snapshot(repo.dir), before);
  });
});
