import { DEFINITION_KINDS } from '../../problem';
import type { Rule } from '../rule';

/**
 * Nesting far beyond any real definition. Checked before parsing so that hostile input cannot
 * exhaust the stack of a recursive parser.
 */
export const nestingTooDeep: Rule = {
  id: 'ECS007',
  name: 'nesting-too-deep',
  group: 'syntax',
  defaultSeverity: 'error',
  kinds: DEFINITION_KINDS,
  messages: {
    tooDeep: 'Objects and arrays are nested more than {{limit}} levels deep; the document is not read.',
    tooDeepEstimate:
      'Nesting or indentation exceeds {{limit}} levels; the document is not read.',
  },
  docs: {
    description: 'Objects and arrays nest at most a few hundred levels.',
    statement:
      'The deepest service definition shape nests about ten levels; anything deeper than the limit is refused before it is parsed.',
    source: 'ecsdef limit (stack exhaustion guard)',
  },
  examples: {
    valid: [{ json: '{"deploymentConfiguration": {"alarms": {"alarmNames": ["a"]}}}' }],
    // One level past the default limit of 512; the marker is on the first bracket too many.
    invalid: [
      { json: '['.repeat(512) + '⟦[⟧' + ']'.repeat(513) },
      { yaml: '['.repeat(512) + '⟦[⟧' + ']'.repeat(513) + '\n' },
    ],
  },
};
