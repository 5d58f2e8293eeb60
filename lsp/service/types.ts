/**
 * Public contract of the ecsdef language service.
 *
 * The service is editor-agnostic: it takes a `TextDocument` (vscode-languageserver-textdocument)
 * plus plain per-call options and returns LSP-shaped values (vscode-languageserver-types). It
 * never reads settings, files or the network; the server resolves everything a call needs
 * (definition kind, rule severities) and passes it in. That keeps settings out of the service
 * and lets the CLI, the server, tests and benchmarks drive the same code.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type {
  CodeAction,
  CodeActionContext,
  CompletionList,
  Diagnostic,
  DocumentSymbol,
  Hover,
  Position,
  Range,
} from 'vscode-languageserver-types';
import type { DefinitionKind, Problem } from '../../schemas';
import type { RuleSetting } from '../../schemas/validate';

export type { RuleSetting };

/** What the caller knows about one document; resolved by the server from settings and config. */
export interface DocumentOptions {
  /** Definition kind of the document; `undefined` means "not an ecsdef document": no results. */
  kind: DefinitionKind | undefined;
  /** Per-rule severity overrides keyed by rule id or rule name (same shape as the CLI config). */
  rules?: Readonly<Record<string, RuleSetting>>;
}

/**
 * The `data` a diagnostic carries (its rule id is `code`), so a quick fix is selected by code
 * and data, never by message text. Kept small: it travels with every publish.
 */
export interface DiagnosticData {
  /** JSON pointer of the problem ('' for syntax errors without a node). */
  pointer: string;
  /** The rule's machine-applicable fix, if it declares one. */
  fix?: Problem['fix'];
}

/** What the service cannot know by itself; every field has a default. */
export interface LanguageServiceOptions {
  /** Link for a rule's documentation, from its kebab-case name. */
  ruleDocUrl?: (ruleName: string) => string;
}

export interface LanguageService {
  doValidation(document: TextDocument, options: DocumentOptions): Diagnostic[];
  doHover(document: TextDocument, position: Position, options: DocumentOptions): Hover | null;
  doComplete(document: TextDocument, position: Position, options: DocumentOptions): CompletionList;
  doCodeActions(
    document: TextDocument,
    range: Range,
    context: CodeActionContext,
    options: DocumentOptions,
  ): CodeAction[];
  findDocumentSymbols(document: TextDocument, options: DocumentOptions): DocumentSymbol[];
  /**
   * Definition kind suggested by the document's own content (its `$schema`, or its shape),
   * or undefined. The server combines it with file-name globs from settings.
   */
  detectKind(document: TextDocument): DefinitionKind | undefined;
  /** Drop cached parse results for a closed document. */
  forgetDocument(uri: string): void;
}
