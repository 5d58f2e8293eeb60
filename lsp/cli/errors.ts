import { escapeControlCharacters } from '../../schemas/display-text';

/**
 * The CLI's failures that are not findings: wrong flags, unreadable files, a broken config.
 * All end in exit code 2 with one line on stderr, never a stack trace.
 *
 * The message is that line: it quotes operands, file names and config text, so its control
 * characters are escaped here, once, for every thrower (a newline would forge a second line).
 */
export class ToolError extends Error {
  constructor(message: string) {
    super(escapeControlCharacters(message));
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

/**
 * One line for a thrown value, control characters escaped; stack traces only with
 * ECSDEF_DEBUG set (the message line escaped, the frames as they are).
 */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return escapeControlCharacters(String(error));
  const message = escapeControlCharacters(error.message);
  if (process.env.ECSDEF_DEBUG && error.stack) {
    const frames = error.stack.split('\n').filter((line) => /^\s+at /.test(line));
    return [`${error.name}: ${message}`, ...frames].join('\n');
  }
  return message;
}
