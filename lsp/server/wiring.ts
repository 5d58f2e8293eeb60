/**
 * The wiring table: one line per LSP method, mapping it to a handler. Read this file to know
 * everything the server answers.
 */
import type { Connection, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Handlers } from './handlers';

export function wire(connection: Connection, documents: TextDocuments<TextDocument>, h: Handlers): void {
  connection.onInitialize(h.initialize); //                       initialize
  connection.onInitialized(h.initialized); //                     initialized
  documents.onDidOpen(h.didOpen); //                              textDocument/didOpen
  documents.onDidChangeContent(h.didChangeContent); //           textDocument/didOpen + didChange
  documents.onDidClose(h.didClose); //                            textDocument/didClose
  connection.onHover(h.hover); //                                 textDocument/hover
  connection.onCompletion(h.completion); //                       textDocument/completion
  connection.onCodeAction(h.codeAction); //                       textDocument/codeAction
  connection.onDocumentSymbol(h.documentSymbol); //               textDocument/documentSymbol
  connection.onDidChangeConfiguration(h.didChangeConfiguration); // workspace/didChangeConfiguration
  connection.onDidChangeWatchedFiles(h.didChangeWatchedFiles); // workspace/didChangeWatchedFiles
  connection.onShutdown(h.shutdown); //                           shutdown (exit is handled by the library)
  documents.listen(connection); //                                incremental text sync
}
