/**
 * What the server does with input it cannot read as LSP messages: it says why in one stderr
 * line and exits with 1, so the client sees a crash and starts a fresh server on a clean stream
 * (VS Code's client restarts a server that dies, up to 5 times in 3 minutes). rust-analyzer and
 * gopls end the same way.
 *
 * Why not skip ahead and carry on: LSP frames a message with its Content-Length header and
 * nothing else. After a header block without a usable length, or a body that does not decode
 * (a body shorter than its length swallows the next header and fails exactly like a garbled
 * one), no byte says where the next message starts, and a server that guesses may act on half
 * an edit. vscode-jsonrpc's reader reports such input on its `onError` event, then waits for
 * bytes that never make sense again; nothing listened, so the server lived on, deaf and silent.
 *
 * Where to listen: the reader's errors reach only the JSON-RPC connection, which
 * vscode-languageserver hands to a single party, the console feature, through `rawAttach`
 * (before the first message is read). The feature below listens there, which leaves the
 * library's own transport handling (argv, exit on end of input, console redirection on stdio)
 * as it is. `rawAttach` is not in the library's typings: `isWatching()` tells whether it ran,
 * so a library upgrade that renames it is reported instead of silently losing the guard.
 */
import type { Features, MessageConnection, RemoteConsole } from 'vscode-languageserver/node';
import { SERVER_NAME } from './handlers';

/** Exit code for input that cannot be read (the code of a connection lost without `shutdown`). */
export const UNREADABLE_INPUT_EXIT_CODE = 1;

/** What the message says of the failure at most: hostile input may be long, or many lines. */
const MAX_REASON_LENGTH = 200;

/** Read errors are fired alone; write errors come with the message that failed and a count. */
type ConnectionError = [Error, unknown, number | undefined];

/** The one stderr line for `error`. */
export function unreadableInputMessage(error: Error): string {
  const reason = (error.message.split('\n')[0] || error.name).slice(0, MAX_REASON_LENGTH);
  return `${SERVER_NAME}: cannot read the LSP input (${reason}); exiting so the client can restart the server\n`;
}

export interface InputWatch {
  /** Pass to vscode-languageserver's `createConnection`. */
  features: Features;
  /** Whether the feature got hold of the connection's errors (false: the guard is missing). */
  isWatching(): boolean;
}

export function exitOnUnreadableInput(): InputWatch {
  let watching = false;
  const features: Features = {
    __brand: 'features',
    console: (Base) =>
      class extends Base {
        rawAttach(connection: MessageConnection): void {
          (Base.prototype as unknown as { rawAttach(c: MessageConnection): void }).rawAttach.call(this, connection);
          watching = true;
          connection.onError(([error, failedWrite]: ConnectionError) => {
            if (failedWrite !== undefined) return; // output trouble: the client is gone or going
            // Synchronous on pipes and files: the line is out before the process ends.
            process.stderr.write(unreadableInputMessage(error));
            process.exit(UNREADABLE_INPUT_EXIT_CODE);
          });
        }
      } as new () => RemoteConsole,
  };
  return { features, isWatching: () => watching };
}
