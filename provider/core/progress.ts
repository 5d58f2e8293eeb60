/**
 * Progress lines on stderr. The dynamic host's stdout is the engine's channel (it prints the
 * gRPC port there), so progress must never go to stdout.
 */
export function progressLog(): (line: string) => void {
  // ECSDEF_PROGRESS=false silences them (e.g. when a program embeds the provider in-process).
  if (/^(0|false|off|no)$/i.test(process.env.ECSDEF_PROGRESS ?? '')) return () => undefined;
  return (line: string) => {
    process.stderr.write(`[ecsdef] ${line}\n`);
  };
}
