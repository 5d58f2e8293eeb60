import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ValidateArgs } from './args';
import { checkBytes, checkText } from './check';
import { escapeControlCharacters } from '../../schemas/display-text';
import { fileText } from '../../schemas/parse';
import { checkRules, findConfigFile, loadConfig, rulesFor, type Config, type RuleSetting } from './config';
import { describeError, EXIT_CLEAN, EXIT_PROBLEMS, EXIT_TOOL_ERROR, ToolError, UsageError } from './errors';
import { expandOperands, type Target } from './files';
import { isJsonnetFile, renderJsonnet } from './jsonnet';
import { compile, FilePatterns } from './patterns';
import { readRegularFile, ReadRefused } from './read-file';
import { loadReporter } from './reporters';
import { totals, withCounts, type FileResult } from './result';
import { packageVersion } from './version';

/** What the command touches outside itself; main.ts binds the process, tests may bind others. */
export interface CommandIo {
  cwd: string;
  stdout(text: string): void;
  stderr(text: string): void;
  readStdin(): Buffer;
}

/**
 * `ecsdef validate`: config -> operands -> files -> results -> report -> exit code
 * (0 clean, 1 errors or too many warnings, 2 usage or tool error; as ESLint).
 * A file that cannot be read is a tool error reported on stderr; the others are still checked.
 */
export async function runValidate(args: ValidateArgs, io: CommandIo): Promise<number> {
  const config = resolveConfig(args, io.cwd);
  const cliRules = checkRules(Object.fromEntries(args.rules), '--rule', (at, message) => {
    throw new UsageError(`${at.replace(/^--rule\./, '--rule ')}: ${message}`);
  }, isKnownRule);
  const patterns = new FilePatterns(config.baseDir, config.files, config.ignores);
  const { targets, unmatched, unreadable } = expandOperands(args.operands.filter((o) => o !== '-'), io.cwd, patterns);
  if (unmatched.length > 0 && args.errorOnUnmatchedPattern) {
    throw new ToolError(`no JSON, YAML or Jsonnet file matched ${unmatched.map((u) => `'${u}'`).join(', ')}`);
  }

  const overrideMatchers = new Map<string[], (rel: string) => boolean>();
  const matchGlobs = (globs: string[], rel: string): boolean => {
    let match = overrideMatchers.get(globs);
    if (!match) overrideMatchers.set(globs, (match = compile(globs)));
    return match(rel);
  };

  // A directory that cannot be read is reported like a file that cannot be read: the run goes on.
  let toolFailed = unreadable.length > 0;
  for (const dir of unreadable) notice(io, `${display(dir.absolutePath, io.cwd)}: ${dir.reason}; not checked`);
  const results: FileResult[] = [];
  // Jsonnet files that could not be evaluated here: definitions all the same (not "nothing found").
  const notEvaluated = new Set<string>();
  const extVars = { ...config.jsonnet.extStr, ...Object.fromEntries(args.extStr) };
  const check = async (bytes: Buffer, filePath: string, displayPath: string, namePath: string | undefined, explicit: boolean): Promise<void> => {
    try {
      const rel = namePath ? patterns.relative(namePath) : displayPath;
      const rules = rulesFor(config, rel, cliRules, matchGlobs);
      const options = { filePath, displayPath, namePath, kind: args.kind, rules, patterns, explicit };
      if (!isJsonnetFile(namePath)) {
        results.push(checkBytes(bytes, options));
        return;
      }
      const sourceText = fileText(bytes);
      const rendered = await renderJsonnet(sourceText, filePath, extVars);
      if (rendered.status === 'rendered') {
        results.push(checkText(rendered.json, { ...options, rendered: { sourceText, locate: rendered.locate } }));
      } else if (rendered.status === 'unavailable') {
        notEvaluated.add(filePath);
        notice(io, `${displayPath}: ${rendered.message}; not checked`);
      } else {
        toolFailed = true;
        const at = rendered.line === undefined ? '' : `:${rendered.line}:${rendered.column}`;
        notice(io, `${displayPath}${at}: Jsonnet evaluation failed: ${rendered.message}`);
      }
    } catch (error) {
      toolFailed = true;
      notice(io, `${displayPath}: internal error: ${describeError(error)}`);
    }
  };

  if (args.operands.includes('-')) {
    const namePath = args.stdinFilename === undefined ? undefined : path.resolve(io.cwd, args.stdinFilename);
    let bytes: Buffer | undefined;
    try {
      bytes = io.readStdin();
    } catch (error) {
      toolFailed = true;
      notice(io, `${error instanceof ReadRefused ? error.message : `cannot read standard input (${describeError(error)})`}; not checked`);
    }
    if (bytes) await check(bytes, namePath ?? '<stdin>', args.stdinFilename ?? '<stdin>', namePath, true);
  }
  for (const target of targets) {
    const displayPath = display(target.absolutePath, io.cwd);
    const bytes = readFile(target.absolutePath, displayPath, io);
    if (bytes === undefined) toolFailed = true;
    else await check(bytes, target.absolutePath, displayPath, target.absolutePath, target.explicit);
  }
  reportSkipped(results, targets, args.verbose, io);
  // A directory or glob in which nothing turned out to be a definition selected nothing.
  const recognised = new Set([...results.filter((r) => r.skipped === undefined).map((r) => r.filePath), ...notEvaluated]);
  const empty = [...new Set(targets.filter((t) => !t.explicit).map((t) => t.operand))].filter(
    (operand) => !targets.some((t) => t.operand === operand && recognised.has(t.absolutePath)),
  );
  if (empty.length > 0 && args.errorOnUnmatchedPattern) {
    throw new ToolError(`no ECS service definition found in ${empty.map((u) => `'${u}'`).join(', ')} (files are recognised by name and content; --kind or the config's files force a kind; --verbose lists what was skipped)`);
  }

  const shown = args.quiet ? results.map((r) => withCounts({ ...r, messages: r.messages.filter((m) => m.severity === 'error') })) : results;
  const reporter = loadReporter(args.format);
  if (!reporter) throw new UsageError(`unknown format '${args.format}'`);
  // The version is read from package.json only by the reporters that print it (SARIF).
  const output = reporter(shown, {
    cwd: io.cwd,
    get version() {
      return packageVersion();
    },
  });
  if (args.outputFile !== undefined) {
    try {
      fs.writeFileSync(path.resolve(io.cwd, args.outputFile), output);
    } catch (error) {
      throw new ToolError(`cannot write ${args.outputFile}: ${(error as NodeJS.ErrnoException).code ?? describeError(error)}`);
    }
  } else if (output) {
    io.stdout(output);
  }

  const sum = totals(shown);
  const tooManyWarnings = args.maxWarnings >= 0 && sum.warnings > args.maxWarnings;
  if (args.format === 'text' && (sum.errors > 0 || sum.warnings > 0 || sum.infos > 0)) io.stderr(summary(sum) + '\n');
  if (tooManyWarnings) notice(io, `too many warnings (${sum.warnings}; --max-warnings is ${args.maxWarnings})`);
  if (toolFailed) return EXIT_TOOL_ERROR;
  return sum.errors > 0 || tooManyWarnings ? EXIT_PROBLEMS : EXIT_CLEAN;
}

