import { GlobError, MAX_GLOB_ALTERNATIVES, MAX_GLOB_LENGTH, parseGlob, type GlobNode, type ParsedGlob } from './glob-syntax';

export { GlobError, MAX_GLOB_ALTERNATIVES, MAX_GLOB_LENGTH };

/**
 * Globs -> `(relPath) => boolean`, matched without backtracking: each glob becomes a
 * nondeterministic automaton with one state per step (braces are not multiplied out), and a
 * path is run through all states at once (Thompson), so a match costs at most
 * O(path length x glob length) whatever the glob; `*a*a*a*a*b` is no slower than `*b`.
 *
 * Paths are relative, `/`-separated and normalised (no `.`, `..` or empty segments, no
 * trailing `/`), as FilePatterns.relative() makes them. A list matches when any of its globs
 * matches, a negated glob (`!x`) when its glob does not: picomatch's reading of a list. Like
 * picomatch, a glob also matches a path spelled exactly like it (`copy (1).json`).
 *
 * `**` is a globstar when it is a whole path segment (`a/**` matches `a` and `a/x/y`,
 * `**` + `/x` matches `x`, `a/**` + `/b` matches `a/b`), a star anywhere else. Braces count as
 * multiplied out, as in a shell: `{a/,}**` is `a/**` or `**`. A `**` that would be a globstar
 * in some alternatives and not in others is refused.
 */
export type GlobMatcher = (relPath: string) => boolean;

export interface CompileOptions {
  /** Also match everything inside a match (ignores: `dist` covers `dist/x.json`), as `glob/**` would. */
  orInside?: boolean;
}

/** Throws GlobError when a glob cannot be used. */
export function compileGlobs(globs: readonly string[], options: CompileOptions = {}): GlobMatcher {
  const positive = new Automaton();
  const negated: Automaton[] = [];
  const spelled = new Set<string>();
  for (const source of globs) {
    const variants = options.orInside ? insideVariants(source) : [parseGlob(source)];
    if (!variants[0].negated) spelled.add(source);
    for (const glob of variants) {
      if (!glob.negated) {
        positive.addGlob(glob);
      } else {
        const automaton = new Automaton();
        automaton.addGlob(glob);
        negated.push(automaton);
      }
    }
  }
  return (relPath) => {
    if (relPath === '') return false;
    if (spelled.has(relPath) || positive.matches(relPath)) return true;
    return negated.some((automaton) => !automaton.matches(relPath));
  };
}

/** Throws GlobError when `compileGlobs([glob])` would. */
export function checkGlob(glob: string): void {
  compileGlobs([glob]);
}

/**
 * A command-line glob split into the directory to walk (its leading segments without glob
 * syntax, unescaped) and the glob for paths relative to that directory. `!` is literal here.
 */
export function splitStaticBase(glob: string): { base: string; rest: string } {
  const { steps } = parseGlob(glob, { negation: false });
  const literal: number[] = [];
  let slash = -1;
  for (const step of steps) {
    if (step.type !== 'char') break;
    if (step.code === SLASH) slash = literal.length;
    literal.push(step.code);
  }
  if (slash < 0) return { base: '', rest: escapeNegation(glob.slice(steps[0].at)) };
  const base = slash === 0 ? '/' : String.fromCharCode(...literal.slice(0, slash));
  return { base, rest: escapeNegation(glob.slice(steps[slash].at + 1)) };
}

function escapeNegation(rest: string): string {
  return rest.startsWith('!') ? `\\${rest}` : rest;
}

/** `g` and `g/**` (trailing slashes dropped), each negated when `g` is, as picomatch would read both. */
function insideVariants(source: string): ParsedGlob[] {
  const glob = parseGlob(source);
  const trimmed = parseGlob(source.replace(/\/+$/, ''), { allowEmpty: true });
  const inside = [...trimmed.steps, { type: 'char', code: SLASH, at: -1 } as const, { type: 'doubleStar', at: -1 } as const];
  return [glob, { ...trimmed, steps: inside }];
}

const SLASH = 0x2f;
/** Stands for "the start of the path" among the states before a `**`. */
const START = -1;

