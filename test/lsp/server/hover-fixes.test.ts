/**
 * Hover and quick fixes of issue 12 against the real `ecsdef-lsp` process over stdio: a nested
 * field's change impact, defaults only where the API has one, doc-text notes as plain emphasis,
 * and quick fixes for quoted booleans / numbers and out-of-range numbers, selected by code and
 * data, applied as an editor would and re-validated. JSON and YAML alike.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, MarkupContent } from 'vscode-languageserver/node';
import { LspTestClient, fileUri } from './lsp-client';

const JSON_TEXT = `{
  "serviceName": "web",
  "taskDefinition": "web:1",
  "desiredCount": "2",
  "enableExecuteCommand": "true",
  "healthCheckGracePeriodSeconds": -5,
  "capacityProviderStrategy": [{ "capacityProvider": "FARGATE", "weight": 5000 }],
  "launchType": "FARGATE"
}
`;

const YAML_TEXT = `serviceName: web
taskDefinition: web:1
desiredCount: 1e20
enableExecuteCommand: 'false'
capacityProviderStrategy:
  - capacityProvider: FARGATE
    weight: "3"
    base: -1
`;

describe('ecsdef-lsp: hover and quick fixes (issue 12)', function () {
  this.timeout(60_000);
  let client: LspTestClient;
  let workspace: string;

  before(async () => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'ecsdef-hover-fixes-'));
    client = await LspTestClient.start({ settings: {}, workspaceFolder: workspace });
  });

  after(async () => {
    if (client?.alive) assert.equal(await client.shutdown(), 0);
    client?.dispose();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  const hoverAt = async (uri: string, line: number, character: number): Promise<string> => {
    const hover = await client.hover(uri, { line, character });
    assert.ok(hover, `no hover at ${line}:${character}`);
    return (hover.contents as MarkupContent).value;
  };

  /**
   * Applies every offered quick fix, one round at a time (each round's edits are computed by the
   * server against the current text), until none is left; returns the titles in order.
   */
  async function applyAllFixes(uri: string, language: string, text: string, version: number): Promise<{ titles: string[]; text: string; diagnostics: Diagnostic[] }> {
    const titles: string[] = [];
    let diagnostics = await client.diagnosticsFor(uri, version);
    for (let round = 0; round < 10; round++) {
      const actions = await client.codeActions(uri, { start: { line: 0, character: 0 }, end: { line: 20, character: 0 } }, diagnostics);
      if (actions.length === 0) break;
      const action = actions[0];
      titles.push(action.title);
      const edits = action.edit!.changes![uri];
      text = TextDocument.applyEdits(TextDocument.create(uri, language, version, text), edits);
      version++;
      await client.change(uri, version, edits.map((e) => ({ range: e.range, text: e.newText })));
      diagnostics = await client.diagnosticsFor(uri, version);
      assert.ok(!diagnostics.some((d) => d.code === action.diagnostics![0].code && d.range.start.line === action.diagnostics![0].range.start.line), `${action.title} left its problem`);
    }
    return { titles, text, diagnostics };
  }

  describe('JSON', () => {
    const uri = () => fileUri(path.join(workspace, 'ecs-service.json'));

    it('hovers a nested field with its owner\'s change impact', async () => {
      await client.open(uri(), 'json', JSON_TEXT, 1);
      await client.diagnosticsFor(uri(), 1);
      const weight = await hoverAt(uri(), 6, 70);
      assert.match(weight, /\*\*weight\*\*/);
      assert.match(weight, /On change \(part of `capacityProviderStrategy`\): \*\*New deployment\*\*/);
    });

    it('states no unconditional default for launchType, and its notes as plain emphasis', async () => {
      const launchType = await hoverAt(uri(), 7, 6);
      assert.match(launchType, /\*\*launchType\*\*/);
      assert.doesNotMatch(launchType, /Default:/);
      assert.doesNotMatch(launchType, /^> /m);
      assert.match(launchType, /\*Note:\* Fargate Spot infrastructure/);
    });

    it('offers unquote and nearest-bound fixes; applying them one by one clears every type and range problem', async () => {
      const diagnostics = await client.diagnosticsFor(uri(), 1);
      const all = await client.codeActions(uri(), { start: { line: 0, character: 0 }, end: { line: 9, character: 0 } }, diagnostics);
      const titles = all.map((a) => a.title).sort();
      for (const title of ['Change to the number 2', 'Change to the boolean true', 'Change to 0 (the minimum)', 'Change to 1000 (the maximum)']) {
        assert.ok(titles.includes(title), `${title} not in ${titles.join(', ')}`);
      }
      const result = await applyAllFixes(uri(), 'json', JSON_TEXT, 1);
      const value = JSON.parse(result.text);
      assert.equal(value.desiredCount, 2);
      assert.equal(value.enableExecuteCommand, true);
      assert.equal(value.healthCheckGracePeriodSeconds, 0);
      assert.equal(value.capacityProviderStrategy[0].weight, 1000);
      assert.ok(!result.diagnostics.some((d) => d.code === 'ECS103' || d.code === 'ECS105'), JSON.stringify(result.diagnostics));
      await client.close(uri());
    });
  });

  describe('YAML', () => {
    const uri = () => fileUri(path.join(workspace, 'ecs-service.yaml'));

    it('hovers a nested value with its owner\'s change impact', async () => {
      await client.open(uri(), 'yaml', YAML_TEXT, 1);
      await client.diagnosticsFor(uri(), 1);
      const base = await hoverAt(uri(), 7, 6);
      assert.match(base, /\*\*base\*\*/);
      assert.match(base, /On change \(part of `capacityProviderStrategy`\): \*\*New deployment\*\*/);
    });

    it('unquotes in YAML syntax and bounds integers to 32 bits', async () => {
      const diagnostics = await client.diagnosticsFor(uri(), 1);
      const all = await client.codeActions(uri(), { start: { line: 0, character: 0 }, end: { line: 8, character: 0 } }, diagnostics);
      const byTitle = new Map(all.map((a) => [a.title, a.edit!.changes![uri()]]));
      assert.deepEqual(byTitle.get('Change to 2147483647 (the maximum)'), [{ range: { start: { line: 2, character: 14 }, end: { line: 2, character: 18 } }, newText: '2147483647' }]);
      assert.deepEqual(byTitle.get('Change to the boolean false'), [{ range: { start: { line: 3, character: 22 }, end: { line: 3, character: 29 } }, newText: 'false' }]);
      assert.deepEqual(byTitle.get('Change to the number 3'), [{ range: { start: { line: 6, character: 12 }, end: { line: 6, character: 15 } }, newText: '3' }]);
      assert.deepEqual(byTitle.get('Change to 0 (the minimum)'), [{ range: { start: { line: 7, character: 10 }, end: { line: 7, character: 12 } }, newText: '0' }]);
      const result = await applyAllFixes(uri(), 'yaml', YAML_TEXT, 1);
      assert.equal(
        result.text,
        'serviceName: web\ntaskDefinition: web:1\ndesiredCount: 2147483647\nenableExecuteCommand: false\ncapacityProviderStrategy:\n  - capacityProvider: FARGATE\n    weight: 3\n    base: 0\n',
      );
      assert.ok(!result.diagnostics.some((d) => d.code === 'ECS103' || d.code === 'ECS105'), JSON.stringify(result.diagnostics));
      await client.close(uri());
    });
  });
});
