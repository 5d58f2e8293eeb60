/**
 * Robustness of the real server process: random edit sequences (fast-check) sent through
 * incremental didChange never crash it and never leave stale diagnostics (the last publish is
 * for the last version and equals what the service computes for the final text; versions never
 * go backwards); memory stays flat over 10,000 validated edits.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createLanguageService } from '../../../lsp/service';
import { BROKEN_JSON, BROKEN_YAML } from './fixtures';
import { LspTestClient, fileUri } from './lsp-client';

const TOKENS = ['{', '}', '[', ']', ',', ':', '"', '\n', '  ', '- ', 'desiredCount', '-1', '"FARGATE"', 'launchType: ',
  '# ecsdef-disable-next-line', 'true', 'null', '\t', 'é', '😀', '&a', '*a', '!!str ', '{{ must_env `X` }}', '\r\n'];

const editArb = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  del: fc.nat({ max: 12 }),
  ins: fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 6 }), fc.constant('')),
});

function vmRssKb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]);
}

describe('ecsdef-lsp robustness', function () {
  this.timeout(300_000);
  let client: LspTestClient;
  let workspace: string;
  const service = createLanguageService();

  before(async () => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'ecsdef-robust-'));
    client = await LspTestClient.start({ settings: { validation: { delay: 5 } }, workspaceFolder: workspace });
  });

  after(() => {
    client?.dispose();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  let run = 0;
  for (const [language, seed] of [['json', BROKEN_JSON], ['yaml', BROKEN_YAML]] as const) {
    it(`survives random ${language.toUpperCase()} edit sequences and publishes only current diagnostics`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(editArb, { minLength: 1, maxLength: 30 }), async (edits) => {
          const uri = fileUri(path.join(workspace, `ecs-service-r${run++}.${language}`));
          let doc = TextDocument.create(uri, language, 1, seed);
          const first = client.published.length;
          await client.open(uri, language, seed, 1);
          for (const edit of edits) {
            const text = doc.getText();
            const start = Math.floor(edit.at * text.length);
            const end = Math.min(text.length, start + edit.del);
            const range = { start: doc.positionAt(start), end: doc.positionAt(end) };
            doc = TextDocument.update(doc, [{ range, text: edit.ins }], doc.version + 1);
            await client.change(uri, doc.version, [{ range, text: edit.ins }]);
          }
          const final = await client.diagnosticsFor(uri, doc.version, 20_000);
          assert.ok(client.alive, `server died: ${client.stderr}`);
          const expected = service.doValidation(TextDocument.create(uri, language, doc.version, doc.getText()), { kind: 'service' });
          assert.deepEqual(final, expected);
          const versions = client.published.slice(first).filter((p) => p.uri === uri).map((p) => p.version ?? 0);
          assert.deepEqual(versions, [...versions].sort((a, b) => a - b), `publishes went backwards: ${versions}`);
          await client.close(uri);
          // Nothing may arrive for the closed document after its clearing publish.
          await client.waitForDiagnostics(uri, (p) => p.version === undefined && p.diagnostics.length === 0);
        }),
        { numRuns: 25 },
      );
      assert.equal(client.stderr, '');
    });
  }

  it('keeps memory flat over 10,000 validated edits', async () => {
    const uri = fileUri(path.join(workspace, 'ecs-service-memory.yaml'));
    await client.changeSettings({ validation: { delay: 0 } });
    let doc = TextDocument.create(uri, 'yaml', 1, BROKEN_YAML);
    await client.open(uri, 'yaml', BROKEN_YAML, 1);
    await client.diagnosticsFor(uri, 1);
    const line = 2; // desiredCount: -1
    const edit = async (i: number): Promise<void> => {
      const text = `desiredCount: ${i % 2 === 0 ? '-1' : String(i % 100)}`;
      const range = { start: { line, character: 0 }, end: { line, character: doc.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).length - 1 } };
      doc = TextDocument.update(doc, [{ range, text }], doc.version + 1);
      await client.change(uri, doc.version, [{ range, text }]);
      await client.diagnosticsFor(uri, doc.version, 20_000);
    };
    for (let i = 0; i < 1_000; i++) await edit(i); // warm up: JIT, caches
    const before = vmRssKb(client.process.pid!);
    const publishedBefore = client.published.length;
    for (let i = 1_000; i < 10_000; i++) await edit(i);
    const after = vmRssKb(client.process.pid!);
    assert.ok(client.alive);
    assert.ok(client.published.length - publishedBefore >= 9_000, 'every edit was validated');
    // Generous bound: a leak of 8 KB per edit (one copy of the document) would add ~70 MB; V8 heap growth and GC timing stay well below.
    const growthMb = (after - before) / 1024;
    // eslint-disable-next-line no-console
    console.log(`      server RSS ${Math.round(before / 1024)} MB -> ${Math.round(after / 1024)} MB over 9,000 edits`);
    assert.ok(growthMb < 64, `RSS grew by ${growthMb.toFixed(1)} MB`);
    client.published.length = 0; // the harness itself keeps every publish
  });
});
