// Build step (after tsc): bundles the compiled CLI into one file, dist/ecsdef-cli.js.
//
// Why: a pre-commit hook starts `ecsdef` once per commit, and loading ~120 small modules costs
// more than the work. One file starts faster; the generated validators and schemas stay files,
// loaded only for the kinds a run meets (schemas/generated-files.ts). bin/ecsdef falls back to dist/lsp/cli/main.js
// when the bundle is missing. The VS Code extension's build shares the esbuild options.
const path = require('path');

/**
 * jsonc-parser's UMD files load their siblings through a runtime `require` esbuild cannot follow
 * (schemas/parse imports one directly for a faster unbundled start); bundle the ESM twin instead.
 */
const jsoncEsm = {
  name: 'jsonc-parser-esm',
  setup(build) {
    build.onResolve({ filter: /^jsonc-parser\/lib\/umd\// }, (args) => ({
      path: require.resolve(args.path.replace('/lib/umd/', '/lib/esm/'), { paths: [args.resolveDir] }),
    }));
  },
};

/** esbuild options for a Node bundle of ecsdef code. */
const nodeBundleOptions = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node18',
  logLevel: 'warning',
  // ESM entry points first: jsonc-parser's UMD build requires its own files dynamically.
  mainFields: ['module', 'main'],
  plugins: [jsoncEsm],
};

function bundleCli() {
  const root = path.join(__dirname, '..', '..');
  return require('esbuild').build({
    ...nodeBundleOptions,
    entryPoints: [path.join(root, 'dist', 'lsp', 'cli', 'main.js')],
    outfile: path.join(root, 'dist', 'ecsdef-cli.js'),
    // The generated schemas and validators stay files (copied by copy-generated.js).
    define: { ECSDEF_GENERATED_DIR: JSON.stringify('schemas/generated') },
  });
}

module.exports = { nodeBundleOptions };

if (require.main === module) {
  bundleCli().catch((error) => {
    process.stderr.write(`${error && error.stack ? error.stack : error}\n`);
    process.exit(1);
  });
}
