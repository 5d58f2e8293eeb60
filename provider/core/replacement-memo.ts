/**
 * What `check` said about a replacement, kept for the second `check` of that replacement.
 *
 * When the engine replaces a resource it runs `check` again with no old inputs and keeps those
 * inputs for the new resource; the preview shows them. That second check cannot tell a
 * replacement from a first create, so the first check (which saw the old inputs and planned the
 * replacement) leaves its statement here, keyed by what names the new resource, and the second
 * check takes it. Both run in the same dynamic-provider host process, one right after the other.
 *
 * Module state on purpose: the serialised provider reaches this module through `require`, so the
 * host's single copy holds the entries (a value captured in the provider would be copied).
 */
const TTL_MS = 10 * 60_000;
const MAX_ENTRIES = 1000;

const pending = new Map<string, { statement: string; at: number }>();

export function rememberReplacement(key: string, statement: string): void {
  if (pending.size >= MAX_ENTRIES) pending.delete(pending.keys().next().value as string);
  pending.set(key, { statement, at: Date.now() });
}

/** The statement remembered for `key` (once), if it is recent. */
export function takeReplacement(key: string): string | undefined {
  const entry = pending.get(key);
  pending.delete(key);
  return entry && Date.now() - entry.at < TTL_MS ? entry.statement : undefined;
}
