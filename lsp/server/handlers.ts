/**
 * LSP handlers: each turns protocol params into a service call with resolved `DocumentOptions`
 * and back. No feature logic lives here; that is the language service's job.
 */
import {
  CodeActionKind,
  CodeLensRefreshRequest,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  TextDocumentSyncKind,
  type CancellationToken,
  type CodeAction,
  type CodeActionParams,
  type CodeLens,
  type CodeLensParams,
  type CompletionList,
  type CompletionParams,
  type Connection,
  type DidChangeConfigurationParams,
  type DocumentSymbol,
  type DocumentSymbolParams,
  type Hover,
  type HoverParams,
  type InitializeParams,
  type InitializeResult,
  type TextDocumentChangeEvent,
  type TextDocuments,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LanguageService } from '../service/types';
import { CONFIG_FILE_NAMES } from './config-file';
import { DocumentSettings } from './document-settings';
import { fsPathOf } from './file-uri';
import { GitHeads } from './git-head';
import { ValidationScheduler } from './scheduler';
import { DEFAULT_VALIDATION_DELAY_MS } from './settings';
import { workspaceFolderPaths } from './workspace-folders';

export const SERVER_NAME = 'ecsdef-lsp';

export class Handlers {
  private readonly settings: DocumentSettings;
  private readonly scheduler: ValidationScheduler;
  /** Documents opened but not yet validated: their first validation is not debounced. */
  private readonly fresh = new Set<string>();
  private readonly delays = new Map<string, number>();
  private dynamicConfiguration = false;
  private dynamicWatchers = false;
  /** HEAD's text per file, for the change lens; refreshes lenses when the client supports it. */
  private heads = new GitHeads();
  /** Asks the client to request code lenses again (a no-op for clients that cannot be asked). */
  private refreshLenses = (): void => undefined;

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly service: LanguageService,
    private readonly version: string,
  ) {
    this.settings = new DocumentSettings(connection, service);
    this.scheduler = new ValidationScheduler(
      (uri, token) => this.validate(uri, token),
      (uri, error) => this.connection.console.error(`validation of ${uri} failed: ${describe(error)}`),
    );
  }

  /** Answers with the capabilities whatever the params hold: what cannot be used is skipped. */
  initialize = (params: InitializeParams): InitializeResult => {
    const workspace = params.capabilities?.workspace;
    this.dynamicConfiguration = workspace?.didChangeConfiguration?.dynamicRegistration === true;
    this.dynamicWatchers = workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    const folders = workspaceFolderPaths(params, (message) => this.connection.console.warn(message));
    if (workspace?.codeLens?.refreshSupport === true) {
      this.refreshLenses = () => void this.connection.sendRequest(CodeLensRefreshRequest.type).catch(this.logError);
      this.heads = new GitHeads(this.refreshLenses);
    }
    this.settings.configure({
      canPull: workspace?.configuration === true,
      initializationOptions: params.initializationOptions,
      workspaceFolders: folders,
    });
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        completionProvider: { triggerCharacters: ['"', ':', ' '], resolveProvider: false },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix], resolveProvider: false },
        documentSymbolProvider: true,
        codeLensProvider: { resolveProvider: false },
      },
      serverInfo: { name: SERVER_NAME, version: this.version },
    };
  };

  initialized = (): void => {
    if (this.dynamicConfiguration) {
      this.connection.client.register(DidChangeConfigurationNotification.type, { section: 'ecsdef' }).catch(this.logError);
    }
    if (this.dynamicWatchers) {
      this.connection.client
        .register(DidChangeWatchedFilesNotification.type, {
          watchers: CONFIG_FILE_NAMES.map((name) => ({ globPattern: `**/${name}` })),
        })
        .catch(this.logError);
    }
  };

  didOpen = (event: TextDocumentChangeEvent<TextDocument>): void => {
    this.fresh.add(event.document.uri);
  };

  /** Fires for open and for every change; schedules (debounced) validation. */
  didChangeContent = (event: TextDocumentChangeEvent<TextDocument>): void => {
    const uri = event.document.uri;
    const delay = this.fresh.delete(uri) ? 0 : this.delays.get(uri) ?? DEFAULT_VALIDATION_DELAY_MS;
    this.scheduler.schedule(uri, delay);
  };

  didClose = (event: TextDocumentChangeEvent<TextDocument>): void => {
    const uri = event.document.uri;
    this.scheduler.cancel(uri);
    this.fresh.delete(uri);
    this.delays.delete(uri);
    this.settings.forget(uri);
    this.service.forgetDocument(uri);
    const fsPath = fsPathOf(uri);
    if (fsPath) this.heads.forget(fsPath);
    this.connection.sendDiagnostics({ uri, diagnostics: [] }).catch(this.logError);
  };

  didChangeConfiguration = (params: DidChangeConfigurationParams): void => {
    this.settings.changed(params.settings);
    this.revalidateAll();
    this.refreshLenses(); // ecsdef.changeLens.enable may have changed
  };

  didChangeWatchedFiles = (): void => {
    this.settings.configFilesChanged();
    this.revalidateAll();
  };

  hover = async (params: HoverParams): Promise<Hover | null> => {
    const document = this.documents.get(params.textDocument.uri);
    if (!document) return null;
    const { options } = await this.settings.resolve(document);
    return this.service.doHover(document, params.position, options);
  };

  completion = async (params: CompletionParams): Promise<CompletionList | null> => {
    const document = this.documents.get(params.textDocument.uri);
    if (!document) return null;
    const { options } = await this.settings.resolve(document);
    return this.service.doComplete(document, params.position, options);
  };

  codeAction = async (params: CodeActionParams): Promise<CodeAction[]> => {
    const document = this.documents.get(params.textDocument.uri);
    if (!document) return [];
    const { options } = await this.settings.resolve(document);
    return this.service.doCodeActions(document, params.range, params.context, options);
  };

  documentSymbol = async (params: DocumentSymbolParams): Promise<DocumentSymbol[]> => {
    const document = this.documents.get(params.textDocument.uri);
    if (!document) return [];
    const { options } = await this.settings.resolve(document);
    return this.service.findDocumentSymbols(document, options);
  };

  /**
   * The change lens: the document against its version at git HEAD. Computed only here, on
   * request (never per keystroke); no lens without a tracked, readable HEAD version.
   */
  codeLens = async (params: CodeLensParams): Promise<CodeLens[]> => {
    const document = this.documents.get(params.textDocument.uri);
    const fsPath = document && fsPathOf(document.uri);
    if (!document || !fsPath) return [];
    const { settings, options } = await this.settings.resolve(document);
    if (!settings.changeLens.enable || !options.kind) return [];
    const headText = await this.heads.headText(fsPath);
    if (headText === undefined || this.documents.get(document.uri) !== document) return [];
    return this.service.findChangeLenses(document, headText, options);
  };

  shutdown = (): void => {
    this.scheduler.dispose();
    this.heads.dispose();
  };

  /** Failed notifications must not become unhandled rejections (they end a Node process). */
  private readonly logError = (error: unknown): void => {
    this.connection.console.error(`ecsdef: ${describe(error)}`);
  };

  /** One validation run; publishes only if the document is still at the version it read. */
  private async validate(uri: string, token: CancellationToken): Promise<void> {
    const document = this.documents.get(uri);
    if (!document) return;
    const version = document.version;
    const { settings, options } = await this.settings.resolve(document);
    this.delays.set(uri, settings.validationDelay);
    if (token.isCancellationRequested || this.documents.get(uri) !== document || document.version !== version) {
      return;
    }
    const diagnostics = this.service.doValidation(document, options);
    await this.connection.sendDiagnostics({ uri, version, diagnostics });
  }

  private revalidateAll(): void {
    for (const document of this.documents.all()) this.scheduler.schedule(document.uri, 0);
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
