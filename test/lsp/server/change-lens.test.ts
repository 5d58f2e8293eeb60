/**
 * Change impact as you type, over stdio against the real server: a definition committed in a
 * temporary git repository, opened edited, code lenses requested. The lenses say what applying
 * the buffer (against HEAD) would do; an untracked file or a disabled setting gets none; HEAD
 * moving changes the answer (and asks a client that supports it to refresh); a repository whose
 * config names programs (core.fsmonitor) never gets them run.
 */
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  CodeLensRefreshRequest,
  CodeLensRequest,
  ConfigurationRequest,
  InitializeRequest,
  InitializedNotification,
  StreamMessageReader,
  StreamMessageWriter,
  createProtocolConnection,
  type CodeLens,
} from 'vscode-languageserver/node';
import { TempRepo } from '../../support/git-repo';
import { LspTestClient, delay, fileUri, serverCommand, serverEnv } from './lsp-client';

const COMMITTED = `{
  "cluster": "production",
  "serviceName": "web",
  "taskDefinition": "web:3",
  "desiredCount": 2,
  "launchType": "FARGATE",
  "networkConfiguration": { "awsvpcConfiguration": { "subnets": ["subnet-0a1b2c3d4e5f60718"] } },
  "tags": [{ "key": "team", "value": "platform" }]
}
`;

const titles = (lenses: CodeLens[] | null) => (lenses ?? []).map((l) => `${l.range.start.line}: ${l.command?.title}`);

describe('change lens over stdio', function () {
  this.timeout(120_000);
  let repo: TempRepo;
  let client: LspTestClient;
  const file = () => repo.path('services/ecs-service.json');
  const uri = () => fileUri(file());
  let version = 0;

  /** Opens (or replaces) the buffer with `text` and asks for its lenses. */
  async function lensesFor(text: string, target = uri()): Promise<string[]> {
    version++;
    if (version === 1 || !opened.has(target)) {
      await client.open(target, 'json', text, version);
      opened.add(target);
    } else {
      await client.change(target, version, [{ text }]);
    }
    return titles(await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: target } }));
  }
  const opened = new Set<string>();

  before(async () => {
    repo = new TempRepo('ecsdef-lens-');
    repo.commit({ 'services/ecs-service.json': COMMITTED });
    client = await LspTestClient.start({ settings: {}, workspaceFolder: repo.dir });
  });

  after(async () => {
    client?.dispose();
    repo?.remove();
  });

  it('announces a code lens provider', () => {
    assert.ok(client.initializeResult.capabilities.codeLensProvider);
  });

  it('editing taskDefinition: a new deployment, at the key and in the summary', async () => {
    assert.deepEqual(await lensesFor(COMMITTED.replace('web:3', 'web:4')), [
      '0: applying this file: starts a new deployment',
      '3: new deployment: taskDefinition web:3 -> web:4',
    ]);
  });

  it('editing serviceName: replaces the service', async () => {
    assert.deepEqual(await lensesFor(COMMITTED.replace('"web"', '"api"')), [
      '0: applying this file: replaces the service',
      '2: replaces the service: serviceName web -> api',
    ]);
  });

  it('a tag-only change: in place', async () => {
    assert.deepEqual(await lensesFor(COMMITTED.replace('"platform"', '"payments"')), [
      '0: applying this file: updates in place, no new deployment',
      '7: in place: tags [{"key":"team","value":"platform"}] -> [{"key":"team","value":"payments"}]',
    ]);
  });

  it('the committed text: no change', async () => {
    assert.deepEqual(await lensesFor(COMMITTED), ['0: applying this file: no change']);
  });

  it('an untracked file: no lenses and no error', async () => {
    const untracked = repo.write('services/new/ecs-service.json', COMMITTED);
    assert.deepEqual(await lensesFor(COMMITTED.replace('web:3', 'web:4'), fileUri(untracked)), []);
    assert.doesNotMatch(client.stderr, /error/i);
  });

  it('a new commit moves HEAD: the lenses compare with it', async () => {
    const edited = COMMITTED.replace('web:3', 'web:4');
    assert.deepEqual(await lensesFor(edited), ['0: applying this file: starts a new deployment', '3: new deployment: taskDefinition web:3 -> web:4']);
    repo.commit({ 'services/ecs-service.json': edited });
    assert.deepEqual(await lensesFor(edited), ['0: applying this file: no change']);
  });

  it('ecsdef.changeLens.enable false: none; true again: back', async () => {
    repo.commit({ 'services/ecs-service.json': COMMITTED }, 'back to the start');
    const edited = COMMITTED.replace('"desiredCount": 2', '"desiredCount": 5');
    await client.changeSettings({ changeLens: { enable: false } });
    assert.deepEqual(await lensesFor(edited), []);
    await client.changeSettings({ changeLens: { enable: true } });
    assert.deepEqual(await lensesFor(edited), ['0: applying this file: updates in place, no new deployment', '4: in place: desiredCount 2 -> 5']);
  });
});

