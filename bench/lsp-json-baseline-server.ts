/**
 * Benchmark baseline, not shipped: the smallest LSP server around vscode-json-languageservice,
 * validating every document against one ecsdef schema and publishing on every change (no
 * debounce), with the same transport and document sync as ecsdef-lsp. lsp-bench.ts times it
 * side by side with the real server.
 *
 *   node -r ts-node/register/transpile-only bench/lsp-json-baseline-server.ts --stdio [kind]
 */
import { createConnection, TextDocuments, TextDocumentSyncKind } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from 'vscode-json-languageservice';
import { schemaFor, type DefinitionKind } from '../schemas';

const kind = (process.argv.find((a) => !a.startsWith('-') && a !== process.argv[0] && a !== process.argv[1]) ?? 'service') as DefinitionKind;
const connection = createConnection();
const documents = new TextDocuments(TextDocument);
const service = getLanguageService({});
service.configure({
  validate: true,
  allowComments: false,
  schemas: [{ uri: `ecsdef-bench://${kind}.schema.json`, fileMatch: ['*'], schema: schemaFor(kind) as never }],
});

connection.onInitialize(() => ({ capabilities: { textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental } } }));
documents.onDidChangeContent(async ({ document }) => {
  const version = document.version;
  const json = service.parseJSONDocument(document);
  const diagnostics = await service.doValidation(document, json);
  if (documents.get(document.uri)?.version !== version) return;
  await connection.sendDiagnostics({ uri: document.uri, version, diagnostics });
});
documents.listen(connection);
connection.listen();
