/**
 * Throwaway git repositories for tests, made with the `git` binary under a config of our own
 * (no system or global config, no hooks, no signing), so a developer's settings cannot change
 * what a test sees.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const GIT_ENV: NodeJS.ProcessEnv = {
  ...process.env,
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: os.devNull,
  GIT_TERMINAL_PROMPT: '0',
  GIT_AUTHOR_NAME: 'ecsdef test',
  GIT_AUTHOR_EMAIL: 'test@example.com',
  GIT_COMMITTER_NAME: 'ecsdef test',
  GIT_COMMITTER_EMAIL: 'test@example.com',
};

/** Runs git in `cwd` (bounded in time); returns its standard output. */
export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'commit.gpgsign=false', '-c', `core.hooksPath=${os.devNull}`, ...args], {
    cwd,
    env: GIT_ENV,
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 30_000,
  }).toString();
}

export class TempRepo {
  readonly dir: string;

  /** A new repository on branch `main` in a new temp folder (resolved: no symlinked /tmp). */
  constructor(prefix = 'ecsdef-git-') {
    this.dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
    git(this.dir, 'init', '-q', '-b', 'main');
  }

  path(rel: string): string {
    return path.join(this.dir, rel);
  }

  write(rel: string, text: string): string {
    const file = this.path(rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    return file;
  }

  /** Writes the files and commits them; returns the commit id. */
  commit(files: Record<string, string>, message = 'change'): string {
    for (const [rel, text] of Object.entries(files)) this.write(rel, text);
    git(this.dir, 'add', '--', ...Object.keys(files));
    git(this.dir, 'commit', '-q', '-m', message);
    return git(this.dir, 'rev-parse', 'HEAD').trim();
  }

  git(...args: string[]): string {
    return git(this.dir, ...args);
  }

  remove(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