/** A `**` waiting for resolveDoubleStars(): its placeholder state and the state after it. */
interface DoubleStar {
  state: number;
  next: number;
}

/** What a state consumes: nothing (epsilon only), one code unit, any but `/`, anything, a class. */
const enum Take {
  Nothing,
  Code,
  NotSlash,
  Anything,
  Class,
}

function flatten(lists: number[][]): { epsilonStart: Int32Array; epsilonTargets: Int32Array } {
  const epsilonStart = new Int32Array(lists.length + 1);
  for (let s = 0; s < lists.length; s++) epsilonStart[s + 1] = epsilonStart[s] + lists[s].length;
  return { epsilonStart, epsilonTargets: Int32Array.from(lists.flat()) };
}

class Automaton {
  private readonly take: Take[] = [Take.Nothing];
  private readonly code: number[] = [0];
  private readonly classes: Array<{ negated: boolean; ranges: number[] } | undefined> = [undefined];
  private readonly target: number[] = [-1];
  private readonly epsilon: number[][] = [[]];
  /** State 0 is the start (epsilon to each glob); state 1 accepts. */
  private readonly accept = this.state(Take.Nothing, -1);
  /** The epsilons flattened on the first match (`epsilonStart[s]` to `epsilonStart[s + 1]`). */
  private flat: { epsilonStart: Int32Array; epsilonTargets: Int32Array } | undefined;
  private marks = new Uint32Array(0);
  private generation = 0;

  addGlob(glob: ParsedGlob): void {
    const first = this.take.length;
    const doubleStars: DoubleStar[] = [];
    const entry = this.sequence(glob.steps, this.accept, doubleStars);
    this.epsilon[0].push(entry);
    if (doubleStars.length > 0) this.resolveDoubleStars(glob.source, entry, first, doubleStars);
    this.flat = undefined;
  }

  /**
   * All states at once, one code unit at a time: each step visits a state and an epsilon at
   * most once (marks per generation), so it costs O(states) whatever the path was so far.
   */
  matches(path: string): boolean {
    const size = this.take.length;
    if (!this.flat) {
      this.flat = flatten(this.epsilon);
      this.marks = new Uint32Array(size);
    }
    let current = new Int32Array(size);
    let next = new Int32Array(size);
    const stack = new Int32Array(size + this.flat.epsilonTargets.length);
    let count = this.close(0, current, 0, ++this.generation, stack);
    for (let i = 0; i < path.length && count > 0; i++) {
      const c = path.charCodeAt(i);
      const generation = ++this.generation;
      let nextCount = 0;
      for (let k = 0; k < count; k++) {
        const s = current[k];
        if (this.takes(s, c)) nextCount = this.close(this.target[s], next, nextCount, generation, stack);
      }
      [current, next] = [next, current];
      count = nextCount;
    }
    return count > 0 && this.marks[this.accept] === this.generation;
  }

  /** Adds `s` and what its epsilons reach to `into` (consuming states and accept only). */
  private close(s: number, into: Int32Array, count: number, generation: number, stack: Int32Array): number {
    const { epsilonStart, epsilonTargets } = this.flat as NonNullable<Automaton['flat']>;
    let top = 0;
    stack[top++] = s;
    while (top > 0) {
      const t = stack[--top];
      if (this.marks[t] === generation) continue;
      this.marks[t] = generation;
      if (this.take[t] !== Take.Nothing || t === this.accept) into[count++] = t;
      for (let k = epsilonStart[t]; k < epsilonStart[t + 1]; k++) if (this.marks[epsilonTargets[k]] !== generation) stack[top++] = epsilonTargets[k];
    }
    return count;
  }

  private state(take: Take, target: number, code = 0): number {
    this.take.push(take);
    this.code.push(code);
    this.classes.push(undefined);
    this.target.push(target);
    this.epsilon.push([]);
    return this.take.length - 1;
  }

  /** Entry state of `steps` followed by `next`; built back to front, so each step knows its successor. */
  private sequence(steps: GlobNode[], next: number, doubleStars: DoubleStar[]): number {
    for (let k = steps.length - 1; k >= 0; k--) next = this.step(steps[k], next, doubleStars);
    return next;
  }

