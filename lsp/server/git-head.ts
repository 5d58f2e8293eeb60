/**
 * A file's text in its repository's HEAD commit, for the change lens: read from the .git folder
 * by isomorphic-git (pure JavaScript), never by running git. Running the `git` binary in a
 * repository someone else wrote runs programs its config names (core.fsmonitor, diff and filter
 * drivers, hooks); reading objects with our own code cannot run anything, and the library is
 * handed a file system that only reads regular files (read-only-fs.ts).
 *
 * Cheap per request: where the repository is (per file), which commit HEAD names (per
 * repository) and the file's text at that commit (per file) are cached. Each call checks HEAD
 * with one small read and two stats (HEAD's content, the branch's loose ref, packed-refs); when
 * that signature changes the commit is resolved again, and the blob is read only for a new
 * commit. Any failure (no repository, an untracked file, a broken or hostile .git) answers
 * undefined: the caller shows no lens, and nothing is logged.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as git from 'isomorphic-git';
import { fileText } from '../../schemas/parse';
import { readRegularFile } from '../cli/read-file';
import { HeadWatcher, type WatchedRepository } from './head-watch';
import { readOnlyFs } from './read-only-fs';

/** Where a repository keeps HEAD (`gitdir`: per worktree) and its objects and refs (`commondir`). */
interface Repository extends WatchedRepository {
  root: string;
}

interface Located {
  repository: Repository;
  /** The file's path in the repository, `/`-separated. */
  inRepository: string;
}

/** How long "not in a repository" is believed before the folders are walked again. */
const NO_REPOSITORY_RECHECK_MS = 10_000;
/** HEAD, `.git` files and `commondir` are a line each: anything longer is not git's. */
const SMALL_FILE_BYTES = 4096;
const OBJECT_ID = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;

export class GitHeads {
  private readonly located = new Map<string, Located | { none: number }>();
  private readonly commits = new Map<string, { signature: string; commit: string | undefined }>();
  private readonly texts = new Map<string, { commit: string; text: string | undefined }>();
  private readonly pending = new Map<string, Promise<string | undefined>>();
  private readonly watcher: HeadWatcher | undefined;

  /** `onHeadChange`: called (debounced) when HEAD may have moved in a repository read so far. */
  constructor(onHeadChange?: () => void) {
    this.watcher = onHeadChange ? new HeadWatcher(onHeadChange) : undefined;
  }

  /** The text of `file` at HEAD (byte order mark dropped), or undefined. Never throws. */
  headText(file: string): Promise<string | undefined> {
    let answer = this.pending.get(file);
    if (!answer) {
      answer = this.read(file).catch(() => undefined);
      this.pending.set(file, answer);
      void answer.then(() => this.pending.delete(file));
    }
    return answer;
  }

  /** Drops what is cached for `file` (closed documents). */
  forget(file: string): void {
    this.located.delete(file);
    this.texts.delete(file);
  }

  dispose(): void {
    this.watcher?.dispose();
  }

  private async read(file: string): Promise<string | undefined> {
    const where = this.locate(file);
    if (!where) return undefined;
    const commit = await this.headCommit(where.repository);
    if (!commit) return undefined;
    const cached = this.texts.get(file);
    if (cached?.commit === commit) return cached.text;
    const text = await blobText(where, commit);
    this.texts.set(file, { commit, text });
    return text;
  }

  private locate(file: string): Located | undefined {
    const known = this.located.get(file);
    if (known && !('none' in known)) return known;
    if (known && Date.now() - known.none < NO_REPOSITORY_RECHECK_MS) return undefined;
    const found = locate(file);
    this.located.set(file, found ?? { none: Date.now() });
    return found;
  }

