import type { Comment } from './ast';
import type { LineIndex } from './positions';

/**
 * In-file silencing. A comment `ecsdef-disable-next-line [rule ...] [-- reason]` (YAML `#`;
 * also `//` in JSON when comments are allowed there) silences the listed rules, by id or
 * name, or every rule when none is listed, on the next line that is not blank or a comment.
 * Stacked directives all apply to that same line.
 */
export interface DisableDirective {
  /** 0-based line of the comment. */
  line: number;
  /** 0-based line the directive silences. */
  appliesTo: number;
  /** Rule ids or names; empty means every rule. */
  rules: string[];
  offset: number;
  length: number;
}

const DIRECTIVE = /^ecsdef-disable-next-line(?:\s+(.*?))?\s*(?:\s--\s.*)?$/;

export function disableDirectives(comments: readonly Comment[], text: string, lines: LineIndex): DisableDirective[] {
  const directives: DisableDirective[] = [];
  for (const comment of comments) {
    const match = DIRECTIVE.exec(comment.text);
    if (!match) continue;
    const rules = (match[1] ?? '').split(/[\s,]+/).filter((r) => r.length > 0);
    const line = lines.positionAt(comment.offset).line;
    directives.push({ line, appliesTo: nextContentLine(text, lines, line), rules, offset: comment.offset, length: comment.length });
  }
  return directives;
}

function nextContentLine(text: string, lines: LineIndex, line: number): number {
  const last = lines.lineCount - 1;
  let candidate = line + 1;
  while (candidate < last) {
    const start = lines.lineStart(candidate);
    const end = lines.lineStart(candidate + 1);
    const content = text.slice(start, end).trim();
    if (content !== '' && !content.startsWith('#') && !content.startsWith('//')) break;
    candidate++;
  }
  return candidate;
}

/** Whether a problem of this rule, anchored on any of `lines` (0-based), is silenced. */
export function isSuppressed(
  directives: readonly DisableDirective[],
  rule: { ruleId: string; ruleName: string },
  lines: readonly number[],
): boolean {
  return directives.some(
    (d) =>
      lines.includes(d.appliesTo) &&
      (d.rules.length === 0 || d.rules.includes(rule.ruleId) || d.rules.includes(rule.ruleName)),
  );
}
