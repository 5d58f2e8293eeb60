/**
 * doComplete: property names missing from the object under the cursor (with value snippets:
 * objects open with their required members, arrays open with an item), and enum values and
 * booleans for values.
 *
 * "Nothing that would make the file invalid": output-only and not-in-API properties are never
 * offered, and each candidate is tried on the parsed value with `schemas.validate`; a candidate
 * that would raise a cross-field problem the document does not already have (a launch type next
 * to a capacity provider strategy, DAEMON with a placement strategy, ...) is dropped.
 */
import type { CompletionItem, CompletionList } from 'vscode-languageserver-types';
import { resolveRef, ruleById, schemaAtPointer, schemaFor, validate, type DefinitionKind, type SchemaNode } from '../../schemas';
import { statedBounds } from '../../schemas/number-range';
import { isPlainObject } from '../../schemas/pointer';
import { formatPointer, parsePointer, type ParsedDocument } from '../../schemas/parse';
import { toRange } from './ast-query';
import { completionContext, type KeyContext, type ValueContext } from './completion-context';
import { serialize, yamlKey } from './edits';
import { hoverMarkdown, typeLabel } from './schema-docs';

const EMPTY: CompletionList = { isIncomplete: false, items: [] };
const PROPERTY = 10; // CompletionItemKind.Property
const VALUE = 12; // CompletionItemKind.Value
const ENUM_MEMBER = 20; // CompletionItemKind.EnumMember
const SNIPPET = 2; // InsertTextFormat.Snippet
const PLAIN = 1; // InsertTextFormat.PlainText

export function doComplete(parsed: ParsedDocument, offset: number, kind: DefinitionKind | undefined): CompletionList {
  if (!kind) return EMPTY;
  const context = completionContext(parsed, offset);
  if (!context) return EMPTY;
  const root = schemaFor(kind);
  const guard = new CrossFieldGuard(parsed.value, kind);
  const items = context.at === 'key' ? keyItems(parsed, context, root, guard) : valueItems(parsed, context, root, guard);
  return { isIncomplete: false, items };
}

function keyItems(parsed: ParsedDocument, context: KeyContext, root: SchemaNode, guard: CrossFieldGuard): CompletionItem[] {
  const object = schemaAtPointer(root, context.objectPointer);
  const properties = (object?.properties ?? {}) as Record<string, SchemaNode>;
  const required = new Set((object?.required as string[] | undefined) ?? []);
  const items: CompletionItem[] = [];
  const range = toRange(parsed, context.replace);
  for (const [name, raw] of Object.entries(properties)) {
    if (context.existing.has(name)) continue;
    const schema = resolveRef(root, raw);
    if (schema['x-ecsdef-output-only'] || schema['x-ecsdef-not-in-api']) continue;
    const at = `${context.objectPointer}${formatPointer([name])}`;
    if (sampleValues(root, schema).every((sample) => guard.introducesProblem(at, sample))) continue;
    const insert = parsed.language === 'json' ? jsonProperty(name, schema, root, context) : yamlProperty(name, schema, root, context);
    const quoted = parsed.language === 'json' && parsed.text.charCodeAt(context.replace.offset) === 34;
    items.push({
      label: name,
      kind: PROPERTY,
      detail: typeLabel(schema),
      documentation: { kind: 'markdown', value: hoverMarkdown(name, schema, root) },
      sortText: `${required.has(name) ? '0' : '1'}${name}`,
      filterText: quoted ? JSON.stringify(name) : name,
      insertTextFormat: SNIPPET,
      textEdit: { range, newText: insert },
      additionalTextEdits:
        context.commaBefore !== undefined ? [{ range: toRange(parsed, { offset: context.commaBefore, length: 0 }), newText: ',' }] : undefined,
    });
  }
  return items;
}

