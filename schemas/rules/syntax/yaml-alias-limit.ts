import { DEFINITION_KINDS } from '../../problem';
import type { Rule } from '../rule';

/**
 * Aliases that expand into far more nodes than the text holds ("billion laughs"). Reading stops
 * instead of exhausting memory.
 */
export const yamlAliasLimit: Rule = {
  id: 'ECS006',
  name: 'yaml-alias-limit',
  group: 'syntax',
  defaultSeverity: 'error',
  kinds: DEFINITION_KINDS,
  messages: {
    tooManyNodes:
      'YAML aliases expand to more than {{limit}} nodes; the document is refused to protect memory.',
  },
  docs: {
    description: 'YAML aliases must not expand the document beyond a sane size.',
    statement:
      'Each alias repeats the whole anchored node, so nested aliases grow exponentially; ecsdef stops once aliases have produced more nodes than any real definition holds.',
    source: 'ecsdef limit (resource exhaustion guard, as the yaml library does with maxAliasCount)',
  },
  examples: {
    valid: [{ yaml: 'tags: &t\n  - key: team\n    value: web\npropagateTags: SERVICE\n' }],
    invalid: [
      {
        // Ten-fold fan-out per level: the eighth `*d` pushes the expansion past 100,000 nodes.
        yaml:
          'a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n' +
          'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n' +
          'e: [*d, *d, *d, *d, *d, *d, *d, ⟦*d⟧, *d, *d]\n',
      },
    ],
  },
};
