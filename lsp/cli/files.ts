import * as fs from 'node:fs';
import * as path from 'node:path';
import { ToolError } from './errors';
import { compileGlobs, GlobError, splitStaticBase, type GlobMatcher } from './glob';
import type { FilePatterns } from './patterns';

/**
 * Command-line operands -> files to check:
 * - an existing file is always checked, whatever its name;
 * - a directory is walked, and files selected by the configured patterns;
 * - a glob is walked from its static base; files matching the glob *and* the patterns are kept.
 * Directories `node_modules` and `.git` and the config's `ignores` are never walked.
 */
export interface Target {
  absolutePath: string;
  /** Named on the command line (always read, whatever its name). */
  explicit: boolean;
  /** The operand that selected it. */
  operand: string;
}

export interface Expansion {
  targets: Target[];
  /** Operands that selected nothing (a tool error unless allowed). */
  unmatched: string[];
  /** Directories the walk could not read, with why; the rest of the walk went on. */
  unreadable: Array<{ absolutePath: string; reason: string }>;
}

export function expandOperands(operands: readonly string[], cwd: string, patterns: FilePatterns): Expansion {
  const seen = new Set<string>();
  const targets: Target[] = [];
  const unmatched: string[] = [];
  const unreadable: Expansion['unreadable'] = [];
  const skipDir = (absolutePath: string, reason: string): void => void unreadable.push({ absolutePath, reason });
  let operand = '';
  const add = (absolutePath: string, explicit: boolean): void => {
    if (seen.has(absolutePath)) return;
    seen.add(absolutePath);
    targets.push({ absolutePath, explicit, operand });
  };

  for (operand of operands) {
    const absolute = path.resolve(cwd, operand);
    const stat = statOrUndefined(absolute);
    if (stat?.isFile()) {
      add(absolute, true);
      continue;
    }
    const before = targets.length;
    if (stat?.isDirectory()) {
      walk(absolute, patterns, (file) => patterns.selects(file) && add(file, false), skipDir);
    } else if (isGlob(operand)) {
      const { base, matches } = operandGlob(operand, cwd);
      if (statOrUndefined(base)?.isDirectory()) {
        walk(base, patterns, (file) => matches(path.relative(base, file).split(path.sep).join('/')) && patterns.selects(file) && add(file, false), skipDir);
      }
    } else if (stat) {
      throw new ToolError(`${operand}: not a file or directory`);
    } else {
      throw new ToolError(`${operand}: no such file or directory`);
    }
    if (targets.length === before) unmatched.push(operand);
  }
  return { targets, unmatched, unreadable };
}

function isGlob(operand: string): boolean {
  return /[*?[\]{}!]/.test(operand);
}

/**
 * A glob operand -> the directory to walk (its leading segments without glob syntax) and a
 * matcher for paths relative to it. A glob the matcher cannot take is a tool error naming it.
 * On Windows `\` is the separator the shell hands over, not an escape.
 */
function operandGlob(operand: string, cwd: string): { base: string; matches: GlobMatcher } {
  const glob = path.sep === '\\' ? operand.split('\\').join('/') : operand;
  try {
    const { base, rest } = splitStaticBase(glob);
    return { base: path.resolve(cwd, base || '.'), matches: rest === '' ? () => false : compileGlobs([rest]) };
  } catch (error) {
    if (error instanceof GlobError) throw new ToolError(new GlobError(operand, error.reason).message);
    throw error;
  }
}

/** Depth-first walk in name order; symbolic links to directories are not followed (no cycles). */
function walk(root: string, patterns: FilePatterns, visit: (file: string) => unknown, unreadable: (dir: string, reason: string) => void): void {
  const stack = [root];
  while (stack.length > 0) {
    const dir = stack.pop() as string;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      unreadable(dir, `cannot read directory (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
      continue;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const subdirs: string[] = [];
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (patterns.walksInto(full)) subdirs.push(full);
      } else if (entry.isFile() || (entry.isSymbolicLink() && statOrUndefined(full)?.isFile())) {
        visit(full);
      }
    }
    for (let i = subdirs.length - 1; i >= 0; i--) stack.push(subdirs[i]);
  }
}

function statOrUndefined(file: string): fs.Stats | undefined {
  try {
    return fs.statSync(file);
  } catch {
    return undefined;
  }
}
