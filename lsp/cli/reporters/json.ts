import type { Reporter } from './types';

/**
 * ESLint-like JSON: an array with one entry per file read,
 * `{ filePath, kind, kindSource, skipped, language, messages: [{ ruleId, ruleName, severity,
 * message, line, column, endLine, endColumn, pointer, fix? }], errorCount, warningCount,
 * infoCount }`. A file that is not a definition has `kind: null` and `skipped` says why.
 */
export const json: Reporter = (results) =>
  JSON.stringify(
    results.map((r) => ({
      filePath: r.filePath,
      kind: r.kind ?? null,
      kindSource: r.kindSource ?? null,
      skipped: r.skipped ?? null,
      language: r.language,
      messages: r.messages.map((m) => ({ ...m, pointer: m.pointer ?? null })),
      errorCount: r.errorCount,
      warningCount: r.warningCount,
      infoCount: r.infoCount,
    })),
    null,
    2,
  ) + '\n';

export default json;
