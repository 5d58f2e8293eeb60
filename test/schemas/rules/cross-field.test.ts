/**
 * Catalog and example tests for the cross-field rules (schemas/rules/cross-field).
 *
 * Examples are document text; `⟦ ⟧` marks the range an invalid example must report. Here the
 * markers are stripped, the text parsed with JSON.parse / yaml.parse, and `check` run on the value.
 * The exact range of each report is checked here with jsonc-parser and yaml directly (key: the
 * property name, with its quotes in JSON; value: the value text).
 */
import { strict as assert } from 'node:assert';
import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { findNodeAtLocation, parseTree, type Node as JsonNode } from 'jsonc-parser';
import { isMap, isSeq, parse as parseYaml, parseDocument, type Node as YamlNode } from 'yaml';
import { DEFINITION_KINDS, type DefinitionKind } from '../../../schemas/problem';
import type { Rule, RuleExample, RuleReport } from '../../../schemas/rules/rule';
import { crossFieldRules } from '../../../schemas/rules/cross-field';

const RULE_DIR = join(__dirname, '../../../schemas/rules/cross-field');
const PLACEHOLDER = '{{ must_env `ECSDEF_TEST` }}';

function stripMarkers(text: string): { text: string; start: number; end: number; markers: number } {
  const open = text.indexOf('⟦');
  const close = text.indexOf('⟧');
  const markers = (text.match(/[⟦⟧]/g) ?? []).length;
  const stripped = text.replace(/[⟦⟧]/g, '');
  return { text: stripped, start: open, end: close - 1, markers };
}

function parseExample(format: 'json' | 'yaml', source: string): unknown {
  const { text } = stripMarkers(source);
  return format === 'json' ? JSON.parse(text) : parseYaml(text);
}

function kindOf(rule: Rule, example: RuleExample): DefinitionKind {
  return example.kind ?? rule.kinds[0];
}

function run(rule: Rule, value: unknown, kind: DefinitionKind): RuleReport[] {
  assert.ok(rule.check, `${rule.name} has no check`);
  return rule.check(value as Record<string, unknown>, { kind });
}

/** Resolves an RFC 6901 pointer; `found: false` when a segment does not exist. */
function resolve(value: unknown, pointer: string): { found: boolean; node?: unknown } {
  if (pointer === '') return { found: true, node: value };
  if (!pointer.startsWith('/')) return { found: false };
  let node: unknown = value;
  for (const raw of pointer.slice(1).split('/')) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(node)) {
      if (!/^(0|[1-9]\d*)$/.test(seg) || Number(seg) >= node.length) return { found: false };
      node = node[Number(seg)];
    } else if (typeof node === 'object' && node !== null && Object.prototype.hasOwnProperty.call(node, seg)) {
      node = (node as Record<string, unknown>)[seg];
    } else {
      return { found: false };
    }
  }
  return { found: true, node };
}

function parentPointer(pointer: string): string {
  return pointer.slice(0, pointer.lastIndexOf('/'));
}

function formatsOf(example: RuleExample): Array<['json' | 'yaml', string]> {
  const out: Array<['json' | 'yaml', string]> = [];
  if (example.json !== undefined) out.push(['json', example.json]);
  if (example.yaml !== undefined) out.push(['yaml', example.yaml]);
  return out;
}

/** Every path to a node of a JSON value (the root excluded). */
function paths(value: unknown, prefix: Array<string | number> = []): Array<Array<string | number>> {
  const out: Array<Array<string | number>> = [];
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      out.push([...prefix, i], ...paths(item, [...prefix, i]));
    });
  } else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) out.push([...prefix, k], ...paths(v, [...prefix, k]));
  }
  return out;
}

function replaceAt(value: unknown, path: Array<string | number>, replacement: unknown, remove = false): unknown {
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let node: Record<string | number, unknown> = copy;
  for (const seg of path.slice(0, -1)) node = node[seg] as Record<string | number, unknown>;
  const last = path[path.length - 1];
  if (remove && !Array.isArray(node)) delete node[last];
  else node[last] = replacement;
  return copy;
}

