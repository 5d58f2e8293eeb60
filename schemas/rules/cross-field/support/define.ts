import type { DefinitionKind } from '../../../problem';
import type { Rule, RuleContext, RuleReport } from '../../rule';
import { isRecord, type JsonObject } from './values';

/** What a cross-field rule file declares; `group` is implied. */
export interface CrossFieldRuleSpec extends Omit<Rule, 'group' | 'check'> {
  check(definition: JsonObject, context: RuleContext): RuleReport[];
}

/**
 * Builds a cross-field rule whose `check` runs only for the rule's kinds and only on an object
 * document (anything else is the parser's or the schema's problem).
 */
export function crossFieldRule(spec: CrossFieldRuleSpec): Rule {
  const kinds: readonly DefinitionKind[] = spec.kinds;
  return {
    ...spec,
    group: 'cross-field',
    check(definition: Record<string, unknown>, context: RuleContext): RuleReport[] {
      if (!isRecord(definition) || !context || !kinds.includes(context.kind)) return [];
      return spec.check(definition, context);
    },
  };
}
