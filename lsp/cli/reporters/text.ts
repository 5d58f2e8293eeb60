import type { Reporter } from './types';

/**
 * One line per problem, `file:line:col  severity  ruleId  message`, the shape editors' and CI
 * problem matchers recognise. Clean files print nothing (the summary goes to stderr).
 */
export const text: Reporter = (results) => {
  const lines: string[] = [];
  for (const result of results) {
    for (const m of result.messages) {
      lines.push(`${result.displayPath}:${m.line}:${m.column}  ${m.severity}  ${m.ruleId}  ${oneLine(m.message)}`);
    }
  }
  return lines.length > 0 ? lines.join('\n') + '\n' : '';
};

function oneLine(message: string): string {
  return message.replace(/\s*[\r\n]+\s*/g, ' ');
}

export default text;
