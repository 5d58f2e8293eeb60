/**
 * findDocumentSymbols: the outline, one symbol per property and array item, nested as in the
 * document. Capped so a huge document cannot flood the client.
 */
import type { DocumentSymbol, SymbolKind } from 'vscode-languageserver-types';
import type { AstNode, ParsedDocument } from '../../schemas/parse';
import { toRange } from './ast-query';

const MAX_SYMBOLS = 10_000;

// LSP SymbolKind values.
const KIND: Record<AstNode['type'], SymbolKind> = {
  object: 2, // Module
  array: 18, // Array
  string: 15, // String
  number: 16, // Number
  boolean: 17, // Boolean
  null: 21, // Null
};

export function findDocumentSymbols(parsed: ParsedDocument): DocumentSymbol[] {
  let budget = MAX_SYMBOLS;

  const children = (node: AstNode | undefined): DocumentSymbol[] => {
    const out: DocumentSymbol[] = [];
    if (node?.type === 'object') {
      for (const property of node.properties) {
        if (budget-- <= 0) break;
        const value = property.value;
        out.push({
          name: property.key.value || '""',
          kind: value ? KIND[value.type] : KIND.null,
          detail: detail(value),
          range: toRange(parsed, property),
          selectionRange: toRange(parsed, property.key),
          children: children(value),
        });
      }
    } else if (node?.type === 'array') {
      node.items.forEach((item, index) => {
        if (budget-- <= 0) return;
        out.push({
          name: String(index),
          kind: KIND[item.type],
          detail: detail(item),
          range: toRange(parsed, item),
          selectionRange: toRange(parsed, item),
          children: children(item),
        });
      });
    }
    return out;
  };
  return children(parsed.root);
}

function detail(node: AstNode | undefined): string | undefined {
  if (!node) return undefined;
  switch (node.type) {
    case 'object':
    case 'array':
      return undefined;
    case 'string':
      return node.value.length > 60 ? `${node.value.slice(0, 57)}...` : node.value;
    default:
      return String(node.value);
  }
}
