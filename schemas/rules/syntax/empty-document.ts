import { DEFINITION_KINDS } from '../../problem';
import type { Rule } from '../rule';

/** A file with nothing but whitespace or comments. */
export const emptyDocument: Rule = {
  id: 'ECS009',
  name: 'empty-document',
  group: 'syntax',
  defaultSeverity: 'error',
  kinds: DEFINITION_KINDS,
  messages: {
    empty: 'The file is empty: a definition is an object.',
  },
  docs: {
    description: 'A definition file holds an object.',
    statement: 'Every ECS request shape is an object; an empty file describes nothing.',
    source: 'Amazon ECS API Reference: request syntax of CreateService and UpdateService',
  },
  examples: {
    valid: [{ json: '{}', yaml: '{}\n' }],
    invalid: [{ json: '⟦⟧' }, { json: '⟦⟧  \n' }, { yaml: '⟦⟧# nothing yet\n' }],
  },
};
