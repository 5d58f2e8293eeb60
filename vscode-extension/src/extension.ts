/**
 * The ecsdef VS Code client. Only wiring: start the bundled language server over IPC and hand
 * it every JSON and YAML document. The server decides which documents are service
 * definitions (file-name globs from settings and `.ecsdef.*`, or an ecsdef `$schema`) and stays
 * silent on the rest, so VS Code, Neovim and any LSP client see the same behaviour.
 */
import * as path from 'node:path';
import type { ExtensionContext } from 'vscode';
import {
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('out', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: {
      module: serverModule,
      transport: TransportKind.ipc,
      options: { execArgv: ['--nolazy', '--inspect=6011'] },
    },
  };
  const languages = ['json', 'jsonc', 'yaml'];
  const clientOptions: LanguageClientOptions = {
    documentSelector: languages.flatMap((language) => [
      { scheme: 'file', language },
      { scheme: 'untitled', language },
    ]),
    // The server pulls `ecsdef.*` with workspace/configuration and registers its own watchers
    // for `.ecsdef.json` / `.ecsdef.yaml`, so nothing needs synchronising here.
  };
  client = new LanguageClient('ecsdef', 'ecsdef', serverOptions, clientOptions);
  context.subscriptions.push(client);
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
