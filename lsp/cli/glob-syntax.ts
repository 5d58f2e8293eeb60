/**
 * Glob text -> a tree of matching steps (lsp/cli/glob.ts turns it into an automaton).
 *
 * The syntax is picomatch's with `{ dot: true }` (what ecsdef used before), read the way a shell
 * reads it where picomatch leaks regular-expression behaviour:
 *   `*` `?` `[abc]` `[a-z]` `[!a]` `[^a]` (a class never matches `/`), `**`, `{a,b}` (nested;
 *   a pair of braces without a top-level comma is literal text), `@(a|b)` and `(a|b)`
 *   (alternatives), `\x` (x literally), a leading `!` (negation, repeatable), leading `./`
 *   (dropped). An unclosed `[`, `{` or `(` is literal text.
 * Refused, with the reason: the extglobs `+(` `*(` `?(` `!(`, POSIX classes (`[[:alpha:]]`),
 * brace ranges (`{1..3}`), `|` inside braces, `?` or `+` right after `(...)` (picomatch reads
 * those as regular-expression quantifiers), a class that names `/`, and the bounds below.
 * Everything here is linear in the glob's length, so a glob of any length is refused quickly.
 */

/** Longest glob accepted, in UTF-16 code units. */
export const MAX_GLOB_LENGTH = 1000;
/** Most alternatives one glob may stand for once its braces are multiplied out. */
export const MAX_GLOB_ALTERNATIVES = 256;

/** A glob that cannot be used; `message` names it (shortened) and says why. */
export class GlobError extends Error {
  constructor(
    readonly glob: string,
    readonly reason: string,
  ) {
    super(`glob ${quoteGlob(glob)}: ${reason}`);
    this.name = 'GlobError';
  }
}

/** The glob in quotes for a one-line message: long ones are cut, not printed whole. */
export function quoteGlob(glob: string): string {
  return `'${glob.length > 60 ? `${glob.slice(0, 40)}...` : glob}'`;
}

/** One step of a glob. `at` is the offset in the source (-1 for steps added by the matcher). */
export type GlobNode =
  | { type: 'char'; code: number; at: number }
  | { type: 'one'; at: number }
  /** `ranges` holds [low, high] code unit pairs. */
  | { type: 'class'; negated: boolean; ranges: number[]; at: number }
  | { type: 'star'; at: number }
  /** Exactly two stars: a globstar where it is a whole path segment, else a star (glob.ts decides). */
  | { type: 'doubleStar'; at: number }
  | { type: 'group'; alternatives: GlobNode[][]; at: number };

export interface ParsedGlob {
  source: string;
  negated: boolean;
  steps: GlobNode[];
}

const SLASH = 0x2f;
const RANGE = /^(?:-?\d+\.\.-?\d+|[a-zA-Z]\.\.[a-zA-Z])(?:\.\.-?\d+)?$/;
const POSIX_CLASS = /\[([:=.])[^\]]*\1$/;

export interface ParseOptions {
  /** Whether a leading `!` negates (false for command-line operands: there `!name` is a name). */
  negation?: boolean;
  /** Accept a glob with nothing after `!` and `./` (the matcher appends steps to it). */
  allowEmpty?: boolean;
}

export function parseGlob(source: string, { negation = true, allowEmpty = false }: ParseOptions = {}): ParsedGlob {
  const fail = (reason: string): never => {
    throw new GlobError(source, reason);
  };
  if (source.length > MAX_GLOB_LENGTH) fail(`longer than ${MAX_GLOB_LENGTH} characters (${source.length})`);
  let start = 0;
  let negated = false;
  while (negation && source[start] === '!' && source[start + 1] !== '(') {
    negated = !negated;
    start++;
  }
  while (source.startsWith('./', start)) start += 2;
  if (start === source.length && !allowEmpty) fail(source === '' ? 'is empty' : 'matches nothing (only ! or ./)');
  const structure = scanStructure(source, start, fail);
  const steps = new Parser(source, structure, fail).parse(start, source.length);
  if (countAlternatives(steps) > MAX_GLOB_ALTERNATIVES) fail(`expands to more than ${MAX_GLOB_ALTERNATIVES} alternatives`);
  return { source, negated, steps };
}

interface Structure {
  /** For a `[` that opens a class: the offset of its `]`. */
  classEnd: Map<number, number>;
  /** For a `{` or `(` that opens a group: its closing offset and the separators at its level. */
  groups: Map<number, { end: number; separators: number[] }>;
}

/**
 * Finds classes and groups in one pass, so the parser never looks ahead (no quadratic retries
 * on `{{{{...` or `[[[[...`). A closer pairs only with the innermost open group of its kind.
 */
