/**
 * Hostile and unusual input to the real `ecsdef-lsp` process over stdio:
 * - bytes it cannot frame as LSP messages: it says why in one stderr line and exits with 1
 *   (so the client restarts it) instead of lingering, alive and deaf;
 * - `initialize` with workspace folders and root URIs it cannot use (a UNC-style host, an
 *   encoded `/`, a non-string `uri`, entries that are not objects, `workspaceFolders: null`):
 *   each is skipped with one console message and initialize still answers;
 * - the lifecycle after `shutdown`: every request but `exit` fails with InvalidRequest, other
 *   notifications are ignored, `exit` ends the process with 0 (1 without `shutdown`).
 * Every wait on the process is bounded: a server that hangs fails the test, it never stalls it.
 */
import { strict as assert } from 'node:assert';
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  DidOpenTextDocumentNotification,
  ErrorCodes,
  ExitNotification,
  HoverRequest,
  InitializeRequest,
  LogMessageNotification,
  MessageType,
  PublishDiagnosticsNotification,
  ResponseError,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  createProtocolConnection,
  type InitializeParams,
  type LogMessageParams,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver/node';
import { BROKEN_YAML } from './fixtures';
import { LspTestClient, REPO_ROOT, fileUri, serverCommand, serverEnv } from './lsp-client';

/** Longest a test waits for the server to answer or to exit before calling it hung. */
const PATIENCE_MS = 15_000;

function spawnServer(): ChildProcess {
  const [command, ...args] = serverCommand();
  return spawn(command, args, { cwd: REPO_ROOT, env: serverEnv(), stdio: ['pipe', 'pipe', 'pipe'] });
}

