/**
 * Loads a committed generated file (a kind's schema or precompiled validator) on first use.
 *
 * They are required by path at run time, not imported, so that a run loads only the kinds it
 * meets and bundles (the CLI's dist/ecsdef-cli.js, the VS Code extension's server) keep them as
 * files beside themselves instead of parsing all of them at start. A bundle says where they are
 * relative to itself with esbuild's `define` of ECSDEF_GENERATED_DIR.
 */
import * as path from 'node:path';

declare const ECSDEF_GENERATED_DIR: string | undefined;

const generatedDir = path.join(__dirname, typeof ECSDEF_GENERATED_DIR === 'string' ? ECSDEF_GENERATED_DIR : 'generated');

export function requireGenerated<T>(file: string): T {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(path.join(generatedDir, file)) as T;
}
