/**
 * Access to the committed generated schemas: the whole schema of a kind, and the (resolved)
 * sub-schema that describes the value at a JSON pointer. Schemas are loaded on first use.
 */
import { requireGenerated } from './generated-files';
import type { DefinitionKind } from './problem';
import { parsePointer } from './pointer';

export type SchemaNode = Record<string, unknown>;

const cache = new Map<DefinitionKind, SchemaNode>();

export function schemaFor(kind: DefinitionKind): SchemaNode {
  let schema = cache.get(kind);
  if (!schema) {
    schema = requireGenerated<SchemaNode>(`${kind}.schema.json`);
    cache.set(kind, schema);
  }
  return schema;
}

/** Follows a local `$ref` (`#/definitions/Name`) within `root`. */
export function resolveRef(root: SchemaNode, node: SchemaNode): SchemaNode {
  let current = node;
  for (let hops = 0; typeof current.$ref === 'string' && hops < 32; hops++) {
    const name = (current.$ref as string).replace('#/definitions/', '');
    const target = (root.definitions as Record<string, SchemaNode>)?.[name];
    if (!target) break;
    // Member-level annotations (description) win over the shared definition's.
    const { $ref: _ref, ...siblings } = current;
    current = { ...target, ...siblings };
  }
  return current;
}

/**
 * The schema describing the value at `pointer` (array indices step into `items`), or undefined
 * where the schema says nothing (unknown property).
 */
export function schemaAtPointer(root: SchemaNode, pointer: string): SchemaNode | undefined {
  let node: SchemaNode | undefined = resolveRef(root, root);
  for (const segment of parsePointer(pointer)) {
    if (!node) return undefined;
    let next: unknown;
    if (node.type === 'array' || node.items) next = node.items;
    else {
      const props = node.properties as Record<string, SchemaNode> | undefined;
      next = props && Object.prototype.hasOwnProperty.call(props, segment) ? props[segment] : node.additionalProperties;
    }
    node = next && typeof next === 'object' ? resolveRef(root, next as SchemaNode) : undefined;
  }
  return node;
}
