/**
 * The rule catalog: every rule, registered explicitly. A test checks that each rule file of
 * `syntax/`, `schema/` and `cross-field/` is listed here and documented.
 */
import { crossFieldRules } from './cross-field';
import type { Rule } from './rule';
import { schemaRules } from './schema';
import { syntaxRules } from './syntax';

export const allRules: readonly Rule[] = [...syntaxRules, ...schemaRules, ...crossFieldRules];

const byId = new Map(allRules.map((r) => [r.id, r]));
const byName = new Map(allRules.map((r) => [r.name, r]));

export function ruleById(id: string): Rule | undefined {
  return byId.get(id);
}

/** Looks a rule up by id (`ECS201`) or name (`launch-type-excludes-capacity-provider-strategy`). */
export function findRule(idOrName: string): Rule | undefined {
  return byId.get(idOrName) ?? byName.get(idOrName);
}

export function ruleByName(name: string): Rule {
  const rule = byName.get(name);
  if (!rule) throw new Error(`no rule named ${name}`);
  return rule;
}
