/**
 * A rule's `Fix` (remove / set / add / rename at a JSON pointer) -> text edits on the document,
 * in the document's own syntax: JSON, YAML block style, or YAML/JSON flow collections. Edits
 * keep the surrounding layout (indentation, separators) so applying one leaves a file that
 * parses. Returns undefined when the pointer no longer matches the text (the fix is stale).
 */
import type { Fix } from '../../schemas';
import { findNode, parsePointer, type ArrayNode, type ObjectNode, type ParsedDocument, type PropertyNode } from '../../schemas/parse';

/** An edit by offsets; converted to LSP ranges by the caller. */
export interface OffsetEdit {
  offset: number;
  length: number;
  newText: string;
}

export function fixToEdits(parsed: ParsedDocument, fix: Fix): OffsetEdit[] | undefined {
  switch (fix.kind) {
    case 'remove':
      return removeEdit(parsed, fix.pointer);
    case 'set': {
      const { node, exact } = findNode(parsed.root, fix.pointer);
      if (!exact || !node) return addEdit(parsed, fix.pointer, fix.value);
      return [{ offset: node.offset, length: node.length, newText: serialize(parsed, fix.value, indentAt(parsed.text, node.offset)) }];
    }
    case 'add':
      return addEdit(parsed, fix.pointer, fix.value);
    case 'rename': {
      const property = propertyAt(parsed, fix.pointer);
      if (!property) return undefined;
      const key = property.key;
      const quoted = parsed.language === 'json' || /^["']/.test(parsed.text.slice(key.offset, key.offset + 1));
      return [{ offset: key.offset, length: key.length, newText: quoted ? JSON.stringify(fix.newName) : yamlKey(fix.newName) }];
    }
    default:
      return undefined;
  }
}

function propertyAt(parsed: ParsedDocument, pointer: string): PropertyNode | undefined {
  const segments = parsePointer(pointer);
  if (segments.length === 0) return undefined;
  const parent = findNode(parsed.root, pointer.slice(0, pointer.lastIndexOf('/')));
  if (!parent.exact || parent.node?.type !== 'object') return undefined;
  const name = segments[segments.length - 1];
  const props = parent.node.properties;
  for (let i = props.length - 1; i >= 0; i--) if (props[i].key.value === name) return props[i];
  return undefined;
}

/** True for `{...}` / `[...]` (JSON anywhere, YAML flow collections). */
function isFlow(parsed: ParsedDocument, node: ObjectNode | ArrayNode): boolean {
  const ch = parsed.text.charCodeAt(node.offset);
  return ch === 123 || ch === 91;
}

function removeEdit(parsed: ParsedDocument, pointer: string): OffsetEdit[] | undefined {
  const { node, exact } = findNode(parsed.root, pointer);
  if (!exact || !node || !node.parent) return undefined;
  const entry: { offset: number; length: number } = node.parent.type === 'property' ? node.parent : node;
  const container = node.parent.type === 'property' ? node.parent.parent : node.parent;
  const siblings: Array<{ offset: number; length: number }> =
    container.type === 'object' ? container.properties : container.items;
  const index = siblings.indexOf(entry);
  const end = entry.offset + entry.length;
  if (isFlow(parsed, container)) {
    if (index + 1 < siblings.length) return [span(entry.offset, siblings[index + 1].offset)];
    if (index > 0) {
      const previous = siblings[index - 1];
      return [span(previous.offset + previous.length, end)];
    }
    return [span(entry.offset, end)];
  }
  // YAML block collection: remove whole lines when the entry starts its line.
  const text = parsed.text;
  const lineStart = text.lastIndexOf('\n', entry.offset - 1) + 1;
  const before = text.slice(lineStart, entry.offset);
  const nextLine = text.indexOf('\n', end);
  const lineEnd = nextLine < 0 ? text.length : nextLine + 1;
  const ownLine = container.type === 'array' ? /^\s*-\s+$/.test(before) : /^\s*$/.test(before);
  if (ownLine) return [span(lineStart, lineEnd)];
  // `- key: value` (first key of a sequence item): pull the next sibling up behind the dash.
  if (index + 1 < siblings.length) return [span(entry.offset, siblings[index + 1].offset)];
  return [span(entry.offset, end)];
}

function addEdit(parsed: ParsedDocument, pointer: string, value: unknown): OffsetEdit[] | undefined {
  const segments = parsePointer(pointer);
  if (segments.length === 0) return undefined;
  const parentPointer = pointer.slice(0, pointer.lastIndexOf('/'));
  const { node: parent, exact } = findNode(parsed.root, parentPointer);
  if (!exact || parent?.type !== 'object') return undefined;
  const name = segments[segments.length - 1];
  const text = parsed.text;
  const last = parent.properties[parent.properties.length - 1];
  if (isFlow(parsed, parent) || parsed.language === 'json') {
    const key = parsed.language === 'json' || isFlow(parsed, parent) ? JSON.stringify(name) : yamlKey(name);
    if (!last) {
      return [{ offset: parent.offset + 1, length: 0, newText: `${key}: ${serialize(parsed, value, '', true)}` }];
    }
    const lastEnd = last.offset + last.length;
    const multiline = text.lastIndexOf('\n', last.offset) > parent.offset;
    const indent = multiline ? indentAt(text, last.offset) : '';
    const separator = multiline ? `,\n${indent}` : ', ';
    return [{ offset: lastEnd, length: 0, newText: `${separator}${key}: ${serialize(parsed, value, indent, !multiline)}` }];
  }
  if (!last) return undefined;
  const column = last.key.offset - (text.lastIndexOf('\n', last.key.offset - 1) + 1);
  const indent = ' '.repeat(column);
  const lastEnd = last.offset + last.length;
  return [{ offset: lastEnd, length: 0, newText: `\n${indent}${yamlKey(name)}: ${serialize(parsed, value, indent, true)}` }];
}

function span(start: number, end: number): OffsetEdit {
  return { offset: start, length: Math.max(0, end - start), newText: '' };
}

/** Leading whitespace of the line holding `offset`. */
function indentAt(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart))![0];
}

/** A value in the document's syntax. YAML gets plain scalars where safe, else JSON (flow) form. */
export function serialize(parsed: ParsedDocument, value: unknown, indent: string, inline = false): string {
  if (parsed.language === 'yaml' && typeof value === 'string' && isPlainYamlString(value)) return value;
  if (inline || parsed.language === 'yaml' || value === null || typeof value !== 'object') return JSON.stringify(value);
  return JSON.stringify(value, null, 2).replace(/\n/g, `\n${indent}`);
}

const YAML_SPECIAL = /^(?:true|false|yes|no|on|off|null|~|y|n)$/i;

function isPlainYamlString(value: string): boolean {
  return /^[A-Za-z_/][A-Za-z0-9_./-]*$/.test(value) && !YAML_SPECIAL.test(value);
}

export function yamlKey(name: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$.-]*$/.test(name) && !YAML_SPECIAL.test(name) ? name : JSON.stringify(name);
}
