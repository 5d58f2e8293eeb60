/**
 * doValidation: located problems -> LSP diagnostics. `code` is the rule id, the link comes from
 * the rule name, and `data` carries what a quick fix needs (pointer, fix), so
 * code actions never read message text.
 */
import type { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import type { Severity } from '../../schemas';
import type { ParsedDocument } from '../../schemas/parse';
import { toRange } from './ast-query';
import { checkDocument, type LocatedProblem } from './check';
import type { DiagnosticData, DocumentOptions } from './types';

const SEVERITY: Record<Severity, DiagnosticSeverity> = { error: 1, warning: 2, info: 3 };

export const DIAGNOSTIC_SOURCE = 'ecsdef';

export function doValidation(
  parsed: ParsedDocument,
  options: DocumentOptions,
  ruleDocUrl: (ruleName: string) => string,
): Diagnostic[] {
  if (!options.kind) return [];
  return checkDocument(parsed, options.kind, options.rules).map((p) => toDiagnostic(parsed, p, ruleDocUrl));
}

function toDiagnostic(
  parsed: ParsedDocument,
  problem: LocatedProblem,
  ruleDocUrl: (ruleName: string) => string,
): Diagnostic {
  const data: DiagnosticData = { pointer: problem.pointer ?? '' };
  if (problem.fix) data.fix = problem.fix;
  return {
    range: toRange(parsed, problem),
    severity: SEVERITY[problem.severity],
    code: problem.ruleId,
    codeDescription: { href: ruleDocUrl(problem.ruleName) },
    source: DIAGNOSTIC_SOURCE,
    message: problem.message,
    data,
  };
}
