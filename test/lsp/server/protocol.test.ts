/**
 * LSP protocol round trips against the real `ecsdef-lsp` process over stdio: initialize,
 * didOpen / didChange (incremental), publishDiagnostics with exact ranges, hover, completion,
 * code actions applied and re-validated, document symbols, settings, didClose, shutdown.
 * JSON and YAML alike.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, MarkupContent, TextEdit } from 'vscode-languageserver/node';
import { BROKEN_JSON, BROKEN_YAML } from './fixtures';
import { LspTestClient, fileUri } from './lsp-client';

const range = (l1: number, c1: number, l2: number, c2: number) => ({
  start: { line: l1, character: c1 },
  end: { line: l2, character: c2 },
});

function summary(diagnostics: Diagnostic[]): string[] {
  return diagnostics
    .map((d) => `${d.code} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.severity}`)
    .sort();
}

/** Applies a quick fix's edits the way an editor would, returning the new text. */
function apply(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x', 'json', 0, text), edits);
}

describe('ecsdef-lsp over stdio', function () {
  this.timeout(60_000);
  let client: LspTestClient;
  let workspace: string;

  before(async () => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'ecsdef-lsp-'));
    client = await LspTestClient.start({ settings: {}, workspaceFolder: workspace });
  });

  after(async () => {
    client?.dispose();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  it('initializes with incremental sync and the editor features', () => {
    const { capabilities, serverInfo } = client.initializeResult;
    assert.deepEqual(capabilities.textDocumentSync, { openClose: true, change: 2 });
    assert.equal(capabilities.hoverProvider, true);
    assert.ok(capabilities.completionProvider);
    assert.deepEqual((capabilities.codeActionProvider as { codeActionKinds: string[] }).codeActionKinds, ['quickfix']);
    assert.equal(capabilities.documentSymbolProvider, true);
    assert.equal(serverInfo?.name, 'ecsdef-lsp');
  });

  describe('JSON', () => {
    const uri = () => fileUri(path.join(workspace, 'ecs-service.json'));
    let text = BROKEN_JSON;

    it('publishes diagnostics with exact ranges, rule ids, links and data on open', async () => {
      await client.open(uri(), 'json', text, 1);
      const diagnostics = await client.diagnosticsFor(uri(), 1);
      assert.deepEqual(summary(diagnostics), [
        'ECS104 6:24-6:33 1', // "replica"
        'ECS105 3:18-3:20 1', // -1
        'ECS201 5:2-5:28 1', // "capacityProviderStrategy" key
      ]);
      const d = diagnostics.find((x) => x.code === 'ECS201')!;
      assert.equal(d.source, 'ecsdef');
      assert.match(d.codeDescription!.href, /launch-type-excludes-capacity-provider-strategy/);
      assert.deepEqual((d.data as { pointer: string }).pointer, '/capacityProviderStrategy');
    });

    it('re-validates after an incremental change and drops the fixed problem', async () => {
      // desiredCount: -1 -> 1 (replace the two characters at 3:18-3:20)
      await client.change(uri(), 2, [{ range: range(3, 18, 3, 20), text: '1' }]);
      text = apply(text, [{ range: range(3, 18, 3, 20), newText: '1' }]);
      const diagnostics = await client.diagnosticsFor(uri(), 2);
      assert.deepEqual(summary(diagnostics), ['ECS104 6:24-6:33 1', 'ECS201 5:2-5:28 1']);
    });

    it('hovers a key with documentation, type, range and change behaviour', async () => {
      const hover = await client.hover(uri(), { line: 3, character: 6 });
      const value = (hover!.contents as MarkupContent).value;
      assert.match(value, /\*\*desiredCount\*\* · `integer`/);
      assert.match(value, /Range: at least 0/);
      assert.match(value, /In place/);
      assert.deepEqual(hover!.range, range(3, 2, 3, 16));
      const launchType = (await client.hover(uri(), { line: 4, character: 5 }))!.contents as MarkupContent;
      assert.match(launchType.value, /`FARGATE`/);
      assert.match(launchType.value, /Replacement/);
      const task = (await client.hover(uri(), { line: 2, character: 5 }))!.contents as MarkupContent;
      assert.match(task.value, /New deployment/);
      assert.match(task.value, /`CODE_DEPLOY` deployment controller/);
    });

    it('completes enum values at a value position', async () => {
      const list = await client.complete(uri(), { line: 6, character: 26 });
      const labels = list.items.map((i) => i.label).sort();
      assert.deepEqual(labels, ['REPLICA']); // DAEMON conflicts with the Fargate launch type
      assert.equal(list.items[0].textEdit && 'range' in list.items[0].textEdit ? list.items[0].textEdit.newText : '', '"REPLICA"');
    });

    it('offers quick fixes selected by code and data, and applying them clears the problems', async () => {
      const current = client.latest.get(uri())!.diagnostics;
      const actions = await client.codeActions(uri(), range(0, 0, 9, 0), current);
      assert.deepEqual(actions.map((a) => a.title).sort(), ['Change to "REPLICA"', 'Remove launchType']);
      let version = 3;
      for (const action of actions) {
        const edits = action.edit!.changes![uri()];
        text = apply(text, edits);
        await client.change(uri(), version, edits.map((e) => ({ range: e.range, text: e.newText })));
        const after = await client.diagnosticsFor(uri(), version);
        assert.ok(!after.some((d) => d.code === action.diagnostics![0].code), `${action.title} did not fix it`);
        version++;
      }
      assert.deepEqual(client.latest.get(uri())!.diagnostics, []);
      assert.ok(!text.includes('launchType'));
      JSON.parse(text); // still valid JSON
    });

    it('completes missing property names with snippets, never ones that conflict', async () => {
      const list = await client.complete(uri(), { line: 1, character: 0 });
      const labels = list.items.map((i) => i.label);
      assert.ok(labels.includes('loadBalancers'));
      assert.ok(!labels.includes('serviceName'), 'existing key offered');
      assert.ok(!labels.includes('launchType'), 'launchType conflicts with capacityProviderStrategy');
      const lb = list.items.find((i) => i.label === 'loadBalancers')!;
      assert.equal(lb.insertTextFormat, 2);
      assert.match((lb.textEdit as TextEdit).newText, /^"loadBalancers": \[\$1\],?$/);
    });

    it('lists document symbols', async () => {
      const symbols = await client.symbols(uri());
      assert.deepEqual(
        symbols.map((s) => s.name),
        ['serviceName', 'taskDefinition', 'desiredCount', 'capacityProviderStrategy', 'schedulingStrategy', 'networkConfiguration'],
      );
      assert.equal(symbols[5].children?.[0].name, 'awsvpcConfiguration');
    });

    it('clears diagnostics on close', async () => {
      await client.close(uri());
      const cleared = await client.waitForDiagnostics(uri(), (p) => p.diagnostics.length === 0 && p.version === undefined);
      assert.deepEqual(cleared.diagnostics, []);
    });
  });

  describe('YAML', () => {
    const uri = () => fileUri(path.join(workspace, 'ecs-service.yaml'));
    let text = BROKEN_YAML;

    it('publishes diagnostics with exact ranges on open', async () => {
      await client.open(uri(), 'yaml', text, 1);
      assert.deepEqual(summary(await client.diagnosticsFor(uri(), 1)), [
        'ECS104 7:20-7:27 1',
        'ECS105 2:14-2:16 1',
        'ECS201 4:0-4:24 1',
      ]);
    });

    it('hovers, completes keys and values', async () => {
      const hover = await client.hover(uri(), { line: 7, character: 3 });
      assert.match((hover!.contents as MarkupContent).value, /\*\*schedulingStrategy\*\*/);
      assert.match((hover!.contents as MarkupContent).value, /- `REPLICA`/);
      // A new line at the end of the document: root keys.
      await client.change(uri(), 2, [{ range: range(11, 0, 11, 0), text: 'hea' }]);
      text += 'hea';
      await client.diagnosticsFor(uri(), 2);
      const keys = await client.complete(uri(), { line: 11, character: 3 });
      const grace = keys.items.find((i) => i.label === 'healthCheckGracePeriodSeconds');
      assert.ok(grace, keys.items.map((i) => i.label).join());
      assert.deepEqual((grace.textEdit as TextEdit).range, range(11, 0, 11, 3));
      assert.equal((grace.textEdit as TextEdit).newText, 'healthCheckGracePeriodSeconds: ${1:0}');
      // Nested: inside networkConfiguration.awsvpcConfiguration
      const nested = await client.complete(uri(), { line: 10, character: 0 });
      assert.ok(nested.items.length > 0);
      const values = await client.complete(uri(), { line: 3, character: 12 });
      assert.ok(values.items.some((i) => i.label === 'EC2'));
    });

    it('applies quick fixes in YAML syntax', async () => {
      await client.change(uri(), 3, [{ range: range(11, 0, 11, 3), text: '' }]);
      text = text.slice(0, -3);
      const current = await client.diagnosticsFor(uri(), 3);
      const actions = await client.codeActions(uri(), range(0, 0, 11, 0), current);
      const remove = actions.find((a) => a.title === 'Remove launchType')!;
      const edits = remove.edit!.changes![uri()];
      assert.deepEqual(edits, [{ range: range(3, 0, 4, 0), newText: '' }]);
      const setCase = actions.find((a) => a.title === 'Change to "REPLICA"')!;
      assert.deepEqual(setCase.edit!.changes![uri()], [{ range: range(7, 20, 7, 27), newText: 'REPLICA' }]);
      await client.change(uri(), 4, edits.map((e) => ({ range: e.range, text: e.newText })));
      assert.deepEqual(summary(await client.diagnosticsFor(uri(), 4)), ['ECS104 6:20-6:27 1', 'ECS105 2:14-2:16 1']);
    });
  });

  describe('settings and file selection', () => {
    it('applies per-rule severities from client settings and re-validates on change', async () => {
      const uri = fileUri(path.join(workspace, 'settings-service-def.json'));
      await client.open(uri, 'json', BROKEN_JSON, 1);
      assert.equal((await client.diagnosticsFor(uri, 1)).length, 3);
      await client.changeSettings({ rules: { ECS105: 'off', 'invalid-enum-value': 'warning' } });
      const after = await client.waitForDiagnostics(uri, (p) => p.diagnostics.length === 2);
      assert.deepEqual(summary(after.diagnostics), ['ECS104 6:24-6:33 2', 'ECS201 5:2-5:28 1']);
      await client.changeSettings({});
      await client.waitForDiagnostics(uri, (p) => p.diagnostics.length === 3);
      await client.close(uri);
    });

    it('reads the project config file the CLI reads', async () => {
      const dir = path.join(workspace, 'project');
      fs.mkdirSync(dir);
      fs.writeFileSync(path.join(dir, '.ecsdef.yaml'), 'rules:\n  ECS201: off\nfiles:\n  service: ["deploy/*.json"]\n');
      fs.mkdirSync(path.join(dir, 'deploy'));
      const uri = fileUri(path.join(dir, 'deploy', 'web.json'));
      await client.open(uri, 'json', BROKEN_JSON, 1);
      assert.deepEqual(summary(await client.diagnosticsFor(uri, 1)), ['ECS104 6:24-6:33 1', 'ECS105 3:18-3:20 1']);
      await client.close(uri);
    });

    it('leaves other JSON files alone, but validates any file carrying an ecsdef $schema', async () => {
      const other = fileUri(path.join(workspace, 'package.json'));
      await client.open(other, 'json', '{ "name": "x", "desiredCount": -1 }', 1);
      assert.deepEqual(await client.diagnosticsFor(other, 1), []);
      const withSchema = fileUri(path.join(workspace, 'anything.json'));
      await client.open(withSchema, 'json', '{ "$schema": "https://ecsdef.dev/schemas/service.schema.json", "serviceName": "web", "desiredCount": -1 }', 1);
      assert.ok((await client.diagnosticsFor(withSchema, 1)).some((d) => d.code === 'ECS105'));
      assert.equal((await client.hover(other, { line: 0, character: 4 })), null);
      await client.close(other);
      await client.close(withSchema);
    });

    it('reports syntax errors with their rule ids', async () => {
      const uri = fileUri(path.join(workspace, 'broken-service-def.yaml'));
      await client.open(uri, 'yaml', 'serviceName: [web\n', 1);
      const diagnostics = await client.diagnosticsFor(uri, 1);
      // With error recovery the fully written key is still checked: an ecspresso file ignores
      // serviceName (ECS110); nothing else is reported beside the syntax error.
      assert.ok(diagnostics.some((d) => d.code === 'ECS005'), JSON.stringify(diagnostics));
      assert.deepEqual([...new Set(diagnostics.map((d) => d.code))].sort(), ['ECS005', 'ECS110'], JSON.stringify(diagnostics));
      await client.close(uri);
    });
  });

  // Nested so that mocha runs it last (a describe's own tests run before its nested suites).
  describe('shutdown', () => {
    it('shuts down and exits with code 0', async () => {
      const code = await client.shutdown();
      assert.equal(code, 0);
      assert.equal(client.stderr, '');
    });
  });
});