describe('change lens: a hostile repository', function () {
  this.timeout(120_000);

  it('never runs the programs its config names (core.fsmonitor, diff and filter drivers, hooks)', async () => {
    const repo = new TempRepo('ecsdef-lens-hostile-');
    const marker = repo.path('../' + path.basename(repo.dir) + '.ran');
    const script = repo.write('.trap.sh', `#!/bin/sh\necho "$0 $*" >> '${marker}'\n`);
    fs.chmodSync(script, 0o755);
    repo.commit({ 'ecs-service.json': COMMITTED, '.gitattributes': '*.json diff=trap filter=trap\n' });
    for (const key of ['core.fsmonitor', 'diff.trap.textconv', 'diff.external', 'filter.trap.smudge', 'filter.trap.clean', 'core.pager', 'core.sshCommand', 'core.askPass', 'gpg.program']) {
      repo.git('config', key, script);
    }
    for (const hook of ['post-checkout', 'post-index-change', 'reference-transaction', 'pre-commit']) {
      fs.chmodSync(repo.write(`.git/hooks/${hook}`, fs.readFileSync(script, 'utf8')), 0o755);
    }
    const client = await LspTestClient.start({ settings: {}, workspaceFolder: repo.dir });
    try {
      const uri = fileUri(repo.path('ecs-service.json'));
      await client.open(uri, 'json', COMMITTED.replace('web:3', 'web:4'), 1);
      const lenses = titles(await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } }));
      assert.deepEqual(lenses, ['0: applying this file: starts a new deployment', '3: new deployment: taskDefinition web:3 -> web:4']);
      await delay(500);
      assert.equal(fs.existsSync(marker), false, `the server ran a program from the repository's config: ${fs.existsSync(marker) ? fs.readFileSync(marker, 'utf8') : ''}`);
      // The trap is armed: git itself runs the fsmonitor program on status.
      repo.git('status', '--porcelain');
      assert.equal(fs.existsSync(marker), true, 'the fsmonitor trap did not fire under git itself; the test proves nothing');
    } finally {
      client.dispose();
      fs.rmSync(marker, { force: true });
      repo.remove();
    }
  });
});

describe('change lens: refresh when HEAD moves', function () {
  this.timeout(120_000);

  it('asks a client with refreshSupport to refresh code lenses after a commit', async () => {
    const repo = new TempRepo('ecsdef-lens-refresh-');
    repo.commit({ 'ecs-service.json': COMMITTED });
    const [command, ...args] = serverCommand();
    const child = spawn(command, args, { env: serverEnv(), stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    let refreshes = 0;
    connection.onRequest(CodeLensRefreshRequest.type, () => {
      refreshes++;
    });
    connection.onRequest(ConfigurationRequest.type, (params) => params.items.map(() => ({})));
    connection.listen();
    try {
      await connection.sendRequest(InitializeRequest.type, {
        processId: process.pid,
        rootUri: fileUri(repo.dir),
        workspaceFolders: [{ uri: fileUri(repo.dir), name: 'repo' }],
        capabilities: { workspace: { configuration: true, codeLens: { refreshSupport: true } } },
      });
      await connection.sendNotification(InitializedNotification.type, {});
      const uri = fileUri(repo.path('ecs-service.json'));
      const edited = COMMITTED.replace('web:3', 'web:4');
      await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'json', version: 1, text: edited } });
      const first = titles(await connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } }));
      assert.equal(first[0], '0: applying this file: starts a new deployment');
      assert.equal(refreshes, 0);
      repo.commit({ 'ecs-service.json': edited });
      for (let waited = 0; refreshes === 0 && waited < 10_000; waited += 100) await delay(100);
      assert.ok(refreshes > 0, 'no workspace/codeLens/refresh within 10 s of the commit');
      const second = titles(await connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } }));
      assert.deepEqual(second, ['0: applying this file: no change']);
    } finally {
      connection.dispose();
      child.kill();
      repo.remove();
    }
  });
});
