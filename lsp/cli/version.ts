import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * The version of the ecsdef package. Found by walking up from this file, because the same code
 * runs from `lsp/cli` (ts-node) and `dist/lsp/cli` (built).
 */
export function packageVersion(): string {
  let dir = __dirname;
  for (;;) {
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'ecsdef' && pkg.version) return pkg.version;
    } catch {
      // not here; keep walking
    }
    const parent = path.dirname(dir);
    if (parent === dir) return '0.0.0';
    dir = parent;
  }
}