  private step(step: GlobNode, next: number, doubleStars: DoubleStar[]): number {
    switch (step.type) {
      case 'char':
        return this.state(Take.Code, next, step.code);
      case 'one':
        return this.state(Take.NotSlash, next);
      case 'class': {
        const s = this.state(Take.Class, next);
        this.classes[s] = { negated: step.negated, ranges: step.ranges };
        return s;
      }
      case 'star':
        return this.star(next);
      case 'doubleStar': {
        const s = this.state(Take.Nothing, -1);
        doubleStars.push({ state: s, next });
        return s;
      }
      case 'group': {
        const s = this.state(Take.Nothing, -1);
        for (const alternative of step.alternatives) this.epsilon[s].push(this.sequence(alternative, next, doubleStars));
        return s;
      }
    }
  }

  private star(next: number, s = this.state(Take.NotSlash, -1)): number {
    this.take[s] = Take.NotSlash;
    this.target[s] = s;
    this.epsilon[s].push(next);
    return s;
  }

  /**
   * Decides each `**` from what can come right before and after it (a `/`, the start, the
   * end): a globstar consumes anything, and "no segment at all" is an epsilon that skips the
   * `/` after it (`**` + `/x` matches `x`) or the `/` before it (`a/**` matches `a`).
   */
  private resolveDoubleStars(source: string, entry: number, first: number, doubleStars: DoubleStar[]): void {
    const nextOf = new Map(doubleStars.map((d) => [d.state, d.next]));
    const before = new Map<number, number[]>(doubleStars.map((d) => [d.state, []]));
    const noteBefore = (from: number, who: number): void => {
      for (const s of this.reach(from, nextOf)) before.get(s)?.push(who);
    };
    noteBefore(entry, START);
    for (let s = first; s < this.take.length; s++) {
      if (nextOf.has(s)) noteBefore(nextOf.get(s) as number, s);
      else if (this.take[s] !== Take.Nothing) noteBefore(this.take[s] === Take.NotSlash && this.target[s] === s ? this.epsilon[s][0] : this.target[s], s);
    }

    const isSlash = (s: number): boolean => this.take[s] === Take.Code && this.code[s] === SLASH;
    for (const { state, next } of doubleStars) {
      const left = before.get(state) as number[];
      const right = this.reach(next, nextOf);
      const leftOk = left.filter((s) => s === START || isSlash(s)).length;
      const rightOk = right.filter((s) => s === this.accept || isSlash(s)).length;
      if (leftOk === 0 || rightOk === 0) {
        this.star(next, state);
      } else if (leftOk < left.length || rightOk < right.length) {
        throw new GlobError(source, '** is a whole path segment in some alternatives and not in others; split the glob in two');
      } else {
        const inside = this.state(Take.Anything, -1);
        this.target[inside] = inside;
        this.epsilon[inside].push(next);
        this.epsilon[state].push(inside, ...right.filter(isSlash).map((s) => this.target[s]));
        for (const s of left) if (s !== START) this.epsilon[s].push(next);
      }
    }
  }

  /** Consuming states (and the accept state) reachable from `from` through group branches alone. */
  private reach(from: number, doubleStars: Map<number, number>): number[] {
    const found: number[] = [];
    const seen = new Set<number>();
    const stack = [from];
    while (stack.length > 0) {
      const s = stack.pop() as number;
      if (seen.has(s)) continue;
      seen.add(s);
      if (this.take[s] !== Take.Nothing || s === this.accept || doubleStars.has(s)) found.push(s);
      else stack.push(...this.epsilon[s]);
    }
    return found;
  }

  private takes(s: number, c: number): boolean {
    switch (this.take[s]) {
      case Take.Code:
        return this.code[s] === c;
      case Take.NotSlash:
        return c !== SLASH;
      case Take.Anything:
        return true;
      case Take.Class: {
        if (c === SLASH) return false;
        const { negated, ranges } = this.classes[s] as { negated: boolean; ranges: number[] };
        let inside = false;
        for (let k = 0; k < ranges.length && !inside; k += 2) inside = ranges[k] <= c && c <= ranges[k + 1];
        return inside !== negated;
      }
      default:
        return false;
    }
  }
}
