/**
 * Parse once per document version. The cache is keyed by URI and holds the latest version only:
 * every feature call for that version (validation, hover, completion, code actions, symbols)
 * reuses the same AST, and a new version replaces it, so memory is bounded by open documents.
 * A new version that differs from the cached one inside a single scalar value is patched
 * instead of re-parsed (incremental.ts); the previous version's AST is reused for it.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { languageOf, parseDocument, type Language, type ParsedDocument } from '../../schemas/parse';
import { patchScalarEdit } from './incremental';

interface Entry {
  version: number;
  text: string;
  parsed: ParsedDocument;
}

export class ParseCache {
  private readonly entries = new Map<string, Entry>();

  get(document: TextDocument): ParsedDocument {
    const text = document.getText();
    const entry = this.entries.get(document.uri);
    // Same version and same string: TextDocument hands out the same string object until an
    // edit, so the comparison is a pointer check in the common case.
    if (entry && entry.version === document.version && entry.text === text) return entry.parsed;
    const language = languageFor(document, text);
    const parsed =
      (entry && entry.parsed.language === language ? patchScalarEdit(entry.parsed, text) : undefined) ??
      parseDocument(text, language);
    this.entries.set(document.uri, { version: document.version, text, parsed });
    return parsed;
  }

  forget(uri: string): void {
    this.entries.delete(uri);
  }

  get size(): number {
    return this.entries.size;
  }
}

/** Language from the editor's language id, else from the file name and content. */
export function languageFor(document: TextDocument, text: string): Language {
  const id = document.languageId;
  if (id === 'yaml' || id === 'yml') return 'yaml';
  if (id === 'json' || id === 'jsonc') return 'json';
  return languageOf(document.uri, text);
}