/** The exit code, or a failure naming what the process said if it is still running after `ms`. */
function exitCode(child: ChildProcess, stderr: () => string, ms = PATIENCE_MS): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server still running ${ms} ms later (hung); stderr: ${JSON.stringify(stderr())}`));
    }, ms);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

function frame(message: object): Buffer {
  const body = Buffer.from(JSON.stringify(message), 'utf8');
  return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]);
}

const INITIALIZE = frame({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
/** A valid request sent after the bad bytes: the server must not silently swallow it forever. */
const LATER_REQUEST = frame({
  jsonrpc: '2.0',
  id: 2,
  method: 'textDocument/hover',
  params: { textDocument: { uri: 'file:///tmp/ecs-service.json' }, position: { line: 0, character: 0 } },
});
const BODY = '{"jsonrpc":"2.0","method":"initialized","params":{}}';

/** Bytes that cannot be framed (or decoded) as an LSP message, by what is wrong with them. */
const UNFRAMEABLE: [string, string][] = [
  ['a header block without Content-Length', `Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n${BODY}`],
  ['a non-numeric Content-Length', `Content-Length: twelve\r\n\r\n${BODY}`],
  ['a negative Content-Length', `Content-Length: -5\r\n\r\n${BODY}`],
  ['a header line without a colon', `hello there\r\n\r\n${BODY}`],
  // The reader takes the next message's header as the rest of this body: framing is lost.
  ['a body shorter than its Content-Length', `Content-Length: ${BODY.length + 30}\r\n\r\n${BODY}`],
  ['a body that is not JSON', 'Content-Length: 5\r\n\r\n{{{{{'],
];

describe('ecsdef-lsp on hostile input', function () {
  this.timeout(60_000);

  describe('input it cannot read as LSP messages', () => {
    for (const [what, bytes] of UNFRAMEABLE) {
      it(`${what}: one line on stderr, exit code 1`, async () => {
        const child = spawnServer();
        let stdout = '';
        let stderr = '';
        child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
        child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
        try {
          // Answered initialize first: the exit below is the reaction to the bad bytes, not a failed start.
          child.stdin!.write(INITIALIZE);
          await until(() => stdout.includes('"id":1'), () => `no initialize response; stderr: ${stderr}`);
          child.stdin!.write(bytes);
          child.stdin!.write(LATER_REQUEST);
          const code = await exitCode(child, () => stderr);
          assert.equal(code, 1, `exit code; stderr: ${stderr}`);
          const lines = stderr.split('\n').filter((l) => l.trim() !== '');
          assert.equal(lines.length, 1, `exactly one stderr line, got: ${JSON.stringify(stderr)}`);
          assert.match(lines[0], /^ecsdef-lsp: /);
        } finally {
          if (child.exitCode === null) child.kill('SIGKILL');
        }
      });
    }
  });

  describe('initialize with folders it cannot use', () => {
    let workspace: string;
    let child: ChildProcess;
    let connection: ProtocolConnection;
    let stderr: string;
    const logs: LogMessageParams[] = [];
    const published: PublishDiagnosticsParams[] = [];

    beforeEach(() => {
      workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'ecsdef-hostile-'));
      child = spawnServer();
      stderr = '';
      child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
      logs.length = 0;
      published.length = 0;
      connection.onNotification(LogMessageNotification.type, (p) => logs.push(p));
      connection.onNotification(PublishDiagnosticsNotification.type, (p) => published.push(p));
      connection.listen();
    });

    afterEach(() => {
      connection.dispose();
      if (child.exitCode === null) child.kill('SIGKILL');
      fs.rmSync(workspace, { recursive: true, force: true });
    });

    const initialize = (params: Record<string, unknown>) =>
      bounded(
        connection.sendRequest(InitializeRequest.type, { processId: null, capabilities: {}, rootUri: null, ...params } as InitializeParams),
        () => stderr,
      );

    it('skips each unusable folder with one message, keeps the good one and answers', async () => {
      // A project glob relative to the workspace folder: it only applies if the good folder is kept.
      fs.mkdirSync(path.join(workspace, 'defs'));
      const unc = 'file://fileserver/share/project';
      const encodedSlash = `${fileUri(workspace)}/a%2Fb`;
      const result = await initialize({
        rootUri: unc,
        workspaceFolders: [
          { uri: unc, name: 'unc' },
          { uri: encodedSlash, name: 'encoded-slash' },
          { uri: 42, name: 'number' },
          null,
          'file:///tmp/not-an-object',
          { uri: fileUri(workspace), name: 'good' },
          { uri: 'untitled:elsewhere', name: 'not a file' },
        ],
        initializationOptions: { ecsdef: { files: { service: ['defs/*.yaml'] } } },
      });
      assert.equal(result.capabilities.hoverProvider, true);
      assert.equal(result.serverInfo?.name, 'ecsdef-lsp');

      // One message per unusable entry (rootUri, unc, encoded slash, 42, null, the string); none
      // for the good folder or the non-file one (a virtual folder is fine, it just has no config).
      const warnings = logs.filter((l) => l.type === MessageType.Warning).map((l) => l.message);
      assert.equal(warnings.length, 6, warnings.join('\n'));
      assert.equal(warnings.filter((w) => w.includes(unc)).length, 2, warnings.join('\n'));
      assert.ok(warnings.some((w) => w.includes('a%2Fb')), warnings.join('\n'));
      assert.ok(warnings.every((w) => w.startsWith('ecsdef: ')), warnings.join('\n'));

      // The kept folder anchors the settings glob: defs/web.yaml is a service definition, though
      // neither its name nor its content says so (without the folder it gets no diagnostics).
      const uri = fileUri(path.join(workspace, 'defs', 'web.yaml'));
      await connection.sendNotification(DidOpenTextDocumentNotification.type, {
        textDocument: { uri, languageId: 'yaml', version: 1, text: 'notAServiceKey: 1\n' },
      });
      const diagnostics = await until(() => published.find((p) => p.uri === uri), () => `no diagnostics; stderr: ${stderr}`);
      assert.ok(diagnostics.diagnostics.some((d) => d.code === 'ECS101'), JSON.stringify(diagnostics));
    });

    it('answers with workspaceFolders null, a non-string rootUri and documents at unusable file URIs', async () => {
      const result = await initialize({ workspaceFolders: null, rootUri: { path: '/x' } });
      assert.equal(result.capabilities.documentSymbolProvider, true);
      assert.equal(logs.filter((l) => l.type === MessageType.Warning).length, 1, JSON.stringify(logs));
      // Documents whose file URI has no local path are still validated (kind from the name).
      for (const uri of ['file://fileserver/share/ecs-service.yaml', 'file:///tmp/a%2Fb/ecs-service.yaml']) {
        await connection.sendNotification(DidOpenTextDocumentNotification.type, {
          textDocument: { uri, languageId: 'yaml', version: 1, text: BROKEN_YAML },
        });
        const params = await until(() => published.find((p) => p.uri === uri), () => `no diagnostics for ${uri}; stderr: ${stderr}`);
        assert.deepEqual(params.diagnostics.map((d) => d.code).sort(), ['ECS104', 'ECS105', 'ECS201']);
      }
      assert.equal(stderr, '');
    });
  });

  describe('the lifecycle after shutdown', () => {
    let client: LspTestClient;

    beforeEach(async () => {
      client = await LspTestClient.start();
    });

    afterEach(() => client.dispose());

    const failure = async (request: Promise<unknown>): Promise<number> => {
      try {
        await bounded(request, () => client.stderr);
      } catch (error) {
        if (error instanceof ResponseError) return error.code;
        throw error;
      }
      assert.fail('request after shutdown was answered');
    };

    it('answers every request with InvalidRequest, ignores notifications, exits 0 on exit', async () => {
      const before = fileUri('/tmp/ecsdef-hostile/before/ecs-service.yaml');
      await client.open(before, 'yaml', BROKEN_YAML, 1);
      await client.diagnosticsFor(before, 1);
      await client.connection.sendRequest(ShutdownRequest.type);

      const after = fileUri('/tmp/ecsdef-hostile/after/ecs-service.yaml');
      await client.open(after, 'yaml', BROKEN_YAML, 1);
      const position = { line: 0, character: 0 };
      assert.equal(await failure(client.hover(before, position)), ErrorCodes.InvalidRequest);
      assert.equal(await failure(client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: after }, position })), ErrorCodes.InvalidRequest);
      assert.equal(await failure(client.symbols(before)), ErrorCodes.InvalidRequest);
      assert.equal(await failure(client.connection.sendRequest(ShutdownRequest.type)), ErrorCodes.InvalidRequest);
      assert.equal(await failure(client.connection.sendRequest('ecsdef/noSuchMethod', {})), ErrorCodes.InvalidRequest);
      assert.equal(
        await failure(client.connection.sendRequest(InitializeRequest.type, { processId: null, rootUri: null, capabilities: {} })),
        ErrorCodes.InvalidRequest,
      );
      // The document opened after shutdown was never validated (its didOpen was ignored).
      assert.equal(client.published.filter((p) => p.uri === after).length, 0);

      const exited = exitCode(client.process, () => client.stderr);
      await client.connection.sendNotification(ExitNotification.type);
      assert.equal(await exited, 0);
    });

    it('still answers unknown requests with MethodNotFound before shutdown', async () => {
      assert.equal(await failure(client.connection.sendRequest('ecsdef/noSuchMethod', {})), ErrorCodes.MethodNotFound);
    });

    it('exits with 1 on exit without shutdown', async () => {
      const exited = exitCode(client.process, () => client.stderr);
      await client.connection.sendNotification(ExitNotification.type);
      assert.equal(await exited, 1);
    });
  });
});

/** Polls `probe` until it returns something truthy; fails with `why()` after PATIENCE_MS. */
async function until<T>(probe: () => T | undefined | false, why: () => string): Promise<T> {
  const deadline = Date.now() + PATIENCE_MS;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${PATIENCE_MS} ms: ${why()}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** `promise`, or a failure naming what the server said if it does not settle within PATIENCE_MS. */
function bounded<T>(promise: Promise<T>, stderr: () => string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${PATIENCE_MS} ms; stderr: ${JSON.stringify(stderr())}`)), PATIENCE_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
