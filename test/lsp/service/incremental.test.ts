/**
 * The incremental scalar patch must be indistinguishable from a full parse: for random edits
 * inside and around scalar values, whenever patchScalarEdit accepts an edit, its document equals
 * parseDocument of the new text (AST, offsets, value, problems, comments).
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { parseDocument, type AstNode, type Language, type ParsedDocument } from '../../../schemas/parse';
import { patchScalarEdit } from '../../../lsp/service/incremental';
import { BROKEN_JSON, BROKEN_YAML, FIXED_JSON, FIXED_YAML } from '../server/fixtures';

const EXTRA_YAML = `# comment
serviceName: "web" # trailing
desiredCount: 2
tags:
  - key: 'team'
    value: platform
  - { key: env, value: prod }
deploymentConfiguration:
  maximumPercent: 200
  minimumHealthyPercent: 1.5e2
enableExecuteCommand: true
platformVersion: ~
`;
const EXTRA_JSON = `{
  // comment
  "serviceName": "web",
  "desiredCount": 2.5e1,
  "tags": [{ "key": "team", "value": "platform" }, ],
  "enableExecuteCommand": null
}`;

const DOCS: Array<[Language, string]> = [
  ['json', BROKEN_JSON], ['json', FIXED_JSON], ['json', EXTRA_JSON],
  ['yaml', BROKEN_YAML], ['yaml', FIXED_YAML], ['yaml', EXTRA_YAML],
];

function scalars(node: AstNode | undefined, out: AstNode[] = []): AstNode[] {
  if (!node) return out;
  if (node.type === 'object') for (const p of node.properties) scalars(p.value, out);
  else if (node.type === 'array') for (const item of node.items) scalars(item, out);
  else out.push(node);
  return out;
}

function snapshot(doc: ParsedDocument): unknown {
  const strip = (key: string, value: unknown) => (key === 'parent' ? undefined : value);
  return JSON.parse(JSON.stringify({ root: doc.root, value: doc.value, problems: doc.problems, comments: doc.comments, fatal: doc.fatal, text: doc.text }, strip));
}

describe('incremental scalar patch', () => {
  it('equals a full parse whenever it applies', () => {
    let applied = 0;
    let declined = 0;
    fc.assert(
      fc.property(
        fc.nat(DOCS.length - 1),
        fc.nat(),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.nat({ max: 4 }),
        fc.oneof(
          fc.constantFrom('1', '-', '-1', '0', '007', 'true', 'True', 'null', '~', 'x', 'REPLICA', '1e3', '.5', '0x1F', ' ', ':', '#', '"', "'", '\\', '\n', '[', ',', '&a', '*a', '!', '', 'yes', '2024-01-01', 'Null', 'FALSE', '-0', '12345678901234567890', '/health'),
          fc.string({ maxLength: 4 }),
        ),
        (docIndex, nodePick, where, del, insert) => {
          const [language, text] = DOCS[docIndex];
          const before = parseDocument(text, language);
          const candidates = scalars(before.root);
          const node = candidates[nodePick % candidates.length];
          const at = node.offset + Math.floor(where * (node.length + 1));
          const end = Math.min(text.length, at + del);
          const next = text.slice(0, at) + insert + text.slice(end);
          const patched = patchScalarEdit(before, next);
          if (!patched) {
            declined++;
            return;
          }
          applied++;
          assert.deepEqual(snapshot(patched), snapshot(parseDocument(next, language)));
        },
      ),
      { numRuns: 3000 },
    );
    assert.ok(applied > 300, `the patch applied only ${applied} times (declined ${declined})`);
  });

  it('applies to the benchmark keystroke in a large YAML document', () => {
    const tags = Array.from({ length: 2000 }, (_, i) => `  - key: tag-${i}\n    value: v${i}\n`).join('');
    const text = `serviceName: web\ndesiredCount: 3\ntags:\n${tags}`;
    const next = text.replace('desiredCount: 3', 'desiredCount: -1');
    const patched = patchScalarEdit(parseDocument(text, 'yaml'), next);
    assert.ok(patched);
    assert.deepEqual(snapshot(patched), snapshot(parseDocument(next, 'yaml')));
  });
});
