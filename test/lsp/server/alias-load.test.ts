/**
 * A YAML document with thousands of aliases in the real server (over stdio): it is validated in
 * well under a second, and other documents are not held up meanwhile. Aliases were resolved by
 * walking the whole document once each (quadratic): 20,000 of them blocked the server for about
 * a minute, every hover and keystroke elsewhere waiting behind them.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LspTestClient, fileUri } from './lsp-client';

describe('ecsdef-lsp: a document of 20,000 YAML aliases', function () {
  this.timeout(120_000);
  let client: LspTestClient;
  let workspace: string;

  before(async () => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'ecsdef-aliases-'));
    client = await LspTestClient.start({ settings: { validation: { delay: 5 } }, workspaceFolder: workspace });
  });
  after(async () => {
    await client.shutdown();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  it('is validated, and a hover in another document answers, within a few seconds', async () => {
    const heavy = fileUri(path.join(workspace, 'aliases-service-def.yaml'));
    const light = fileUri(path.join(workspace, 'web.service.yaml'));
    const text = `cluster: prod\nserviceName: web\ntaskDefinition: web:3\ndesiredCount: 2\ntags:\n  - &tag { key: team, value: web }\n${'  - *tag\n'.repeat(20_000)}`;
    await client.open(light, 'yaml', 'serviceName: web\ncluster: prod\ntaskDefinition: web:3\ndesiredCount: 2\n');
    await client.diagnosticsFor(light, 1, 20_000);
    const started = Date.now();
    await client.open(heavy, 'yaml', text);
    const hover = await client.hover(light, { line: 3, character: 2 });
    const hoverMs = Date.now() - started;
    const diagnostics = await client.diagnosticsFor(heavy, 1, 20_000);
    const validatedMs = Date.now() - started;
    // 20,001 tags: too many for the API (at most 50), reported once.
    assert.ok(diagnostics.some((d) => d.code !== undefined && String(d.code).startsWith('ECS1')), JSON.stringify(diagnostics));
    assert.ok(hover, 'the hover answered');
    // Hang guards, not speed targets: before the fix these took 45 s and a minute.
    assert.ok(hoverMs < 10_000, `hover took ${hoverMs} ms`);
    assert.ok(validatedMs < 15_000, `validation took ${validatedMs} ms`);
  });
});
