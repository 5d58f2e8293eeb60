import type { FileResult } from '../result';

/** What a reporter may know besides the results; reporters stay pure (no I/O, no clock). */
export interface ReportContext {
  /** Working directory: SARIF makes artifact URIs relative to it. */
  cwd: string;
  /** ecsdef version for tool metadata. */
  version: string;
}

/** A reporter: results in, the complete output text out. */
export type Reporter = (results: readonly FileResult[], context: ReportContext) => string;
