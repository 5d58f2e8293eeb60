#!/usr/bin/env node
/**
 * Entry of the `ecsdef` command (bin/ecsdef requires the built copy in dist/). Owns the
 * process: arguments, stdout/stderr, exit code. Modules beyond argument parsing load only once
 * a command needs them, to keep `ecsdef validate one.json` close to a bare `node` start.
 */
import { parseCommandLine, USAGE } from './args';
import { describeError, EXIT_CLEAN, EXIT_TOOL_ERROR, ToolError, UsageError } from './errors';
import { readStdin } from './read-file';
import { REPORTER_NAMES } from './reporters';
import type { CommandIo } from './validate-command';

/** Runs one command line; resolves to the exit code. Never rejects. */
export async function main(argv: readonly string[], io: CommandIo): Promise<number> {
  try {
    if (argv[0] === 'diff') {
      const { runDiff } = require('./diff') as typeof import('./diff');
      return runDiff(argv.slice(1), io);
    }
    const command = parseCommandLine(argv, REPORTER_NAMES);
    if (command.command === 'help') {
      io.stdout(USAGE);
      return EXIT_CLEAN;
    }
    if (command.command === 'version') {
      const { packageVersion } = require('./version') as typeof import('./version');
      io.stdout(packageVersion() + '\n');
      return EXIT_CLEAN;
    }
    const { runValidate } = require('./validate-command') as typeof import('./validate-command');
    return await runValidate(command, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`ecsdef: ${error.message}\nRun 'ecsdef --help' for usage.\n`);
    } else if (error instanceof ToolError) {
      io.stderr(`ecsdef: ${error.message}\n`);
    } else {
      io.stderr(`ecsdef: internal error: ${describeError(error)}\n`);
    }
    return EXIT_TOOL_ERROR;
  }
}

/** The process bindings. */
export function processIo(): CommandIo {
  return {
    cwd: process.cwd(),
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    readStdin: () => readStdin(),
  };
}

/** Runs the process's command line and sets its exit code (bin/ecsdef calls this). */
export function run(): void {
  // A closed pipe (`ecsdef validate | head`) is not an error of ours. Any other failure to write
  // the report (a full disk) ends the run: one line and exit 2, since the report is lost.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') return;
    process.stderr.write(`ecsdef: cannot write the report to standard output (${error.code ?? error.message})\n`);
    process.exit(EXIT_TOOL_ERROR);
  });
  void main(process.argv.slice(2), processIo()).then((code) => {
    process.exitCode = code;
  });
}

if (require.main === module) run();