function valueItems(parsed: ParsedDocument, context: ValueContext, root: SchemaNode, guard: CrossFieldGuard): CompletionItem[] {
  const schema = schemaAtPointer(root, context.pointer);
  if (!schema) return [];
  const candidates: unknown[] = Array.isArray(schema.enum) ? (schema.enum as unknown[]) : schema.type === 'boolean' ? [true, false] : [];
  const range = toRange(parsed, context.replace);
  const descriptions = schema.enumDescriptions as string[] | undefined;
  const items: CompletionItem[] = [];
  candidates.forEach((candidate, index) => {
    if (guard.introducesProblem(context.pointer, candidate)) return;
    const text = serialize(parsed, candidate, '', true);
    items.push({
      label: String(candidate),
      kind: Array.isArray(schema.enum) ? ENUM_MEMBER : VALUE,
      documentation: descriptions?.[index] ? { kind: 'markdown', value: descriptions[index] } : undefined,
      filterText: parsed.text.charCodeAt(context.replace.offset) === 34 ? JSON.stringify(String(candidate)) : text,
      insertTextFormat: PLAIN,
      textEdit: { range, newText: text },
    });
  });
  return items;
}

function jsonProperty(name: string, schema: SchemaNode, root: SchemaNode, context: KeyContext): string {
  const key = snippetEscape(JSON.stringify(name));
  if (!context.withValue) return key;
  return `${key}: ${valueSnippet(schema, root, 'json', '')}${context.commaAfter ? ',' : ''}`;
}

function yamlProperty(name: string, schema: SchemaNode, root: SchemaNode, context: KeyContext): string {
  const key = snippetEscape(yamlKey(name));
  if (!context.withValue) return key;
  const childIndent = ' '.repeat(context.column + 2);
  if (isType(schema, 'object')) {
    const members = requiredMembers(schema, root);
    if (members.length === 0) return `${key}:\n${childIndent}$1`;
    return `${key}:\n${members.map((m, i) => `${childIndent}${snippetEscape(yamlKey(m.name))}: ${valueSnippet(m.schema, root, 'yaml', childIndent, i + 1, true)}`).join('\n')}`;
  }
  if (isType(schema, 'array')) return `${key}:\n${childIndent}- $1`;
  return `${key}: ${valueSnippet(schema, root, 'yaml', '')}`;
}

/** Snippet text for a value; `stop` numbers the tab stop, `flat` keeps nested objects empty. */
function valueSnippet(schema: SchemaNode, root: SchemaNode, language: 'json' | 'yaml', indent: string, stop = 1, flat = false): string {
  const values = schema.enum as unknown[] | undefined;
  if (Array.isArray(values) && values.length > 0) {
    const shown = values.map((v) => (language === 'json' ? JSON.stringify(v) : String(v)).replace(/[,|$}\\]/g, '\\$&'));
    return `\${${stop}|${shown.join(',')}|}`;
  }
  if (isType(schema, 'boolean')) return `\${${stop}|true,false|}`;
  if (isType(schema, 'integer') || isType(schema, 'number')) return `\${${stop}:${statedBounds(schema).minimum ?? 0}}`;
  if (isType(schema, 'array')) return `[$${stop}]`;
  if (isType(schema, 'object')) {
    const members = flat ? [] : requiredMembers(schema, root);
    if (language === 'yaml' || members.length === 0) return `{$${stop}}`;
    const inner = `${indent}\t`;
    const lines = members.map((m, i) => `${inner}${snippetEscape(JSON.stringify(m.name))}: ${valueSnippet(m.schema, root, 'json', inner, stop + i, true)}`);
    return `{\n${lines.join(',\n')}\n${indent}}`;
  }
  return language === 'json' ? `"$${stop}"` : `$${stop}`;
}

function requiredMembers(schema: SchemaNode, root: SchemaNode): Array<{ name: string; schema: SchemaNode }> {
  const properties = (schema.properties ?? {}) as Record<string, SchemaNode>;
  return ((schema.required as string[] | undefined) ?? [])
    .filter((name) => properties[name])
    .map((name) => ({ name, schema: resolveRef(root, properties[name]) }));
}

