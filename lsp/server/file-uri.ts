/**
 * The file-system path behind a document or workspace-folder URI, from whatever a client sends.
 * `fileURLToPath` throws on `file:` URIs this platform cannot express (a host other than
 * `localhost` on POSIX, an encoded `/`, broken percent-encoding); a long-lived server must not
 * let one odd URI fail a request, so those come back as a reason instead.
 */
import { fileURLToPath } from 'node:url';

export type FileUriPath =
  /** A local path. */
  | { path: string }
  /** A `file:` URI (or not a string at all) with no usable local path, and why. */
  | { problem: string }
  /** Another scheme (untitled:, vscode-vfs:, ...): not a local file, and nothing wrong with it. */
  | undefined;

export function fileUriPath(uri: unknown): FileUriPath {
  if (uri === undefined) return { problem: 'it has no uri' };
  if (typeof uri !== 'string') return { problem: `its uri is ${uri === null ? 'null' : `a ${typeof uri}`}, not a string` };
  if (!uri.startsWith('file:')) return undefined;
  let fsPath: string;
  try {
    fsPath = fileURLToPath(uri);
  } catch (error) {
    return { problem: error instanceof Error ? error.message : String(error) };
  }
  // Decoded %00: no file system takes it, and Node's fs functions throw on it.
  if (fsPath.includes('\0')) return { problem: 'the path contains a NUL character' };
  return { path: fsPath };
}

/** The local path of `uri`, or undefined (other scheme, or no usable path). */
export function fsPathOf(uri: string): string | undefined {
  const result = fileUriPath(uri);
  return result && 'path' in result ? result.path : undefined;
}
