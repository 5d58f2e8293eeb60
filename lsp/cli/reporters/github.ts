import { escapeControlCharacters } from '../../../schemas/display-text';
import type { Severity } from '../../../schemas/problem';
import type { Reporter } from './types';

/**
 * GitHub Actions workflow commands: each problem becomes an annotation on the pull request
 * (`::error file=..,line=..,col=..,endLine=..,endColumn=..,title=ECS201::message`).
 * The file stays exact (percent-escaped as @actions/core does) so the annotation finds its file;
 * the message, shown in the log, also has its control characters written as escapes.
 */
export const github: Reporter = (results) => {
  const lines: string[] = [];
  for (const result of results) {
    for (const m of result.messages) {
      const props = [
        `file=${escapeProperty(result.displayPath)}`,
        `line=${m.line}`,
        `col=${m.column}`,
        `endLine=${m.endLine}`,
        `endColumn=${m.endColumn}`,
        `title=${escapeProperty(m.ruleId)}`,
      ];
      lines.push(`::${COMMAND[m.severity]} ${props.join(',')}::${escapeData(escapeControlCharacters(m.message))}`);
    }
  }
  return lines.length > 0 ? lines.join('\n') + '\n' : '';
};

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/** Escaping of @actions/core: data escapes %, CR, LF; properties also `:` and `,`. */
export function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export default github;
