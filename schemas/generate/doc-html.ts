/**
 * Converts the small HTML dialect of the SDK doc comments (<p>, <code>, <a>, <ul>/<ol>/<li>,
 * <note>, <important>, <b>, <dl>/<dt>/<dd>; <i> is rendered as plain text) into Markdown for editors and plain text for
 * `description`. Deterministic; unknown tags are dropped, their text kept.
 */

interface Token {
  tag?: string;
  closing?: boolean;
  text?: string;
  href?: string;
}

function tokenize(html: string): Token[] {
  const tokens: Token[] = [];
  const re = /<(\/?)([a-zA-Z]+)([^>]*)>|([^<]+)|(<)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(html))) {
    if (m[4] !== undefined || m[5] !== undefined) {
      tokens.push({ text: decodeEntities(m[4] ?? m[5]) });
    } else {
      const href = /href="([^"]*)"/.exec(m[3])?.[1];
      tokens.push({ tag: m[2].toLowerCase(), closing: m[1] === '/', href });
    }
  }
  return tokens;
}

function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\\([{}])/g, '$1');
}

/** Converts doc HTML to Markdown. */
export function htmlToMarkdown(html: string): string {
  return render(html, true);
}

/** Converts doc HTML to plain text (no markup), paragraphs separated by blank lines. */
export function htmlToText(html: string): string {
  return render(html, false);
}

function render(html: string, markdown: boolean): string {
  const blocks: string[] = [];
  let line = '';
  const listStack: { ordered: boolean; index: number }[] = [];
  const links: string[] = [];
  const flush = () => {
    const text = line.replace(/[ \t]+/g, ' ').trim();
    if (text) blocks.push(text);
    line = '';
  };
  for (const token of tokenize(html)) {
    if (token.text !== undefined) {
      line += token.text;
      continue;
    }
    const { tag, closing } = token;
    switch (tag) {
      case 'p':
      case 'dd':
        if (!listStack.length || !closing) {
          if (!listStack.length) flush();
        }
        break;
      case 'ul':
      case 'ol':
        flush();
        if (closing) listStack.pop();
        else listStack.push({ ordered: tag === 'ol', index: 0 });
        break;
      case 'li':
        if (closing) {
          flush();
        } else {
          flush();
          const list = listStack[listStack.length - 1];
          const depth = Math.max(0, listStack.length - 1);
          const bullet = list?.ordered ? `${++list.index}.` : '-';
          line = `${'  '.repeat(depth)}${bullet} `;
        }
        break;
      case 'dt':
        flush();
        if (!closing && markdown) line = '**';
        else if (closing && markdown) {
          line += '**';
          flush();
        }
        break;
      case 'note':
      case 'important':
        flush();
        if (!closing) line = markdown ? `> **${tag === 'note' ? 'Note' : 'Important'}:** ` : '';
        break;
      case 'code':
        if (markdown) line += '`';
        break;
      case 'b':
        if (markdown) line += '**';
        break;
      case 'a':
        if (!markdown) break;
        if (closing) {
          const href = links.pop();
          line += href ? `](${href})` : '';
        } else {
          links.push(token.href ?? '');
          if (token.href) line += '[';
        }
        break;
      default:
        break;
    }
  }
  flush();
  let out = blocks.join('\n\n');
  if (markdown) {
    // Empty <code></code> pairs leave a bare pair of backticks.
    out = out.replace(/``/g, '');
    out = out.replace(/\n\n(\s*(-|\d+\.) )/g, '\n$1');
  }
  return out.trim();
}

/**
 * Per-value descriptions of an enum, where a member's doc lists them as `<li><code>VALUE</code>...`
 * or `<dt>VALUE</dt><dd>...</dd>`. Returns plain-text descriptions by value.
 */
export function enumValueDocs(html: string, values: readonly string[]): Map<string, string> {
  const found = new Map<string, string>();
  const items = [
    ...html.matchAll(/<li>\s*(?:<p>)?\s*<code>([A-Za-z0-9_:.-]+)<\/code>([\s\S]*?)<\/li>/g),
    ...html.matchAll(/<dt>\s*(?:<code>)?([A-Za-z0-9_:.-]+)(?:<\/code>)?\s*<\/dt>\s*<dd>([\s\S]*?)<\/dd>/g),
  ];
  for (const [, value, rest] of items) {
    if (!values.includes(value) || found.has(value)) continue;
    const text = htmlToText(rest).replace(/^[\s\u2013\u2014:-]+/, '').trim();
    if (text) found.set(value, text);
  }
  return found;
}
