/** Captures what the provider writes to stderr (progress lines) during a test. */
export function captureStderr(): { text: () => string; restore: () => void } {
  const original = process.stderr.write.bind(process.stderr);
  let text = '';
  process.stderr.write = ((chunk: string | Uint8Array) => {
    text += chunk.toString();
    return true;
  }) as typeof process.stderr.write;
  return { text: () => text, restore: () => (process.stderr.write = original) };
}
