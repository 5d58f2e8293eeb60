/**
 * Fields of a definition that may hold secrets: the environment variable values and the secret
 * references of an Express gateway service's primary container. A fact about the definition
 * shape, kept here for every consumer: the Pulumi provider masks these values in the text it
 * passes on (provider/core/mask.ts), `ecsdef diff` shows them as `***` unless asked.
 * CreateService definitions have no such field (containers live in the task definition).
 */
import { isPlainObject } from './pointer';

/** A path of property names from the definition's root; `*` stands for every item of a list. */
export type FieldPath = readonly string[];

// Module-local constants, exported below: when the Pulumi provider is serialised, a function of
// this module may be copied by value with another module's `exports` (seen through a re-export),
// where `exports.SENSITIVE_FIELDS` is undefined; a local constant is copied with the function.
const FIELDS: readonly FieldPath[] = [
  ['primaryContainer', 'environment', '*', 'value'],
  ['primaryContainer', 'secrets', '*', 'valueFrom'],
];
const MASK = '***';

export const SENSITIVE_FIELDS = FIELDS;
/** What a masked value is replaced by. */
export const MASKED_VALUE = MASK;

/** The string values of the sensitive fields of `definition`, in field order. */
export function sensitiveValues(definition: Record<string, unknown> | undefined): string[] {
  const values: string[] = [];
  for (const field of FIELDS) visit(definition, field, (holder, key) => {
    if (typeof holder[key] === 'string') values.push(holder[key] as string);
  });
  return values;
}

/**
 * A copy of `definition` with every present sensitive field (string or not) set to
 * MASKED_VALUE; the rest is shared, not copied. `definition` itself is left as it is.
 */
export function maskSensitive<T extends Record<string, unknown>>(definition: T): T {
  let copy: Record<string, unknown> = definition;
  for (const field of FIELDS) copy = maskAt(copy, field);
  return copy as T;
}

/** `node` with the field at `path` masked, copying only the objects and lists on the way. */
function maskAt(node: Record<string, unknown>, path: FieldPath): Record<string, unknown> {
  const [key, ...rest] = path;
  if (!Object.prototype.hasOwnProperty.call(node, key)) return node;
  const child = node[key];
  let masked: unknown;
  if (rest.length === 0) masked = child === undefined ? child : MASK;
  else if (rest[0] === '*') masked = Array.isArray(child) ? child.map((item) => (isPlainObject(item) ? maskAt(item, rest.slice(1)) : item)) : child;
  else masked = isPlainObject(child) ? maskAt(child, rest) : child;
  return masked === child ? node : { ...node, [key]: masked };
}

/** Calls `found` with the object holding the last key of `path`, for each match. */
function visit(node: unknown, path: FieldPath, found: (holder: Record<string, unknown>, key: string) => void): void {
  if (!isPlainObject(node)) return;
  const [key, ...rest] = path;
  if (rest.length === 0) {
    if (Object.prototype.hasOwnProperty.call(node, key)) found(node, key);
    return;
  }
  const child = node[key];
  if (rest[0] === '*') {
    if (Array.isArray(child)) for (const item of child) visit(item, rest.slice(1), found);
  } else {
    visit(child, rest, found);
  }
}
