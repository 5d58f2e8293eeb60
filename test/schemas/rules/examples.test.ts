/**
 * Rule tables: every rule's valid examples produce no report of that rule, and every invalid
 * example reports that rule exactly at the range marked with ⟦ ⟧ — in JSON and in YAML, through
 * the shared parser, validator and pointer-to-range mapping (the path the CLI and editor take).
 */
import { strict as assert } from 'assert';
import { parseDocument, rangeOf, type Language } from '../../../schemas/parse';
import { validate, type DefinitionKind } from '../../../schemas';
import { allRules } from '../../../schemas/rules/registry';
import type { Rule, RuleExample } from '../../../schemas/rules/rule';

interface Marked {
  text: string;
  range?: { offset: number; length: number };
}

function unmark(source: string): Marked {
  const start = source.indexOf('⟦');
  if (start < 0) return { text: source };
  const end = source.indexOf('⟧', start);
  assert.ok(end > start, 'unbalanced markers');
  return { text: source.slice(0, start) + source.slice(start + 1, end) + source.slice(end + 1), range: { offset: start, length: end - start - 1 } };
}

/** The ranges the rule reports in `text`. */
function reportedRanges(rule: Rule, text: string, language: Language, kind: DefinitionKind, maxLength?: number): { offset: number; length: number }[] {
  const doc = parseDocument(text, language, { maxLength });
  if (rule.group === 'syntax') return doc.problems.filter((p) => p.ruleId === rule.id).map((p) => ({ offset: p.offset, length: p.length }));
  assert.ok(!doc.fatal, `example does not parse: ${JSON.stringify(doc.problems.map((p) => p.message))}`);
  return validate(doc.value, kind)
    .filter((p) => p.ruleId === rule.id)
    .map((p) => rangeOf(doc, p.pointer, p.target));
}

function languagesOf(example: RuleExample): [Language, string][] {
  const out: [Language, string][] = [];
  if (example.json !== undefined) out.push(['json', example.json]);
  if (example.yaml !== undefined) out.push(['yaml', example.yaml]);
  return out;
}

describe('rule example tables', () => {
  for (const rule of allRules) {
    describe(`${rule.id} ${rule.name}`, () => {
      rule.examples.valid.forEach((example, i) => {
        for (const [language, source] of languagesOf(example)) {
          it(`valid #${i + 1} (${language}) is not reported`, () => {
            const kind = example.kind ?? rule.kinds[0];
            assert.deepEqual(reportedRanges(rule, unmark(source).text, language, kind, example.maxLength), []);
          });
        }
      });
      rule.examples.invalid.forEach((example, i) => {
        for (const [language, source] of languagesOf(example)) {
          it(`invalid #${i + 1} (${language}) is reported exactly at the marked range`, () => {
            const { text, range } = unmark(source);
            assert.ok(range, 'invalid example without ⟦ ⟧ markers');
            const kind = example.kind ?? rule.kinds[0];
            const ranges = reportedRanges(rule, text, language, kind, example.maxLength);
            assert.deepEqual(ranges, [range], `text: ${text}\nreported: ${ranges.map((r) => JSON.stringify(text.slice(r.offset, r.offset + r.length))).join(', ')}`);
          });
        }
      });
    });
  }
});
