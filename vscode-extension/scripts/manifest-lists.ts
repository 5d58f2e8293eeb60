/**
 * The file names the extension's manifest lists (`jsonValidation`), derived from the kind
 * registry. The manifest is a static file VS Code reads before any code runs, so it is written
 * by hand; test/lsp/server/bundle.test.ts fails when it differs from this.
 */
import { KINDS } from '../../schemas/kinds';

export interface JsonValidationEntry {
  fileMatch: string[];
  url: string;
}

/** One entry per kind, JSON names only, each excluding the names of the kinds tried before it. */
export function jsonValidationEntries(): JsonValidationEntry[] {
  const jsonNames = (names: readonly string[]): string[] => names.map((name) => `${name}.json`);
  return KINDS.map((entry, i) => ({
    fileMatch: [...jsonNames(entry.fileNames), ...KINDS.slice(0, i).flatMap((earlier) => jsonNames(earlier.fileNames).map((n) => `!${n}`))],
    url: `./out/schemas/${entry.schemaFile}`,
  }));
}
