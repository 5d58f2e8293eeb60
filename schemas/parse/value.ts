import { setOwn } from '../pointer';
import type { AstNode, PropertyNode } from './ast';

/**
 * The plain JSON value of an AST, as JSON.parse would give it (last duplicate wins, `__proto__`
 * is an ordinary key), plus every repeated key. Recursion is safe: the parsers refuse documents
 * nested deeper than their limit.
 */
export interface ValueResult {
  value: unknown;
  /** Each later occurrence of a key already seen in its object, with the total count. */
  duplicates: Array<{ property: PropertyNode; count: number }>;
}

export function valueOf(root: AstNode | undefined): ValueResult {
  const duplicates: ValueResult['duplicates'] = [];
  const build = (node: AstNode): unknown => {
    switch (node.type) {
      case 'object': {
        const result: Record<string, unknown> = {};
        let repeated: Map<string, PropertyNode[]> | undefined;
        for (const property of node.properties) {
          const key = property.key.value;
          const value = property.value ? build(property.value) : null;
          if (Object.prototype.hasOwnProperty.call(result, key)) {
            repeated ??= new Map();
            const seen = repeated.get(key);
            if (seen) seen.push(property);
            else repeated.set(key, [property]);
          }
          setOwn(result, key, value);
        }
        if (repeated) {
          for (const later of repeated.values()) {
            for (const property of later) duplicates.push({ property, count: later.length + 1 });
          }
        }
        return result;
      }
      case 'array':
        return node.items.map(build);
      default:
        return node.value;
    }
  };
  const value = root ? build(root) : undefined;
  duplicates.sort((a, b) => a.property.offset - b.property.offset);
  return { value, duplicates };
}
