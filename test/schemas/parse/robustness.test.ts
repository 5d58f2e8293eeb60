import { strict as assert } from 'node:assert';
import * as fc from 'fast-check';
import { visit } from 'jsonc-parser';
import { jsonDepthExceeded } from '../../../schemas/parse/depth';
import { parse as parseYaml, stringify as toYaml } from 'yaml';
import { parseDocument, type Language, type ParsedDocument } from '../../../schemas/parse';

/** Invariants of any parse: problems inside the text, a value exactly when there is a root. */
function checkInvariants(doc: ParsedDocument): void {
  for (const p of doc.problems) {
    assert.ok(p.offset >= 0 && p.length >= 0 && p.offset + p.length <= doc.text.length, `${p.ruleName} range ${p.offset}+${p.length} in ${doc.text.length}`);
    assert.ok(p.message.length > 0);
  }
  assert.equal(doc.fatal, doc.problems.some((p) => p.fatal));
  if (!doc.root) assert.equal(doc.value, undefined);
}

const both: Language[] = ['json', 'yaml'];

describe('schemas/parse: hostile input', () => {
  const deep = 100_000;
  const cases: Array<[string, string, Language[]]> = [
    ['100,000 [', '['.repeat(deep), both],
    ['100,000 [ balanced', '['.repeat(deep) + ']'.repeat(deep), both],
    ['100,000 {"a":', '{"a":'.repeat(deep) + '1' + '}'.repeat(deep), both],
    ['100,000 mixed [{', '[{"a":'.repeat(deep / 2), both],
    ['100,000 block sequence indicators', '- '.repeat(deep) + 'x\n', ['yaml']],
    ['100,000 explicit keys', '? '.repeat(deep) + 'x\n', ['yaml']],
    ['100,000 compact mappings', 'a: '.repeat(deep) + 'x\n', ['yaml']],
  ];
  for (const [name, text, languages] of cases) {
    for (const language of languages) {
      it(`${name} (${language}): a nesting problem, no stack overflow`, () => {
        const doc = parseDocument(text, language);
        checkInvariants(doc);
        assert.equal(doc.fatal, true);
        const rules = new Set(doc.problems.map((p) => p.ruleName));
        assert.ok(rules.has('nesting-too-deep') || rules.has('yaml-syntax-error'), [...rules].join());
      });
    }
  }

  it('accepts nesting up to the limit and refuses one level more', () => {
    const at = (n: number): string => '['.repeat(n) + ']'.repeat(n);
    for (const language of both) {
      assert.equal(parseDocument(at(512), language).fatal, false, language);
      assert.deepEqual(parseDocument(at(513), language).problems.map((p) => p.ruleName), ['nesting-too-deep'], language);
      assert.deepEqual(parseDocument(at(20), language, { maxDepth: 10 }).problems.map((p) => [p.ruleName, p.offset]), [['nesting-too-deep', 10]]);
    }
  });

  it('the JSON depth check never underestimates the recursion of jsonc-parser', () => {
    const token = fc.constantFrom('{', '}', '[', ']', '"', '\\', '\n', '\r', '//', '/*', '*/', '/', 'a', ',', ':', '1', ' ');
    fc.assert(
      fc.property(fc.array(token, { maxLength: 80 }), (tokens) => {
        const text = tokens.join('');
        let depth = 0;
        let deepest = 0;
        const enter = (): void => void (deepest = Math.max(deepest, ++depth));
        const leave = (): void => void depth--;
        visit(text, { onObjectBegin: enter, onArrayBegin: enter, onObjectEnd: leave, onArrayEnd: leave }, { allowTrailingComma: true });
        const limit = 3;
        // Overestimates are fine (the parser skips brackets after an error); underestimates are not.
        if (jsonDepthExceeded(text, limit) === undefined) assert.ok(deepest <= limit, `parser reached ${deepest} in ${JSON.stringify(text)}`);
      }),
      { numRuns: 3000 },
    );
  });

  it('stops a YAML "billion laughs" alias bomb with a clear problem', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 10; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const doc = parseDocument(levels.join('\n') + '\n', 'yaml');
    checkInvariants(doc);
    assert.deepEqual(doc.problems.map((p) => p.ruleName), ['yaml-alias-limit']);
    assert.match(doc.problems[0].message, /aliases expand to more than 100000 nodes/);
    assert.equal(doc.root, undefined);
  });

  it('reports binary garbage (NUL bytes) as not text', () => {
    const garbage = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)).toString('latin1');
    for (const language of both) {
      const doc = parseDocument(garbage, language);
      checkInvariants(doc);
      assert.deepEqual(doc.problems.map((p) => p.ruleName), ['not-text']);
    }
  });

  it('never throws on random text, in either language', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), fc.constantFrom<Language>('json', 'yaml'), (text, language) => {
        checkInvariants(parseDocument(text, language));
      }),
      { numRuns: 400 },
    );
  });

  it('never throws on structural fragments (brackets, quotes, indicators, anchors)', () => {
    const token = fc.constantFrom('{', '}', '[', ']', ',', ':', '"', "'", '\\', '\n', '  ', '- ', '? ', '&a ', '*a', '<<: ', '#', '//', '/*', '*/', 'a', '1', 'true', 'null', '---', '|', '>', '!!str ', '\t', '\r', '\u00a0', '\ufeff');
    fc.assert(
      fc.property(fc.array(token, { maxLength: 120 }), fc.constantFrom<Language>('json', 'yaml'), (tokens, language) => {
        checkInvariants(parseDocument(tokens.join(''), language));
      }),
      { numRuns: 600 },
    );
  });

  it('reads any JSON value exactly as JSON.parse does, in JSON and in YAML', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => {
        const text = JSON.stringify(value, null, 2);
        // `<<` is a merge key in the YAML that definitions are written in (ecspresso, go-yaml).
        fc.pre(!text.includes('"<<"'));
        const expected = JSON.parse(text);
        const json = parseDocument(text, 'json');
        assert.deepEqual(json.problems, []);
        assert.deepEqual(json.value, expected);
        const yamlDoc = parseDocument(toYaml(expected), 'yaml');
        assert.deepEqual(yamlDoc.problems.filter((p) => p.ruleName !== 'empty-document'), []);
        if (yamlDoc.root) assert.deepEqual(yamlDoc.value, expected);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on mutated definitions (deletions, insertions, swaps)', () => {
    const base = JSON.stringify({
      serviceName: 'web',
      desiredCount: 2,
      loadBalancers: [{ targetGroupArn: 'arn:aws:elasticloadbalancing:x', containerName: 'app', containerPort: 80 }],
      tags: [{ key: 'a', value: 'b' }],
    }, null, 2);
    const baseYaml = toYaml(JSON.parse(base));
    const mutation = fc.record({ at: fc.nat(), len: fc.nat({ max: 8 }), insert: fc.string({ maxLength: 6 }) });
    fc.assert(
      fc.property(fc.array(mutation, { maxLength: 6 }), fc.boolean(), (mutations, yamlSide) => {
        let text = yamlSide ? baseYaml : base;
        for (const m of mutations) {
          const at = m.at % (text.length + 1);
          text = text.slice(0, at) + m.insert + text.slice(at + m.len);
        }
        checkInvariants(parseDocument(text, yamlSide ? 'yaml' : 'json'));
      }),
      { numRuns: 500 },
    );
  });

  it('a byte order mark changes nothing: same value and same problems, in JSON and in YAML', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), fc.constantFrom<Language>('json', 'yaml'), (value, language) => {
        const text = language === 'json' ? JSON.stringify(value, null, 2) : toYaml(value);
        const plain = parseDocument(text, language);
        const marked = parseDocument(`\ufeff${text}`, language);
        checkInvariants(marked);
        assert.deepEqual(marked.value, plain.value);
        assert.deepEqual(marked.problems.map((p) => p.ruleId), plain.problems.map((p) => p.ruleId));
      }),
      { numRuns: 300 },
    );
  });

  it('reads anchors, aliases and merge keys as the yaml library does', () => {
    // A document of anchored mappings and lists, then lists of aliases to them, merges included.
    const anchored = fc.uniqueArray(fc.record({ key: fc.constantFrom('a', 'b', 'c'), value: fc.oneof(fc.integer(), fc.string({ maxLength: 5 })) }), {
      minLength: 1,
      maxLength: 3,
      selector: (pair) => pair.key,
    });
    fc.assert(
      fc.property(fc.array(anchored, { minLength: 1, maxLength: 5 }), fc.array(fc.nat(), { maxLength: 200 }), (bases, refs) => {
        const lines: string[] = [];
        bases.forEach((pairs, i) => {
          lines.push(`base${i}: &b${i}`);
          for (const { key, value } of pairs) lines.push(`  ${key}: ${JSON.stringify(value)}`);
        });
        lines.push('refs:');
        for (const r of refs) lines.push(`  - *b${r % bases.length}`);
        lines.push('merged:', `  <<: *b${bases.length - 1}`, '  own: 1');
        const text = lines.join('\n') + '\n';
        const doc = parseDocument(text, 'yaml');
        checkInvariants(doc);
        assert.deepEqual(doc.problems, []);
        assert.deepEqual(doc.value, parseYaml(text, { merge: true, uniqueKeys: false }));
      }),
      { numRuns: 200 },
    );
  });
});
