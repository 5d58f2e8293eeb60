/**
 * The `ecsdef-lsp` bin as installed (bin/ecsdef-lsp -> dist/lsp/server/main.js): over stdio
 * (its default transport) and over Node IPC (how the VS Code client starts a server module).
 */
import { strict as assert } from 'node:assert';
import { fork } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializeRequest,
  InitializedNotification,
  IPCMessageReader,
  IPCMessageWriter,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  createProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver/node';
import { BROKEN_YAML } from './fixtures';
import { LspTestClient, REPO_ROOT, fileUri } from './lsp-client';
import { requireComponent } from './require-component';

const BIN = path.join(REPO_ROOT, 'bin', 'ecsdef-lsp');
const BUILT = path.join(REPO_ROOT, 'dist', 'lsp', 'server', 'main.js');

describe('ecsdef-lsp bin (built)', function () {
  this.timeout(60_000);

  before(function () {
    requireComponent(this, fs.existsSync(BUILT), 'the built server (dist/lsp/server/main.js)', 'npm run build');
  });

  it('speaks LSP over stdio by default', async () => {
    const client = await LspTestClient.start({ command: [process.execPath, BIN] });
    try {
      const uri = fileUri('/tmp/ecsdef-bin/ecs-service.yaml');
      await client.open(uri, 'yaml', BROKEN_YAML, 1);
      const codes = (await client.diagnosticsFor(uri, 1)).map((d) => d.code).sort();
      assert.deepEqual(codes, ['ECS104', 'ECS105', 'ECS201']);
      assert.equal(await client.shutdown(), 0);
    } finally {
      client.dispose();
    }
  });

  it('speaks LSP over Node IPC (--node-ipc), as the VS Code client starts it', async () => {
    const child = fork(BIN, ['--node-ipc'], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    const connection = createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    try {
      const uri = fileUri('/tmp/ecsdef-bin/ecs-service.yaml');
      const published = new Promise<PublishDiagnosticsParams>((resolve) =>
        connection.onNotification(PublishDiagnosticsNotification.type, resolve),
      );
      connection.listen();
      await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {} });
      await connection.sendNotification(InitializedNotification.type, {});
      await connection.sendNotification(DidOpenTextDocumentNotification.type, {
        textDocument: { uri, languageId: 'yaml', version: 1, text: BROKEN_YAML },
      });
      const params = await published;
      assert.deepEqual(params.diagnostics.map((d) => d.code).sort(), ['ECS104', 'ECS105', 'ECS201']);
      await connection.sendRequest(ShutdownRequest.type);
      const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
      await connection.sendNotification(ExitNotification.type);
      assert.equal(await exited, 0);
    } finally {
      connection.dispose();
      if (child.exitCode === null) child.kill();
    }
  });
});
