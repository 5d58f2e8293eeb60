/**
 * End-to-end suites drive real programs (Neovim, code-server, Chromium). When one is missing the
 * suite is skipped with what to install, except under CI=true where a missing component is a
 * failure: CI installs them (.ci/install-debian.sh, .ci/install-code-server.sh), so a skip there
 * would hide a broken install step.
 */
import { execFileSync } from 'node:child_process';

export function which(command: string): string | undefined {
  try {
    return execFileSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

export function inCi(): boolean {
  return process.env.CI === 'true' || process.env.CI === '1';
}

/** Skips the current mocha context (or throws under CI) with an install hint. */
export function requireComponent(ctx: Mocha.Context, present: boolean, what: string, install: string): void {
  if (present) return;
  const message = `${what} is not available; install it with: ${install}`;
  if (inCi()) throw new Error(`${message} (CI=true: missing components fail instead of skipping)`);
  // eslint-disable-next-line no-console
  console.log(`      skipped: ${message}`);
  ctx.skip();
}
