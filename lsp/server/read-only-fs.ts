/**
 * The file system isomorphic-git is given to read a repository the user did not necessarily
 * write: reads only, of regular files only, bounded in size. A FIFO or a device named as a ref
 * or an object cannot block the server or fill its memory (the descriptor is opened
 * non-blocking and checked before any byte is read), and every write fails, so nothing in the
 * repository can change however the library's code paths go.
 */
import * as fs from 'node:fs';

/** Larger files are refused unread. isomorphic-git reads a whole pack file to get one object. */
export const MAX_GIT_FILE_BYTES = 128 * 1024 * 1024;

/** An error with the errno-style `code` the library tests (ENOENT means "absent" to it). */
function failure(code: string, message: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: ${message}`), { code });
}

async function readFile(file: string, options?: BufferEncoding | { encoding?: BufferEncoding | null }): Promise<Buffer | string> {
  if (typeof file !== 'string') throw failure('EINVAL', 'no path');
  const handle = await fs.promises.open(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  try {
    const stat = await handle.stat();
    // A directory reads as EISDIR (the library's "not here"); anything else that is not a file is refused.
    if (stat.isDirectory()) throw failure('EISDIR', file);
    if (!stat.isFile()) throw failure('EINVAL', `${file} is not a regular file`);
    if (stat.size > MAX_GIT_FILE_BYTES) throw failure('EFBIG', `${file} is larger than ${MAX_GIT_FILE_BYTES} bytes`);
    const bytes = await handle.readFile();
    if (bytes.length > MAX_GIT_FILE_BYTES) throw failure('EFBIG', `${file} grew while read`);
    const encoding = typeof options === 'string' ? options : options?.encoding;
    return encoding ? bytes.toString(encoding) : bytes;
  } finally {
    await handle.close();
  }
}

const refused = async (): Promise<never> => {
  throw failure('EROFS', 'the repository is read, never written');
};

/** A promise-style fs client in the shape isomorphic-git takes (`{ promises }`). */
export const readOnlyFs = {
  promises: {
    readFile,
    stat: (file: string) => fs.promises.stat(file),
    lstat: (file: string) => fs.promises.lstat(file),
    readdir: (dir: string) => fs.promises.readdir(dir),
    readlink: (file: string) => fs.promises.readlink(file),
    writeFile: refused,
    mkdir: refused,
    rmdir: refused,
    unlink: refused,
    symlink: refused,
    chmod: refused,
    rm: refused,
  },
};
