/**
 * Real VS Code: the packaged .vsix installed into code-server (VS Code in a browser), a workspace
 * with broken definitions opened in headless Debian Chromium through playwright-core. Reads the
 * Problems view, expects ecsdef's rule ids on the right lines, fixes the files on disk and
 * expects them to go. Screenshots land in .artifacts/.
 *
 * Needs: `bash .ci/install-code-server.sh` (code-server + its Node 24 into .tmp/) and Debian
 * `chromium`. ECSDEF_CODE_SERVER may point at another code-server executable.
 */
import { strict as assert } from 'node:assert';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
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
import { REPO_ROOT } from '../lsp/server/lsp-client';
import { requireComponent } from '../lsp/server/require-component';

const CHROMIUM = '/usr/bin/chromium';
const CODE_SERVER = process.env.ECSDEF_CODE_SERVER ?? path.join(REPO_ROOT, '.tmp/code-server/bin/code-server');
const ARTIFACTS = path.join(REPO_ROOT, '.artifacts');

interface ProblemRow {
  file: string;
  code: string;
  line: number;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitForHttp(url: string, timeoutMs: number, log: () => string): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    try {
      const response = await fetch(url);
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`code-server did not answer on ${url} within ${timeoutMs} ms\n${log()}`);
}

/** ecsdef rows of the Problems view (tree mode): file header rows, then their markers. */
async function readProblems(page: Page): Promise<ProblemRow[]> {
  const rows = await page.$$eval('.markers-panel .monaco-list-row', (elements) =>
    elements.map((e) => ({ aria: e.getAttribute('aria-label') ?? '', text: (e as unknown as { innerText: string }).innerText })),
  );
  const out: ProblemRow[] = [];
  let file = '';
  for (const row of rows) {
    const header = /problems? in file (\S+)/.exec(row.aria);
    if (header) {
      file = header[1];
      continue;
    }
    const code = /ecsdef\s*\(?\s*(ECS\d{3})/.exec(row.text);
    const where = /\[Ln (\d+), Col (\d+)\]/.exec(row.text);
    if (code && where) out.push({ file, code: code[1], line: Number(where[1]) - 1 });
  }
  return out;
}

function rowsOf(rows: ProblemRow[], file: string): Expected[] {
  return sortExpected(rows.filter((r) => r.file === file).map(({ code, line }) => ({ code, line })));
}

async function openFile(page: Page, name: string): Promise<void> {
  await page.keyboard.press('Control+P');
  await page.waitForSelector('.quick-input-widget:not([style*="display: none"]) input', { timeout: 15_000 });
  await page.keyboard.type(name);
  // Enter before the file search answered does nothing: wait for the row first.
  await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor({ timeout: 15_000 });
  await page.keyboard.press('Enter');
  await page.waitForSelector(`.tab[aria-label^="${name}"]`, { timeout: 15_000 });
}

async function poll<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs: number): Promise<T> {
  const end = Date.now() + timeoutMs;
  let value = await read();
  while (!done(value) && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 500));
    value = await read();
  }
  return value;
}

