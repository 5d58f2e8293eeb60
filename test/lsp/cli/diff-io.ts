/** Runs `ecsdef diff` in memory: `files` maps absolute paths under /defs to their text. */
import { runDiff } from '../../../lsp/cli/diff';

export function runDiffOn(files: Record<string, string>, argv: string[]): { code: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const code = runDiff(argv, {
    cwd: '/defs',
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    readFile: (f) => {
      if (!(f in files)) throw new Error(`ENOENT: ${f}`);
      return files[f];
    },
  });
  return { code, stdout, stderr };
}
