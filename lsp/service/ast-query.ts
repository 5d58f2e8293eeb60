/** Finding nodes by offset in the shared AST, and offset spans as LSP ranges. */
import type { Range } from 'vscode-languageserver-types';
import type { AnyNode, AstNode, ParsedDocument, PropertyNode } from '../../schemas/parse';

/** The LSP range of an offset span of the document. */
export function toRange(parsed: ParsedDocument, span: { offset: number; length: number }): Range {
  return { start: parsed.lines.positionAt(span.offset), end: parsed.lines.positionAt(span.offset + span.length) };
}

function contains(node: { offset: number; length: number }, offset: number, inclusiveEnd: boolean): boolean {
  const end = node.offset + node.length;
  return offset >= node.offset && (offset < end || (inclusiveEnd && offset === end));
}

/**
 * The deepest node at `offset`: a property's key node, a value, a property (when between key
 * and value), or a container (when in its whitespace). `inclusiveEnd` also accepts an offset
 * just after a node, which is where the cursor sits after typing a word.
 */
export function nodeAtOffset(root: AstNode | undefined, offset: number, inclusiveEnd = false): AnyNode | undefined {
  if (!root || !contains(root, offset, inclusiveEnd)) return undefined;
  let node: AnyNode = root;
  for (;;) {
    let next: AnyNode | undefined;
    if (node.type === 'object') {
      next = node.properties.find((p) => contains(p, offset, inclusiveEnd));
    } else if (node.type === 'array') {
      next = node.items.find((item) => contains(item, offset, inclusiveEnd));
    } else if (node.type === 'property') {
      const property: PropertyNode = node;
      if (contains(property.key, offset, inclusiveEnd)) next = property.key;
      else if (property.value && contains(property.value, offset, inclusiveEnd)) next = property.value;
    }
    if (!next) return node;
    node = next;
  }
}

/** True when `node` is the key of its property. */
export function isKey(node: AnyNode): boolean {
  return node.type === 'string' && node.parent?.type === 'property' && node.parent.key === node;
}
