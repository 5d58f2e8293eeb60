import type { DefinitionKind, Fix, Severity } from '../../schemas/problem';
import type { KindSource } from '../../schemas/recognise';

/**
 * What the CLI found in one file, as every reporter receives it. Lines and columns are 1-based
 * (UTF-16 columns, as in editors); `endColumn` is exclusive, as in ESLint and SARIF.
 */
export interface FileResult {
  /** Absolute path, or `<stdin>` when stdin has no --stdin-filename. */
  filePath: string;
  /** Path as shown to people: relative to the working directory when inside it. */
  displayPath: string;
  /** The kind the file was checked as; undefined when it is not a definition (see `skipped`). */
  kind: DefinitionKind | undefined;
  /** Where the kind came from (undefined for a skipped file). */
  kindSource: KindSource | undefined;
  /** Why the file is not checked: its content is not an ECS service definition. */
  skipped?: string;
  language: 'json' | 'yaml';
  messages: ResultMessage[];
  errorCount: number;
  warningCount: number;
  infoCount: number;
}

export type { KindSource };

export interface ResultMessage {
  ruleId: string;
  ruleName: string;
  severity: Severity;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** JSON pointer of the node, when the problem has one (syntax errors may not). */
  pointer?: string;
  fix?: Fix;
}

export interface Totals {
  files: number;
  errors: number;
  warnings: number;
  infos: number;
}

/** Files skipped as not definitions are not "checked". */
export function totals(results: readonly FileResult[]): Totals {
  const sum: Totals = { files: results.filter((r) => r.skipped === undefined).length, errors: 0, warnings: 0, infos: 0 };
  for (const r of results) {
    sum.errors += r.errorCount;
    sum.warnings += r.warningCount;
    sum.infos += r.infoCount;
  }
  return sum;
}

/** Recounts a result's severities after its messages changed. */
export function withCounts(result: Omit<FileResult, 'errorCount' | 'warningCount' | 'infoCount'>): FileResult {
  let errorCount = 0;
  let warningCount = 0;
  let infoCount = 0;
  for (const m of result.messages) {
    if (m.severity === 'error') errorCount++;
    else if (m.severity === 'warning') warningCount++;
    else infoCount++;
  }
  return { ...result, errorCount, warningCount, infoCount };
}
