/**
 * Neovim versions and the version ranges the README's snippets are marked with:
 * `0.7` (that minor only), `0.8-0.10` (both ends included), `0.11+` (that minor and later).
 * Only major.minor counts: Neovim's Lua API changes between minors, not patches.
 */
import { execFileSync } from 'node:child_process';

export interface Version {
  major: number;
  minor: number;
  patch: number;
}

export interface VersionRange {
  min: Version;
  /** Undefined for an open range (`0.11+`). */
  max?: Version;
}

/** The version `nvim --version` prints on its first line (`NVIM v0.7.2`), or undefined. */
export function installedNeovim(): Version | undefined {
  try {
    const out = execFileSync('nvim', ['--version'], { encoding: 'utf8', timeout: 10_000, stdio: ['ignore', 'pipe', 'ignore'] });
    const match = /^NVIM v(\d+)\.(\d+)\.(\d+)/.exec(out);
    return match ? { major: Number(match[1]), minor: Number(match[2]), patch: Number(match[3]) } : undefined;
  } catch {
    return undefined;
  }
}

function minor(text: string): Version {
  const match = /^(\d+)\.(\d+)$/.exec(text);
  if (!match) throw new Error(`not a Neovim major.minor version: "${text}"`);
  return { major: Number(match[1]), minor: Number(match[2]), patch: 0 };
}

export function parseRange(tag: string): VersionRange {
  if (tag.endsWith('+')) return { min: minor(tag.slice(0, -1)) };
  const [low, high] = tag.split('-');
  return { min: minor(low), max: minor(high ?? low) };
}

/** Compares major.minor only. */
export function compareMinor(a: Version, b: Version): number {
  return a.major - b.major || a.minor - b.minor;
}

export function inRange(version: Version, range: VersionRange): boolean {
  return compareMinor(version, range.min) >= 0 && (range.max === undefined || compareMinor(version, range.max) <= 0);
}

export function formatVersion(v: Version, withPatch = false): string {
  return withPatch ? `${v.major}.${v.minor}.${v.patch}` : `${v.major}.${v.minor}`;
}

/** "Neovim 0.7", "Neovim 0.8 to 0.10", "Neovim 0.11 or later". */
export function formatRange(range: VersionRange): string {
  const min = formatVersion(range.min);
  if (range.max === undefined) return `Neovim ${min} or later`;
  return compareMinor(range.min, range.max) === 0 ? `Neovim ${min}` : `Neovim ${min} to ${formatVersion(range.max)}`;
}

/**
 * Why `ranges` do not cover every minor from `first` on, each once, or undefined when they do.
 * Neovim 0.x minors follow one another (0.10 after 0.9); a jump to 1.0 would need a new range.
 */
export function coverageGap(ranges: VersionRange[], first: Version): string | undefined {
  const sorted = [...ranges].sort((a, b) => compareMinor(a.min, b.min));
  let next = first;
  for (const range of sorted) {
    if (compareMinor(range.min, next) !== 0) return `${formatRange(range)} does not start where the previous range ends (expected ${formatVersion(next)})`;
    if (range.max === undefined) return range === sorted[sorted.length - 1] ? undefined : `${formatRange(range)} is open but not the last range`;
    if (compareMinor(range.max, range.min) < 0) return `${formatRange(range)} ends before it starts`;
    next = { major: range.max.major, minor: range.max.minor + 1, patch: 0 };
  }
  return `no range for Neovim ${formatVersion(next)} or later`;
}
