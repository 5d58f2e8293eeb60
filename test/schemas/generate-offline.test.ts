/** `npm run generate` reads only installed packages: it succeeds with no network at all. */
import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import * as path from 'path';

const root = path.join(__dirname, '..', '..');

describe('npm run generate offline', function () {
  this.timeout(120000);
  it('checks schemas/generated inside a network namespace without interfaces', function () {
    const probe = spawnSync('unshare', ['-n', 'true']);
    if (probe.status !== 0) {
      if (process.env.CI === 'true') assert.fail('unshare -n is needed for this test (util-linux, run as root)');
      this.skip();
    }
    const run = spawnSync('unshare', ['-n', process.execPath, require.resolve('ts-node/dist/bin.js'), '--transpile-only', 'schemas/generate/main.ts', '--check'], {
      cwd: root,
      encoding: 'utf8',
    });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /is current/);
  });
});
