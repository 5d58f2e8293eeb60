/**
 * Tells when HEAD may have moved in the repositories the change lens has read, so the server
 * can ask the client to refresh its code lenses (`workspace/codeLens/refresh`). Watches, without
 * recursion, the folder holding HEAD, the one holding packed-refs and the one holding the
 * current branch's loose ref; git rewrites each of those files by renaming a new one over it,
 * which these watches see. Only those file names count, so `git status` touching the index does
 * not refresh anything.
 *
 * A hint, not the truth: GitHeads checks HEAD on every request anyway, so a missed event costs
 * a stale lens until the next edit, and a watch that cannot be set up is skipped silently.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface WatchedRepository {
  /** Holds HEAD (a linked worktree has its own). */
  gitdir: string;
  /** Holds refs, packed-refs and objects (the main repository's .git for a worktree). */
  commondir: string;
}

const DEBOUNCE_MS = 100;

export class HeadWatcher {
  /** Open watches by folder, each with the file names in it that matter. */
  private readonly watches = new Map<string, { watcher: fs.FSWatcher; names: Set<string> }>();
  /** The branch ref last tracked per repository (a branch switch moves the ref folder). */
  private readonly refs = new Map<string, string | undefined>();
  private timer: NodeJS.Timeout | undefined;
  private disposed = false;

  constructor(private readonly onChange: () => void) {}

  /** Watches `repository`'s HEAD and `ref` (the branch HEAD names now; undefined when detached). */
  track(repository: WatchedRepository, ref: string | undefined): void {
    if (this.disposed || (this.refs.has(repository.gitdir) && this.refs.get(repository.gitdir) === ref)) return;
    this.refs.set(repository.gitdir, ref);
    this.watch(repository.gitdir, 'HEAD');
    this.watch(repository.commondir, 'packed-refs');
    if (ref) {
      const loose = path.join(repository.commondir, ref);
      this.watch(path.dirname(loose), path.basename(loose));
    }
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    for (const { watcher } of this.watches.values()) watcher.close();
    this.watches.clear();
  }

  private watch(dir: string, name: string): void {
    const known = this.watches.get(dir);
    if (known) {
      known.names.add(name);
      return;
    }
    const names = new Set([name]);
    let watcher: fs.FSWatcher;
    try {
      watcher = fs.watch(dir, { persistent: false }, (_event, file) => {
        if (file === null || names.has(String(file))) this.changed();
      });
    } catch {
      return; // a folder that does not exist yet, or no watches left: requests still check HEAD
    }
    watcher.on('error', () => {
      watcher.close();
      this.watches.delete(dir);
    });
    this.watches.set(dir, { watcher, names });
  }

  private changed(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (!this.disposed) this.onChange();
    }, DEBOUNCE_MS);
    this.timer.unref();
  }
}
