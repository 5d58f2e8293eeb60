import { joinPointer, parsePointer as parsePlainPointer } from '../pointer';
import { propertyOf, type AnyNode, type AstNode, type PropertyNode } from './ast';

/**
 * RFC 6901 JSON pointers over the shared AST, and the text range a problem highlights.
 * Duplicate keys resolve to the last occurrence: the one whose value counts.
 */

/** `''` -> `[]`, `/a/b~1c` -> `['a', 'b/c']`. A pointer not starting with `/` has no segments. */
export function parsePointer(pointer: string): string[] {
  return pointer[0] === '/' ? parsePlainPointer(pointer) : [];
}

export function formatPointer(segments: ReadonlyArray<string | number>): string {
  return joinPointer(...segments);
}

export interface NodeLookup {
  /** The node at the pointer, or its nearest existing ancestor (undefined only without a root). */
  node: AstNode | undefined;
  /** Whether `node` is exactly at the pointer. */
  exact: boolean;
}

export function findNode(root: AstNode | undefined, pointer: string): NodeLookup {
  let node = root;
  if (!node) return { node: undefined, exact: false };
  for (const segment of parsePointer(pointer)) {
    const next = child(node, segment);
    if (!next) return { node, exact: false };
    node = next;
  }
  return { node, exact: true };
}

function child(node: AstNode, segment: string): AstNode | undefined {
  if (node.type === 'object') {
    for (let i = node.properties.length - 1; i >= 0; i--) {
      const property = node.properties[i];
      if (property.key.value === segment) return property.value;
    }
    return undefined;
  }
  if (node.type === 'array' && /^(0|[1-9]\d*)$/.test(segment)) return node.items[Number(segment)];
  return undefined;
}

/** The pointer of a node; a key node gives its property's pointer. */
export function pointerOf(node: AnyNode): string {
  const segments: Array<string | number> = [];
  let current: AnyNode | undefined = node;
  if (current.type === 'string' && current.parent?.type === 'property' && current.parent.key === current) {
    current = current.parent;
  }
  while (current) {
    if (current.type === 'property') {
      segments.push(current.key.value);
      current = current.parent;
      continue;
    }
    const parent: AnyNode | undefined = current.parent;
    if (parent?.type === 'array') segments.push(parent.items.indexOf(current));
    current = parent;
  }
  return formatPointer(segments.reverse());
}

export interface TextRange {
  offset: number;
  length: number;
}

/**
 * What a problem at `pointer` highlights.
 * - `value`: the whole value node (a value with no text, like YAML `key:`, falls back to its key);
 * - `key`: the property key of the node; for a node without a key (the root, an array item),
 *   its head: the opening `{`/`[` of a flow collection, the first key of a YAML block mapping,
 *   the first `-` of a block sequence, or the scalar itself.
 * A pointer that does not exist (a missing property) resolves to its nearest existing ancestor,
 * highlighted as for `key`: for a missing `/a/b`, the key `a`.
 */
export function rangeOf(root: AstNode | undefined, text: string, pointer: string, target: 'key' | 'value'): TextRange {
  const { node, exact } = findNode(root, pointer);
  if (!node) return { offset: 0, length: 0 };
  const property = propertyOf(node);
  if (exact && target === 'value') {
    if (node.length > 0 || !property) return { offset: node.offset, length: node.length };
    return span(property.key);
  }
  if (property && property.value === node) return span(property.key);
  return headOf(node, text);
}

function span(node: { offset: number; length: number }): TextRange {
  return { offset: node.offset, length: node.length };
}

function headOf(node: AstNode, text: string): TextRange {
  if (node.type !== 'object' && node.type !== 'array') return span(node);
  const first = text.charCodeAt(node.offset);
  if (first === 123 /* { */ || first === 91 /* [ */) return { offset: node.offset, length: 1 };
  if (node.type === 'object' && node.properties.length > 0) return span(firstProperty(node.properties).key);
  return { offset: node.offset, length: Math.min(1, node.length) };
}

function firstProperty(properties: PropertyNode[]): PropertyNode {
  return properties.reduce((first, p) => (p.key.offset < first.key.offset ? p : first));
}
