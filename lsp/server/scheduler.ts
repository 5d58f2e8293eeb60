/**
 * Per-document validation scheduling: debounced, and cancelled as soon as it is stale.
 *
 * Every edit reschedules its document: a pending timer is cleared and an in-flight run is told
 * through its token, so at most one run per document does useful work and a run never publishes
 * diagnostics for a version the editor has already left behind. Runs of different documents are
 * independent. Errors from a run are reported to `onError`, never thrown into a timer callback
 * (which would take the process down).
 */
import { CancellationTokenSource, type CancellationToken } from 'vscode-languageserver/node';

export type ValidationRun = (uri: string, token: CancellationToken) => Promise<void> | void;

interface Pending {
  /** Clears the pending timer; undefined once the run started. */
  clearTimer: (() => void) | undefined;
  source: CancellationTokenSource;
}

export class ValidationScheduler {
  private readonly pending = new Map<string, Pending>();

  constructor(
    private readonly run: ValidationRun,
    private readonly onError: (uri: string, error: unknown) => void,
  ) {}

  /** (Re)schedules validation of `uri` after `delayMs`; cancels any earlier run of it. */
  schedule(uri: string, delayMs: number): void {
    this.cancel(uri);
    const entry: Pending = { clearTimer: undefined, source: new CancellationTokenSource() };
    if (delayMs > 0) {
      const timer = setTimeout(() => this.fire(uri, entry), delayMs);
      entry.clearTimer = () => clearTimeout(timer);
    } else {
      // No debounce asked for: run as soon as the current message is handled. vscode-jsonrpc
      // dispatches each message in its own macrotask, so a microtask runs before the next
      // message, without the extra event-loop turn (or setTimeout's 1 ms minimum).
      let cleared = false;
      queueMicrotask(() => {
        if (!cleared) void this.fire(uri, entry);
      });
      entry.clearTimer = () => {
        cleared = true;
      };
    }
    this.pending.set(uri, entry);
  }

  /** Cancels a pending or running validation of `uri` (document changed or closed). */
  cancel(uri: string): void {
    const entry = this.pending.get(uri);
    if (!entry) return;
    entry.clearTimer?.();
    entry.source.cancel();
    this.pending.delete(uri);
  }

  /** Number of documents with a pending or running validation (for tests and leak checks). */
  get size(): number {
    return this.pending.size;
  }

  dispose(): void {
    for (const uri of [...this.pending.keys()]) this.cancel(uri);
  }

  private async fire(uri: string, entry: Pending): Promise<void> {
    entry.clearTimer = undefined;
    try {
      if (!entry.source.token.isCancellationRequested) await this.run(uri, entry.source.token);
    } catch (error) {
      this.onError(uri, error);
    } finally {
      if (this.pending.get(uri) === entry) this.pending.delete(uri);
      entry.source.dispose();
    }
  }
}
