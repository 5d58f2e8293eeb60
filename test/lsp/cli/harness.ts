/**
 * Runs the real `ecsdef` command: the TypeScript sources compiled once per test run into a
 * private directory (never the shared dist/, which other suites and people build too), laid out
 * like the package (bin/ecsdef next to dist/), then spawned with a hard timeout so that a hang
 * fails the test instead of stalling it.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const REPO = path.resolve(__dirname, '..', '..', '..');

let builtRoot: string | undefined;
const created: string[] = [];
process.on('exit', () => {
  for (const dir of created) fs.rmSync(dir, { recursive: true, force: true });
});

/** Compiles the project into a temp package root; returns the path of its bin/ecsdef. */
export function buildCli(): string {
  if (!builtRoot) {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ecsdef-cli-'));
    created.push(root);
    const tsc = require.resolve('typescript/bin/tsc', { paths: [REPO] });
    try {
      execFileSync(process.execPath, [tsc, '-p', path.join(REPO, 'tsconfig.json'), '--outDir', path.join(root, 'dist')], { stdio: 'pipe' });
    } catch {
      // Type errors elsewhere in the tree still emit JavaScript; the entry point must exist.
    }
    // What `npm run build` adds after tsc: the generated validators and schemas beside the runtime.
    const generated = path.join(REPO, 'schemas', 'generated');
    const target = path.join(root, 'dist', 'schemas', 'generated');
    fs.mkdirSync(target, { recursive: true });
    for (const name of fs.readdirSync(generated)) {
      if (name.endsWith('.js') || name.endsWith('.json')) fs.copyFileSync(path.join(generated, name), path.join(target, name));
    }
    fs.mkdirSync(path.join(root, 'bin'));
    fs.copyFileSync(path.join(REPO, 'bin', 'ecsdef'), path.join(root, 'bin', 'ecsdef'));
    fs.copyFileSync(path.join(REPO, 'package.json'), path.join(root, 'package.json'));
    if (!fs.existsSync(path.join(root, 'dist', 'lsp', 'cli', 'main.js'))) throw new Error('build produced no dist/lsp/cli/main.js');
    // Resolve dependencies from the repository's node_modules.
    fs.symlinkSync(path.join(REPO, 'node_modules'), path.join(root, 'node_modules'), 'dir');
    builtRoot = root;
  }
  return path.join(builtRoot, 'bin', 'ecsdef');
}

export interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  ms: number;
}

export function runCli(args: string[], options: { cwd: string; input?: string | Buffer; timeoutMs?: number; env?: NodeJS.ProcessEnv } ): Run {
  const started = Date.now();
  const result = spawnSync(process.execPath, [buildCli(), ...args], {
    cwd: options.cwd,
    input: options.input ?? '',
    timeout: options.timeoutMs ?? 30_000,
    killSignal: 'SIGKILL',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, ECSDEF_DEBUG: '', ...options.env },
    encoding: 'utf8',
  });
  const timedOut = (result.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT';
  return { code: result.status, signal: result.signal, stdout: result.stdout ?? '', stderr: result.stderr ?? '', timedOut, ms: Date.now() - started };
}

/** The CLI neither crashed nor hung: a defined exit code, no stack trace, no internal error. */
export function assertNoCrash(run: Run, context = ''): void {
  const where = `${context}\nexit=${run.code} signal=${run.signal}\nstderr: ${run.stderr.slice(0, 2000)}`;
  if (run.timedOut) throw new Error(`ecsdef hung (killed after timeout) ${where}`);
  if (run.code === null || ![0, 1, 2].includes(run.code)) throw new Error(`ecsdef exited abnormally ${where}`);
  if (/\n\s+at .+:\d+:\d+\)?/.test(run.stderr) || /internal error/.test(run.stderr)) throw new Error(`ecsdef crashed ${where}`);
}

/** A scratch directory with the given files (relative path -> content). */
export function scratch(files: Record<string, string | Buffer> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecsdef-cli-case-'));
  created.push(dir);
  for (const [rel, content] of Object.entries(files)) {
    const file = path.join(dir, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  }
  return dir;
}

/** Text output lines (stdout), without the trailing newline. */
export function lines(run: Run): string[] {
  return run.stdout.split('\n').filter((l) => l !== '');
}
