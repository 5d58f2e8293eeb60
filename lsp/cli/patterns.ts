import * as path from 'node:path';
import { DEFINITION_EXTENSIONS, fileNameGlobs, fileNameRegex, KIND_ORDER, KINDS } from '../../schemas/kinds';
import type { DefinitionKind } from '../../schemas/problem';
import { compileGlobs, type GlobMatcher } from './glob';

/**
 * File-name patterns: which files of a directory or glob are definitions, and of which kind.
 * Patterns are globs matched against the path relative to the config file's directory (or the
 * working directory without a config), with `/` separators.
 */

/** Default globs per kind, from the registry (schemas/kinds.ts). */
export const DEFAULT_PATTERNS: Readonly<Record<DefinitionKind, readonly string[]>> = Object.fromEntries(
  KINDS.map((entry) => [entry.kind, fileNameGlobs(entry)]),
) as unknown as Record<DefinitionKind, readonly string[]>;

/**
 * The same defaults as regular expressions (only `*` in them), so that checking files named on
 * the command line (what pre-commit does) never compiles a glob; a test checks each against its globs.
 */
export const DEFAULT_REGEXES: Readonly<Record<DefinitionKind, RegExp>> = Object.fromEntries(
  KINDS.map((entry) => [entry.kind, fileNameRegex(entry)]),
) as unknown as Record<DefinitionKind, RegExp>;

/** Files a directory walk reads to recognise them by content: every definition extension. */
const CANDIDATE = new RegExp(`\\.(${DEFINITION_EXTENSIONS.join('|')})$`, 'i');

/** Directories never walked. */
const SKIPPED_DIRS = new Set(['node_modules', '.git']);

type Matcher = GlobMatcher;

export class FilePatterns {
  private compiled: Array<{ kind: DefinitionKind; match: Matcher }> | undefined;
  private ignoreMatch: Matcher | undefined;

  /**
   * @param baseDir directory patterns are relative to
   * @param configured patterns from the config, tried before the defaults of every kind
   * @param ignores globs of files and directories never picked from directories or globs
   */
  constructor(
    readonly baseDir: string,
    private readonly configured: Partial<Record<DefinitionKind, readonly string[]>> = {},
    private readonly ignores: readonly string[] = [],
  ) {}

  /** The kind a file's name says (configured globs first, then the defaults), or undefined. */
  kindOf(absolutePath: string): DefinitionKind | undefined {
    const rel = this.relative(absolutePath);
    return this.configuredKindOfRelative(rel) ?? this.defaultKindOfRelative(rel);
  }

  /** What the name says, split by who says it: the config is an instruction, a default only a hint. */
  nameOf(absolutePath: string): { configured?: DefinitionKind; nameKind?: DefinitionKind } {
    const rel = this.relative(absolutePath);
    const configured = this.configuredKindOfRelative(rel);
    return configured ? { configured } : { nameKind: this.defaultKindOfRelative(rel) };
  }

  /**
   * Whether a file found in a directory or glob is read at all: any file with a definition
   * extension (its content may make it one) or a configured name, unless ignored.
   */
  selects(absolutePath: string): boolean {
    const rel = this.relative(absolutePath);
    if (this.isIgnoredRelative(rel)) return false;
    return CANDIDATE.test(rel) || this.configuredKindOfRelative(rel) !== undefined;
  }

  isIgnored(absolutePath: string): boolean {
    return this.isIgnoredRelative(this.relative(absolutePath));
  }

  /** Whether a directory is walked at all. */
  walksInto(absoluteDir: string): boolean {
    return !SKIPPED_DIRS.has(path.basename(absoluteDir)) && !this.isIgnored(absoluteDir);
  }

  /** Every pattern, for messages ("no file matched ..."). */
  describe(): string[] {
    return KIND_ORDER.flatMap((kind) => [...(this.configured[kind] ?? []), ...DEFAULT_PATTERNS[kind]]);
  }

  /** Path relative to the base with `/`; outside the base, the absolute path. */
  relative(absolutePath: string): string {
    const rel = path.relative(this.baseDir, absolutePath);
    const inside = rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
    return (inside ? rel : absolutePath).split(path.sep).join('/');
  }

  private configuredKindOfRelative(rel: string): DefinitionKind | undefined {
    return this.configuredMatchers().find((m) => m.match(rel))?.kind;
  }

  private defaultKindOfRelative(rel: string): DefinitionKind | undefined {
    return KIND_ORDER.find((kind) => DEFAULT_REGEXES[kind].test(rel));
  }

  private isIgnoredRelative(rel: string): boolean {
    if (this.ignores.length === 0) return false;
    this.ignoreMatch ??= compileGlobs(this.ignores, { orInside: true });
    return this.ignoreMatch(rel);
  }

  private configuredMatchers(): Array<{ kind: DefinitionKind; match: Matcher }> {
    this.compiled ??= KIND_ORDER.filter((k) => (this.configured[k] ?? []).length > 0).map((kind) => ({
      kind,
      match: compile(this.configured[kind] as string[]),
    }));
    return this.compiled;
  }
}

/**
 * A matcher for a list of globs (any one matching), in linear time (lsp/cli/glob.ts). Throws
 * GlobError for a glob it cannot take; the config check (config.ts) refuses those first.
 */
export function compile(globs: readonly string[]): Matcher {
  return compileGlobs(globs);
}
