import type { Language } from './index';

/**
 * The largest text read as a definition, per language, in UTF-16 code units (characters for
 * ASCII text). Measured on this project's reader: a 58 MB JSON file takes 6 s and 1.4 GB, a
 * 10 MB YAML file 9 s and 1.1 GB; YAML costs about ten times more per character, and 50 MB of
 * YAML exhausts the default heap. The README lists these limits.
 */
export const MAX_TEXT_LENGTH: Readonly<Record<Language, number>> = {
  json: 64 * 1024 * 1024,
  yaml: 8 * 1024 * 1024,
};