function isType(schema: SchemaNode, type: string): boolean {
  return schema.type === type || (Array.isArray(schema.type) && schema.type.includes(type));
}

/** Values of the right shape, used only to ask the cross-field rules whether a key may be added. */
function sampleValues(root: SchemaNode, schema: SchemaNode): unknown[] {
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return (schema.enum as unknown[]).slice(0, 12);
  if (isType(schema, 'boolean')) return [true, false];
  return [sampleValue(root, schema)];
}

function sampleValue(root: SchemaNode, schema: SchemaNode): unknown {
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0];
  if (isType(schema, 'boolean')) return true;
  if (isType(schema, 'integer') || isType(schema, 'number')) return statedBounds(schema).minimum ?? 1;
  if (isType(schema, 'array')) {
    const items = schema.items ? resolveRef(root, schema.items as SchemaNode) : undefined;
    return items ? [sampleValue(root, items)] : [];
  }
  if (isType(schema, 'object')) {
    const out: Record<string, unknown> = {};
    for (const member of requiredMembers(schema, root)) out[member.name] = sampleValue(root, member.schema);
    return out;
  }
  return 'x';
}

/**
 * Asks `validate` whether putting a value at a pointer creates a conflict the document does not
 * already have. A conflict is a cross-field problem that only removing something can cure: one
 * whose fix removes a key, or a rule named `...-excludes-...`. Problems inside the new value are
 * ignored (the sample value stands in for what the user will type), and problems that merely
 * ask for a companion field (`...-requires-...`) are not conflicts: the edit is still under way.
 */
class CrossFieldGuard {
  private baseline: Map<string, number> | undefined;

  constructor(
    private readonly value: unknown,
    private readonly kind: DefinitionKind,
  ) {}

  introducesProblem(pointer: string, sample: unknown): boolean {
    if (!isPlainObject(this.value)) return false;
    const changed = withValueAt(this.value, parsePointer(pointer), sample);
    if (changed === undefined) return false;
    this.baseline ??= this.conflictCounts(this.value, undefined);
    for (const [rule, count] of this.conflictCounts(changed, pointer)) {
      if (count > (this.baseline.get(rule) ?? 0)) return true;
    }
    return false;
  }

  private conflictCounts(value: unknown, inside: string | undefined): Map<string, number> {
    const counts = new Map<string, number>();
    for (const problem of validate(value, this.kind)) {
      const rule = ruleById(problem.ruleId);
      if (rule?.group !== 'cross-field') continue;
      if (inside !== undefined && problem.pointer.startsWith(`${inside}/`)) continue;
      if (problem.fix?.kind !== 'remove' && !rule.name.includes('-excludes-')) continue;
      counts.set(problem.ruleId, (counts.get(problem.ruleId) ?? 0) + 1);
    }
    return counts;
  }
}

/** A structural copy of `value` with `candidate` at `segments` (copies only the path). */
function withValueAt(value: unknown, segments: string[], candidate: unknown): unknown {
  if (segments.length === 0) return candidate;
  const [head, ...rest] = segments;
  if (Array.isArray(value)) {
    const index = Number(head);
    if (!Number.isInteger(index) || index < 0 || index > value.length) return undefined;
    const copy = value.slice();
    const inner = withValueAt(value[index], rest, candidate);
    if (inner === undefined) return undefined;
    copy[index] = inner;
    return copy;
  }
  if (!isPlainObject(value)) return rest.length === 0 ? { [head]: candidate } : undefined;
  const inner = withValueAt(value[head], rest, candidate);
  if (inner === undefined) return undefined;
  return { ...value, [head]: inner };
}

function snippetEscape(text: string): string {
  return text.replace(/[$}\\]/g, '\\$&');
}
