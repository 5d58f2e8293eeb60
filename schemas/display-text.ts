/**
 * User text made safe to show: definition values, property names and file names reach editors,
 * terminals and CI logs, where a control character can forge a line (`::error file=...` in a
 * GitHub Actions log) or drive the terminal (ESC), and a megabyte-long value buries the rest.
 *
 * Two primitives, shared by the messages (schemas/rules/format.ts) and the CLI's text output:
 * - `escapeControlCharacters`: C0, DEL, C1, U+2028 and U+2029 written as escapes in the style
 *   JSON.stringify already uses inside quoted values (`\n`, `\t`, `\u001b`, `\u2028`), so one
 *   message shows one style whether a value came quoted or not;
 * - `cutText`: the start of a text, at most `max` characters (code points), the cut marked.
 * Neither is for text that code reads back (fixes, JSON and SARIF fields keep values exact).
 */

const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
const SHORT_ESCAPES: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f' };

/** `text` with every control character (and the line separators U+2028/U+2029) escaped. */
export function escapeControlCharacters(text: string): string {
  return text.replace(CONTROL, (c) => SHORT_ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The first `count` code points of `text` (a surrogate pair is never split). */
function headOf(text: string, count: number): string {
  let end = 0;
  for (let kept = 0; kept < count && end < text.length; kept++) {
    end += isPairAt(text, end) ? 2 : 1;
  }
  return text.slice(0, end);
}

/** Number of code points of `text`. */
export function codePointLength(text: string): number {
  let pairs = 0;
  for (let i = 0; i < text.length - 1; i++) {
    if (isPairAt(text, i)) {
      pairs++;
      i++;
    }
  }
  return text.length - pairs;
}

/** A high surrogate followed by a low one starts at `i`: one code point in two units. */
function isPairAt(text: string, i: number): boolean {
  const high = text.charCodeAt(i);
  const low = text.charCodeAt(i + 1);
  return high >= 0xd800 && high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff;
}

/**
 * `text` cut to at most `max` code points: `head` is its start; `length`, the original length in
 * code points, is present only when something was cut.
 */
export function cutText(text: string, max: number): { head: string; length?: number } {
  // A text of at most `max` UTF-16 units has at most `max` code points.
  if (text.length <= max) return { head: text };
  const length = codePointLength(text);
  return length <= max ? { head: text } : { head: headOf(text, max), length };
}

/** Mark of a cut, right where the text stops. */
export const CUT_MARK = '…';
