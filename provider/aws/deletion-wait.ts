/**
 * After a delete call: poll until ECS reports the service INACTIVE (or no longer knows it), within
 * the delete time budget. Shared by every driver; each supplies how to describe its service.
 */
import { ProviderError } from '../core/errors';
import type { ProviderSettings } from '../core/settings';
import { sleep } from './deployment-wait';

export interface InactiveWait {
  /** The service's current status, or undefined when ECS no longer knows it. */
  status(): Promise<string | undefined>;
  /** "service 'web' in cluster 'prod'": how messages name it. */
  subject: string;
  settings: ProviderSettings;
  log: (line: string) => void;
}

export async function waitUntilInactive(w: InactiveWait): Promise<void> {
  const { timeoutSeconds, pollIntervalSeconds } = w.settings;
  const deadline = Date.now() + timeoutSeconds.delete * 1000;
  for (;;) {
    const status = await w.status();
    if (status === undefined || status === 'INACTIVE') return;
    w.log(`${w.subject}: ${status}, waiting for INACTIVE`);
    if (Date.now() + pollIntervalSeconds * 1000 > deadline) {
      throw new ProviderError(`${w.subject} was deleted but did not become INACTIVE within ${timeoutSeconds.delete} s (status ${status})`);
    }
    await sleep(pollIntervalSeconds * 1000);
  }
}
