/**
 * Neovim (Debian `neovim`, headless) as a real LSP client, in two ways:
 * - the README's snippets, each run as the whole init.lua with the built `ecsdef-lsp` (bin/) on
 *   PATH, the way a user would paste them: the snippet for the installed Neovim must attach the
 *   server to JSON and YAML buffers and show its diagnostics; snippets for other versions are
 *   skipped with the version they need (under CI=true one for the installed Neovim must exist);
 * - a fixed test init that starts the server from source, so the server is checked even when the
 *   README changes.
 * Each run opens a broken definition, reads `vim.diagnostic.get()`, fixes the buffer (Neovim
 * sends didChange) and waits for the diagnostics to go. The Lua side only collects; assertions
 * are here.
 */
import { strict as assert } from 'node:assert';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  BROKEN_JSON,
  BROKEN_JSON_EXPECTED,
  BROKEN_YAML,
  BROKEN_YAML_EXPECTED,
  FIXED_JSON,
  FIXED_YAML,
  sortExpected,
  type Expected,
} from '../lsp/server/fixtures';
import { serverCommand, serverEnv } from '../lsp/server/lsp-client';
import { inCi, requireComponent, which } from '../lsp/server/require-component';
import { coverageGap, formatRange, formatVersion, inRange, installedNeovim, parseRange, type Version } from './neovim-versions';
import { readmeBlocks } from './readme-blocks';

const REPO = path.resolve(__dirname, '..', '..');
const BUILT_SERVER = path.join(REPO, 'dist', 'lsp', 'server', 'main.js');
const PROBE = path.join(__dirname, 'neovim-probe.lua');
/** The oldest Neovim the README gives a snippet for: Debian 12's. */
const OLDEST = { major: 0, minor: 7, patch: 0 };

// Works on Neovim 0.7 (Debian bookworm: no vim.lsp.start) and later.
const INIT_LUA = `
vim.opt.swapfile = false
local cmd = vim.fn.json_decode(os.getenv('ECSDEF_LSP_CMD'))
local out = os.getenv('ECSDEF_NVIM_OUT')
local fixed = os.getenv('ECSDEF_NVIM_FIXED')

local function start(buf)
  local config = { name = 'ecsdef', cmd = cmd, root_dir = vim.fn.getcwd(), settings = { ecsdef = {} } }
  if vim.lsp.start then return vim.lsp.start(config, { bufnr = buf }) end
  local id = vim.lsp.start_client(config)
  vim.lsp.buf_attach_client(buf, id)
  return id
end

local function collect(buf)
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    table.insert(list, { code = d.code, lnum = d.lnum, col = d.col, end_lnum = d.end_lnum,
      end_col = d.end_col, source = d.source, message = d.message, severity = d.severity })
  end
  return list
end

local function run()
  local result = { version = tostring(vim.version().major) .. '.' .. tostring(vim.version().minor) }
  local ok, err = pcall(function()
    local buf = vim.api.nvim_get_current_buf()
    start(buf)
    result.broken_ok = vim.wait(30000, function() return #vim.diagnostic.get(buf) > 0 end, 50)
    vim.wait(300, function() return false end, 50) -- let a possible second publish land
    result.broken = collect(buf)
    vim.api.nvim_buf_set_lines(buf, 0, -1, false, vim.fn.readfile(fixed))
    result.fixed_ok = vim.wait(30000, function() return #vim.diagnostic.get(buf) == 0 end, 50)
    result.fixed = collect(buf)
  end)
  if not ok then result.error = tostring(err) end
  vim.fn.writefile({ vim.fn.json_encode(result) }, out)
  vim.cmd('qa!')
end

vim.api.nvim_create_autocmd('VimEnter', { callback = function() vim.schedule(run) end })
`;

interface NvimDiagnostic {
  code: string;
  lnum: number;
  col: number;
  source: string;
  message: string;
}

interface NvimResult {
  version: string;
  broken_ok: boolean;
  fixed_ok: boolean;
  broken: NvimDiagnostic[];
  fixed: NvimDiagnostic[];
  error?: string;
}

