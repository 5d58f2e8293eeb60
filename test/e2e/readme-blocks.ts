/**
 * Code blocks of README.md that tests run as written. A block is marked by an HTML comment on
 * the line right before its fence, `<!-- name: tag -->` (invisible when the README is rendered),
 * so a test finds it by name and reads the tag (a Neovim version range, an install variant).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export const README = path.resolve(__dirname, '..', '..', 'README.md');

export interface ReadmeBlock {
  tag: string;
  /** The fence's info string (`lua`, `sh`). */
  lang: string;
  /** The block's text, with a final newline. */
  code: string;
  /** 1-based line of the marker, for messages. */
  line: number;
}

/** Every block marked `<!-- name: tag -->`, in README order. A marker with no fence after it throws. */
export function readmeBlocks(name: string, text = fs.readFileSync(README, 'utf8')): ReadmeBlock[] {
  const lines = text.split('\n');
  const marker = new RegExp(`^<!--\\s*${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\s*(\\S+)\\s*-->\\s*$`);
  const blocks: ReadmeBlock[] = [];
  lines.forEach((line, i) => {
    const match = marker.exec(line);
    if (!match) return;
    const fence = /^```(\w*)\s*$/.exec(lines[i + 1] ?? '');
    if (!fence) throw new Error(`README.md:${i + 1}: marker "${name}: ${match[1]}" is not followed by a fenced block`);
    const end = lines.findIndex((l, j) => j > i + 1 && /^```\s*$/.test(l));
    if (end < 0) throw new Error(`README.md:${i + 2}: fenced block never closes`);
    blocks.push({ tag: match[1], lang: fence[1], code: `${lines.slice(i + 2, end).join('\n')}\n`, line: i + 1 });
  });
  return blocks;
}
