import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Connection } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createLanguageService } from '../../../lsp/service';
import { DocumentSettings } from '../../../lsp/server/document-settings';
import { BROKEN_JSON } from './fixtures';
import { fileUri, LspTestClient } from './lsp-client';

/**
 * Globs the server is handed (`ecsdef.files`, config files it finds): a hostile one never
 * stalls it, a bad one is reported once on the console and left out, and it keeps answering.
 */
describe('ecsdef-lsp with hostile and bad globs', function () {
  this.timeout(60_000);
  let workspace: string;
  before(() => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'ecsdef-glob-'));
  });
  after(() => fs.rmSync(workspace, { recursive: true, force: true }));

  function settingsWith(files: Record<string, string[]>): { settings: DocumentSettings; logged: string[] } {
    const logged: string[] = [];
    const connection = { console: { error: (message: string) => logged.push(message) } } as unknown as Connection;
    const settings = new DocumentSettings(connection, createLanguageService());
    settings.configure({ canPull: false, initializationOptions: { ecsdef: { files } }, workspaceFolders: [workspace] });
    return { settings, logged };
  }

  it('a bad ecsdef.files glob is reported once and left out; the good ones still apply', async () => {
    const { settings, logged } = settingsWith({ service: ['+(a|b).json', 'deploy/*.json'] });
    for (const name of ['deploy/web.json', 'deploy/api.json', 'other.json']) {
      // Not a service by its content: only the glob can make it one.
      const document = TextDocument.create(fileUri(path.join(workspace, name)), 'json', 1, '{"name": "x"}');
      const { options } = await settings.resolve(document);
      assert.equal(options.kind, name.startsWith('deploy/') ? 'service' : undefined, name);
    }
    assert.equal(logged.length, 1, logged.join('\n'));
    assert.match(logged[0], /^ecsdef: setting ecsdef\.files\.service\[0\]: glob '\+\(a\|b\)\.json': \+\(\.\.\.\) is not supported.* \(ignored until fixed\)$/);
  });

  it('a config file with a bad glob is reported once and ignored', async () => {
    const dir = path.join(workspace, 'bad-config');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, '.ecsdef.json'), JSON.stringify({ files: { service: ['{1..3}.json'] } }));
    const { settings, logged } = settingsWith({});
    for (const version of [1, 2]) {
      const document = TextDocument.create(fileUri(path.join(dir, 'ecs-service-def.json')), 'json', version, '{"serviceName": "web"}');
      // Recognised by the built-in names, as without a config.
      assert.equal((await settings.resolve(document)).options.kind, 'ecspresso');
    }
    assert.equal(logged.length, 1, logged.join('\n'));
    assert.match(logged[0], /at files\.service\[0\]: glob '\{1\.\.3\}\.json': brace ranges such as \{1\.\.3\} are not supported/);
  });

  it('the server answers for a long name under a ten-star ecsdef.files glob', async () => {
    const client = await LspTestClient.start({
      settings: { files: { service: ['*a*a*a*a*a*a*a*a*a*a*b.json', '[[:alpha:]].json'] }, validation: { delay: 5 } },
      workspaceFolder: workspace,
    });
    try {
      const uri = fileUri(path.join(workspace, `${'a'.repeat(200)}-service-def.json`));
      await client.open(uri, 'json', BROKEN_JSON, 1);
      // Before the linear matcher this never came: the server backtracked on the name.
      assert.ok((await client.diagnosticsFor(uri, 1, 20_000)).length > 0);
      assert.ok(client.alive, client.stderr);
      await client.close(uri);
    } finally {
      client.dispose();
    }
  });
});