/**
 * A file the user named that is not a definition gets one notice (and no failure), as ESLint
 * does for an ignored file; files a walk skipped are listed only with --verbose.
 */
function reportSkipped(results: readonly FileResult[], targets: readonly Target[], verbose: boolean, io: CommandIo): void {
  const explicit = new Set(targets.filter((t) => t.explicit).map((t) => t.absolutePath));
  for (const result of results) {
    if (result.skipped === undefined) continue;
    if (explicit.has(result.filePath) || result.filePath === '<stdin>' || !targets.some((t) => t.absolutePath === result.filePath)) {
      notice(io, `${result.displayPath}: not an ECS service definition (${result.skipped}), skipped; --kind forces a kind`);
    } else if (verbose) {
      notice(io, `${result.displayPath}: skipped, ${result.skipped}`);
    }
  }
}

function resolveConfig(args: ValidateArgs, cwd: string): Config {
  if (args.noConfig) return loadConfig(undefined, cwd, isKnownRule);
  return loadConfig(args.config ?? findConfigFile(cwd), cwd, isKnownRule);
}

/** Rule ids and names of the catalog, loaded only when a config or --rule names a rule. */
let knownRules: Set<string> | undefined;
function isKnownRule(key: string): boolean {
  if (!knownRules) {
    const { allRules } = require('../../schemas/rules/registry') as typeof import('../../schemas/rules/registry');
    knownRules = new Set(allRules.flatMap((r) => [r.id, r.name]));
  }
  return knownRules.has(key);
}

function readFile(absolutePath: string, displayPath: string, io: CommandIo): Buffer | undefined {
  try {
    return readRegularFile(absolutePath);
  } catch (error) {
    notice(io, `${displayPath}: ${error instanceof ReadRefused ? error.message : describeError(error)}; not checked`);
    return undefined;
  }
}

/**
 * One notice line on stderr. It quotes file names and foreign messages (Jsonnet, the file
 * system), so its control characters are escaped: a newline would forge a line in a CI log.
 */
function notice(io: CommandIo, text: string): void {
  io.stderr(`ecsdef: ${escapeControlCharacters(text)}\n`);
}

function display(absolutePath: string, cwd: string): string {
  const rel = path.relative(cwd, absolutePath);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : absolutePath;
}

function summary(sum: { files: number; errors: number; warnings: number; infos: number }): string {
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  const parts = [plural(sum.errors, 'error'), plural(sum.warnings, 'warning')];
  if (sum.infos > 0) parts.push(plural(sum.infos, 'info'));
  const problems = sum.errors + sum.warnings + sum.infos;
  return `${problems === 1 ? '1 problem' : `${problems} problems`} (${parts.join(', ')}) in ${plural(sum.files, 'file')} checked`;
}

export type { RuleSetting };