/** What neovim-probe.lua saw for one file. */
interface ProbeCase {
  file: string;
  filetype: string;
  attached_ok: boolean;
  clients: string[];
  broken_ok: boolean;
  broken: NvimDiagnostic[];
  fixed_ok: boolean;
  fixed: NvimDiagnostic[];
}

interface ProbeResult {
  version: string;
  cases: ProbeCase[];
  messages: string;
  error?: string;
}

interface NvimRun {
  /** Becomes init.lua. */
  init: string;
  /** Files written into the scratch directory (its cwd) before Neovim starts. */
  files: Record<string, string>;
  /** Arguments after `-u init.lua`. */
  args: string[];
  env: NodeJS.ProcessEnv;
}

/** Runs headless Neovim in a scratch directory until it quits; resolves with the JSON it wrote to $ECSDEF_NVIM_OUT. */
function runNeovim<T>(run: NvimRun): Promise<T> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecsdef-nvim-'));
  fs.writeFileSync(path.join(dir, 'init.lua'), run.init);
  for (const [name, text] of Object.entries(run.files)) fs.writeFileSync(path.join(dir, name), text);
  const out = path.join(dir, 'result.json');
  return new Promise((resolve, reject) => {
    const child = spawn('nvim', ['--headless', '-n', '-i', 'NONE', '-u', path.join(dir, 'init.lua'), ...run.args], {
      cwd: dir,
      env: {
        ...run.env,
        ECSDEF_NVIM_OUT: out,
        XDG_STATE_HOME: path.join(dir, 'state'),
        XDG_DATA_HOME: path.join(dir, 'data'),
        XDG_CONFIG_HOME: path.join(dir, 'config'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    // Hang guard: the probes' own waits add up to well under this.
    const timer = setTimeout(() => child.kill('SIGKILL'), 150_000);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      try {
        const result = JSON.parse(fs.readFileSync(out, 'utf8')) as T;
        fs.rmSync(dir, { recursive: true, force: true });
        resolve(result);
      } catch {
        reject(new Error(`nvim exited (${code ?? signal}) without a result:\n${output}`));
      }
    });
  });
}

function seen(list: NvimDiagnostic[]): Expected[] {
  return sortExpected(list.map((d) => ({ code: d.code, line: d.lnum })));
}

const CASES = [
  ['JSON', 'ecs-service.json', BROKEN_JSON, FIXED_JSON, BROKEN_JSON_EXPECTED],
  ['YAML', 'ecs-service.yaml', BROKEN_YAML, FIXED_YAML, BROKEN_YAML_EXPECTED],
] as const;

describe('Neovim (headless) with ecsdef-lsp attached', function () {
  this.timeout(180_000);

  before(function () {
    requireComponent(this, which('nvim') !== undefined, 'Neovim (nvim)', 'apt-get install neovim  (or .ci/install-debian.sh)');
  });

  for (const [label, fileName, broken, fixed, expected] of CASES) {
    it(`reports the expected rule ids and lines for a broken ${label} definition, then clears them`, async () => {
      const result = await runNeovim<NvimResult>({
        init: INIT_LUA,
        files: { [fileName]: broken, 'fixed.txt': fixed },
        args: [fileName],
        env: { ...serverEnv(), ECSDEF_LSP_CMD: JSON.stringify(serverCommand()), ECSDEF_NVIM_FIXED: 'fixed.txt' },
      });
      assert.equal(result.error, undefined, result.error);
      assert.ok(result.broken_ok, 'no diagnostics reached vim.diagnostic within 30 s');
      assert.deepEqual(seen(result.broken), sortExpected([...expected]));
      assert.ok(result.broken.every((d) => d.source === 'ecsdef'));
      assert.ok(result.fixed_ok, `diagnostics did not clear after the fix: ${JSON.stringify(result.fixed)}`);
      assert.deepEqual(result.fixed, []);
    });
  }
});

describe('README: the Neovim snippets', function () {
  const snippets = readmeBlocks('neovim-snippet').map((block) => ({ ...block, range: parseRange(block.tag) }));

  it('are Lua, and cover every Neovim from 0.7 on, each version by one snippet', () => {
    assert.ok(snippets.length > 0, 'README.md has no <!-- neovim-snippet: RANGE --> markers');
    for (const s of snippets) assert.equal(s.lang, 'lua', `README.md:${s.line}: the snippet is not a lua block`);
    assert.equal(coverageGap(snippets.map((s) => s.range), OLDEST), undefined);
  });

  describe('run as init.lua in headless Neovim, with the built ecsdef-lsp on PATH', function () {
    this.timeout(240_000);
    let installed: Version;
    let env: NodeJS.ProcessEnv;

    before(function () {
      this.timeout(10 * 60_000);
      requireComponent(this, which('nvim') !== undefined, 'Neovim (nvim)', 'apt-get install neovim  (or .ci/install-debian.sh)');
      const version = installedNeovim();
      if (version === undefined) throw new Error('`nvim --version` printed no "NVIM vX.Y.Z" line');
      installed = version;
      if (!fs.existsSync(BUILT_SERVER)) {
        // Normally built already (npm test's pretest); bounded so that a stuck build fails here.
        const build = spawnSync('npm', ['run', 'build'], { cwd: REPO, encoding: 'utf8', timeout: 8 * 60_000, killSignal: 'SIGKILL' });
        assert.equal(build.status, 0, `npm run build failed:\n${build.stdout}\n${build.stderr}`);
      }
      const bin = path.join(REPO, 'bin');
      env = { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}` };
      const resolved = spawnSync('sh', ['-c', 'command -v ecsdef-lsp'], { env, encoding: 'utf8' }).stdout.trim();
      assert.equal(resolved, path.join(bin, 'ecsdef-lsp'), 'ecsdef-lsp on PATH is the checkout\'s bin/');
    });

    it('include one for the installed Neovim', function () {
      const matching = snippets.filter((s) => inRange(installed, s.range));
      if (matching.length === 0 && !inCi()) {
        // eslint-disable-next-line no-console
        console.log(`      skipped: README.md has no Neovim snippet for the installed Neovim ${formatVersion(installed, true)}`);
        this.skip();
      }
      assert.equal(matching.length, 1, `snippets for Neovim ${formatVersion(installed, true)}: ${matching.map((s) => s.tag).join(', ') || 'none'}`);
    });

    for (const snippet of snippets) {
      it(`${formatRange(snippet.range)} (README.md:${snippet.line}): attaches to JSON and YAML, reports, then clears`, async function () {
        if (!inRange(installed, snippet.range)) {
          // eslint-disable-next-line no-console
          console.log(`      skipped: needs ${formatRange(snippet.range)}; the installed Neovim is ${formatVersion(installed, true)}`);
          this.skip();
        }
        const files: Record<string, string> = {};
        const cases = CASES.map(([, fileName, broken, fixed], i) => {
          files[fileName] = broken;
          files[`fixed-${i}.txt`] = fixed;
          return { file: fileName, fixed: `fixed-${i}.txt` };
        });
        const result = await runNeovim<ProbeResult>({
          init: snippet.code,
          files,
          args: ['-c', `luafile ${PROBE}`, cases[0].file],
          env: { ...env, ECSDEF_NVIM_CASES: JSON.stringify(cases) },
        });
        const context = `Neovim ${result.version}, :messages:\n${result.messages}`;
        assert.equal(result.error, undefined, `${result.error}\n${context}`);
        assert.equal(result.cases.length, CASES.length, `stopped after ${JSON.stringify(result.cases)}\n${context}`);
        CASES.forEach(([label, , , , expected], i) => {
          const c = result.cases[i];
          assert.ok(c.attached_ok, `${label}: no client attached to ${c.file} (filetype ${c.filetype}) within 15 s\n${context}`);
          assert.deepEqual(c.clients, ['ecsdef'], `${label}: one ecsdef client per buffer`);
          assert.ok(c.broken_ok, `${label}: no diagnostics within 30 s\n${context}`);
          assert.deepEqual(seen(c.broken), sortExpected([...expected]), label);
          assert.ok(c.broken.every((d) => d.source === 'ecsdef'), label);
          assert.ok(c.fixed_ok, `${label}: diagnostics did not clear after the fix: ${JSON.stringify(c.fixed)}`);
        });
      });
    }
  });
});
