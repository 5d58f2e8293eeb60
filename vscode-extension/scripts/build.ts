/**
 * Builds the extension: bundles the client (src/extension.ts) and the language server
 * (lsp/server/main.ts, with the schemas runtime it imports) into `out/` with esbuild, copies the
 * generated JSON Schemas (for the server and `jsonValidation`) and validators, and with `--package` runs
 * `vsce package --no-dependencies` (everything is bundled, so no node_modules ship).
 *
 *   node -r ts-node/register/transpile-only vscode-extension/scripts/build.ts [--package] [--out file.vsix]
 *
 * Prints the .vsix path on its last line when packaging.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { build as esbuild, type BuildOptions } from 'esbuild';

const extensionDir = path.resolve(__dirname, '..');
const root = path.resolve(extensionDir, '..');
const outDir = path.join(extensionDir, 'out');

// Shared with the CLI bundle: target, format, and the jsonc-parser ESM redirect.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { nodeBundleOptions } = require('../../lsp/cli/bundle-cli.js') as { nodeBundleOptions: BuildOptions };

async function build(): Promise<void> {
  fs.rmSync(outDir, { recursive: true, force: true });
  const manifest = JSON.parse(fs.readFileSync(path.join(extensionDir, 'package.json'), 'utf8')) as { version: string };
  const common: BuildOptions = { ...nodeBundleOptions, minify: false, sourcemap: false };
  await esbuild({
    ...common,
    entryPoints: [path.join(extensionDir, 'src', 'extension.ts')],
    outfile: path.join(outDir, 'client.js'),
    external: ['vscode'],
  });
  await esbuild({
    ...common,
    entryPoints: [path.join(root, 'lsp', 'server', 'main.ts')],
    outfile: path.join(outDir, 'server.js'),
    // The generated schemas (also used by jsonValidation) and validators stay files in out/schemas.
    define: { ECSDEF_VERSION: JSON.stringify(manifest.version), ECSDEF_GENERATED_DIR: JSON.stringify('schemas') },
  });
  const schemasOut = path.join(outDir, 'schemas');
  fs.mkdirSync(schemasOut, { recursive: true });
  const generated = path.join(root, 'schemas', 'generated');
  for (const file of fs.readdirSync(generated)) {
    if (file.endsWith('.json')) fs.copyFileSync(path.join(generated, file), path.join(schemasOut, file));
    // Validators require a piece of Ajv's runtime; no node_modules ship, so each is bundled alone.
    if (file.endsWith('.validator.js')) await esbuild({ ...common, entryPoints: [path.join(generated, file)], outfile: path.join(schemasOut, file) });
  }
}

function packageVsix(out: string): string {
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const vsce = require.resolve('@vscode/vsce/vsce', { paths: [root] });
  execFileSync(
    process.execPath,
    [vsce, 'package', '--no-dependencies', '--skip-license', '--allow-missing-repository', '--out', out],
    { cwd: extensionDir, stdio: ['ignore', 'inherit', 'inherit'] },
  );
  return out;
}

async function main(argv: string[]): Promise<void> {
  const started = Date.now();
  await build();
  process.stderr.write(`bundled client and server into ${path.relative(root, outDir)} in ${Date.now() - started} ms\n`);
  if (argv.includes('--package')) {
    const i = argv.indexOf('--out');
    const out = i >= 0 ? path.resolve(argv[i + 1]) : path.join(root, '.artifacts', 'ecsdef.vsix');
    process.stdout.write(`${packageVsix(out)}\n`);
  }
}

main(process.argv.slice(2)).catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
