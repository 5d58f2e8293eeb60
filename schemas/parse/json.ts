import type { JSONVisitor, ParseOptions } from 'jsonc-parser';
import { jsonComment, jsonSyntaxError, jsonTrailingComma } from '../rules/syntax';
import {
  addItem,
  addProperty,
  scalarNode,
  setPropertyValue,
  type ArrayNode,
  type AstNode,
  type Comment,
  type ObjectNode,
  type PropertyNode,
} from './ast';
import { syntaxProblem, type SyntaxProblem } from './problems';

/**
 * Only jsonc-parser's parser (which loads its scanner): the package's main module also loads
 * its formatter and editor, never used here, and every module counts in the CLI's start-up.
 */
const { visit } = require('jsonc-parser/lib/umd/impl/parser') as {
  visit(text: string, visitor: JSONVisitor, options?: ParseOptions): unknown;
};

/** jsonc-parser's ParseErrorCode (a const enum, so not importable) -> our message ids. */
const ERROR_MESSAGE_IDS: Readonly<Record<number, string>> = {
  1: 'invalidSymbol',
  2: 'invalidNumberFormat',
  3: 'propertyNameExpected',
  4: 'valueExpected',
  5: 'colonExpected',
  6: 'commaExpected',
  7: 'closeBraceExpected',
  8: 'closeBracketExpected',
  9: 'endOfFileExpected',
  10: 'invalidCommentToken',
  11: 'unexpectedEndOfComment',
  12: 'unexpectedEndOfString',
  13: 'unexpectedEndOfNumber',
  14: 'invalidUnicode',
  15: 'invalidEscapeCharacter',
  16: 'invalidCharacter',
};

export interface JsonParse {
  root: AstNode | undefined;
  comments: Comment[];
  /** Syntax errors (fatal), comments and trailing commas (not fatal), in text order. */
  problems: SyntaxProblem[];
}

type Container = { node: ObjectNode | ArrayNode; attached: boolean };

/**
 * Reads JSON into the shared AST in one pass of jsonc-parser's visitor. The parser runs in its
 * tolerant mode (comments and trailing commas accepted) so that both are reported where they
 * are, by our own rules, rather than as confusing "value expected" errors; everything else the
 * parser reports is a `json-syntax-error`. The caller guarantees the nesting depth is bounded.
 */
export function parseJson(text: string): JsonParse {
  const problems: SyntaxProblem[] = [];
  const comments: Comment[] = [];
  const stack: Container[] = [];
  let root: AstNode | undefined;
  /** Offset of a `,` not yet followed by an entry; a closer right after it makes it trailing. */
  let pendingComma = -1;

  /** Attaches a new node where the parser is; returns false when it belongs nowhere (after errors). */
  const attach = (node: AstNode): boolean => {
    pendingComma = -1;
    const top = stack[stack.length - 1];
    if (!top) {
      if (root) return false;
      root = node;
      return true;
    }
    if (!top.attached) return false;
    if (top.node.type === 'array') {
      addItem(top.node, node);
      return true;
    }
    const last = top.node.properties[top.node.properties.length - 1];
    if (!last || last.value) return false;
    setPropertyValue(last, node);
    return true;
  };

  const close = (offset: number, length: number): void => {
    if (pendingComma >= 0) {
      problems.push(syntaxProblem(jsonTrailingComma, 'trailingComma', pendingComma, 1, false));
      pendingComma = -1;
    }
    const top = stack.pop();
    if (!top) return;
    top.node.length = offset + length - top.node.offset;
    const property = top.node.parent;
    if (property?.type === 'property') {
      property.length = Math.max(property.length, offset + length - property.offset);
    }
  };

  const open = (node: ObjectNode | ArrayNode): void => {
    const attached = attach(node);
    stack.push({ node, attached: attached && (stack.length === 0 || stack[stack.length - 1].attached) });
  };

  visit(
    text,
    {
      onObjectBegin: (offset, length) => open({ type: 'object', offset, length, properties: [] }),
      onObjectEnd: close,
      onArrayBegin: (offset, length) => open({ type: 'array', offset, length, items: [] }),
      onArrayEnd: close,
      onObjectProperty: (name, offset, length) => {
        pendingComma = -1;
        const top = stack[stack.length - 1];
        if (!top || top.node.type !== 'object' || !top.attached) return;
        const property: PropertyNode = {
          type: 'property',
          offset,
          length,
          parent: top.node,
          key: { type: 'string', value: name, offset, length },
        };
        property.key.parent = property;
        addProperty(top.node, property);
      },
      onLiteralValue: (value: unknown, offset, length) => {
        attach(scalarNode(value, offset, length));
      },
      onSeparator: (character, offset) => {
        if (character === ',') {
          pendingComma = offset;
        } else if (character === ':') {
          const top = stack[stack.length - 1];
          const last = top?.node.type === 'object' ? top.node.properties[top.node.properties.length - 1] : undefined;
          if (last && !last.value) last.colonOffset = offset;
        }
      },
      onComment: (offset, length) => {
        comments.push({ offset, length, text: commentText(text.slice(offset, offset + length)) });
        problems.push(syntaxProblem(jsonComment, 'comment', offset, length, false));
      },
      onError: (error, offset, length) => {
        problems.push(syntaxProblem(jsonSyntaxError, ERROR_MESSAGE_IDS[error] ?? 'invalidSymbol', offset, length, true));
      },
    },
    { allowTrailingComma: true, disallowComments: false, allowEmptyContent: true },
  );
  // An unclosed container at the end of the text spans to the end.
  while (stack.length > 0) {
    const top = stack.pop() as Container;
    top.node.length = text.length - top.node.offset;
  }
  return { root, comments, problems };
}

/** A comment's text without `//`, `/*`, `*\/` markers. */
export function commentText(source: string): string {
  if (source.startsWith('//')) return source.slice(2).trim();
  if (source.startsWith('/*')) return source.slice(2, source.endsWith('*/') ? -2 : undefined).trim();
  if (source.startsWith('#')) return source.slice(1).trim();
  return source.trim();
}
