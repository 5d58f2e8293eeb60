import { isPlainObject } from '../pointer';
import type { Comment } from './ast';

/**
 * What a document says about its own kind in text only the parser sees: its `$schema` or a
 * yaml-language-server modeline. The registry (schemas/kinds.ts) maps the reference to a kind;
 * schemas/recognise.ts weighs it against the name and the content.
 */

const MODELINE = /^yaml-language-server:\s*\$schema=(\S+)/;

/** `$schema` of a document: its top-level `$schema` string, or a yaml-language-server modeline. */
export function schemaRefOf(value: unknown, comments: readonly Comment[]): string | undefined {
  if (isPlainObject(value) && typeof value.$schema === 'string') return value.$schema;
  for (const comment of comments) {
    const match = MODELINE.exec(comment.text);
    if (match) return match[1];
  }
  return undefined;
}
