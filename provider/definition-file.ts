/**
 * Reads a service definition file (JSON or YAML, the same files the editor and `ecsdef validate`
 * check) when the Pulumi program runs. The provider itself never reads files: the parsed value
 * becomes ordinary inputs, so state and previews show the values, not a path.
 *
 * The text goes through the one definition reader (schemas/parse), so a file means here what it
 * means to `ecsdef validate`: YAML merge keys, a byte order mark, unquoted `{{ }}` templates and
 * duplicate keys (the last one counts) are read the same way, and a syntax error is reported at
 * the same line and column.
 */
import * as fs from 'fs';
import * as path from 'path';
import { fileText } from '../schemas/parse';
import { setOwn } from '../schemas/pointer';
import { fatalProblem, readDefinition } from '../schemas/parse/definition';

export function readDefinitionFile(file: string, cwd: string = process.cwd()): Record<string, unknown> {
  const full = path.resolve(cwd, file);
  let text: string;
  try {
    text = fileText(fs.readFileSync(full));
  } catch (err) {
    throw new Error(`ecsdef: cannot read definitionFile ${full}: ${(err as Error).message}`);
  }
  const { doc } = readDefinition(text, { fileName: full });
  const fatal = fatalProblem(doc);
  if (fatal) throw new Error(`ecsdef: definitionFile ${full}:${fatal.line}:${fatal.column}: [${fatal.problem.ruleId}] ${fatal.problem.message}`);
  const value = doc.value;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error(`ecsdef: definitionFile ${full} must hold an object (a service definition)`);
  }
  return value as Record<string, unknown>;
}

/**
 * The property bag a resource registers: the definition file's fields, then every given argument
 * over them (top-level replacement), then an `undefined` placeholder for each output so that the
 * resource exposes it.
 */
export function resourceProps(args: { definitionFile?: string }, outputKeys: readonly string[]): Record<string, unknown> {
  const { definitionFile, ...rest } = args;
  const props: Record<string, unknown> = definitionFile ? readDefinitionFile(definitionFile) : {};
  for (const [k, v] of Object.entries(rest)) if (v !== undefined) setOwn(props, k, v);
  for (const k of outputKeys) if (!(k in props)) props[k] = undefined;
  return props;
}