function scanStructure(s: string, from: number, fail: (reason: string) => never): Structure {
  const classEnd = new Map<number, number>();
  const groups = new Map<number, { end: number; separators: number[] }>();
  const open: Array<{ at: number; kind: string; separators: number[]; bar: boolean }> = [];
  for (let i = from; i < s.length; i++) {
    const c = s[i];
    const top = open[open.length - 1];
    if (c === '\\') {
      i++;
    } else if (c === '[') {
      const end = findClassEnd(s, i);
      if (end >= 0) {
        classEnd.set(i, end);
        i = end;
      }
    } else if (c === '{' || c === '(') {
      open.push({ at: i, kind: c, separators: [], bar: false });
    } else if (c === ',' && top?.kind === '{') {
      top.separators.push(i);
    } else if (c === '|' && top) {
      if (top.kind === '(') top.separators.push(i);
      else top.bar = true;
    } else if (c === ')' && top?.kind === '(') {
      open.pop();
      groups.set(top.at, { end: i, separators: top.separators });
    } else if (c === '}' && top?.kind === '{') {
      open.pop();
      if (top.bar) fail('| inside {...}: separate alternatives with , (or write @(a|b))');
      if (top.separators.length > 0) groups.set(top.at, { end: i, separators: top.separators });
      else if (RANGE.test(s.slice(top.at + 1, i))) fail('brace ranges such as {1..3} are not supported; list the values, e.g. {1,2,3}');
    }
  }
  return { classEnd, groups };
}

function findClassEnd(s: string, open: number): number {
  let j = open + 1;
  if (s[j] === '!' || s[j] === '^') j++;
  if (s[j] === ']') j++;
  for (; j < s.length; j++) {
    if (s[j] === '\\') j++;
    else if (s[j] === ']') return j;
  }
  return -1;
}

class Parser {
  constructor(
    private readonly s: string,
    private readonly structure: Structure,
    private readonly fail: (reason: string) => never,
  ) {}

  /** Steps for s[from, to). */
  parse(from: number, to: number): GlobNode[] {
    const { s, structure } = this;
    const steps: GlobNode[] = [];
    let i = from;
    while (i < to) {
      const c = s[i];
      const group = structure.groups.get(i);
      const parenGroupNext = s[i + 1] === '(' ? structure.groups.get(i + 1) : undefined;
      if (c === '\\') {
        steps.push({ type: 'char', code: i + 1 < to ? s.charCodeAt(i + 1) : 0x5c, at: i });
        i += 2;
      } else if (c === '[' && structure.classEnd.has(i)) {
        const end = structure.classEnd.get(i) as number;
        steps.push(this.parseClass(i, end));
        i = end + 1;
      } else if (c === '*') {
        let run = 1;
        while (s[i + run] === '*' && i + run < to) run++;
        if (s[i + run] === '(' && structure.groups.has(i + run)) this.unsupportedExtglob('*');
        steps.push({ type: run === 2 ? 'doubleStar' : 'star', at: i });
        i += run;
      } else if ((c === '?' || c === '+' || c === '!') && parenGroupNext) {
        this.unsupportedExtglob(c);
      } else if (c === '?') {
        steps.push({ type: 'one', at: i });
        i++;
      } else if (c === '@' && parenGroupNext) {
        steps.push(this.parseGroup(i + 1, parenGroupNext, i));
        i = this.afterParenGroup(parenGroupNext.end);
      } else if (group) {
        steps.push(this.parseGroup(i, group, i));
        i = c === '(' ? this.afterParenGroup(group.end) : group.end + 1;
      } else {
        steps.push({ type: 'char', code: s.charCodeAt(i), at: i });
        i++;
      }
    }
    return steps;
  }

  /** picomatch reads `(a|b)?` and `(a|b)+` as regular-expression quantifiers; a shell would not. */
  private afterParenGroup(end: number): number {
    const c = this.s[end + 1];
    if (c === '?' || c === '+') this.fail(`(...)${c} is not supported; write \\${c} for the character, or list the alternatives in {...}`);
    return end + 1;
  }

  private parseGroup(open: number, group: { end: number; separators: number[] }, at: number): GlobNode {
    const bounds = [open, ...group.separators, group.end];
    const alternatives: GlobNode[][] = [];
    for (let k = 0; k + 1 < bounds.length; k++) alternatives.push(this.parse(bounds[k] + 1, bounds[k + 1]));
    return { type: 'group', alternatives, at };
  }

  private parseClass(open: number, close: number): GlobNode {
    const { s, fail } = this;
    let j = open + 1;
    const negated = s[j] === '!' || s[j] === '^';
    if (negated) j++;
    if (POSIX_CLASS.test(s.slice(j, close))) fail('POSIX classes such as [:alpha:] are not supported; list the characters, e.g. [a-zA-Z]');
    const ranges: number[] = [];
    const next = (): number => {
      if (s[j] === '\\' && j + 1 < close) j++;
      return s.charCodeAt(j++);
    };
    while (j < close) {
      const low = next();
      let high = low;
      if (s[j] === '-' && j + 1 < close) {
        j++;
        high = next();
        if (high < low) fail(`[${s.slice(open + 1, close)}] has a reversed range`);
      }
      if (!negated && low <= SLASH && SLASH <= high) fail('a [...] class never matches /; write the / outside it');
      ranges.push(low, high);
    }
    return { type: 'class', negated, ranges, at: open };
  }

  private unsupportedExtglob(c: string): never {
    return this.fail(`${c}(...) is not supported; write @(a|b) or {a,b} for alternatives, or \\( for a parenthesis`);
  }
}

/** How many plain globs the braces stand for, capped just above the limit. */
function countAlternatives(steps: GlobNode[]): number {
  let product = 1;
  for (const step of steps) {
    if (step.type !== 'group') continue;
    let sum = 0;
    for (const alternative of step.alternatives) sum = Math.min(sum + countAlternatives(alternative), MAX_GLOB_ALTERNATIVES + 1);
    product = Math.min(product * sum, MAX_GLOB_ALTERNATIVES + 1);
  }
  return product;
}
