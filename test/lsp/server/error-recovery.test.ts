/**
 * Error recovery through the real `ecsdef-lsp` process over stdio: a definition with a syntax
 * error still shows its other findings, and typing a key in the middle of a definition (the
 * document is broken at every keystroke until the key is done) neither hides them nor adds
 * findings the unfinished text causes. JSON and YAML alike.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Diagnostic, Position } from 'vscode-languageserver/node';
import { LspTestClient, fileUri } from './lsp-client';

/** `code line:character-line:character`, sorted. */
function summary(diagnostics: Diagnostic[]): string[] {
  return diagnostics
    .map((d) => `${d.code} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`)
    .sort();
}

const codes = (diagnostics: Diagnostic[]): string[] => [...new Set(diagnostics.map((d) => String(d.code)))].sort();

/** ECS201 (launchType next to capacityProviderStrategy) on line 5, whatever happens on line 7. */
const JSON_DEFINITION = `{
  "serviceName": "web",
  "taskDefinition": "web:12",
  "desiredCount": 2,
  "launchType": "FARGATE",
  "capacityProviderStrategy": [{ "capacityProvider": "FARGATE_SPOT", "weight": 1 }],
  "networkConfiguration": {
    "awsvpcConfiguration": { "securityGroups": ["sg-1"], "subnets": ["subnet-0a1b2c3d4e5f60718"] }
  }
}
`;

const YAML_DEFINITION = `serviceName: web
taskDefinition: web:12
desiredCount: 2
launchType: FARGATE
capacityProviderStrategy:
  - capacityProvider: FARGATE_SPOT
    weight: 1
networkConfiguration:
  awsvpcConfiguration:
    securityGroups: [sg-1]
    subnets: [subnet-0a1b2c3d4e5f60718]
`;

describe('ecsdef-lsp error recovery over stdio', function () {
  this.timeout(60_000);
  let client: LspTestClient;
  let workspace: string;

  before(async () => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'ecsdef-recovery-'));
    client = await LspTestClient.start({ settings: {}, workspaceFolder: workspace });
  });

  after(async () => {
    client?.dispose();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  it('JSON: a syntax error and a cross-field error elsewhere are both shown', async () => {
    const uri = fileUri(path.join(workspace, 'broken-service.json'));
    // A comma missing after "sg-1" on line 7.
    await client.open(uri, 'json', JSON_DEFINITION.replace('["sg-1"],', '["sg-1"]'), 1);
    assert.deepEqual(summary(await client.diagnosticsFor(uri, 1)), ['ECS001 7:56-7:65', 'ECS201 5:2-5:28']);
  });

  it('YAML: a syntax error and a cross-field error elsewhere are both shown', async () => {
    const uri = fileUri(path.join(workspace, 'broken-service.yaml'));
    // An unclosed flow sequence on line 9.
    await client.open(uri, 'yaml', YAML_DEFINITION.replace('[sg-1]', '[sg-1'), 1);
    const diagnostics = await client.diagnosticsFor(uri, 1);
    assert.deepEqual(codes(diagnostics), ['ECS005', 'ECS201']);
    assert.deepEqual(summary(diagnostics).filter((s) => s.startsWith('ECS201')), ['ECS201 4:0-4:24']);
  });

  for (const [language, definition, keyAt] of [
    ['json', JSON_DEFINITION, '"subnets"'],
    ['yaml', YAML_DEFINITION, 'subnets'],
  ] as const) {
    it(`${language.toUpperCase()}: typing a key keeps the other findings and adds no "required" error`, async () => {
      const uri = fileUri(path.join(workspace, `typing-service.${language}`));
      // The user retypes the last member of awsvpcConfiguration: its line is cleared, then the
      // key comes back one character at a time.
      const start = definition.indexOf(keyAt);
      const at = positionAt(definition, start);
      const lineEnd = definition.indexOf(language === 'json' ? ' }\n' : '\n', start);
      const member = definition.slice(start, lineEnd);
      const typed = language === 'json' ? '"subn' : 'subn';
      let text = definition;
      let version = 1;
      await client.open(uri, language, text, version);
      assert.deepEqual(codes(await client.diagnosticsFor(uri, version)), ['ECS201']);

      await client.change(uri, ++version, [{ range: { start: at, end: positionAt(text, lineEnd) }, text: '' }]);
      text = text.slice(0, start) + text.slice(lineEnd);
      for (let i = 1; i <= typed.length; i++) {
        const cursor = { line: at.line, character: at.character + i - 1 };
        await client.change(uri, ++version, [{ range: { start: cursor, end: cursor }, text: typed[i - 1] }]);
        text = text.slice(0, start + i - 1) + typed[i - 1] + text.slice(start + i - 1);
        const diagnostics = await client.diagnosticsFor(uri, version);
        assert.ok(!diagnostics.some((d) => d.code === 'ECS102'), `"required" at ${JSON.stringify(typed.slice(0, i))}: ${summary(diagnostics)}`);
        assert.ok(diagnostics.some((d) => d.code === 'ECS201'), `ECS201 hidden at ${JSON.stringify(typed.slice(0, i))}: ${summary(diagnostics)}`);
        if (language === 'json') {
          // Every JSON prefix of the key is broken; the error is shown on the typed line only.
          assert.ok(diagnostics.some((d) => d.code === 'ECS001' && d.range.start.line === at.line), summary(diagnostics).join('\n'));
        }
      }
      // The member written out again: back to the one finding.
      const rest = member.slice(typed.length);
      const cursor = { line: at.line, character: at.character + typed.length };
      await client.change(uri, ++version, [{ range: { start: cursor, end: cursor }, text: rest }]);
      assert.deepEqual(codes(await client.diagnosticsFor(uri, version)), ['ECS201']);
    });
  }
});

function positionAt(text: string, offset: number): Position {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}
