/**
 * The README's install-from-a-checkout block (`<!-- ecsdef-install: checkout -->`, in the Neovim
 * section) run as written, with npm's global prefix pointed at a scratch directory
 * (`npm_config_prefix`, so `npm install -g` in the block stays as it is). The block's stated
 * precondition is a checkout after `npm ci`: the working tree (tracked and untracked files, minus
 * ignored ones) is copied to a scratch checkout whose node_modules links to this one's. The
 * installed commands must then run with that copy gone, i.e. from the installed package alone.
 */
import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { requireComponent, which } from '../lsp/server/require-component';
import { readmeBlocks } from './readme-blocks';

const REPO = path.resolve(__dirname, '..', '..');
const VERSION = (JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { version: string }).version;
/** Hang guard for the whole block: pack (a build) plus a global install from the npm cache or registry. */
const BLOCK_TIMEOUT_MS = 12 * 60_000;

/** Copies what `git status` would show of this repository into `dir`. */
function copyWorkingTree(dir: string): void {
  const listed = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], { cwd: REPO, encoding: 'utf8' });
  for (const rel of listed.split('\0').filter(Boolean)) {
    const from = path.join(REPO, rel);
    if (!fs.existsSync(from) || !fs.statSync(from).isFile()) continue; // deleted but still staged
    const to = path.join(dir, rel);
    fs.mkdirSync(path.dirname(to), { recursive: true });
    fs.copyFileSync(from, to);
    fs.chmodSync(to, fs.statSync(from).mode);
  }
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): { code: number | null; output: string } {
  const r = spawnSync(command, args, { env, encoding: 'utf8', timeout: 30_000, killSignal: 'SIGKILL' });
  return { code: r.status, output: `${r.stdout ?? ''}${r.stderr ?? ''}` };
}

describe('README: installing ecsdef-lsp from a checkout', function () {
  this.timeout(BLOCK_TIMEOUT_MS + 3 * 60_000);
  const temp: string[] = [];
  let prefix: string;
  let env: NodeJS.ProcessEnv;
  let block: { code: string; output: string };

  before(function () {
    requireComponent(this, which('git') !== undefined && which('npm') !== undefined, 'git and npm', 'apt-get install -y git npm');
    const blocks = readmeBlocks('ecsdef-install').filter((b) => b.tag === 'checkout');
    assert.equal(blocks.length, 1, 'README.md has one <!-- ecsdef-install: checkout --> block');
    assert.equal(blocks[0].lang, 'sh');
    const mk = (name: string): string => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), `ecsdef-install-${name}-`));
      temp.push(dir);
      return dir;
    };
    const checkout = mk('checkout');
    prefix = mk('prefix');
    copyWorkingTree(checkout);
    fs.symlinkSync(path.join(REPO, 'node_modules'), path.join(checkout, 'node_modules'), 'dir');
    env = {
      ...process.env,
      npm_config_prefix: prefix,
      npm_config_audit: 'false',
      npm_config_fund: 'false',
      npm_config_update_notifier: 'false',
      npm_config_prefer_offline: 'true',
      PATH: `${path.join(prefix, 'bin')}${path.delimiter}${process.env.PATH ?? ''}`,
    };
    const r = spawnSync('bash', ['-e', '-c', blocks[0].code], { cwd: checkout, env, encoding: 'utf8', timeout: BLOCK_TIMEOUT_MS, killSignal: 'SIGKILL' });
    block = { code: blocks[0].code, output: `${r.stdout ?? ''}${r.stderr ?? ''}` };
    assert.equal(r.status, 0, `the README block failed (${r.status ?? r.signal}${r.signal === 'SIGKILL' ? `, killed after ${BLOCK_TIMEOUT_MS / 60_000} min` : ''}):\n${block.code}\n${block.output.slice(-4000)}`);
    // From here on only the installed package remains. The link goes first, on its own, so that
    // removing the copy can never reach this repository's node_modules.
    fs.unlinkSync(path.join(checkout, 'node_modules'));
    fs.rmSync(checkout, { recursive: true, force: true });
  });

  after(() => {
    for (const dir of temp) {
      const link = path.join(dir, 'node_modules');
      if (fs.existsSync(link) && fs.lstatSync(link).isSymbolicLink()) fs.unlinkSync(link);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('runs as written and its own `ecsdef-lsp --version` line prints the version', () => {
    assert.match(block.output, new RegExp(`^ecsdef-lsp ${VERSION.replace(/\./g, '\\.')}$`, 'm'), block.output.slice(-2000));
  });

  it('installs a copy, not a link into the checkout', () => {
    const installed = path.join(prefix, 'lib', 'node_modules', 'ecsdef');
    assert.ok(fs.existsSync(installed), `${installed} exists`);
    assert.ok(!fs.lstatSync(installed).isSymbolicLink(), `${installed} is not a symlink`);
  });

  it('ecsdef-lsp and ecsdef run from the prefix with the checkout gone', () => {
    const lsp = run(path.join(prefix, 'bin', 'ecsdef-lsp'), ['--version'], env);
    assert.equal(lsp.code, 0, lsp.output);
    assert.equal(lsp.output.trim(), `ecsdef-lsp ${VERSION}`);
    const cli = run(path.join(prefix, 'bin', 'ecsdef'), ['--version'], env);
    assert.equal(cli.code, 0, cli.output);
    assert.equal(cli.output.trim(), VERSION);
  });
});
