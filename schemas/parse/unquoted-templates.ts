/**
 * ecspresso renders Go templates before it parses, so its files may hold a template where a value
 * goes, unquoted: `"desiredCount": {{ must_env `COUNT` }}`. Such a file is not JSON (or YAML) until
 * rendered, yet it is not broken: it is templated. Before parsing, each unquoted template in a
 * value position is replaced by a quoted placeholder string of exactly the same length, so every
 * offset (and so every diagnostic range) still points into the user's text, and the value is
 * "unknown" to the validator like any quoted placeholder.
 *
 * Templates elsewhere (around keys, `{{ if }}` blocks between members) are left as they are: the
 * parser reports them, which is the truth about a file ecsdef cannot read without rendering it.
 */
import type { Language } from './index';

export interface Masked {
  text: string;
  /** How many unquoted templates were replaced. */
  count: number;
}

export function maskUnquotedTemplates(text: string, language: Language): Masked {
  if (!text.includes('{{')) return { text, count: 0 };
  const spans = language === 'json' ? jsonSpans(text) : yamlSpans(text);
  if (spans.length === 0) return { text, count: 0 };
  let out = '';
  let at = 0;
  for (const [start, end] of spans) {
    out += text.slice(at, start) + quotedPlaceholder(end - start);
    at = end;
  }
  return { text: out + text.slice(at), count: spans.length };
}

/** A string literal of `length` characters that the validator sees as a Go-template placeholder. */
function quotedPlaceholder(length: number): string {
  // `{{.}}` is too short for a quoted placeholder: null (absent) keeps the offsets instead.
  if (length < 6) return 'null'.padEnd(length, ' ');
  return `"{{${'_'.repeat(length - 6)}}}"`;
}

/** Unquoted `{{ … }}` outside JSON strings and comments, as [start, end) offsets. */
function jsonSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '"') {
      i = endOfJsonString(text, i);
    } else if (ch === '/' && text[i + 1] === '/') {
      const eol = text.indexOf('\n', i);
      i = eol < 0 ? text.length : eol;
    } else if (ch === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      i = close < 0 ? text.length : close + 2;
    } else if (ch === '{' && text[i + 1] === '{') {
      const close = text.indexOf('}}', i + 2);
      if (close < 0) break;
      if (isJsonValuePosition(text, i) && close + 2 - i >= 4) spans.push([i, close + 2]);
      i = close + 2;
    } else {
      i += 1;
    }
  }
  return spans;
}

function endOfJsonString(text: string, open: number): number {
  let i = open + 1;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '\\') i += 2;
    else if (ch === '"' || ch === '\n') return i + 1;
    else i += 1;
  }
  return i;
}

/** After `:`, `[` or `,` (skipping blanks): where a JSON value starts. */
function isJsonValuePosition(text: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && /\s/.test(text[i])) i -= 1;
  return i >= 0 && (text[i] === ':' || text[i] === '[' || text[i] === ',');
}

/**
 * YAML: a plain scalar that starts with `{{` (after `key: `, `- ` or at the start of a line) would
 * be read as a flow mapping. The span runs to the end of the scalar: the end of the line or a
 * ` #` comment.
 */
function yamlSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  const valueStart = /^(\s*(?:-\s+)*(?:[^\s#"'{][^#"']*?:\s+)?)\{\{/;
  let lineStart = 0;
  for (const line of text.split('\n')) {
    const match = valueStart.exec(line);
    if (match && line.includes('}}', match[1].length)) {
      const start = match[1].length;
      const comment = line.indexOf(' #', line.indexOf('}}', start));
      const end = (comment < 0 ? line.replace(/\s+$/, '') : line.slice(0, comment).replace(/\s+$/, '')).length;
      if (end - start >= 4) spans.push([lineStart + start, lineStart + end]);
    }
    lineStart += line.length + 1;
  }
  return spans;
}
