/**
 * Quick-fix edits in every layout a definition comes in: JSON, YAML block, YAML flow, sequence
 * items. Each case asserts the exact resulting text and that it still parses.
 */
import { strict as assert } from 'node:assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Fix } from '../../../schemas';
import { parseDocument, type Language } from '../../../schemas/parse';
import { fixToEdits } from '../../../lsp/service/edits';

function applyFix(language: Language, text: string, fix: Fix): string | undefined {
  const parsed = parseDocument(text, language);
  const edits = fixToEdits(parsed, fix);
  if (!edits) return undefined;
  const doc = TextDocument.create('file:///x', language, 1, text);
  const result = TextDocument.applyEdits(
    doc,
    edits.map((e) => ({ range: { start: doc.positionAt(e.offset), end: doc.positionAt(e.offset + e.length) }, newText: e.newText })),
  );
  assert.equal(parseDocument(result, language).fatal, false, `result does not parse:\n${result}`);
  return result;
}

const remove = (pointer: string): Fix => ({ kind: 'remove', pointer, title: 'x' });
const set = (pointer: string, value: unknown): Fix => ({ kind: 'set', pointer, value, title: 'x' });
const add = (pointer: string, value: unknown): Fix => ({ kind: 'add', pointer, value, title: 'x' });
const rename = (pointer: string, newName: string): Fix => ({ kind: 'rename', pointer, newName, title: 'x' });

describe('fix edits', () => {
  const cases: Array<[string, Language, string, Fix, string]> = [
    ['JSON: remove a middle property', 'json', '{\n  "a": 1,\n  "b": 2,\n  "c": 3\n}', remove('/b'), '{\n  "a": 1,\n  "c": 3\n}'],
    ['JSON: remove the last property', 'json', '{\n  "a": 1,\n  "b": 2\n}', remove('/b'), '{\n  "a": 1\n}'],
    ['JSON: remove the only property', 'json', '{ "a": 1 }', remove('/a'), '{  }'],
    ['JSON: remove an array item', 'json', '{ "a": [1, 2, 3] }', remove('/a/1'), '{ "a": [1, 3] }'],
    ['JSON: set a value', 'json', '{ "s": "replica" }', set('/s', 'REPLICA'), '{ "s": "REPLICA" }'],
    ['JSON: add to a multi-line object', 'json', '{\n  "a": 1\n}', add('/b', { c: [1] }), '{\n  "a": 1,\n  "b": {\n    "c": [\n      1\n    ]\n  }\n}'],
    ['JSON: add to an empty object', 'json', '{}', add('/b', true), '{"b": true}'],
    ['JSON: add to a nested inline object', 'json', '{ "n": { "x": 1 } }', add('/n/y', 'z'), '{ "n": { "x": 1, "y": "z" } }'],
    ['JSON: rename a key', 'json', '{ "desiredcount": 1 }', rename('/desiredcount', 'desiredCount'), '{ "desiredCount": 1 }'],
    ['YAML: remove a block property', 'yaml', 'a: 1\nb:\n  c: 2\nd: 3\n', remove('/b'), 'a: 1\nd: 3\n'],
    ['YAML: remove the last property', 'yaml', 'a: 1\nb: 2', remove('/b'), 'a: 1\n'],
    ['YAML: remove a sequence item', 'yaml', 'a:\n  - x: 1\n    y: 2\n  - x: 3\n', remove('/a/0'), 'a:\n  - x: 3\n'],
    ['YAML: remove the first key of an item', 'yaml', 'a:\n  - x: 1\n    y: 2\n', remove('/a/0/x'), 'a:\n  - y: 2\n'],
    ['YAML: remove from a flow mapping', 'yaml', 'a: { x: 1, y: 2 }\n', remove('/a/x'), 'a: { y: 2 }\n'],
    ['YAML: set a plain scalar', 'yaml', 's: replica # why\n', set('/s', 'REPLICA'), 's: REPLICA # why\n'],
    ['YAML: set a value that needs quotes', 'yaml', 's: x\n', set('/s', 'yes'), 's: "yes"\n'],
    ['YAML: add to a block mapping', 'yaml', 'n:\n  a: 1\nz: 2\n', add('/n/b', 'v'), 'n:\n  a: 1\n  b: v\nz: 2\n'],
    ['YAML: add an object', 'yaml', 'a: 1\n', add('/b', { c: 1 }), 'a: 1\nb: {"c":1}\n'],
    ['YAML: add to a flow mapping', 'yaml', 'n: {a: 1}\n', add('/n/b', 2), 'n: {a: 1, "b": 2}\n'],
    ['YAML: rename a key', 'yaml', 'desiredcount: 1\n', rename('/desiredcount', 'desiredCount'), 'desiredCount: 1\n'],
  ];
  for (const [name, language, text, fix, expected] of cases) {
    it(name, () => assert.equal(applyFix(language, text, fix), expected));
  }

  it('refuses a fix whose pointer no longer matches the text', () => {
    assert.equal(fixToEdits(parseDocument('{ "a": 1 }', 'json'), remove('/b')), undefined);
    assert.equal(fixToEdits(parseDocument('a: 1\n', 'yaml'), rename('/b', 'c')), undefined);
  });
});
