/**
 * validate(value, kind) -> Problem[]: the precompiled Ajv validator of the kind, the schema
 * annotations that warn (output-only, not in the API), then the cross-field rules; finally the
 * caller's per-rule severities.
 */
import type { ValidateFunction } from 'ajv';
import { mapAjvErrors } from './ajv-errors';
import { isPlainObject, joinPointer, setOwn } from './pointer';
import type { DefinitionKind, Problem, Severity } from './problem';
import { crossFieldRules } from './rules/cross-field';
import { formatMessage } from './rules/format';
import { findRule, ruleByName } from './rules/registry';
import type { Rule } from './rules/rule';
import { requireGenerated } from './generated-files';
import { kindEntry } from './kinds';
import { schemaFor, type SchemaNode } from './schema-registry';

export type RuleSetting = 'off' | Severity;

export interface ValidateOptions {
  /** Per-rule severity or `off`, keyed by rule id (`ECS201`) or name. Unknown keys are ignored. */
  rules?: Readonly<Record<string, RuleSetting>>;
}

type Draft = Omit<Problem, 'severity'>;

const validators = new Map<DefinitionKind, ValidateFunction>();

function validatorFor(kind: DefinitionKind): ValidateFunction {
  let validator = validators.get(kind);
  if (!validator) {
    // Compiled at generate time (standalone Ajv code): nothing compiles at start-up.
    const mod = requireGenerated<{ default?: ValidateFunction } & ValidateFunction>(`${kind}.validator.js`);
    validator = mod.default ?? mod;
    validators.set(kind, validator);
  }
  return validator;
}

const rulesByKind = new Map<DefinitionKind, readonly Rule[]>();

/** The cross-field rules that run on a kind, picked once per kind rather than on every call. */
function crossFieldRulesFor(kind: DefinitionKind): readonly Rule[] {
  let rules = rulesByKind.get(kind);
  if (!rules) {
    rules = crossFieldRules.filter((rule) => rule.kinds.includes(kind) && rule.check);
    rulesByKind.set(kind, rules);
  }
  return rules;
}

export function validate(value: unknown, kind: DefinitionKind, options: ValidateOptions = {}): Problem[] {
  const drafts: Draft[] = [];
  if (!isPlainObject(value)) {
    const rule = ruleByName('wrong-type');
    drafts.push({ ruleId: rule.id, ruleName: rule.name, pointer: '', target: 'value', message: formatMessage(rule, 'type', { expected: 'an object', actual: describeRoot(value) }) });
    return applySettings(drafts, options);
  }
  const definition = kindEntry(kind).emptyMeansAbsent ? withoutEmpty(value) : value;
  const validator = validatorFor(kind);
  const checked: Draft[] = [];
  if (!validator(definition)) checked.push(...mapAjvErrors(validator.errors ?? [], definition, kind));
  for (const rule of crossFieldRulesFor(kind)) checked.push(...runRule(rule, definition, kind));
  // A member reported as ignored (output-only) is not checked further: its value has no effect.
  const ignored = ignoredMembers(definition, kind);
  drafts.push(...annotationDrafts(definition, kind), ...checked.filter((d) => !ignored.some((key) => isAtOrUnder(d.pointer, key))));
  return applySettings(drafts, options);
}

/** A copy without the object members whose value is null or "" (at any depth; list items stay). */
function withoutEmpty(value: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, member] of Object.entries(value)) {
    if (member === null || member === '') continue;
    setOwn(out, key, isPlainObject(member) ? withoutEmpty(member) : Array.isArray(member) ? member.map((item) => (isPlainObject(item) ? withoutEmpty(item) : item)) : member);
  }
  return out;
}

/** Top-level members of the document that the kind's schema marks output-only. */
function ignoredMembers(value: Record<string, unknown>, kind: DefinitionKind): string[] {
  const props = (schemaFor(kind).properties ?? {}) as Record<string, SchemaNode>;
  return Object.keys(value).filter((key) => props[key]?.['x-ecsdef-output-only']);
}

function isAtOrUnder(pointer: string, key: string): boolean {
  const at = joinPointer(key);
  return pointer === at || pointer.startsWith(at + '/');
}

function runRule(rule: Rule, value: Record<string, unknown>, kind: DefinitionKind): Draft[] {
  return rule.check!(value, { kind }).map((report) => ({
    ruleId: rule.id,
    ruleName: rule.name,
    message: formatMessage(rule, report.messageId, report.data),
    pointer: report.pointer,
    target: report.target,
    ...(report.fix ? { fix: report.fix } : {}),
  }));
}

/** Warnings carried by schema annotations on top-level properties. */
function annotationDrafts(value: Record<string, unknown>, kind: DefinitionKind): Draft[] {
  const props = (schemaFor(kind).properties ?? {}) as Record<string, SchemaNode>;
  const drafts: Draft[] = [];
  for (const key of Object.keys(value)) {
    const schema = props[key];
    if (!schema) continue;
    const pointer = joinPointer(key);
    if (schema['x-ecsdef-output-only']) {
      const rule = ruleByName('output-only-property');
      const why = String(schema['x-ecsdef-output-only']);
      drafts.push({ ruleId: rule.id, ruleName: rule.name, pointer, target: 'key', message: formatMessage(rule, 'ignored', { property: key, why }), fix: { kind: 'remove', pointer, title: `Remove "${key}"` } });
    }
    const notInApi = ruleByName('not-in-api');
    if (schema['x-ecsdef-not-in-api'] && notInApi.kinds.includes(kind)) {
      const rule = notInApi;
      drafts.push({ ruleId: rule.id, ruleName: rule.name, pointer, target: 'key', message: formatMessage(rule, 'notInApi', { property: key, operation: 'CreateService' }), fix: { kind: 'remove', pointer, title: `Remove "${key}"` } });
    }
  }
  return drafts;
}

function applySettings(drafts: Draft[], options: ValidateOptions): Problem[] {
  const settings = new Map<string, RuleSetting>();
  for (const [key, setting] of Object.entries(options.rules ?? {})) {
    const rule = findRule(key);
    if (rule) settings.set(rule.id, setting);
  }
  const problems: Problem[] = [];
  for (const draft of drafts) {
    const setting = settings.get(draft.ruleId) ?? findRule(draft.ruleId)?.defaultSeverity ?? 'error';
    if (setting === 'off') continue;
    problems.push({ ...draft, severity: setting });
  }
  return problems;
}

function describeRoot(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}
