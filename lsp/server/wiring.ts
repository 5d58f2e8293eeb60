/**
 * The wiring table: one line per LSP method, mapping it to a handler. Read this file to know
 * everything the server answers. Every handler goes through the shutdown gate (after
 * `shutdown`: requests fail with InvalidRequest, notifications are ignored; `exit` is the
 * library's and always ends the process).
 */
import { ErrorCodes, ResponseError, type Connection, type TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Handlers } from './handlers';
import { ShutdownGate } from './shutdown-gate';

export function wire(connection: Connection, documents: TextDocuments<TextDocument>, h: Handlers): void {
  const gate = new ShutdownGate();
  const { request, notification } = gate;
  connection.onInitialize(request(h.initialize)); //                       initialize
  connection.onInitialized(notification(h.initialized)); //                initialized
  documents.onDidOpen(notification(h.didOpen)); //                         textDocument/didOpen
  documents.onDidChangeContent(notification(h.didChangeContent)); //       textDocument/didOpen + didChange
  documents.onDidClose(notification(h.didClose)); //                       textDocument/didClose
  connection.onHover(request(h.hover)); //                                 textDocument/hover
  connection.onCompletion(request(h.completion)); //                       textDocument/completion
  connection.onCodeAction(request(h.codeAction)); //                       textDocument/codeAction
  connection.onDocumentSymbol(request(h.documentSymbol)); //               textDocument/documentSymbol
  connection.onCodeLens(request(h.codeLens)); //                           textDocument/codeLens
  connection.onDidChangeConfiguration(notification(h.didChangeConfiguration)); // workspace/didChangeConfiguration
  connection.onDidChangeWatchedFiles(notification(h.didChangeWatchedFiles)); // workspace/didChangeWatchedFiles
  connection.onShutdown(gate.shutdown(h.shutdown)); //                     shutdown (exit is handled by the library)
  connection.onRequest(request(unhandled)); //                             any other request
  documents.listen(connection); //                                         incremental text sync
}

/** What vscode-jsonrpc answers when no handler is registered (until shutdown). */
function unhandled(method: string): ResponseError<void> {
  return new ResponseError(ErrorCodes.MethodNotFound, `Unhandled method ${method}`);
}