describe('ecsdef-lsp with a push-style client (no workspace/configuration)', function () {
  this.timeout(60_000);

  it('takes settings from initializationOptions and didChangeConfiguration', async () => {
    const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'ecsdef-lsp-push-'));
    const client = await LspTestClient.start({ workspaceFolder: workspace, initializationOptions: { ecsdef: { rules: { ECS105: 'off' } } } });
    try {
      const uri = fileUri(path.join(workspace, 'ecs-service.yaml'));
      await client.open(uri, 'yaml', BROKEN_YAML, 1);
      assert.deepEqual(summary(await client.diagnosticsFor(uri, 1)), ['ECS104 7:20-7:27 1', 'ECS201 4:0-4:24 1']);
      await client.changeSettings({ rules: { ECS201: 'warning' } }); // replaces the pushed layer only
      const after = await client.waitForDiagnostics(uri, (p) => p.diagnostics.some((d) => d.severity === 2));
      assert.deepEqual(summary(after.diagnostics), ['ECS104 7:20-7:27 1', 'ECS201 4:0-4:24 2']);
      await client.changeSettings({ enable: false });
      await client.waitForDiagnostics(uri, (p) => p.diagnostics.length === 0);
      assert.equal(await client.shutdown(), 0);
    } finally {
      client.dispose();
      fs.rmSync(workspace, { recursive: true, force: true });
    }
  });
});
