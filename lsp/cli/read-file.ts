/**
 * The guarded reads of the command line: every file it reads (definitions, configs, stdin) goes
 * through here, so that a device (`/dev/zero`), a FIFO or a huge file cannot make it read
 * forever or exhaust memory.
 */
import * as fs from 'node:fs';

/** Larger inputs are refused unread: no definition comes close, and reading them could stall CI. */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

/** Why a read was refused or failed, as a phrase for `ecsdef: NAME: <phrase>; not checked`. */
export class ReadRefused extends Error {}

/**
 * A regular file's bytes, at most `maxBytes`. Throws ReadRefused for anything else: a missing
 * or unreadable file (the errno code), a directory, device or FIFO, or a file over the limit.
 */
export function readRegularFile(absolutePath: string, maxBytes = MAX_FILE_BYTES): Buffer {
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO without a writer would otherwise block before fstat can tell.
    fd = fs.openSync(absolutePath, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  } catch (error) {
    throw new ReadRefused(`cannot read (${errorCode(error)})`);
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) throw new ReadRefused('not a regular file');
    if (stat.size > maxBytes) throw new ReadRefused(`file is ${mib(stat.size)} MiB, larger than the ${mib(maxBytes)} MiB limit`);
    // Read up to the limit plus one byte: a file that grows while read is refused too.
    return readAtMost(fd, maxBytes, (n) => new ReadRefused(`file grew past the ${mib(n)} MiB limit while read`));
  } catch (error) {
    if (error instanceof ReadRefused) throw error;
    throw new ReadRefused(`cannot read (${errorCode(error)})`);
  } finally {
    fs.closeSync(fd);
  }
}

/** Standard input, at most `maxBytes` (a pipe or file of any kind; `/dev/zero` is cut off). */
export function readStdin(maxBytes = MAX_FILE_BYTES): Buffer {
  try {
    return readAtMost(0, maxBytes, (n) => new ReadRefused(`standard input holds more than the ${mib(n)} MiB limit`));
  } catch (error) {
    if (error instanceof ReadRefused) throw error;
    throw new ReadRefused(`cannot read standard input (${errorCode(error)})`);
  }
}

function readAtMost(fd: number, maxBytes: number, tooLarge: (limit: number) => Error): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(Math.min(1 << 20, maxBytes + 1 - total));
    let n: number;
    try {
      n = fs.readSync(fd, chunk, 0, chunk.length, null);
    } catch (error) {
      // A non-blocking descriptor with nothing yet: wait briefly, as readFileSync would block.
      if ((error as NodeJS.ErrnoException).code === 'EAGAIN') {
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
        continue;
      }
      throw error;
    }
    if (n === 0) return Buffer.concat(chunks, total);
    chunks.push(chunk.subarray(0, n));
    total += n;
    if (total > maxBytes) throw tooLarge(maxBytes);
  }
}

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? String(error);
}

function mib(bytes: number): number {
  return Math.round(bytes / (1024 * 1024));
}
