import { strict as assert } from 'node:assert';
import { LineIndex, offsetToPosition, parseDocument } from '../../../schemas/parse';

describe('schemas/parse: offsets <-> positions', () => {
  it('counts \\n, \\r\\n and \\r as line breaks, 0-based', () => {
    const lines = new LineIndex('a\nbc\r\nd\re');
    assert.deepEqual(lines.positionAt(0), { line: 0, character: 0 });
    assert.deepEqual(lines.positionAt(2), { line: 1, character: 0 });
    assert.deepEqual(lines.positionAt(4), { line: 1, character: 2 });
    assert.deepEqual(lines.positionAt(6), { line: 2, character: 0 });
    assert.deepEqual(lines.positionAt(8), { line: 3, character: 0 });
    assert.equal(lines.lineCount, 4);
  });

  it('clamps offsets and positions to the text', () => {
    const lines = new LineIndex('ab\ncd');
    assert.deepEqual(lines.positionAt(-5), { line: 0, character: 0 });
    assert.deepEqual(lines.positionAt(99), { line: 1, character: 2 });
    assert.equal(lines.offsetAt({ line: 0, character: 99 }), 2);
    assert.equal(lines.offsetAt({ line: 9, character: 0 }), 5);
    assert.equal(lines.offsetAt({ line: 1, character: 1 }), 4);
  });

  it('converts problem offsets of a document', () => {
    const doc = parseDocument('{\n  "a": 1,\n}', 'json');
    assert.deepEqual(offsetToPosition(doc, doc.problems[0].offset), { line: 1, character: 8 });
  });
});
