import type { Rule } from './rule';

/** Fills a rule's message template; unknown placeholders stay visible rather than vanish. */
export function formatMessage(rule: Rule, messageId: string, data: Readonly<Record<string, string | number>> = {}): string {
  const template = rule.messages[messageId];
  if (template === undefined) throw new Error(`rule ${rule.name} has no message "${messageId}"`);
  return template.replace(/\{\{(\w+)\}\}/g, (whole, key: string) => (key in data ? String(data[key]) : whole));
}

/** The documentation page of a rule, derived from its name. */
export function ruleDocUrl(rule: Pick<Rule, 'name'>): string {
  return `https://github.com/ecsdef/ecsdef/blob/main/docs/rules/${rule.name}.md`;
}