function toPointer(path: Array<string | number>): string {
  return path.map((s) => '/' + String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

function checkReportShape(rule: Rule, value: unknown, report: RuleReport): void {
  assert.ok(resolve(value, report.pointer).found, `pointer ${report.pointer} does not resolve`);
  assert.notEqual(report.pointer, '', 'a cross-field rule must not report the whole document');
  assert.ok(report.target === 'key' || report.target === 'value');
  if (report.target === 'key') {
    const parent = resolve(value, parentPointer(report.pointer)).node;
    assert.ok(!Array.isArray(parent), `a key target needs an object member, got ${report.pointer}`);
  }
  const template = rule.messages[report.messageId];
  assert.ok(template, `unknown messageId ${report.messageId}`);
  for (const [, name] of template.matchAll(/\{\{\s*(\w+)\s*\}\}/g)) {
    assert.ok(report.data && name in report.data, `message ${report.messageId} needs data.${name}`);
  }
  if (report.fix) {
    assert.ok(report.fix.title.length > 0);
    if (report.fix.kind === 'add') {
      assert.ok(!resolve(value, report.fix.pointer).found, `add fix target ${report.fix.pointer} exists`);
      assert.ok(resolve(value, parentPointer(report.fix.pointer)).found, 'add fix parent missing');
    } else {
      assert.ok(resolve(value, report.fix.pointer).found, `fix pointer ${report.fix.pointer} missing`);
    }
  }
}


type Segment = string | number;

function segmentsOf(pointer: string): Segment[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((raw) => raw.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((seg) => (/^(0|[1-9]\d*)$/.test(seg) ? Number(seg) : seg));
}

/** [start, end) of the reported key or value in JSON text. */
function jsonRange(text: string, report: RuleReport): [number, number] | undefined {
  const root = parseTree(text);
  const node: JsonNode | undefined = root && findNodeAtLocation(root, segmentsOf(report.pointer));
  if (!node) return undefined;
  if (report.target === 'value') return [node.offset, node.offset + node.length];
  const key = node.parent?.type === 'property' ? node.parent.children?.[0] : undefined;
  return key ? [key.offset, key.offset + key.length] : undefined;
}

/** [start, end) of the reported key or value in YAML text (trailing blanks of blocks trimmed). */
function yamlRange(text: string, report: RuleReport): [number, number] | undefined {
  let node: unknown = parseDocument(text).contents;
  let key: unknown;
  for (const seg of segmentsOf(report.pointer)) {
    if (isMap(node)) {
      const pair = node.items.find((p) => String((p.key as { value?: unknown } | null)?.value) === String(seg));
      if (!pair) return undefined;
      key = pair.key;
      node = pair.value;
    } else if (isSeq(node) && typeof seg === 'number') {
      key = undefined;
      node = node.items[seg];
    } else {
      return undefined;
    }
  }
  const target = (report.target === 'key' ? key : node) as YamlNode | undefined;
  if (!target?.range) return undefined;
  let end = target.range[1];
  while (end > target.range[0] && /\s/.test(text[end - 1])) end--;
  return [target.range[0], end];
}

describe('cross-field rule catalog', () => {
  it('has unique, well-formed ids and names', () => {
    const ids = new Set<string>();
    const names = new Set<string>();
    for (const rule of crossFieldRules) {
      assert.match(rule.id, /^ECS2\d\d$/, rule.id);
      assert.match(rule.name, /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, rule.name);
      assert.ok(!ids.has(rule.id), `duplicate id ${rule.id}`);
      assert.ok(!names.has(rule.name), `duplicate name ${rule.name}`);
      ids.add(rule.id);
      names.add(rule.name);
    }
  });

  it('registers every rule file of the folder, and each file is named after its rule', () => {
    const files = readdirSync(RULE_DIR).filter((f) => f.endsWith('.ts') && f !== 'index.ts');
    assert.equal(files.length, crossFieldRules.length, 'files and registered rules differ in number');
    for (const file of files) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const rule = require(join(RULE_DIR, file)).default as Rule;
      assert.ok(rule, `${file} has no default export`);
      assert.equal(rule.name, basename(file, '.ts'));
      assert.ok(crossFieldRules.includes(rule), `${rule.name} is not listed in the index`);
    }
  });

  it('documents every rule and keeps it in the cross-field group', () => {
    for (const rule of crossFieldRules) {
      assert.equal(rule.group, 'cross-field');
      assert.ok(['error', 'warning', 'info'].includes(rule.defaultSeverity));
      assert.ok(rule.kinds.length > 0 && rule.kinds.every((k) => DEFINITION_KINDS.includes(k)));
      assert.ok(Object.keys(rule.messages).length > 0);
      assert.ok(rule.docs.description.length > 0 && rule.docs.statement.length > 0);
      assert.match(rule.docs.source, /,/, `${rule.name}: source names a document and a parameter`);
      assert.equal(typeof rule.check, 'function');
    }
  });

  it('survives documents that are not objects', () => {
    for (const rule of crossFieldRules) {
      for (const kind of DEFINITION_KINDS) {
        for (const doc of [null, undefined, [], 'text', 42, true, PLACEHOLDER]) {
          assert.deepEqual(run(rule, doc, kind), []);
        }
      }
    }
  });
});

for (const rule of crossFieldRules) {
  describe(`${rule.id} ${rule.name}`, () => {
    const others = crossFieldRules.filter((r) => r !== rule);

    it('has valid and invalid examples in JSON and YAML', () => {
      assert.ok(rule.examples.valid.length > 0 && rule.examples.invalid.length > 0);
      for (const example of [...rule.examples.valid, ...rule.examples.invalid]) {
        assert.ok(example.json !== undefined && example.yaml !== undefined);
        assert.ok(rule.kinds.includes(kindOf(rule, example)), 'example kind outside the rule kinds');
        assert.deepEqual(parseExample('yaml', example.yaml), parseExample('json', example.json));
      }
    });

    rule.examples.valid.forEach((example, i) => {
      for (const [format, source] of formatsOf(example)) {
        it(`valid #${i + 1} (${format}) gives no report`, () => {
          assert.equal(stripMarkers(source).markers, 0);
          const value = parseExample(format, source);
          assert.deepEqual(run(rule, value, kindOf(rule, example)), []);
        });
      }
    });

    rule.examples.invalid.forEach((example, i) => {
      for (const [format, source] of formatsOf(example)) {
        it(`invalid #${i + 1} (${format}) gives one targeted report`, () => {
          assert.equal(stripMarkers(source).markers, 2, 'one ⟦ ⟧ pair expected');
          const value = parseExample(format, source);
          const reports = run(rule, value, kindOf(rule, example));
          assert.equal(reports.length, 1, JSON.stringify(reports));
          checkReportShape(rule, value, reports[0]);
        });

        it(`invalid #${i + 1} (${format}) reports exactly the marked range`, () => {
          const marked = stripMarkers(source);
          const [report] = run(rule, parseExample(format, source), kindOf(rule, example));
          const range = format === 'json' ? jsonRange(marked.text, report) : yamlRange(marked.text, report);
          assert.ok(range, `no ${report.target} node at ${report.pointer}`);
          const shown = (r: [number, number]) => JSON.stringify(marked.text.slice(r[0], r[1]));
          assert.equal(shown(range), shown([marked.start, marked.end]));
          assert.deepEqual(range, [marked.start, marked.end]);
        });
      }
    });

    it('examples trigger no other cross-field rule', () => {
      for (const example of [...rule.examples.valid, ...rule.examples.invalid]) {
        const kind = kindOf(rule, example);
        const value = parseExample('json', example.json ?? '{}');
        for (const other of others.filter((r) => r.kinds.includes(kind))) {
          assert.deepEqual(run(other, value, kind), [], `${other.name} fires on an example of ${rule.name}`);
        }
      }
    });

    it('never throws on mutated examples and never reports a placeholder value', () => {
      for (const example of [...rule.examples.valid, ...rule.examples.invalid]) {
        const kind = kindOf(rule, example);
        const value = parseExample('json', example.json ?? '{}');
        for (const path of paths(value)) {
          for (const replacement of [null, 0, -1, 1.5, '', 'x', PLACEHOLDER, [], {}, [null], true]) {
            for (const k of DEFINITION_KINDS) run(rule, replaceAt(value, path, replacement), k);
          }
          run(rule, replaceAt(value, path, undefined, true), kind);
          const withPlaceholder = replaceAt(value, path, PLACEHOLDER);
          for (const report of run(rule, withPlaceholder, kind)) {
            if (report.target === 'value') {
              assert.notEqual(resolve(withPlaceholder, report.pointer).node, PLACEHOLDER, report.pointer);
            }
          }
        }
      }
    });

    it('a placeholder never turns a valid example invalid', () => {
      for (const example of rule.examples.valid) {
        const kind = kindOf(rule, example);
        const value = parseExample('json', example.json ?? '{}');
        for (const path of paths(value)) {
          if (typeof resolve(value, toPointer(path)).node !== 'string') continue;
          assert.deepEqual(run(rule, replaceAt(value, path, PLACEHOLDER), kind), [], toPointer(path));
        }
      }
    });
  });
}
