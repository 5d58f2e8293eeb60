/**
 * The part of the LSP lifecycle vscode-languageserver leaves to the server. The library only
 * records that `shutdown` came, so that `exit` ends the process with 0 after it and with 1
 * without it; it goes on serving every request and notification in between. The spec says that
 * after `shutdown` every request fails with InvalidRequest and every notification but `exit`
 * is ignored (the server has released its resources and must not start new work).
 *
 * The wiring table wraps each handler it registers: `shutdown` closes the gate (a second
 * `shutdown` is itself a request after shutdown), `request` and `notification` honour it.
 * vscode-jsonrpc dispatches messages one at a time in arrival order, so everything that arrives
 * after `shutdown` meets a closed gate; work already under way finishes normally.
 */
import { ErrorCodes, ResponseError } from 'vscode-languageserver/node';
import { SERVER_NAME } from './handlers';

export class ShutdownGate {
  private closed = false;

  /** Wraps the `shutdown` handler: the first call closes the gate, later ones are refused. */
  shutdown = <A extends unknown[], R>(handler: (...args: A) => R) =>
    (...args: A): R | ResponseError<never> => {
      if (this.closed) return refusal();
      this.closed = true;
      return handler(...args);
    };

  /** Wraps a request handler: refused with InvalidRequest once shut down. */
  request = <A extends unknown[], R>(handler: (...args: A) => R) =>
    (...args: A): R | ResponseError<never> =>
      this.closed ? refusal() : handler(...args);

  /** Wraps a notification handler: ignored once shut down. */
  notification = <A extends unknown[]>(handler: (...args: A) => void) =>
    (...args: A): void => {
      if (!this.closed) handler(...args);
    };
}

/** `ResponseError<never>` fits every request's declared error data type. */
function refusal(): ResponseError<never> {
  return new ResponseError(ErrorCodes.InvalidRequest, `${SERVER_NAME} has shut down: it accepts only the exit notification`);
}
