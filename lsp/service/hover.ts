/**
 * doHover: documentation of the property under the cursor (on its key or its scalar value),
 * or of an array item's schema, built from the generated schema by schema-docs.ts.
 */
import type { Hover, Position } from 'vscode-languageserver-types';
import { schemaAtPointer, schemaFor, type DefinitionKind } from '../../schemas';
import { pointerOf, type AnyNode, type ParsedDocument } from '../../schemas/parse';
import { isKey, nodeAtOffset, toRange } from './ast-query';
import { hoverMarkdown } from './schema-docs';

export function doHover(parsed: ParsedDocument, position: Position, kind: DefinitionKind | undefined): Hover | null {
  if (!kind || !parsed.root) return null;
  const offset = parsed.lines.offsetAt(position);
  const node = nodeAtOffset(parsed.root, offset, true);
  if (!node) return null;
  const target = hoverTarget(node);
  if (!target) return null;
  const root = schemaFor(kind);
  const schema = schemaAtPointer(root, pointerOf(target.node));
  if (!schema) return null;
  return { contents: { kind: 'markdown', value: hoverMarkdown(target.name, schema, root) }, range: toRange(parsed, target.highlight) };
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
