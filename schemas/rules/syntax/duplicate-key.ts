import { DEFINITION_KINDS } from '../../problem';
import type { Rule } from '../rule';

/**
 * Two entries with the same key in one object. JSON readers keep the last one silently, YAML
 * readers refuse the document; either way one of the values is lost.
 */
export const duplicateKey: Rule = {
  id: 'ECS004',
  name: 'duplicate-key',
  group: 'syntax',
  defaultSeverity: 'error',
  kinds: DEFINITION_KINDS,
  messages: {
    duplicate: 'Duplicate key "{{key}}": only the last of its {{count}} values is used.',
  },
  docs: {
    description: 'Each key appears once per object.',
    statement:
      'Object member names should be unique (JSON) and mapping keys must be unique (YAML); with duplicates, which value wins depends on the reader.',
    source: 'RFC 8259 section 4 (Objects); YAML 1.2.2 section 3.2.1.1 (Nodes: mapping keys are unique)',
  },
  examples: {
    valid: [{ json: '{"desiredCount": 1}', yaml: 'desiredCount: 1\n' }],
    invalid: [
      { json: '{"desiredCount": 1, ⟦"desiredCount"⟧: 2}' },
      { yaml: 'desiredCount: 1\n⟦desiredCount⟧: 2\n' },
    ],
  },
};
