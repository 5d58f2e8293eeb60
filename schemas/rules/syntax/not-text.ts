import { DEFINITION_KINDS } from '../../problem';
import type { Rule } from '../rule';

/** Binary data, or text in an encoding other than UTF-8. */
export const notText: Rule = {
  id: 'ECS008',
  name: 'not-text',
  group: 'syntax',
  defaultSeverity: 'error',
  kinds: DEFINITION_KINDS,
  messages: {
    nul: 'The file contains NUL bytes: it is binary data, not a definition.',
    encoding: 'The file is not valid UTF-8 text.',
  },
  docs: {
    description: 'A definition is UTF-8 text.',
    statement: 'JSON exchanged between systems is encoded in UTF-8, and YAML readers expect Unicode text.',
    source: 'RFC 8259 section 8.1 (Character Encoding); YAML 1.2.2 section 5.2 (Character Encodings)',
  },
  examples: {
    valid: [{ json: '{"serviceName": "wéb"}' }],
    invalid: [{ json: '{"serviceName": "w⟦\u0000⟧"}' }],
  },
};
