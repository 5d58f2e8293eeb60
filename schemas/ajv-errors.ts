/**
 * Maps Ajv errors of the generated validators to ecsdef problems: every keyword to one stable
 * rule, one best problem per location, and never a false error on a template placeholder.
 */
import type { ErrorObject } from 'ajv';
import type { DefinitionKind, Fix, Problem } from './problem';
import { joinPointer, valueAt } from './pointer';
import { displayValue, formatMessage, type MessageValue } from './rules/format';
import { ruleByName } from './rules/registry';
import { schemaAtPointer, schemaFor, type SchemaNode } from './schema-registry';
import { editDistance } from './edit-distance';
import { isTemplated } from './template';

type Draft = Omit<Problem, 'severity'>;

/** The Ajv keywords the generated schemas use, and the rule each maps to. */
export const KEYWORD_RULES: Record<string, string> = {
  additionalProperties: 'unknown-property',
  required: 'missing-required-property',
  type: 'wrong-type',
  enum: 'invalid-enum-value',
  minimum: 'value-out-of-range',
  maximum: 'value-out-of-range',
  exclusiveMinimum: 'value-out-of-range',
  exclusiveMaximum: 'value-out-of-range',
  multipleOf: 'value-out-of-range',
  minLength: 'string-length',
  maxLength: 'string-length',
  pattern: 'string-pattern',
  minItems: 'array-size',
  maxItems: 'array-size',
  minProperties: 'union-member-count',
  maxProperties: 'union-member-count',
};

