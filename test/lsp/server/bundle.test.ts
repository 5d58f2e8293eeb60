/**
 * The VS Code extension build: esbuild bundles of client and server, the schemas for
 * jsonValidation, the packaged .vsix; the bundled server answers LSP on its own (so a broken
 * bundle fails here even where code-server is not installed). Also keeps the manifest's file
 * patterns in step with the CLI's defaults.
 */
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DEFAULT_PATTERNS } from '../../../lsp/cli/patterns';
import { jsonValidationEntries } from '../../../vscode-extension/scripts/manifest-lists';
import { BROKEN_YAML } from './fixtures';
import { LspTestClient, REPO_ROOT, fileUri } from './lsp-client';

const EXTENSION = path.join(REPO_ROOT, 'vscode-extension');

describe('VS Code extension build', function () {
  this.timeout(120_000);
  let tmp: string;
  let vsix: string;

  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ecsdef-vsix-'));
    vsix = path.join(tmp, 'ecsdef.vsix');
    execFileSync(process.execPath, ['-r', 'ts-node/register/transpile-only', 'vscode-extension/scripts/build.ts', '--package', '--out', vsix], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  });

  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('packages a .vsix with the bundles and every kind schema', () => {
    assert.ok(fs.statSync(vsix).size > 100_000);
    const zip = fs.readFileSync(vsix).toString('latin1');
    for (const entry of ['extension/out/client.js', 'extension/out/server.js', 'extension/package.json']) {
      assert.ok(zip.includes(entry), `${entry} missing from the .vsix`);
    }
    for (const kind of Object.keys(DEFAULT_PATTERNS)) {
      assert.ok(zip.includes(`extension/out/schemas/${kind}.schema.json`));
      assert.ok(zip.includes(`extension/out/schemas/${kind}.validator.js`));
    }
    assert.ok(!zip.includes('extension/src/'), 'sources must not ship');
  });

  it('bundles a server that runs alone over stdio, away from any node_modules', async () => {
    // Outside the repository, as in an installed extension: a require the bundle missed fails here.
    const installed = path.join(tmp, 'installed', 'out');
    fs.cpSync(path.join(EXTENSION, 'out'), installed, { recursive: true });
    const client = await LspTestClient.start({ command: [process.execPath, path.join(installed, 'server.js'), '--stdio'], settings: {} });
    try {
      const uri = fileUri(path.join(tmp, 'ecs-service.yaml'));
      await client.open(uri, 'yaml', BROKEN_YAML, 1);
      assert.deepEqual((await client.diagnosticsFor(uri, 1)).map((d) => d.code).sort(), ['ECS104', 'ECS105', 'ECS201']);
      assert.equal((client.initializeResult.serverInfo?.version ?? '').length > 0, true);
      assert.equal(await client.shutdown(), 0);
    } finally {
      client.dispose();
    }
  });

  it('declares jsonValidation for the file names of the kind registry and activates on JSON and YAML', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(EXTENSION, 'package.json'), 'utf8'));
    const expected = jsonValidationEntries();
    assert.deepEqual(manifest.contributes.jsonValidation, expected, `vscode-extension/package.json jsonValidation should be:\n${JSON.stringify(expected, null, 2)}`);
    // Files are recognised by content too, so the extension starts for every JSON and YAML file.
    for (const language of ['json', 'yaml']) assert.ok((manifest.activationEvents as string[]).includes(`onLanguage:${language}`));
  });
});
