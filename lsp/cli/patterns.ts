import * as path from 'node:path';
import type { DefinitionKind } from '../../schemas/problem';

/**
 * File-name patterns: which files of a directory or glob are definitions, and of which kind.
 * Patterns are globs matched against the path relative to the config file's directory (or the
 * working directory without a config), with `/` separators.
 */

/** Kinds in the order their patterns are tried: specific names before generic ones. */
export const KIND_ORDER: readonly DefinitionKind[] = ['ecspresso', 'express-update', 'express-service', 'update-service', 'service'];

const EXT = '{json,yaml,yml}';

/**
 * Defaults per kind. `.pre-commit-hooks.yaml` carries the same set as one regex; a test keeps
 * the two in agreement.
 */
export const DEFAULT_PATTERNS: Readonly<Record<DefinitionKind, readonly string[]>> = {
  ecspresso: [`**/ecs-service-def*.${EXT}`],
  'express-update': [`**/*express-update*.${EXT}`],
  'express-service': [`**/*express-service*.${EXT}`],
  'update-service': [`**/*update-service*.${EXT}`],
  service: [`**/*service-def*.${EXT}`, `**/ecs-service*.${EXT}`, `**/*.ecs-service.${EXT}`, `**/*.service.${EXT}`],
};

/**
 * The defaults compiled by hand, so that checking files named on the command line (what
 * pre-commit does) never loads picomatch; a test checks each against its globs.
 */
export const DEFAULT_REGEXES: Readonly<Record<DefinitionKind, RegExp>> = {
  ecspresso: /(^|\/)ecs-service-def[^/]*\.(json|ya?ml)$/,
  'express-update': /(^|\/)[^/]*express-update[^/]*\.(json|ya?ml)$/,
  'express-service': /(^|\/)[^/]*express-service[^/]*\.(json|ya?ml)$/,
  'update-service': /(^|\/)[^/]*update-service[^/]*\.(json|ya?ml)$/,
  service: /(^|\/)([^/]*service-def[^/]*|ecs-service[^/]*|[^/]*\.ecs-service|[^/]*\.service)\.(json|ya?ml)$/,
};

/** Directories never walked. */
const SKIPPED_DIRS = new Set(['node_modules', '.git']);

type Matcher = (relPath: string) => boolean;

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

  /** The kind a file's name says, or undefined when no pattern matches. */
  kindOf(absolutePath: string): DefinitionKind | undefined {
    return this.kindOfRelative(this.relative(absolutePath));
  }

  /** Whether a file found in a directory or glob is a definition to check. */
  selects(absolutePath: string): boolean {
    const rel = this.relative(absolutePath);
    return !this.isIgnoredRelative(rel) && this.kindOfRelative(rel) !== undefined;
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

  private kindOfRelative(rel: string): DefinitionKind | undefined {
    return this.matchers().find((m) => m.match(rel))?.kind;
  }

  private isIgnoredRelative(rel: string): boolean {
    if (this.ignores.length === 0) return false;
    this.ignoreMatch ??= compile(this.ignores.flatMap((g) => [g, `${g.replace(/\/+$/, '')}/**`]));
    return this.ignoreMatch(rel);
  }

  private matchers(): Array<{ kind: DefinitionKind; match: Matcher }> {
    if (this.compiled) return this.compiled;
    const configured = KIND_ORDER.filter((k) => (this.configured[k] ?? []).length > 0).map((kind) => ({
      kind,
      match: compile(this.configured[kind] as string[]),
    }));
    const defaults = KIND_ORDER.map((kind) => ({ kind, match: (rel: string) => DEFAULT_REGEXES[kind].test(rel) }));
    this.compiled = [...configured, ...defaults];
    return this.compiled;
  }
}

/** picomatch is loaded on first use only (cold start of a run that never needs it). */
export function compile(globs: readonly string[]): Matcher {
  const picomatch = require('picomatch') as typeof import('picomatch');
  return picomatch(globs as string[], { dot: true });
}
