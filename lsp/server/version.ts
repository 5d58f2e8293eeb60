/**
 * Version of the server: the root package.json's, found from source (ts-node) or from `dist/`;
 * bundles (the VS Code extension) have it injected by esbuild's `define` instead.
 */
import * as path from 'node:path';

declare const ECSDEF_VERSION: string | undefined;

export function serverVersion(): string {
  if (typeof ECSDEF_VERSION === 'string') return ECSDEF_VERSION;
  for (const relative of ['../../package.json', '../../../package.json']) {
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const manifest = require(path.join(__dirname, relative)) as { name?: string; version?: string };
      if (manifest.name === 'ecsdef' && manifest.version) return manifest.version;
    } catch {
      // try the next layout
    }
  }
  return '0.0.0';
}
