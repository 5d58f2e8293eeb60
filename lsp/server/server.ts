/**
 * Builds a server on an existing connection: documents, service, handlers, wiring. Separate from
 * the process entry so tests and hosts (VS Code's IPC, stdio, in-memory streams) share it.
 */
import { TextDocuments, type Connection } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createLanguageService } from '../service';
import type { LanguageService } from '../service/types';
import { Handlers } from './handlers';
import { serverVersion } from './version';
import { wire } from './wiring';

export interface ServerOptions {
  /** Substitute service (tests); defaults to the real one. */
  service?: LanguageService;
  version?: string;
}

export function startServer(connection: Connection, options: ServerOptions = {}): Handlers {
  const documents = new TextDocuments(TextDocument);
  const service = options.service ?? createLanguageService();
  const handlers = new Handlers(connection, documents, service, options.version ?? serverVersion());
  wire(connection, documents, handlers);
  return handlers;
}

