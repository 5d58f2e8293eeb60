import { CUT_MARK, cutText, escapeControlCharacters } from '../display-text';
import type { Rule } from './rule';

/**
 * Longest value a message quotes, in characters (code points). A longer value keeps its start,
 * then `…` and its length: `Value "xxxx…" (1048576 characters) is not allowed`.
 */
export const MAX_QUOTED_LENGTH = 100;

/** Longest message, in characters: a backstop for templates with several values or long lists. */
export const MAX_MESSAGE_LENGTH = 1000;

/** A placeholder value; a list is shown as its items, each cut on its own, joined by ", ". */
export type MessageValue = string | number | readonly string[];

/**
 * Fills a rule's message template; unknown placeholders stay visible rather than vanish.
 *
 * Every message of the catalog is built here, so this is where user text is made fit to show:
 * each value is cut to MAX_QUOTED_LENGTH and has its control characters escaped (see
 * schemas/display-text.ts), and the message is cut to MAX_MESSAGE_LENGTH. Code that needs the
 * full values (quick fixes) reads them from the problem's `fix`, never from the message.
 */
export function formatMessage(rule: Rule, messageId: string, data: Readonly<Record<string, MessageValue>> = {}): string {
  const template = rule.messages[messageId];
  if (template === undefined) throw new Error(`rule ${rule.name} has no message "${messageId}"`);
  const message = template.replace(/\{\{(\w+)\}\}/g, (whole, key: string) => (key in data ? displayValue(data[key]) : whole));
  const { head, length } = cutText(message, MAX_MESSAGE_LENGTH - 1);
  return length === undefined ? message : head + CUT_MARK;
}

/**
 * A value as a message shows it: cut to MAX_QUOTED_LENGTH, control characters escaped. A JSON
 * string literal (a value quoted with JSON.stringify) is cut inside its quotes, so the quotes
 * stay balanced and no escape sequence is split.
 */
export function displayValue(value: MessageValue): string {
  if (Array.isArray(value)) return value.map(displayValue).join(', ');
  // Anything else a caller passes despite the type (a number, undefined) shows as String() does.
  if (typeof value !== 'string') return displayValue(String(value));
  const literal = value.length > MAX_QUOTED_LENGTH ? jsonString(value) : undefined;
  if (literal !== undefined) {
    const { head, length } = cutText(literal, MAX_QUOTED_LENGTH);
    return escapeControlCharacters(length === undefined ? value : `${JSON.stringify(head).slice(0, -1)}${CUT_MARK}" (${length} characters)`);
  }
  const { head, length } = cutText(value, MAX_QUOTED_LENGTH);
  return escapeControlCharacters(length === undefined ? head : `${head}${CUT_MARK} (${length} characters)`);
}

/** The string a JSON string literal stands for, or undefined when `text` is not one. */
function jsonString(text: string): string | undefined {
  if (text.length < 2 || text[0] !== '"' || text[text.length - 1] !== '"') return undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'string' ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** The documentation page of a rule, derived from its name. */
export function ruleDocUrl(rule: Pick<Rule, 'name'>): string {
  return `https://github.com/ecsdef/ecsdef/blob/main/docs/rules/${rule.name}.md`;
}
