/**
 * doCodeActions: quick fixes for ecsdef diagnostics in the requested context. A diagnostic is
 * matched to a current problem by its `code` (rule id) and `data.pointer` (or, for clients that
 * drop `data`, its range), and the fix comes from the current problem, never from message text,
 * so a fix is always computed against the text it edits.
 */
import type { CodeAction, CodeActionContext, Diagnostic, Range, TextEdit } from 'vscode-languageserver-types';
import type { ParsedDocument } from '../../schemas/parse';
import { toRange } from './ast-query';
import { fixToEdits } from './edits';
import type { DiagnosticData } from './types';
import { DIAGNOSTIC_SOURCE } from './validation';

export function doCodeActions(
  parsed: ParsedDocument,
  uri: string,
  context: CodeActionContext,
  current: Diagnostic[],
): CodeAction[] {
  if (context.only && !context.only.some((kind) => kind === 'quickfix' || 'quickfix'.startsWith(`${kind}.`) || kind === '')) {
    return [];
  }
  const actions: CodeAction[] = [];
  const seen = new Set<string>();
  for (const diagnostic of context.diagnostics) {
    if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
    const match = current.find((c) => sameProblem(c, diagnostic));
    const fix = (match?.data as DiagnosticData | undefined)?.fix;
    if (!fix) continue;
    const key = `${match!.code}:${JSON.stringify(fix)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const edits = fixToEdits(parsed, fix);
    if (!edits || edits.length === 0) continue;
    const textEdits: TextEdit[] = edits.map((e) => ({ range: toRange(parsed, e), newText: e.newText }));
    actions.push({
      title: fix.title,
      kind: 'quickfix',
      diagnostics: [diagnostic],
      isPreferred: true,
      edit: { changes: { [uri]: textEdits } },
    });
  }
  return actions;
}

function sameProblem(current: Diagnostic, requested: Diagnostic): boolean {
  if (current.code !== requested.code) return false;
  const data = requested.data as Partial<DiagnosticData> | undefined;
  if (data && typeof data.pointer === 'string') {
    const mine = current.data as DiagnosticData;
    if (mine.pointer !== data.pointer) return false;
    // Several problems of one rule can share a pointer (missing properties of one object).
    if (data.fix && mine.fix) return mine.fix.kind === data.fix.kind && mine.fix.pointer === data.fix.pointer;
    return true;
  }
  return sameRange(current.range, requested.range);
}

function sameRange(a: Range, b: Range): boolean {
  return (
    a.start.line === b.start.line &&
    a.start.character === b.start.character &&
    a.end.line === b.end.line &&
    a.end.character === b.end.character
  );
}
