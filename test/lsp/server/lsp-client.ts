/**
 * Test client for the real `ecsdef-lsp` process: spawns it over stdio and speaks LSP through
 * vscode-languageserver's protocol connection, exactly as an editor would. Records every
 * publishDiagnostics and answers workspace/configuration from the settings it was given.
 *
 * The server runs from source through ts-node by default; set ECSDEF_LSP_COMMAND (a JSON array,
 * e.g. '["node","dist/lsp/server/main.js"]') to test another build of it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CodeActionRequest,
  CompletionRequest,
  ConfigurationRequest,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentSymbolRequest,
  ExitNotification,
  HoverRequest,
  InitializeRequest,
  InitializedNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  createProtocolConnection,
  type CodeAction,
  type CompletionList,
  type Diagnostic,
  type DocumentSymbol,
  type Hover,
  type InitializeResult,
  type Position,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Range,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver/node';

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

/**
 * Environment the server command needs: ts-node must find the repo's tsconfig even when an
 * editor starts the server from another directory.
 */
export function serverEnv(): NodeJS.ProcessEnv {
  return { ...process.env, TS_NODE_PROJECT: path.join(REPO_ROOT, 'tsconfig.json') };
}

export function serverCommand(): string[] {
  const configured = process.env.ECSDEF_LSP_COMMAND;
  if (configured) return JSON.parse(configured) as string[];
  // Absolute paths only: editors (Neovim) start the command from their own working directory.
  const register = require.resolve('ts-node/register/transpile-only', { paths: [REPO_ROOT] });
  return [process.execPath, '-r', register, path.join(REPO_ROOT, 'lsp/server/main.ts'), '--stdio'];
}

export interface StartOptions {
  /** Settings returned for `workspace/configuration` section `ecsdef` (pull clients). */
  settings?: Record<string, unknown>;
  initializationOptions?: unknown;
  workspaceFolder?: string;
  command?: string[];
}

type Waiter = { uri: string; accept: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void };

export class LspTestClient {
  readonly published: PublishDiagnosticsParams[] = [];
  readonly latest = new Map<string, PublishDiagnosticsParams>();
  stderr = '';
  initializeResult!: InitializeResult;
  private waiters: Waiter[] = [];
  private exited: Promise<number | null>;

  private constructor(
    readonly process: ChildProcess,
    readonly connection: ProtocolConnection,
    private settings: Record<string, unknown>,
  ) {
    this.exited = new Promise((resolve) => process.on('exit', (code) => resolve(code)));
    process.stderr?.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.published.push(params);
      this.latest.set(params.uri, params);
      this.waiters = this.waiters.filter((w) => {
        if (w.uri !== params.uri || !w.accept(params)) return true;
        w.resolve(params);
        return false;
      });
    });
    connection.onRequest(ConfigurationRequest.type, (params) => params.items.map(() => this.settings));
    connection.onRequest(RegistrationRequest.type, () => undefined);
    connection.onNotification('window/logMessage', () => undefined);
  }

  static async start(options: StartOptions = {}): Promise<LspTestClient> {
    const [command, ...args] = options.command ?? serverCommand();
    const child = spawn(command, args, { cwd: REPO_ROOT, env: serverEnv(), stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createProtocolConnection(
      new StreamMessageReader(child.stdout!),
      new StreamMessageWriter(child.stdin!),
    );
    connection.listen();
    const client = new LspTestClient(child, connection, options.settings ?? {});
    const folder = options.workspaceFolder;
    client.initializeResult = await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: folder ? pathToFileURL(folder).href : null,
      workspaceFolders: folder ? [{ uri: pathToFileURL(folder).href, name: path.basename(folder) }] : null,
      initializationOptions: options.initializationOptions,
      capabilities: {
        workspace: { configuration: options.settings !== undefined, didChangeConfiguration: { dynamicRegistration: true } },
        textDocument: {
          synchronization: { dynamicRegistration: false },
          publishDiagnostics: { relatedInformation: false, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          completion: { completionItem: { snippetSupport: true } },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } },
          documentSymbol: { hierarchicalDocumentSymbolSupport: true },
        },
      },
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  async open(uri: string, languageId: string, text: string, version = 1): Promise<void> {
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId, version, text },
    });
  }

  async change(uri: string, version: number, contentChanges: TextDocumentContentChangeEvent[]): Promise<void> {
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges,
    });
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  async changeSettings(settings: Record<string, unknown>): Promise<void> {
    this.settings = settings;
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { ecsdef: settings } });
  }

  /** Resolves with the first publish for `uri` (from now on, or already received) accepted by `accept`. */
  waitForDiagnostics(
    uri: string,
    accept: (p: PublishDiagnosticsParams) => boolean = () => true,
    timeoutMs = 10_000,
  ): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        const last = this.latest.get(uri);
        reject(new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms; last: ${JSON.stringify(last)}\n${this.stderr}`));
      }, timeoutMs);
      const waiter: Waiter = {
        uri,
        accept,
        resolve: (p) => {
          clearTimeout(timer);
          resolve(p);
        },
      };
      this.waiters.push(waiter);
    });
  }

  /** Diagnostics published for exactly `version` of `uri`. */
  diagnosticsFor(uri: string, version: number, timeoutMs?: number): Promise<Diagnostic[]> {
    const last = this.latest.get(uri);
    if (last?.version === version) return Promise.resolve(last.diagnostics);
    return this.waitForDiagnostics(uri, (p) => p.version === version, timeoutMs).then((p) => p.diagnostics);
  }

  hover(uri: string, position: Position): Promise<Hover | null> {
    return this.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
  }

  async complete(uri: string, position: Position): Promise<CompletionList> {
    const result = await this.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position });
    if (!result) return { isIncomplete: false, items: [] };
    return Array.isArray(result) ? { isIncomplete: false, items: result } : result;
  }

  async codeActions(uri: string, range: Range, diagnostics: Diagnostic[]): Promise<CodeAction[]> {
    const result = await this.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range,
      context: { diagnostics },
    });
    return (result ?? []).filter((a): a is CodeAction => 'title' in a && !('command' in a && typeof a.command === 'string'));
  }

  async symbols(uri: string): Promise<DocumentSymbol[]> {
    const result = await this.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } });
    return (result ?? []) as DocumentSymbol[];
  }

  /** shutdown + exit; resolves with the process exit code. */
  async shutdown(): Promise<number | null> {
    await this.connection.sendRequest(ShutdownRequest.type);
    await this.connection.sendNotification(ExitNotification.type);
    const code = await Promise.race([this.exited, delay(5000).then(() => 'timeout' as const)]);
    this.connection.dispose();
    if (code === 'timeout') {
      this.process.kill();
      throw new Error('server did not exit within 5 s of shutdown/exit');
    }
    return code;
  }

  /** Kills the process if a test failed before shutdown. */
  dispose(): void {
    this.connection.dispose();
    if (this.process.exitCode === null) this.process.kill();
  }

  get alive(): boolean {
    return this.process.exitCode === null && this.process.signalCode === null;
  }
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function fileUri(p: string): string {
  return pathToFileURL(p).href;
}