  /** The commit HEAD names now; resolved again only when HEAD's signature changed. */
  private async headCommit(repository: Repository): Promise<string | undefined> {
    const head = readSmall(path.join(repository.gitdir, 'HEAD'))?.trim();
    if (head === undefined) return undefined;
    const ref = symbolicRef(head);
    const signature = [head, ref ? statKey(path.join(repository.commondir, ref)) : '', statKey(path.join(repository.commondir, 'packed-refs'))].join('\0');
    this.watcher?.track(repository, ref);
    const cached = this.commits.get(repository.gitdir);
    if (cached?.signature === signature) return cached.commit;
    let commit: string | undefined;
    if (OBJECT_ID.test(head)) commit = head;
    else if (ref) commit = await git.resolveRef({ fs: readOnlyFs, gitdir: repository.commondir, ref }).catch(() => undefined);
    this.commits.set(repository.gitdir, { signature, commit });
    return commit;
  }
}

/** The repository `file` is in: the nearest folder above it with a `.git` folder or `.git` file. */
function locate(file: string): Located | undefined {
  const real = realPath(file);
  if (!real) return undefined;
  for (let dir = path.dirname(real); ; dir = path.dirname(dir)) {
    const dotGit = path.join(dir, '.git');
    const stat = fs.lstatSync(dotGit, { throwIfNoEntry: false });
    const gitdir = stat?.isDirectory() ? dotGit : stat?.isFile() ? linkedGitdir(dotGit) : undefined;
    if (gitdir) {
      const common = readSmall(path.join(gitdir, 'commondir'))?.trim();
      const commondir = common ? path.resolve(gitdir, common) : gitdir;
      const inRepository = path.relative(dir, real).split(path.sep).join('/');
      if (inRepository.startsWith('../') || inRepository === '..' || path.isAbsolute(inRepository)) return undefined;
      return { repository: { root: dir, gitdir, commondir }, inRepository };
    }
    if (stat) return undefined; // a `.git` that is neither: not a repository we can read
    if (path.dirname(dir) === dir) return undefined;
  }
}

/** A worktree's or submodule's `.git` file: `gitdir: <path>` (relative to the file's folder). */
function linkedGitdir(dotGit: string): string | undefined {
  const m = /^gitdir: (.+)$/.exec(readSmall(dotGit)?.trim() ?? '');
  return m ? path.resolve(path.dirname(dotGit), m[1]) : undefined;
}

/** `ref: refs/heads/main` -> `refs/heads/main`; anything that could leave the refs folder -> undefined. */
function symbolicRef(head: string): string | undefined {
  const m = /^ref: (refs\/\S+)$/.exec(head);
  if (!m || m[1].split('/').some((part) => part === '' || part === '.' || part === '..')) return undefined;
  return m[1];
}

async function blobText(where: Located, commit: string): Promise<string | undefined> {
  try {
    // A new cache per read: the library would otherwise keep whole pack files in memory.
    const { blob } = await git.readBlob({ fs: readOnlyFs, gitdir: where.repository.commondir, oid: commit, filepath: where.inRepository, cache: {} });
    return fileText(Buffer.from(blob.buffer, blob.byteOffset, blob.byteLength));
  } catch {
    return undefined; // not in HEAD (untracked, staged only), or objects we cannot read
  }
}

function realPath(file: string): string | undefined {
  try {
    return fs.realpathSync.native(file);
  } catch {
    // A file not on disk (deleted in the working tree, or not saved yet): its folder decides.
    try {
      return path.join(fs.realpathSync.native(path.dirname(file)), path.basename(file));
    } catch {
      return undefined;
    }
  }
}

/** A small regular file's text (HEAD, `.git`, `commondir`), or undefined. FIFOs and devices are refused unread. */
function readSmall(file: string): string | undefined {
  try {
    return readRegularFile(file, SMALL_FILE_BYTES).toString('utf8');
  } catch {
    return undefined;
  }
}

/** What changes whenever git rewrites a file (it writes a new file and renames it over the old). */
function statKey(file: string): string {
  const stat = fs.statSync(file, { throwIfNoEntry: false, bigint: true });
  return stat ? `${stat.ino}:${stat.size}:${stat.mtimeNs}:${stat.ctimeNs}` : '-';
}
