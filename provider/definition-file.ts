/**
 * Reads a service definition file (JSON or YAML, the same files the editor and `ecsdef validate`
 * check) when the Pulumi program runs. The provider itself never reads files: the parsed value
 * becomes ordinary inputs, so state and previews show the values, not a path.
 */
import * as fs from 'fs';
import * as path from 'path';

export function readDefinitionFile(file: string, cwd: string = process.cwd()): Record<string, unknown> {
  const full = path.resolve(cwd, file);
  let text: string;
  try {
    text = fs.readFileSync(full, 'utf8');
  } catch (err) {
    throw new Error(`ecsdef: cannot read definitionFile ${full}: ${(err as Error).message}`);
  }
  let value: unknown;
  try {
    value = /\.ya?ml$/i.test(full) ? require('yaml').parse(text) : JSON.parse(text);
  } catch (err) {
    throw new Error(`ecsdef: definitionFile ${full} is not valid ${/\.ya?ml$/i.test(full) ? 'YAML' : 'JSON'}: ${(err as Error).message}`);
  }
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
  for (const [k, v] of Object.entries(rest)) if (v !== undefined) props[k] = v;
  for (const k of outputKeys) if (!(k in props)) props[k] = undefined;
  return props;
}
