/**
 * Offset <-> (line, character) conversion, both 0-based, with the line breaks LSP recognises
 * (`\r\n`, `\n`, `\r`). Line starts are computed on first use only: a clean file never needs them.
 */

export interface Position {
  /** 0-based line. */
  line: number;
  /** 0-based UTF-16 column. */
  character: number;
}

export class LineIndex {
  private starts: number[] | undefined;

  constructor(private readonly text: string) {}

  get lineCount(): number {
    return this.lineStarts().length;
  }

  /** Position of `offset`, clamped to the text. */
  positionAt(offset: number): Position {
    const starts = this.lineStarts();
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: clamped - starts[low] };
  }

  /** Offset of `position`, clamped to its line (a character past the end means end of line). */
  offsetAt(position: Position): number {
    const starts = this.lineStarts();
    if (position.line < 0) return 0;
    if (position.line >= starts.length) return this.text.length;
    const start = starts[position.line];
    const end = position.line + 1 < starts.length ? this.contentEnd(starts[position.line + 1]) : this.text.length;
    return Math.max(start, Math.min(start + position.character, end));
  }

  /** Offset where line `line` starts (clamped). */
  lineStart(line: number): number {
    const starts = this.lineStarts();
    return starts[Math.max(0, Math.min(line, starts.length - 1))];
  }

  private contentEnd(nextLineStart: number): number {
    let end = nextLineStart;
    if (end > 0 && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > 0 && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  private lineStarts(): number[] {
    if (this.starts) return this.starts;
    const text = this.text;
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      } else if (ch === 10) {
        starts.push(i + 1);
      }
    }
    this.starts = starts;
    return starts;
  }
}
