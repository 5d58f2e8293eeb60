import { DEFINITION_KINDS } from '../../problem';
import type { Rule } from '../rule';

/** A comma before `}` or `]` is accepted by JavaScript and jsonc, not by JSON parsers. */
export const jsonTrailingComma: Rule = {
  id: 'ECS003',
  name: 'json-trailing-comma',
  group: 'syntax',
  defaultSeverity: 'error',
  kinds: DEFINITION_KINDS,
  messages: {
    trailingComma: 'Trailing comma: the AWS CLI rejects a comma before a closing bracket.',
  },
  docs: {
    description: 'No comma after the last entry of an object or array in a .json definition.',
    statement:
      'JSON allows a comma only between two entries; a definition with a trailing comma fails to load.',
    source: 'RFC 8259 (JSON grammar); AWS CLI User Guide: Loading AWS CLI parameters from a file',
  },
  examples: {
    valid: [{ json: '{"serviceName": "web", "desiredCount": 1}' }],
    invalid: [
      { json: '{"serviceName": "web"⟦,⟧}' },
      { json: '{"subnets": ["subnet-1"⟦,⟧ ]}' },
    ],
  },
};
