/**
 * A create whose answer was lost (dropped connection, retries exhausted, or a retry that found
 * its own earlier attempt) may still have created the resource: look before reporting failure,
 * so nothing runs untracked.
 */
import { isTransient } from '../core/errors';
import { sleep } from './deployment-wait';

/**
 * Resolves with what `probe` finds; rejects with the create's error `err` when the probe finds
 * nothing or fails for good. Transient probe failures are retried with back-off.
 */
export async function findAfterLostCreate<T>(err: unknown, probe: () => Promise<T | undefined>, attempts = 5): Promise<T> {
  for (let attempt = 0; attempt < attempts; attempt++) {
    try {
      const found = await probe();
      if (found !== undefined) return found;
      throw err;
    } catch (probeErr) {
      if (probeErr === err || !isTransient(probeErr)) throw err;
      await sleep(500 * 2 ** attempt);
    }
  }
  throw err;
}
