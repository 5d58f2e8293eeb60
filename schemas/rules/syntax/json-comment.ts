import { DEFINITION_KINDS } from '../../problem';
import type { Rule } from '../rule';

/** Comments are a jsonc extension; the JSON the AWS CLI reads has none. */
export const jsonComment: Rule = {
  id: 'ECS002',
  name: 'json-comment',
  group: 'syntax',
  defaultSeverity: 'error',
  kinds: DEFINITION_KINDS,
  messages: {
    comment: 'Comments are not allowed in a .json definition: the AWS CLI rejects them.',
  },
  docs: {
    description: 'No comments in a .json definition.',
    statement:
      'JSON has no comment syntax, so a definition read by the AWS CLI as JSON fails to load when it contains one. Use YAML, or an ecsdef config file, to annotate.',
    source: 'RFC 8259 (JSON grammar); AWS CLI User Guide: Loading AWS CLI parameters from a file',
  },
  examples: {
    valid: [{ json: '{"serviceName": "web // not a comment"}' }],
    invalid: [
      { json: '{\n  ⟦// the web tier⟧\n  "serviceName": "web"\n}' },
      { json: '{"serviceName": ⟦/* web */⟧ "web"}' },
    ],
  },
};
