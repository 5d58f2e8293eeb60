/**
 * The language server decides what a document is exactly as the CLI does, and re-decides on
 * every version: the real-world corpus gets the CLI's findings (none on look-alikes), and a new
 * file gets diagnostics once its content looks like a service definition.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DiagnosticSeverity } from 'vscode-languageserver-protocol';
import { EXPECTED } from '../../fixtures/real-world/recognition/expected';
import { fileUri, LspTestClient, REPO_ROOT } from './lsp-client';

const CORPUS = path.join(REPO_ROOT, 'test', 'fixtures', 'real-world', 'recognition');

describe('ecsdef-lsp: recognition by name and content', function () {
  this.timeout(60_000);
  let client: LspTestClient;
  let scratch: string;

  before(async () => {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'ecsdef-lsp-recognise-'));
    client = await LspTestClient.start({ settings: { validation: { delay: 0 } }, workspaceFolder: CORPUS });
  });

  after(async () => {
    await client?.shutdown();
    client?.dispose();
    fs.rmSync(scratch, { recursive: true, force: true });
  });

  // Jsonnet is evaluated by the CLI only; editors open it in their own Jsonnet mode.
  for (const [file, expected] of Object.entries(EXPECTED).filter(([name]) => !name.endsWith('.jsonnet'))) {
    it(`${file}: ${expected.kind === null ? 'no results' : `the CLI's findings (${expected.errors?.join(', ') ?? 'none'})`}`, async () => {
      const full = path.join(CORPUS, file);
      const uri = fileUri(full);
      await client.open(uri, /\.ya?ml$/.test(file) ? 'yaml' : 'json', fs.readFileSync(full, 'utf8'), 1);
      const diagnostics = await client.diagnosticsFor(uri, 1);
      const codes = diagnostics.filter((d) => d.severity !== DiagnosticSeverity.Information).map((d) => String(d.code)).sort();
      assert.deepEqual(codes, (expected.errors ?? []).slice().sort(), JSON.stringify(diagnostics.map((d) => d.message)));
      if (expected.kind === null) {
        assert.deepEqual(diagnostics, []);
        assert.equal(await client.hover(uri, { line: 1, character: 4 }), null, 'no hover on a look-alike');
      }
      await client.close(uri);
    });
  }

  it('a new svc.json gets diagnostics once it looks like a service, and loses them when it stops', async () => {
    const uri = fileUri(path.join(scratch, 'svc.json'));
    await client.open(uri, 'json', '{}', 1);
    assert.deepEqual(await client.diagnosticsFor(uri, 1), []);
    const service = '{ "serviceName": "web", "taskDefinition": "web:1", "desiredCount": -1 }';
    await client.change(uri, 2, [{ text: service }]);
    const second = await client.diagnosticsFor(uri, 2);
    assert.deepEqual(second.map((d) => d.code), ['ECS105']);
    await client.change(uri, 3, [{ text: '{ "apiVersion": "v1", "kind": "Service", "desiredCount": -1 }' }]);
    assert.deepEqual(await client.diagnosticsFor(uri, 3), [], 'a Kubernetes manifest is left alone');
    await client.close(uri);
  });
});
