/** The catalog is complete and documented: every rule file registered, ids stable and unique. */
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { KEYWORD_RULES } from '../../../schemas/ajv-errors';
import { DEFINITION_KINDS, schemaFor } from '../../../schemas';
import { allRules, findRule } from '../../../schemas/rules/registry';

const rulesDir = path.join(__dirname, '..', '..', '..', 'schemas', 'rules');
const ID_PREFIX = { syntax: /^ECS0\d\d$/, schema: /^ECS1\d\d$/, 'cross-field': /^ECS2\d\d$/ };

describe('rule catalog', () => {
  it('registers every rule file, each named after its rule', () => {
    for (const group of ['syntax', 'schema', 'cross-field'] as const) {
      const files = fs
        .readdirSync(path.join(rulesDir, group))
        .filter((f) => f.endsWith('.ts') && f !== 'index.ts')
        .map((f) => f.replace(/\.ts$/, ''))
        .sort();
      const registered = allRules.filter((r) => r.group === group).map((r) => r.name).sort();
      assert.deepEqual(registered, files, `${group}: registry and files differ`);
    }
  });

  it('gives every rule a unique id in its group range, a kebab-case name and a severity', () => {
    const ids = new Set<string>();
    for (const rule of allRules) {
      assert.match(rule.id, ID_PREFIX[rule.group], rule.name);
      assert.ok(!ids.has(rule.id), `duplicate id ${rule.id}`);
      ids.add(rule.id);
      assert.match(rule.name, /^[a-z0-9]+(-[a-z0-9]+)*$/);
      assert.ok(['error', 'warning', 'info'].includes(rule.defaultSeverity));
      assert.ok(rule.kinds.length > 0 && rule.kinds.every((k) => DEFINITION_KINDS.includes(k)), rule.name);
    }
  });

  it('documents every rule and gives it examples', () => {
    for (const rule of allRules) {
      assert.ok(rule.docs.description && rule.docs.statement && rule.docs.source, `${rule.name} docs`);
      assert.ok(Object.keys(rule.messages).length > 0, `${rule.name} messages`);
      assert.ok(rule.examples.valid.length > 0 && rule.examples.invalid.length > 0, `${rule.name} examples`);
      for (const example of [...rule.examples.valid, ...rule.examples.invalid]) {
        assert.ok(example.json !== undefined || example.yaml !== undefined, `${rule.name} empty example`);
      }
      if (rule.group === 'cross-field') assert.equal(typeof rule.check, 'function', rule.name);
    }
  });

  it('maps every keyword the generated schemas use to a registered rule', () => {
    const used = new Set<string>();
    const keywordish = new Set(['type', 'enum', 'required', 'additionalProperties', 'minimum', 'maximum', 'multipleOf', 'minLength', 'maxLength', 'pattern', 'minItems', 'maxItems', 'minProperties', 'maxProperties', 'uniqueItems', 'const', 'oneOf', 'anyOf', 'allOf', 'not', 'if', 'format']);
    const walk = (node: unknown, parentKey: string): void => {
      if (Array.isArray(node)) return node.forEach((n) => walk(n, ''));
      if (!node || typeof node !== 'object') return;
      for (const [key, value] of Object.entries(node)) {
        const isNameMap = parentKey === 'properties' || parentKey === 'definitions';
        if (!isNameMap && keywordish.has(key) && !(key === 'additionalProperties' && typeof value === 'object')) used.add(key);
        walk(value, isNameMap ? '' : key);
      }
    };
    for (const kind of DEFINITION_KINDS) walk(schemaFor(kind), '');
    for (const keyword of used) {
      if (keyword === 'type' || keyword === 'enum' || KEYWORD_RULES[keyword]) {
        assert.ok(findRule(KEYWORD_RULES[keyword]), `${keyword} maps to no rule`);
      } else assert.fail(`keyword ${keyword} is used but not mapped`);
    }
  });
});
