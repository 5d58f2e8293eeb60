/**
 * The CLI's failures that are not findings: wrong flags, unreadable files, a broken config.
 * All end in exit code 2 with one line on stderr, never a stack trace.
 */
export class ToolError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ToolError';
  }
}

/** A command-line mistake: the message is followed by a hint to run `--help`. */
export class UsageError extends ToolError {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export const EXIT_CLEAN = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_TOOL_ERROR = 2;

/** One line for a thrown value; stack traces only with ECSDEF_DEBUG set. */
export function describeError(error: unknown): string {
  if (process.env.ECSDEF_DEBUG && error instanceof Error && error.stack) return error.stack;
  if (error instanceof Error) return error.message;
  return String(error);
}
