/**
 * Builds the extension: bundles the client (src/extension.ts) and the language server
 * (lsp/server/main.ts, with the schemas runtime it imports) into `out/` with esbuild, copies the
 * generated JSON Schemas for `jsonValidation`, and with `--package` runs
 * `vsce package --no-dependencies` (everything is bundled, so no node_modules ship).
 *
 *   node -r ts-node/register/transpile-only vscode-extension/scripts/build.ts [--package] [--out file.vsix]
 *
 * Prints the .vsix path on its last line when packaging.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { build as esbuild, type Plugin } from 'esbuild';

const extensionDir = path.resolve(__dirname, '..');
const root = path.resolve(extensionDir, '..');
const outDir = path.join(extensionDir, 'out');

/**
 * jsonc-parser's UMD files load their siblings through a runtime `require` esbuild cannot follow
 * (lsp/parse imports one directly for a faster cold start); bundle the ESM twin instead.
 */
const jsoncEsm: Plugin = {
  name: 'jsonc-parser-esm',
  setup(build) {
    build.onResolve({ filter: /^jsonc-parser\/lib\/umd\// }, (args) => ({
      path: require.resolve(args.path.replace('/lib/umd/', '/lib/esm/'), { paths: [args.resolveDir] }),
    }));
  },
};

async function build(): Promise<void> {
  fs.rmSync(outDir, { recursive: true, force: true });
  const manifest = JSON.parse(fs.readFileSync(path.join(extensionDir, 'package.json'), 'utf8')) as { version: string };
  const common = {
    bundle: true,
    platform: 'node' as const,
    format: 'cjs' as const,
    target: 'node18',
    logLevel: 'warning' as const,
    minify: false,
    sourcemap: false,
    // ESM entry points first: jsonc-parser's UMD build requires its own files dynamically.
    mainFields: ['module', 'main'],
    plugins: [jsoncEsm],
  };
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
    define: { ECSDEF_VERSION: JSON.stringify(manifest.version) },
  });
  const schemasOut = path.join(outDir, 'schemas');
  fs.mkdirSync(schemasOut, { recursive: true });
  const generated = path.join(root, 'schemas', 'generated');
  for (const file of fs.readdirSync(generated).filter((f) => f.endsWith('.schema.json'))) {
    fs.copyFileSync(path.join(generated, file), path.join(schemasOut, file));
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
