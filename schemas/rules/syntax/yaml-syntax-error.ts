import { DEFINITION_KINDS } from '../../problem';
import type { Rule } from '../rule';

/**
 * The text of a YAML file is not a single YAML document ecsdef can read. The `syntax` message
 * carries the yaml library's own explanation; the others are shapes that are valid YAML but
 * have no JSON equivalent.
 */
export const yamlSyntaxError: Rule = {
  id: 'ECS005',
  name: 'yaml-syntax-error',
  group: 'syntax',
  defaultSeverity: 'error',
  kinds: DEFINITION_KINDS,
  messages: {
    syntax: 'YAML syntax error: {{detail}}',
    multipleDocuments: 'The file holds more than one YAML document; a definition is a single document.',
    complexKey: 'Only scalar keys are supported: a definition is a JSON object.',
    emptyKey: 'A mapping entry has no key.',
    unresolvedAlias: 'The alias *{{name}} has no anchor &{{name}} before it.',
    recursiveAlias: 'The alias *{{name}} refers to a node that contains it.',
    badMerge: 'A merge key (<<) takes a mapping or a list of mappings.',
  },
  docs: {
    description: 'A YAML definition is one well-formed YAML document with scalar keys.',
    statement:
      'A service definition is a JSON object; a YAML file describes one when it is a single well-formed document whose mapping keys are scalars.',
    source: 'YAML 1.2.2 (syntax and JSON schema); ecspresso documentation (YAML definitions)',
  },
  examples: {
    valid: [{ yaml: 'serviceName: web\ndesiredCount: 1\n' }],
    invalid: [
      { yaml: 'serviceName: web\ndesiredCount: ⟦1⟧: 2\n' },
      { yaml: 'serviceName: web\ntags: [a, b⟦}⟧\n' },
      { yaml: 'serviceName: web\n⟦---\ndesiredCount: 1\n⟧' },
      { yaml: '? ⟦[a, b]⟧\n: 1\n' },
    ],
  },
};
