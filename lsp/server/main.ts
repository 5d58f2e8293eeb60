/**
 * Process entry of `ecsdef-lsp`. Transport comes from the command line, as every
 * vscode-languageserver server does: `--stdio` (default when none is given), `--node-ipc`
 * (VS Code's client), `--socket=<port>` or `--pipe=<name>`. Input it cannot read as LSP
 * messages ends the process (see unreadable-input.ts).
 */
import { createConnection } from 'vscode-languageserver/node';
import { SERVER_NAME } from './handlers';
import { startServer } from './server';
import { exitOnUnreadableInput } from './unreadable-input';
import { serverVersion } from './version';

const TRANSPORTS = ['--stdio', '--node-ipc', '--socket', '--pipe', '--clientProcessId'];

export function main(argv: string[] = process.argv): void {
  const args = argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(`usage: ${SERVER_NAME} [--stdio | --node-ipc | --socket=<port> | --pipe=<name>]\n`);
    return;
  }
  if (args.includes('--version')) {
    process.stdout.write(`${SERVER_NAME} ${serverVersion()}\n`);
    return;
  }
  if (!args.some((a) => TRANSPORTS.some((t) => a === t || a.startsWith(`${t}=`)))) process.argv.push('--stdio');
  const input = exitOnUnreadableInput();
  const connection = createConnection(input.features);
  if (!input.isWatching()) {
    process.stderr.write(`${SERVER_NAME}: warning: cannot watch the input for unreadable messages (vscode-languageserver changed)\n`);
  }
  startServer(connection);
  connection.listen();
}

if (require.main === module) main();
