import { strict as assert } from 'node:assert';
import { parseDocument, type Language } from '../../../schemas/parse';
import { syntaxRules } from '../../../schemas/rules/syntax';
import { unmark } from './markers';

/** [ruleName, messageId, offset, length] of every problem, for exact comparisons. */
function found(text: string, language: Language): Array<[string, string, number, number]> {
  return parseDocument(text, language).problems.map((p) => [p.ruleName, p.messageId, p.offset, p.length]);
}

describe('schemas/parse: syntax rules', () => {
  describe('catalog examples (⟦ ⟧ marks the exact range)', () => {
    for (const rule of syntaxRules) {
      for (const [i, example] of rule.examples.invalid.entries()) {
        for (const language of ['json', 'yaml'] as const) {
          const marked = example[language];
          if (marked === undefined) continue;
          it(`${rule.id} ${rule.name}: invalid #${i + 1} (${language})`, () => {
            const { text, offset, length } = unmark(marked);
            const doc = parseDocument(text, language, { maxLength: example.maxLength });
            const mine = doc.problems.filter((p) => p.ruleId === rule.id);
            assert.deepEqual(
              mine.map((p) => [p.offset, p.length]),
              [[offset, length]],
              `${rule.name} in ${JSON.stringify(text.slice(0, 120))}: ${JSON.stringify(mine.map((p) => p.message))}`,
            );
          });
        }
      }
      for (const [i, example] of rule.examples.valid.entries()) {
        for (const language of ['json', 'yaml'] as const) {
          const text = example[language];
          if (text === undefined) continue;
          it(`${rule.id} ${rule.name}: valid #${i + 1} (${language})`, () => {
            const doc = parseDocument(text, language, { maxLength: example.maxLength });
            assert.deepEqual(doc.problems.filter((p) => p.ruleId === rule.id), []);
          });
        }
      }
    }
  });

  it('every syntax rule is well formed: ECS0xx id, kebab-case name, messages, examples', () => {
    const ids = new Set<string>();
    for (const rule of syntaxRules) {
      assert.match(rule.id, /^ECS0\d\d$/);
      assert.ok(!ids.has(rule.id), `duplicate id ${rule.id}`);
      ids.add(rule.id);
      assert.match(rule.name, /^[a-z0-9]+(-[a-z0-9]+)*$/);
      assert.equal(rule.group, 'syntax');
      assert.equal(rule.check, undefined);
      assert.ok(Object.keys(rule.messages).length > 0);
      assert.ok(rule.examples.invalid.length > 0 && rule.examples.valid.length > 0, `${rule.name} needs examples`);
      assert.ok(rule.docs.description && rule.docs.statement && rule.docs.source);
    }
  });

  describe('JSON', () => {
    it('reports a trailing comma at the comma, not as a missing value', () => {
      assert.deepEqual(found('{"a": [1, 2,], "b": 1,}', 'json'), [
        ['json-trailing-comma', 'trailingComma', 11, 1],
        ['json-trailing-comma', 'trailingComma', 21, 1],
      ]);
    });

    it('reports line and block comments over their whole text', () => {
      assert.deepEqual(found('{\n  // one\n  "a": /* two */ 1\n}', 'json'), [
        ['json-comment', 'comment', 4, 6],
        ['json-comment', 'comment', 18, 9],
      ]);
    });

    it('keeps comments, trailing commas and duplicates non-fatal: the value is still read', () => {
      const doc = parseDocument('{"a": 1, // c\n "a": 2,}', 'json');
      assert.equal(doc.fatal, false);
      assert.deepEqual(doc.value, { a: 2 });
    });

    it('reports duplicate keys at each repeated key with a pointer, the last value winning', () => {
      const doc = parseDocument('{"x": {"k": 1, "k": 2, "k": 3}}', 'json');
      assert.deepEqual(found('{"x": {"k": 1, "k": 2, "k": 3}}', 'json'), [
        ['duplicate-key', 'duplicate', 15, 3],
        ['duplicate-key', 'duplicate', 23, 3],
      ]);
      assert.equal(doc.problems[0].pointer, '/x/k');
      assert.equal(doc.problems[0].target, 'key');
      assert.match(doc.problems[0].message, /Duplicate key "k": only the last of its 3 values is used/);
      assert.deepEqual(doc.value, { x: { k: 3 } });
    });

    it('reports a syntax error where the text stops being JSON, and marks it fatal', () => {
      assert.deepEqual(found('{"a": 1 "b": 2}', 'json'), [['json-syntax-error', 'commaExpected', 8, 3]]);
      assert.deepEqual(found('{"a": }', 'json'), [['json-syntax-error', 'valueExpected', 6, 1]]);
      assert.deepEqual(found('{"a": tru}', 'json'), [['json-syntax-error', 'invalidSymbol', 6, 3]]);
      assert.equal(parseDocument('{"a": }', 'json').fatal, true);
    });

    it('keeps one syntax error per line: recovery noise after the first is dropped', () => {
      const problems = found('{"a": "x\ny"}', 'json');
      assert.deepEqual(problems.map((p) => p[0]), ['json-syntax-error', 'json-syntax-error']);
      assert.deepEqual(problems[0], ['json-syntax-error', 'unexpectedEndOfString', 6, 2]);
    });

    it('reports an empty file (or only whitespace) as empty, not as a syntax error', () => {
      assert.deepEqual(found('', 'json'), [['empty-document', 'empty', 0, 0]]);
      assert.deepEqual(found(' \n\t', 'json'), [['empty-document', 'empty', 0, 0]]);
    });
  });

  describe('YAML', () => {
    it('reports duplicate keys at the repeated key', () => {
      assert.deepEqual(found('a: 1\nb:\n  c: 1\n  c: 2\na: 3\n', 'yaml'), [
        ['duplicate-key', 'duplicate', 17, 1],
        ['duplicate-key', 'duplicate', 22, 1],
      ]);
    });

    it('reports the yaml library errors with their position and a readable detail', () => {
      const doc = parseDocument('a: b: c\n', 'yaml');
      assert.deepEqual(doc.problems.map((p) => [p.ruleName, p.offset, p.length]), [['yaml-syntax-error', 3, 1]]);
      assert.equal(doc.problems[0].message, 'YAML syntax error: Nested mappings are not allowed in compact mappings');
      assert.equal(doc.fatal, true);
    });

    it('reports an alias without an anchor', () => {
      assert.deepEqual(found('a: *nope\n', 'yaml'), [['yaml-syntax-error', 'unresolvedAlias', 3, 5]]);
    });

    it('reports an alias inside its own anchor instead of recursing', () => {
      assert.deepEqual(found('a: &a [*a]\n', 'yaml'), [['yaml-syntax-error', 'recursiveAlias', 7, 2]]);
    });

    it('reports a merge key whose value is not a mapping', () => {
      assert.deepEqual(found('a:\n  <<: 3\n', 'yaml'), [['yaml-syntax-error', 'badMerge', 9, 1]]);
    });

    it('reports a tab used as indentation', () => {
      assert.deepEqual(found('a:\n\tb: 1\n', 'yaml').map((p) => p[0]), ['yaml-syntax-error']);
    });

    it('exposes comments with their offsets (for disable directives)', () => {
      const text = '# ecsdef-disable-next-line ECS201\nlaunchType: FARGATE # trailing\n';
      const doc = parseDocument(text, 'yaml');
      assert.deepEqual(doc.comments.map((c) => [c.offset, c.length, c.text]), [
        [0, 33, 'ecsdef-disable-next-line ECS201'],
        [54, 10, 'trailing'],
      ]);
    });
  });
});
