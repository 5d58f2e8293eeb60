/**
 * Text problems of one parsed document, located by offsets: syntax problems from the parser,
 * then `schemas.validate` (of the value; after syntax errors, of what the parser recovered,
 * keeping only what the errors cannot have caused: recovery.ts; after a limit, nothing), each
 * problem's pointer turned into the range it highlights. In-file `ecsdef-disable-next-line`
 * directives and values that hold template placeholders are honoured here, so every front end
 * built on this agrees.
 */
import { validate, type DefinitionKind, type Fix, type Severity } from '../../schemas';
import {
  disableDirectives,
  findNode,
  isSuppressed,
  isTemplatedNode,
  rangeOf,
  type ParsedDocument,
} from '../../schemas/parse';
import { validateRecovered } from './recovery';
import type { RuleSetting } from './types';

export interface LocatedProblem {
  ruleId: string;
  ruleName: string;
  severity: Severity;
  message: string;
  offset: number;
  length: number;
  /** Absent for syntax errors that have no node. */
  pointer?: string;
  target?: 'key' | 'value';
  fix?: Fix;
}

export function checkDocument(
  parsed: ParsedDocument,
  kind: DefinitionKind,
  rules: Readonly<Record<string, RuleSetting>> = {},
): LocatedProblem[] {
  const located: LocatedProblem[] = [];
  for (const problem of parsed.problems) {
    const setting = rules[problem.ruleId] ?? rules[problem.ruleName];
    if (setting === 'off') continue;
    located.push({
      ruleId: problem.ruleId,
      ruleName: problem.ruleName,
      severity: setting ?? problem.severity,
      message: problem.message,
      offset: problem.offset,
      length: problem.length,
      pointer: problem.pointer,
      target: problem.target,
    });
  }
  if (parsed.root) {
    const problems = parsed.fatal ? validateRecovered(parsed, kind, { rules }) : validate(parsed.value, kind, { rules });
    for (const problem of problems) {
      if (problem.target === 'value' && isTemplatedNode(findNode(parsed.root, problem.pointer).node)) continue;
      const range = rangeOf(parsed, problem.pointer, problem.target);
      located.push({ ...problem, offset: range.offset, length: range.length });
    }
  }
  const directives = parsed.comments.length ? disableDirectives(parsed.comments, parsed.text, parsed.lines) : [];
  if (directives.length === 0) return located;
  return located.filter((p) => !isSuppressed(directives, p, [parsed.lines.positionAt(p.offset).line]));
}
