/**
 * `⟦` and `⟧` mark an expected range inside example text (the convention of
 * schemas/rules/rule.ts). Returns the text without markers and the marked range.
 */
export function unmark(marked: string): { text: string; offset: number; length: number } {
  const open = marked.indexOf('⟦');
  const close = marked.indexOf('⟧');
  if (open < 0 || close < open) throw new Error(`no ⟦…⟧ range in ${JSON.stringify(marked.slice(0, 80))}`);
  const text = marked.slice(0, open) + marked.slice(open + 1, close) + marked.slice(close + 1);
  return { text, offset: open, length: close - open - 1 };
}
