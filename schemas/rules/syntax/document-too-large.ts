import { DEFINITION_KINDS } from '../../problem';
import { MAX_TEXT_LENGTH } from '../../parse/limits';
import type { Rule } from '../rule';

const MIB = 1024 * 1024;

/**
 * Text far larger than any definition. Refused before parsing: a YAML document costs the yaml
 * library about a hundred times its size in memory, so a few tens of megabytes exhaust the heap
 * after minutes of work.
 */
export const documentTooLarge: Rule = {
  id: 'ECS010',
  name: 'document-too-large',
  group: 'syntax',
  defaultSeverity: 'error',
  kinds: DEFINITION_KINDS,
  messages: {
    tooLarge: 'The document has {{length}} characters, more than the {{limit}} a {{language}} definition may have; it is not read.',
  },
  docs: {
    description: 'A definition is at most a few megabytes of text.',
    statement:
      `The largest real service definitions are a few kilobytes; a document beyond the limit of its language (JSON ${MAX_TEXT_LENGTH.json / MIB} MiB, YAML ${MAX_TEXT_LENGTH.yaml / MIB} MiB) is refused unread, so that no file can stall an editor or a CI job.`,
    source: 'ecsdef limit (memory and time exhaustion guard)',
  },
  examples: {
    valid: [{ json: '{"serviceName": "web"}' }],
    // Read with a limit of 16 characters (the real limits are too large to show).
    invalid: [
      { json: '⟦⟧{"serviceName": "web", "cluster": "main"}', maxLength: 16 },
      { yaml: '⟦⟧serviceName: web\ncluster: main\n', maxLength: 16 },
    ],
  },
};
