import type { Reporter } from './types';

/**
 * ESLint-like JSON: an array with one entry per checked file,
 * `{ filePath, kind, language, messages: [{ ruleId, ruleName, severity, message, line, column,
 * endLine, endColumn, pointer, fix? }], errorCount, warningCount, infoCount }`.
 */
export const json: Reporter = (results) =>
  JSON.stringify(
    results.map((r) => ({
      filePath: r.filePath,
      kind: r.kind ?? null,
      kindSource: r.kindSource,
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
