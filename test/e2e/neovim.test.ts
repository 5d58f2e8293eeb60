/**
 * Neovim (Debian `neovim`, headless) as a real LSP client: opens a broken service definition
 * with `ecsdef-lsp` attached, reads `vim.diagnostic.get()`, then fixes the buffer (Neovim sends
 * didChange) and waits for the diagnostics to go. The Lua side only collects; assertions are here.
 */
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
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
import { requireComponent, which } from '../lsp/server/require-component';

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

function runNeovim(fileName: string, broken: string, fixed: string): Promise<NvimResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecsdef-nvim-'));
  fs.writeFileSync(path.join(dir, 'init.lua'), INIT_LUA);
  fs.writeFileSync(path.join(dir, fileName), broken);
  fs.writeFileSync(path.join(dir, 'fixed.txt'), fixed);
  const out = path.join(dir, 'result.json');
  return new Promise((resolve, reject) => {
    const child = spawn('nvim', ['--headless', '-n', '-i', 'NONE', '-u', path.join(dir, 'init.lua'), fileName], {
      cwd: dir,
      env: {
        ...serverEnv(),
        ECSDEF_LSP_CMD: JSON.stringify(serverCommand()),
        ECSDEF_NVIM_OUT: out,
        ECSDEF_NVIM_FIXED: path.join(dir, 'fixed.txt'),
        XDG_STATE_HOME: path.join(dir, 'state'),
        XDG_DATA_HOME: path.join(dir, 'data'),
        XDG_CONFIG_HOME: path.join(dir, 'config'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 90_000);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      try {
        const result = JSON.parse(fs.readFileSync(out, 'utf8')) as NvimResult;
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

describe('Neovim (headless) with ecsdef-lsp attached', function () {
  this.timeout(120_000);

  before(function () {
    requireComponent(this, which('nvim') !== undefined, 'Neovim (nvim)', 'apt-get install neovim  (or .ci/install-debian.sh)');
  });

  for (const [label, fileName, broken, fixed, expected] of [
    ['JSON', 'ecs-service.json', BROKEN_JSON, FIXED_JSON, BROKEN_JSON_EXPECTED],
    ['YAML', 'ecs-service.yaml', BROKEN_YAML, FIXED_YAML, BROKEN_YAML_EXPECTED],
  ] as const) {
    it(`reports the expected rule ids and lines for a broken ${label} definition, then clears them`, async () => {
      const result = await runNeovim(fileName, broken, fixed);
      assert.equal(result.error, undefined, result.error);
      assert.ok(result.broken_ok, 'no diagnostics reached vim.diagnostic within 30 s');
      assert.deepEqual(seen(result.broken), sortExpected([...expected]));
      assert.ok(result.broken.every((d) => d.source === 'ecsdef'));
      assert.ok(result.fixed_ok, `diagnostics did not clear after the fix: ${JSON.stringify(result.fixed)}`);
      assert.deepEqual(result.fixed, []);
    });
  }
});