describe('VS Code (code-server in headless Chromium) with the packaged extension', function () {
  this.timeout(300_000);
  let tmp = '';
  let server: ChildProcess | undefined;
  let serverLog = '';
  let context: BrowserContext | undefined;
  let page: Page;
  let workspace = '';

  before(async function () {
    requireComponent(this, fs.existsSync(CHROMIUM), 'Debian chromium', 'apt-get install chromium  (or .ci/install-debian.sh)');
    requireComponent(this, fs.existsSync(CODE_SERVER), 'code-server', 'bash .ci/install-code-server.sh');
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ecsdef-vscode-'));
    const vsix = path.join(tmp, 'ecsdef.vsix');
    execFileSync(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', 'vscode-extension/scripts/build.ts', '--package', '--out', vsix],
      { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'pipe'] },
    );
    const dirs = { ext: path.join(tmp, 'extensions'), data: path.join(tmp, 'data'), chrome: path.join(tmp, 'chrome') };
    workspace = path.join(tmp, 'workspace');
    fs.mkdirSync(path.join(dirs.data, 'User'), { recursive: true });
    fs.mkdirSync(workspace, { recursive: true });
    fs.writeFileSync(
      path.join(dirs.data, 'User', 'settings.json'),
      JSON.stringify({
        'security.workspace.trust.enabled': false,
        'workbench.startupEditor': 'none',
        'telemetry.telemetryLevel': 'off',
        'extensions.autoCheckUpdates': false,
        'extensions.autoUpdate': false,
        'update.mode': 'none',
        'git.enabled': false,
        'chat.disableAIFeatures': true,
        'files.autoSave': 'off',
        // Keep both editors open: a preview editor would be replaced (and its document closed).
        'workbench.editor.enablePreview': false,
      }),
    );
    fs.writeFileSync(path.join(workspace, 'ecs-service.json'), BROKEN_JSON);
    fs.writeFileSync(path.join(workspace, 'ecs-service.yaml'), BROKEN_YAML);
    const config = path.join(tmp, 'config.yaml');
    fs.writeFileSync(config, 'auth: none\n');
    const common = ['--config', config, '--extensions-dir', dirs.ext, '--user-data-dir', dirs.data];
    execFileSync(CODE_SERVER, [...common, '--install-extension', vsix], { stdio: ['ignore', 'pipe', 'pipe'] });

    const port = await freePort();
    server = spawn(
      CODE_SERVER,
      [...common, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry', '--disable-update-check',
        '--disable-workspace-trust', '--disable-getting-started-override', workspace],
      { detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    server.stdout!.on('data', (c: Buffer) => (serverLog += c.toString()));
    server.stderr!.on('data', (c: Buffer) => (serverLog += c.toString()));
    const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`;
    await waitForHttp(`http://127.0.0.1:${port}/healthz`, 60_000, () => serverLog);

    const { chromium } = await import('playwright-core');
    context = await chromium.launchPersistentContext(dirs.chrome, {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1400, height: 900 },
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    page = context.pages()[0] ?? (await context.newPage());
    await page.goto(url);
    await page.waitForSelector('.monaco-workbench', { timeout: 90_000 });
    await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 90_000 });
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && page) {
      fs.mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: path.join(ARTIFACTS, 'vscode-failure.png') }).catch(() => undefined);
    }
  });

  after(async function () {
    await context?.close().catch(() => undefined);
    if (server?.pid) {
      try {
        process.kill(-server.pid, 'SIGTERM'); // code-server and its extension host / file watcher
      } catch {
        // already gone
      }
    }
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('shows the expected rule ids and lines in the Problems view, and clears them after the fix', async () => {
    await openFile(page, 'ecs-service.json');
    await openFile(page, 'ecs-service.yaml');
    await page.keyboard.press('Control+Shift+M');
    await page.waitForSelector('.markers-panel', { timeout: 30_000 });
    const expectedJson = sortExpected([...BROKEN_JSON_EXPECTED]);
    const expectedYaml = sortExpected([...BROKEN_YAML_EXPECTED]);
    const broken = await poll(
      () => readProblems(page),
      (rows) =>
        JSON.stringify(rowsOf(rows, 'ecs-service.json')) === JSON.stringify(expectedJson) &&
        JSON.stringify(rowsOf(rows, 'ecs-service.yaml')) === JSON.stringify(expectedYaml),
      90_000,
    );
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, 'vscode-problems.png') });
    assert.deepEqual(rowsOf(broken, 'ecs-service.json'), expectedJson, `Problems view:\n${JSON.stringify(broken)}\n${serverLog}`);
    assert.deepEqual(rowsOf(broken, 'ecs-service.yaml'), expectedYaml);

    // Fix both files on disk; VS Code reloads the unmodified editors and the client sends didChange.
    fs.writeFileSync(path.join(workspace, 'ecs-service.json'), FIXED_JSON);
    fs.writeFileSync(path.join(workspace, 'ecs-service.yaml'), FIXED_YAML);
    const fixed = await poll(() => readProblems(page), (rows) => rows.length === 0, 60_000);
    await page.screenshot({ path: path.join(ARTIFACTS, 'vscode-problems-fixed.png') });
    assert.deepEqual(fixed, [], 'ecsdef problems left after the fix');
  });
});
