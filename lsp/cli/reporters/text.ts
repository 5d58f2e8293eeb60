import { escapeControlCharacters } from '../../../schemas/display-text';
import type { Reporter } from './types';

/**
 * One line per problem, `file:line:col  severity  ruleId  message`, the shape editors' and CI
 * problem matchers recognise. Clean files print nothing (the summary goes to stderr).
 *
 * File names and messages have their control characters escaped (`\n`, `\u001b`): the output
 * lands in terminals and CI logs, where a newline in a file name would forge a line (a GitHub
 * Actions `::error` command among them) and an ESC would drive the terminal.
 */
export const text: Reporter = (results) => {
  const lines: string[] = [];
  for (const result of results) {
    const file = escapeControlCharacters(result.displayPath);
    for (const m of result.messages) {
      lines.push(`${file}:${m.line}:${m.column}  ${m.severity}  ${m.ruleId}  ${escapeControlCharacters(oneLine(m.message))}`);
    }
  }
  return lines.length > 0 ? lines.join('\n') + '\n' : '';
};

function oneLine(message: string): string {
  return message.replace(/\s*[\r\n]+\s*/g, ' ');
}

export default text;
