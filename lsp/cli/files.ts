import * as fs from 'node:fs';
import * as path from 'node:path';
import { ToolError } from './errors';
import { compile, type FilePatterns } from './patterns';

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
}

export function expandOperands(operands: readonly string[], cwd: string, patterns: FilePatterns): Expansion {
  const seen = new Set<string>();
  const targets: Target[] = [];
  const unmatched: string[] = [];
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
      walk(absolute, patterns, (file) => patterns.selects(file) && add(file, false));
    } else if (isGlob(operand)) {
      const picomatch = require('picomatch') as typeof import('picomatch');
      const scan = picomatch.scan(operand);
      const base = path.resolve(cwd, scan.base || '.');
      const matchesGlob = compile([path.resolve(cwd, operand).split(path.sep).join('/')]);
      if (statOrUndefined(base)?.isDirectory()) {
        walk(base, patterns, (file) => matchesGlob(file.split(path.sep).join('/')) && patterns.selects(file) && add(file, false));
      }
    } else if (stat) {
      throw new ToolError(`${operand}: not a file or directory`);
    } else {
      throw new ToolError(`${operand}: no such file or directory`);
    }
    if (targets.length === before) unmatched.push(operand);
  }
  return { targets, unmatched };
}

function isGlob(operand: string): boolean {
  return /[*?[\]{}!]/.test(operand);
}

/** Depth-first walk in name order; symbolic links to directories are not followed (no cycles). */
function walk(root: string, patterns: FilePatterns, visit: (file: string) => unknown): void {
  const stack = [root];
  while (stack.length > 0) {
    const dir = stack.pop() as string;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      throw new ToolError(`cannot read directory ${dir}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
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
