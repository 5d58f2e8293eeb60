/**
 * Where the cursor is, for completion: at a property key of some object (which object, which
 * keys it already has, what text to replace) or at the value of some property. JSON is read from
 * the tolerant AST; YAML, whose half-typed lines often do not parse into the intended shape, is
 * read by re-parsing the document with a placeholder key on the cursor's line.
 */
import { parseDocument, pointerOf, type AstNode, type ObjectNode, type ParsedDocument, type PropertyNode } from '../../schemas/parse';
import { isKey, nodeAtOffset } from './ast-query';

export interface KeyContext {
  at: 'key';
  /** Pointer of the object that receives the property. */
  objectPointer: string;
  existing: Set<string>;
  /** Text replaced by the completion (a partial key, quotes included in JSON). */
  replace: { offset: number; length: number };
  /** False when the key already has its `:` and value (renaming a key). */
  withValue: boolean;
  /** JSON: add `,` after the insertion because a property follows. */
  commaAfter: boolean;
  /** JSON: offset where a `,` is missing before the insertion. */
  commaBefore?: number;
  /** YAML: column of the key (child lines indent from here). */
  column: number;
}

export interface ValueContext {
  at: 'value';
  /** Pointer of the value being completed (property value or array item). */
  pointer: string;
  replace: { offset: number; length: number };
}

export type CompletionContext = KeyContext | ValueContext;

const PLACEHOLDER = 'ecsdef_completion_placeholder';

export function completionContext(parsed: ParsedDocument, offset: number): CompletionContext | undefined {
  return parsed.language === 'json' ? jsonContext(parsed, offset) : yamlContext(parsed, offset);
}

function jsonContext(parsed: ParsedDocument, offset: number): CompletionContext | undefined {
  const text = parsed.text;
  const node = nodeAtOffset(parsed.root, offset, false);
  if (!node) return undefined;
  if (isKey(node) && node.parent?.type === 'property') {
    if (offset <= node.offset) return undefined;
    const property = node.parent;
    return keyContext(property.parent, { offset: node.offset, length: node.length }, property.colonOffset === undefined, text, node.offset);
  }
  if (node.type !== 'object' && node.type !== 'array' && node.type !== 'property') {
    if (offset <= node.offset && node.type === 'string') return undefined;
    return { at: 'value', pointer: pointerOf(node), replace: { offset: node.offset, length: node.length } };
  }
  if (node.type === 'property') return valueAfterColon(node, offset, text);
  if (node.type === 'array') return { at: 'value', pointer: `${pointerOf(node)}/${node.items.length}`, replace: { offset, length: 0 } };
  const before = node.properties.filter((p) => p.offset < offset).pop();
  if (before) {
    const value = valueAfterColon(before, offset, text);
    if (value) return value;
  }
  const word = /[A-Za-z0-9_$-]*$/.exec(text.slice(0, offset))![0];
  return keyContext(node, { offset: offset - word.length, length: word.length }, true, text, offset - word.length);
}

/** `"key": |` with nothing typed yet (or a value being typed right after the colon). */
function valueAfterColon(property: PropertyNode, offset: number, text: string): ValueContext | undefined {
  if (property.colonOffset === undefined || property.colonOffset >= offset) return undefined;
  const between = text.slice(property.colonOffset + 1, offset);
  if (property.value && offset > property.value.offset + property.value.length) return undefined;
  if (!property.value && /[,}]/.test(between)) return undefined;
  const replace = property.value ? { offset: property.value.offset, length: property.value.length } : { offset, length: 0 };
  return { at: 'value', pointer: pointerOf(property), replace };
}

function keyContext(
  object: ObjectNode,
  replace: { offset: number; length: number },
  withValue: boolean,
  text: string,
  insertAt: number,
): KeyContext {
  const existing = new Set(object.properties.filter((p) => p.key.offset !== replace.offset).map((p) => p.key.value));
  const after = text.slice(replace.offset + replace.length);
  const commaAfter = withValue && /^\s*"/.test(after);
  const previous = /\S(?=\s*$)/.exec(text.slice(object.offset, insertAt));
  const needsComma = withValue && previous !== null && previous[0] !== '{' && previous[0] !== ',';
  return {
    at: 'key',
    objectPointer: pointerOf(object),
    existing,
    replace,
    withValue,
    commaAfter,
    commaBefore: needsComma ? object.offset + previous!.index + 1 : undefined,
    column: 0,
  };
}

const YAML_VALUE = /^(\s*(?:-\s+)*)((?:"[^"]*"|'[^']*'|[^\s:#'"][^:#]*?)):[ \t]+(\S*)$/;
const YAML_KEY = /^(\s*(?:-\s+)*)([A-Za-z0-9_$.-]*)$/;

function yamlContext(parsed: ParsedDocument, offset: number): CompletionContext | undefined {
  const text = parsed.text;
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const newline = text.indexOf('\n', offset);
  const lineEnd = newline < 0 ? text.length : newline;
  const before = text.slice(lineStart, offset);
  const after = text.slice(offset, lineEnd);
  const wordAfter = /^[A-Za-z0-9_$.-]*/.exec(after)![0];

  const value = YAML_VALUE.exec(before);
  if (value) {
    const keyOffset = lineStart + value[1].length;
    const key = nodeAtOffset(parsed.root, keyOffset, false);
    if (!key || !isKey(key) || key.parent?.type !== 'property') return undefined;
    const typed = value[3];
    const rest = /^\S*/.exec(after)![0];
    return { at: 'value', pointer: pointerOf(key.parent), replace: { offset: offset - typed.length, length: typed.length + rest.length } };
  }

  const key = YAML_KEY.exec(before);
  if (!key) return undefined;
  const prefix = key[1];
  const column = prefix.length;
  const replace = { offset: lineStart + column, length: key[2].length + wordAfter.length };
  if (/^\s*:/.test(after.slice(wordAfter.length))) {
    // Renaming an existing key: the line parses as a property already.
    const node = nodeAtOffset(parsed.root, lineStart + column, false);
    if (!node || !isKey(node) || node.parent?.type !== 'property') return undefined;
    const object = node.parent.parent;
    return { at: 'key', objectPointer: pointerOf(object), existing: keysOf(object, node.parent), replace, withValue: false, commaAfter: false, column };
  }
  const probeText = `${text.slice(0, lineStart)}${prefix}${PLACEHOLDER}: null${text.slice(lineEnd)}`;
  const probe = parseDocument(probeText, 'yaml');
  const placeholder = findPlaceholder(probe.root);
  if (!placeholder) return undefined;
  return {
    at: 'key',
    objectPointer: pointerOf(placeholder.parent),
    existing: keysOf(placeholder.parent, placeholder),
    replace,
    withValue: true,
    commaAfter: false,
    column,
  };
}

function keysOf(object: ObjectNode, except: PropertyNode): Set<string> {
  return new Set(object.properties.filter((p) => p !== except).map((p) => p.key.value));
}

function findPlaceholder(node: AstNode | undefined): PropertyNode | undefined {
  if (!node) return undefined;
  if (node.type === 'object') {
    for (const property of node.properties) {
      if (property.key.value === PLACEHOLDER) return property;
      const inner = findPlaceholder(property.value);
      if (inner) return inner;
    }
  } else if (node.type === 'array') {
    for (const item of node.items) {
      const inner = findPlaceholder(item);
      if (inner) return inner;
    }
  }
  return undefined;
}
