/**
 * The one AST both JSON and YAML are read into. Offsets are UTF-16 indexes into the document
 * text (what JavaScript strings and LSP positions use); line/column are computed only when a
 * result is rendered (see positions.ts).
 *
 * Shape, after vscode-json-languageservice: an object holds properties, a property holds a key
 * (always a string node) and a value (absent when the text is broken after the key). Every node
 * links to its parent: a property's key and value link to the property, an array item to the
 * array, a property to its object.
 */

export type AstNode = ObjectNode | ArrayNode | StringNode | NumberNode | BooleanNode | NullNode;
export type AnyNode = AstNode | PropertyNode;

interface NodeBase {
  offset: number;
  length: number;
  parent?: ObjectNode | ArrayNode | PropertyNode;
}

export interface ObjectNode extends NodeBase {
  type: 'object';
  properties: PropertyNode[];
}

export interface ArrayNode extends NodeBase {
  type: 'array';
  items: AstNode[];
}

export interface PropertyNode {
  type: 'property';
  offset: number;
  length: number;
  parent: ObjectNode;
  key: StringNode;
  value?: AstNode;
  /** Offset of the `:` separator, when there is one. */
  colonOffset?: number;
}

export interface StringNode extends NodeBase {
  type: 'string';
  value: string;
}

export interface NumberNode extends NodeBase {
  type: 'number';
  value: number;
}

export interface BooleanNode extends NodeBase {
  type: 'boolean';
  value: boolean;
}

export interface NullNode extends NodeBase {
  type: 'null';
  value: null;
}

/** A comment of the source text (YAML `# ...`; JSON comments, which are problems anyway). */
export interface Comment {
  offset: number;
  length: number;
  /** The comment without its markers (`#`, `//`, `/* *\/`), trimmed. */
  text: string;
}

/** Adds `property` to `object`, wiring parents. */
export function addProperty(object: ObjectNode, property: PropertyNode): void {
  property.parent = object;
  object.properties.push(property);
}

/** Sets a property's value node and stretches the property over it. */
export function setPropertyValue(property: PropertyNode, value: AstNode): void {
  property.value = value;
  value.parent = property;
  property.length = Math.max(property.length, value.offset + value.length - property.offset);
}

/** Appends an item to an array, wiring its parent. */
export function addItem(array: ArrayNode, item: AstNode): void {
  item.parent = array;
  array.items.push(item);
}

/** The property a value or key node belongs to, if any. */
export function propertyOf(node: AnyNode): PropertyNode | undefined {
  if (node.type === 'property') return node;
  return node.parent?.type === 'property' ? node.parent : undefined;
}

/** A scalar node for a parsed JSON or YAML value (a YAML bigint reads as a number). */
export function scalarNode(value: unknown, offset: number, length: number): AstNode {
  switch (typeof value) {
    case 'string':
      return { type: 'string', value, offset, length };
    case 'number':
      return { type: 'number', value, offset, length };
    case 'bigint':
      return { type: 'number', value: Number(value), offset, length };
    case 'boolean':
      return { type: 'boolean', value, offset, length };
    default:
      if (value === null || value === undefined) return { type: 'null', value: null, offset, length };
      // Tagged scalars the core schema does not know (e.g. !!binary) keep their text.
      return { type: 'string', value: String(value), offset, length };
  }
}
