/**
 * Nesting guards, run before any recursive parser sees the text (jsonc-parser and the yaml
 * composer recurse once per level; 100,000 levels would overflow the stack or worse).
 */

/** Default maximum nesting of objects and arrays; real definitions nest about ten levels. */
export const DEFAULT_MAX_DEPTH = 512;

/** Where the text first exceeds a depth limit. */
export interface DepthExceeded {
  /** Offset of the opening bracket (or line position) that went past the limit. */
  offset: number;
  length: number;
}

const OPEN_BRACE = 123; // {  (its closer is 125)
const OPEN_BRACKET = 91; // [  (its closer is 93)
const CLOSE_BRACE = 125;
const CLOSE_BRACKET = 93;
const QUOTE = 34;
const BACKSLASH = 92;
const SLASH = 47;
const STAR = 42;
const LF = 10;
const CR = 13;

/**
 * Exact JSON check, as one character loop that tokenizes strings and comments exactly as
 * jsonc-parser's scanner does (strings end at an unescaped `"` or before a line break; `\`
 * takes the next character whatever it is; `//` runs to the line break, `/*` to `*\/`).
 * Closers pop only their own opener: the parser skips a mismatched closer without leaving the
 * container, so popping on it would undercount the parser's recursion. Texts with few brackets
 * skip the loop.
 */
export function jsonDepthExceeded(text: string, maxDepth: number): DepthExceeded | undefined {
  if (countOpeners(text, maxDepth) <= maxDepth) return undefined;
  const open = new Uint8Array(maxDepth + 1);
  let depth = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const ch = text.charCodeAt(i);
    if (ch === OPEN_BRACE || ch === OPEN_BRACKET) {
      if (depth === maxDepth) return { offset: i, length: 1 };
      open[depth++] = ch;
    } else if (ch === CLOSE_BRACE || ch === CLOSE_BRACKET) {
      if (depth > 0 && open[depth - 1] === ch - 2) depth--;
    } else if (ch === QUOTE) {
      for (i++; i < n; i++) {
        const c = text.charCodeAt(i);
        if (c === QUOTE) break;
        if (c === BACKSLASH) i++;
        else if (c === LF || c === CR) {
          i--; // the line break is not part of the string
          break;
        }
      }
    } else if (ch === SLASH && text.charCodeAt(i + 1) === SLASH) {
      while (i + 1 < n && text.charCodeAt(i + 1) !== LF && text.charCodeAt(i + 1) !== CR) i++;
    } else if (ch === SLASH && text.charCodeAt(i + 1) === STAR) {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? n : end + 1;
    }
  }
  return undefined;
}

/** Count of `{` and `[`, stopping early once above `limit`. */
function countOpeners(text: string, limit: number): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if ((ch === OPEN_BRACE || ch === OPEN_BRACKET) && ++count > limit) return count;
  }
  return count;
}

/**
 * Conservative YAML bound on the raw text, cheap and never an underestimate: per line, the
 * indentation, plus the block indicators (`- `, `? `, `: `) on it, plus the open flow brackets
 * so far (quotes and comments are ignored, which can only overcount). It guards the yaml
 * library's lexer and parser, which misbehave on extreme input; the exact depth is then checked
 * on the CST (yaml.ts) against the real limit. `limit` is therefore far above the real limit.
 */
export function yamlDepthEstimateExceeded(text: string, limit: number): DepthExceeded | undefined {
  let flow = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const lineStart = i;
    let indent = 0;
    while (i < n && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) {
      indent++;
      i++;
    }
    if (indent > limit) return { offset: lineStart, length: indent };
    let indicators = 0;
    while (i < n) {
      const ch = text.charCodeAt(i);
      if (ch === 10 || ch === 13) break;
      if (ch === OPEN_BRACE || ch === OPEN_BRACKET) flow++;
      else if ((ch === CLOSE_BRACE || ch === CLOSE_BRACKET) && flow > 0) flow--;
      else if (ch === 45 /* - */ || ch === 63 /* ? */ || ch === 58 /* : */) {
        const next = i + 1 < n ? text.charCodeAt(i + 1) : 10;
        if (next === 32 || next === 9 || next === 10 || next === 13) indicators++;
      }
      if (indent + indicators + flow > limit) return { offset: i, length: 1 };
      i++;
    }
    if (i < n && text.charCodeAt(i) === 13 && text.charCodeAt(i + 1) === 10) i++;
    i++;
  }
  return undefined;
}
