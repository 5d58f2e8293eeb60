/**
 * doHover: documentation of the property under the cursor (on its key or its scalar value),
 * or of an array item's schema, built from the generated schema by schema-docs.ts. A nested
 * field is documented with the change behaviour of the top-level field that holds it.
 */
import type { Hover, Position } from 'vscode-languageserver-types';
import { schemaAtPointer, schemaFor, type DefinitionKind, type SchemaNode } from '../../schemas';
import { parsePointer, pointerOf, type AnyNode, type ParsedDocument } from '../../schemas/parse';
import { joinPointer } from '../../schemas/pointer';
import { isKey, nodeAtOffset, toRange } from './ast-query';
import { hoverMarkdown, type ChangeOwner } from './schema-docs';

export function doHover(parsed: ParsedDocument, position: Position, kind: DefinitionKind | undefined): Hover | null {
  if (!kind || !parsed.root) return null;
  const offset = parsed.lines.offsetAt(position);
  const node = nodeAtOffset(parsed.root, offset, true);
  if (!node) return null;
  const target = hoverTarget(node);
  if (!target) return null;
  const root = schemaFor(kind);
  const pointer = pointerOf(target.node);
  const schema = schemaAtPointer(root, pointer);
  if (!schema) return null;
  const value = hoverMarkdown(target.name, schema, root, changeOwner(root, pointer));
  return { contents: { kind: 'markdown', value }, range: toRange(parsed, target.highlight) };
}

/** The top-level member holding the value at `pointer`, when that value is nested in it. */
function changeOwner(root: SchemaNode, pointer: string): ChangeOwner | undefined {
  const segments = parsePointer(pointer);
  if (segments.length < 2) return undefined;
  const node = schemaAtPointer(root, joinPointer(segments[0]));
  return node ? { name: segments[0], node } : undefined;
}

interface Target {
  /** Node whose pointer selects the schema. */
  node: AnyNode;
  name: string | undefined;
  highlight: { offset: number; length: number };
}

function hoverTarget(node: AnyNode): Target | undefined {
  if (isKey(node) && node.parent?.type === 'property') {
    return { node: node.parent, name: node.parent.key.value, highlight: node };
  }
  if (node.type === 'object' || node.type === 'array' || node.type === 'property') return undefined;
  const parent = node.parent;
  if (parent?.type === 'property') return { node, name: parent.key.value, highlight: node };
  if (parent?.type === 'array') {
    const owner = parent.parent?.type === 'property' ? parent.parent.key.value : undefined;
    return { node, name: owner ? `${owner}[${parent.items.indexOf(node)}]` : undefined, highlight: node };
  }
  return undefined;
}
