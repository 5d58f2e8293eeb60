/**
 * `npm run generate`: reads the installed `@aws-sdk/client-ecs` model and writes
 * `schemas/generated/` (JSON Schemas, TypeScript types, precompiled Ajv validators).
 * Deterministic and offline. `--check` compares instead of writing and exits 1 on a difference.
 */
import * as fs from 'fs';
import * as path from 'path';
import { renderGeneratedFiles } from './render';

async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const outDir = path.join(__dirname, '..', 'generated');
  const files = await renderGeneratedFiles();
  const stale: string[] = [];
  for (const [name, content] of files) {
    const file = path.join(outDir, name);
    const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
    if (current === content) continue;
    stale.push(name);
    if (!check) fs.writeFileSync(file, content);
  }
  if (check && stale.length) {
    process.stderr.write(`schemas/generated is out of date: ${stale.join(', ')} (run npm run generate)\n`);
    process.exit(1);
  }
  process.stdout.write(check ? 'schemas/generated is current\n' : `wrote ${stale.length} of ${files.size} files to schemas/generated\n`);
}

main().catch((err) => {
  process.stderr.write(`generate failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(2);
});
