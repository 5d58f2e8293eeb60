/**
 * Incremental re-parse for the most common keystroke: an edit inside one scalar value (typing
 * a number, a name, an enum value). Instead of parsing the whole document again (the yaml
 * library needs ~60 ms for 5,000 lines), the previous AST is patched: the scalar gets its new
 * type and value (read by parsing the scalar's text alone, with the same parser), every later
 * offset shifts, and the plain value is rebuilt. Anything else returns undefined and the caller
 * parses in full. The conditions are deliberately narrow so that a patched document is always
 * identical to a full parse of the new text; a property test in test/lsp/service checks that.
 */
import { LineIndex, parseDocument, valueOf, type AstNode, type ParsedDocument, type PropertyNode } from '../../schemas/parse';

/** YAML plain scalars that mean the same alone and in a block mapping or sequence. */
const PLAIN = /^(?:[A-Za-z0-9_/]|-(?=[A-Za-z0-9_.]))[A-Za-z0-9_./+-]*$/;
const DOUBLE_QUOTED = /^"[^"\\\u0000-\u001f]*"$/;
const SINGLE_QUOTED = /^'[^'\u0000-\u001f]*'$/;
const JSON_LITERAL = /^(?:-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)$/;

export function patchScalarEdit(previous: ParsedDocument, text: string): ParsedDocument | undefined {
  if (previous.fatal || !previous.root) return undefined;
  const old = previous.text;
  // Changed region: [start, oldEnd) in the old text became [start, newEnd) in the new one.
  let start = 0;
  const limit = Math.min(old.length, text.length);
  while (start < limit && old.charCodeAt(start) === text.charCodeAt(start)) start++;
  let oldEnd = old.length;
  let newEnd = text.length;
  while (oldEnd > start && newEnd > start && old.charCodeAt(oldEnd - 1) === text.charCodeAt(newEnd - 1)) {
    oldEnd--;
    newEnd--;
  }
  const node = scalarAround(previous.root, start, oldEnd);
  // scalarAround descends into property values and array items only, never keys.
  if (!node || node.parent === undefined) return undefined;
  const delta = newEnd - oldEnd;
  const oldSlice = old.slice(node.offset, node.offset + node.length);
  const newSlice = text.slice(node.offset, node.offset + node.length + delta);
  const scalar = previous.language === 'json' ? jsonScalar(oldSlice, newSlice) : yamlScalar(previous, node, oldSlice, newSlice);
  if (!scalar) return undefined;

  const at = node.offset;
  const end = at + node.length;
  shift(previous.root, at, end, delta);
  const mutable = node as { type: AstNode['type']; value: unknown };
  mutable.type = scalar.type;
  mutable.value = scalar.value;
  const moved = <T extends { offset: number }>(list: T[]): T[] =>
    list.map((item) => (item.offset >= end ? { ...item, offset: item.offset + delta } : item));
  return {
    ...previous,
    text,
    value: valueOf(previous.root).value,
    problems: moved(previous.problems),
    comments: moved(previous.comments),
    lines: new LineIndex(text),
  };
}

/** The innermost scalar node whose text contains [start, end) (touching its end counts). */
function scalarAround(root: AstNode, start: number, end: number): AstNode | undefined {
  let node: AstNode | undefined = root;
  while (node) {
    if (node.type === 'object') {
      const property: PropertyNode | undefined = node.properties.find(
        (p) => p.value !== undefined && p.value.offset <= start && end <= p.value.offset + p.value.length,
      );
      node = property?.value;
    } else if (node.type === 'array') {
      node = node.items.find((item) => item.offset <= start && end <= item.offset + item.length);
    } else {
      return node.length > 0 ? node : undefined;
    }
  }
  return undefined;
}

/** Moves everything after [at, end) by delta and stretches what contains it. */
function shift(node: AstNode, at: number, end: number, delta: number): void {
  const visit = (n: { offset: number; length: number }): void => {
    if (n.offset > at) n.offset += delta;
    else if (n.offset + n.length >= end) n.length += delta;
  };
  const walk = (n: AstNode): void => {
    visit(n);
    if (n.type === 'object') {
      for (const property of n.properties) {
        visit(property);
        if (property.colonOffset !== undefined && property.colonOffset > at) property.colonOffset += delta;
        visit(property.key);
        if (property.value) walk(property.value);
      }
    } else if (n.type === 'array') {
      for (const item of n.items) walk(item);
    }
  };
  walk(node);
}

type Scalar = { type: 'string' | 'number' | 'boolean' | 'null'; value: unknown };

function jsonScalar(oldSlice: string, newSlice: string): Scalar | undefined {
  const ok = (s: string) => JSON_LITERAL.test(s) || DOUBLE_QUOTED.test(s);
  if (!ok(oldSlice) || !ok(newSlice)) return undefined;
  return typed(JSON.parse(newSlice));
}

function yamlScalar(previous: ParsedDocument, node: AstNode, oldSlice: string, newSlice: string): Scalar | undefined {
  const ok = (s: string) => PLAIN.test(s) || DOUBLE_QUOTED.test(s) || SINGLE_QUOTED.test(s);
  if (!ok(oldSlice) || !ok(newSlice)) return undefined;
  const text = previous.text;
  // Anchors, aliases and merge keys copy nodes; directives and tags change how scalars resolve.
  if (/[&*!%]|<</.test(text)) return undefined;
  // Only `key: value` and `- value` lines: not a flow collection, not a continuation line.
  const lineStart = text.lastIndexOf('\n', node.offset - 1) + 1;
  if (!/^\s*(?:-\s+)*(?:[^\s#:[\]{},'"][^#:[\]{},]*:\s+)?$|^\s*(?:-\s+)+$/.test(text.slice(lineStart, node.offset))) return undefined;
  const quick = commonYamlScalar(newSlice);
  if (quick) return quick;
  const alone = parseDocument(newSlice, 'yaml');
  const root = alone.root;
  if (alone.problems.length > 0 || !root || root.type === 'object' || root.type === 'array') return undefined;
  return { type: root.type, value: root.value };
}

/** YAML 1.2 core-schema words that are not strings (null, booleans, .inf, .nan). */
const CORE_WORD = /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE)$/;
const PLAIN_WORD = /^[A-Za-z_/][A-Za-z0-9_./+-]*$/;
const DECIMAL = /^(?:0|-?[1-9]\d{0,14})$/;

/**
 * The scalars typed most (names, enum values, small integers, simple quoted strings) resolved
 * without the parser, which costs more than the rest of a keystroke. Anything else: undefined.
 */
function commonYamlScalar(slice: string): Scalar | undefined {
  if (DOUBLE_QUOTED.test(slice) || SINGLE_QUOTED.test(slice)) return { type: 'string', value: slice.slice(1, -1) };
  if (DECIMAL.test(slice)) return { type: 'number', value: Number(slice) };
  if (PLAIN_WORD.test(slice) && !CORE_WORD.test(slice)) return { type: 'string', value: slice };
  return undefined;
}

function typed(value: unknown): Scalar | undefined {
  if (value === null) return { type: 'null', value };
  if (typeof value === 'string') return { type: 'string', value };
  if (typeof value === 'number') return { type: 'number', value };
  if (typeof value === 'boolean') return { type: 'boolean', value };
  return undefined;
}
