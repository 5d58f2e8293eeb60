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
  CodeLens,
  CompletionList,
  Diagnostic,
  DocumentSymbol,
  Hover,
  Position,
  Range,
} from 'vscode-languageserver-types';
import type { DefinitionKind, Problem } from '../../schemas';
import type { Recognition } from '../../schemas/recognise';

/** What the name of a document says, split by who says it. */
export interface RecognitionHints {
  /** A configured glob (config `files`, the `ecsdef.files` setting): the kind outright. */
  configured?: DefinitionKind;
  /** The built-in name patterns: a hint the content may overrule. */
  nameKind?: DefinitionKind;
  /** The document's file name or path (a package.json is never a definition). */
  fileName?: string;
}
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
   * What applying the document would do to the running service, against `headText`, the
   * committed version of the same file (the caller reads it; the service does no I/O): a summary
   * lens at the top and one per changed field, classified as `ecsdef diff` does. Empty when
   * either side is not a usable definition of the document's kind. HEAD's parse is cached per
   * document until `headText` changes.
   */
  findChangeLenses(document: TextDocument, headText: string, options: DocumentOptions): CodeLens[];
  /**
   * The kind the document is a definition of, from what the server knows of its name
   * (`hints`: a configured glob's kind, the built-in patterns' kind) and its current content,
   * exactly as the CLI decides it; or why it is not a definition. Re-decided on every version,
   * so a new file gets results once it looks like a service.
   */
  recognise(document: TextDocument, hints: RecognitionHints): Recognition;
  /** Drop cached parse results for a closed document. */
  forgetDocument(uri: string): void;
}
