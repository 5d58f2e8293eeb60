import type { Severity } from '../problem';
import { formatMessage } from '../rules/format';
import type { Rule } from '../rules/rule';

/**
 * A problem found while reading text. A sibling of `Problem` (schemas/problem.ts): same rule
 * identity, severity and message, but located by offsets because there may be no JSON pointer
 * for broken text. Front ends render both through the same path: offsets -> positions.
 */
export interface SyntaxProblem {
  ruleId: string;
  ruleName: string;
  severity: Severity;
  message: string;
  messageId: string;
  offset: number;
  length: number;
  /**
   * True when the parsed value cannot be trusted (syntax error, nesting, alias or encoding
   * limit): callers should not validate it as it is (after syntax errors only, the document's
   * `recovery` says what the parser read past). Comments, trailing commas and duplicate keys
   * leave an unambiguous value and are not fatal.
   */
  fatal: boolean;
  /** For problems tied to a node (duplicate keys): its pointer and which part to highlight. */
  pointer?: string;
  target?: 'key' | 'value';
}

/** Builds a SyntaxProblem from a syntax rule of the catalog; the rule is the single source of its text. */
export function syntaxProblem(
  rule: Rule,
  messageId: string,
  offset: number,
  length: number,
  fatal: boolean,
  data?: Readonly<Record<string, string | number>>,
): SyntaxProblem {
  return {
    ruleId: rule.id,
    ruleName: rule.name,
    severity: rule.defaultSeverity,
    message: formatMessage(rule, messageId, data),
    messageId,
    offset,
    length,
    fatal,
  };
}

/**
 * Keeps the first error of each line and at most `max` in all: after the first error of a
 * line, recovery errors of a parser mostly restate it.
 */
export function thinErrors(problems: SyntaxProblem[], lineOf: (offset: number) => number, max = 10): SyntaxProblem[] {
  const kept: SyntaxProblem[] = [];
  let lastLine = -1;
  for (const problem of problems) {
    const line = lineOf(problem.offset);
    if (line === lastLine) continue;
    kept.push(problem);
    lastLine = line;
    if (kept.length >= max) break;
  }
  return kept;
}