/** Keywords that concern the value itself: a placeholder string stands for an unknown value. */
const VALUE_KEYWORDS = new Set(['type', 'enum', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf', 'minLength', 'maxLength', 'pattern']);

export function mapAjvErrors(errors: readonly ErrorObject[], value: unknown, kind: DefinitionKind): Draft[] {
  const typeErrorAt = new Set(errors.filter((e) => e.keyword === 'type').map((e) => e.instancePath));
  const drafts: Draft[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    const at = valueAt(value, error.instancePath);
    if (VALUE_KEYWORDS.has(error.keyword) && isTemplated(at)) continue;
    // One best message per location: a wrong type explains every other failure there.
    if (error.keyword !== 'type' && typeErrorAt.has(error.instancePath) && VALUE_KEYWORDS.has(error.keyword)) continue;
    const draft = toDraft(error, at, kind);
    const key = `${draft.ruleId}|${draft.pointer}|${draft.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    drafts.push(draft);
  }
  return drafts;
}

function toDraft(error: ErrorObject, at: unknown, kind: DefinitionKind): Draft {
  const ruleName = KEYWORD_RULES[error.keyword];
  if (!ruleName) throw new Error(`no rule maps the schema keyword "${error.keyword}"`);
  const rule = ruleByName(ruleName);
  const make = (messageId: string, data: Record<string, MessageValue>, pointer = error.instancePath, target: 'key' | 'value' = 'value', fix?: Fix): Draft => ({
    ruleId: rule.id,
    ruleName: rule.name,
    message: formatMessage(rule, messageId, data),
    pointer,
    target,
    ...(fix ? { fix } : {}),
  });
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties': {
      const property = String(p.additionalProperty);
      const pointer = error.instancePath + joinPointer(property);
      const known = propertyNames(kind, error.instancePath);
      const suggestion = closest(property, known);
      if (suggestion) {
        const fix: Fix = { kind: 'rename', pointer, newName: suggestion, title: `Rename to "${suggestion}"` };
        return make('didYouMean', { property, suggestion }, pointer, 'key', fix);
      }
      // The title is shown; the pointer, which the edit uses, keeps the full name.
      return make('unknown', { property, parent: describeParent(error.instancePath) }, pointer, 'key', { kind: 'remove', pointer, title: `Remove "${displayValue(property)}"` });
    }
    case 'required': {
      const property = String(p.missingProperty);
      const fixValue = placeholderFor(schemaAtPointer(schemaFor(kind), error.instancePath + joinPointer(property)));
      const fix: Fix = { kind: 'add', pointer: error.instancePath + joinPointer(property), value: fixValue, title: `Add "${property}"` };
      return make('missing', { property }, error.instancePath, 'key', fix);
    }
    case 'type': {
      const expected = String(p.type).replace(',', ' or ');
      const fix = unquoteFix(at, String(p.type).split(','), error.instancePath);
      return make('type', { expected: article(expected), actual: describeValue(at) }, error.instancePath, 'value', fix);
    }
    case 'enum': {
      const allowed = (p.allowedValues as unknown[]) ?? [];
      const match = typeof at === 'string' ? allowed.find((a) => typeof a === 'string' && a.toLowerCase() === at.toLowerCase()) : undefined;
      if (typeof match === 'string') {
        return make('caseMismatch', { value: JSON.stringify(at), suggestion: match }, error.instancePath, 'value', {
          kind: 'set',
          pointer: error.instancePath,
          value: match,
          title: `Change to "${match}"`,
        });
      }
      return make('enum', { value: JSON.stringify(at), allowed: allowed.map((a) => JSON.stringify(a)) });
    }
    case 'multipleOf':
      return make('multipleOf', { value: String(at), limit: String(p.multipleOf) });
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return make('range', { value: String(at), comparison: String(p.comparison), limit: Number(p.limit) }, error.instancePath, 'value', boundFix(at, error.keyword, Number(p.limit), error.instancePath));
    case 'minLength':
    case 'maxLength':
      return make(error.keyword === 'maxLength' ? 'tooLong' : 'tooShort', { length: typeof at === 'string' ? [...at].length : 0, limit: Number(p.limit) });
    case 'pattern':
      return make('pattern', { value: JSON.stringify(at), allowed: describePattern(String(p.pattern)) });
    case 'minItems':
    case 'maxItems':
      return make(error.keyword === 'maxItems' ? 'tooMany' : 'tooFew', { count: Array.isArray(at) ? at.length : 0, limit: Number(p.limit) });
    default: {
      // minProperties / maxProperties: only union shapes use them.
      const names = propertyNames(kind, error.instancePath);
      return make('exactlyOne', { allowed: names.map((n) => `"${n}"`) });
    }
  }
}

function propertyNames(kind: DefinitionKind, pointer: string): string[] {
  const schema: SchemaNode | undefined = schemaAtPointer(schemaFor(kind), pointer);
  const props = schema?.properties as Record<string, unknown> | undefined;
  return props ? Object.keys(props).filter((k) => k !== '$schema') : [];
}

function describeParent(pointer: string): string {
  const segments = pointer.split('/').filter(Boolean).filter((s) => !/^\d+$/.test(s));
  return segments.length ? `"${segments[segments.length - 1]}"` : 'the definition';
}

/** Closest known name: same letters ignoring case, or a small edit distance. */
export function closest(name: string, candidates: string[]): string | undefined {
  const lower = name.toLowerCase();
  const exact = candidates.find((c) => c.toLowerCase() === lower);
  if (exact) return exact;
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(name.length / 5)) + 1;
  for (const c of candidates) {
    const d = editDistance(lower, c.toLowerCase(), bestDistance - 1);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 40 ? value.slice(0, 37) + '...' : value)}`;
  if (typeof value === 'number') return Number.isInteger(value) ? `the integer ${value}` : `the number ${value}`;
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}

function article(type: string): string {
  return /^(integer|object|array)/.test(type) ? `an ${type}` : `a ${type}`;
}

/** A JSON number as text, with the signs and spellings people type into a string ("+2", ".5", "1e3"). */
const NUMBER_TEXT = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * A string that spells the boolean or number the schema wants (`"true"`, `"2"`): the unquoted
 * value. Nothing for text that would not pass as that type (`"1.5"` for an integer, `"yes"`).
 */
function unquoteFix(at: unknown, types: string[], pointer: string): Fix | undefined {
  if (typeof at !== 'string') return undefined;
  const text = at.trim();
  if (types.includes('boolean') && /^(?:true|false)$/i.test(text)) {
    const value = text.toLowerCase() === 'true';
    return { kind: 'set', pointer, value, title: `Change to the boolean ${value}` };
  }
  const numeric = types.includes('number') || types.includes('integer');
  if (!numeric || !NUMBER_TEXT.test(text)) return undefined;
  const value = Number(text);
  if (!Number.isFinite(value) || (!types.includes('number') && !Number.isInteger(value))) return undefined;
  return { kind: 'set', pointer, value, title: `Change to the number ${value}` };
}

/**
 * A number past `minimum` / `maximum`: the bound itself, the nearest allowed value (integers are
 * bounded to 32 bits by the schema too, see number-range.ts). Exclusive bounds have no nearest
 * value and the generated schemas use none, so they get no fix.
 */
function boundFix(at: unknown, keyword: string, limit: number, pointer: string): Fix | undefined {
  if (typeof at !== 'number' || !Number.isFinite(limit)) return undefined;
  if (keyword !== 'minimum' && keyword !== 'maximum') return undefined;
  return { kind: 'set', pointer, value: limit, title: `Change to ${limit} (the ${keyword})` };
}

function describePattern(pattern: string): string {
  if (pattern === '^[A-Za-z0-9_-]+$') return 'letters, digits, hyphens and underscores';
  if (pattern === '^[\\x21-\\x7E]*$') return 'printable ASCII without spaces';
  if (pattern === '^[a-z0-9_][a-z0-9_-]*$') return 'lowercase letters, digits, underscores and hyphens, not starting with a hyphen';
  return `pattern ${pattern}`;
}

/** A value to insert for a missing property, chosen from its schema. */
function placeholderFor(schema: SchemaNode | undefined): unknown {
  if (!schema) return '';
  if (Array.isArray(schema.enum) && schema.enum.length) return schema.enum[0];
  switch (schema.type) {
    case 'integer':
    case 'number':
      return typeof schema.minimum === 'number' ? schema.minimum : 0;
    case 'boolean':
      return false;
    case 'array':
      return [];
    case 'object':
      return {};
    default:
      return '';
  }
}
