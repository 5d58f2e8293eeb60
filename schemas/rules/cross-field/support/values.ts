/**
 * Defensive readers over a parsed definition (a plain JSON value of unknown shape).
 *
 * Cross-field rules must never throw and must never report on a value they cannot know. Two kinds
 * of value are "unknown": a value of the wrong type (the schema rules report those), and a string
 * holding a placeholder such as "{{ must_env `X` }}" or "${CLUSTER}" (resolved only at deploy
 * time; the styles are listed in schemas/template.ts).
 * Every reader here returns `undefined` for an unknown value, so a rule that only acts on known
 * values stays silent on placeholders by construction.
 */

import { isPlainObject, joinPointer } from '../../../pointer';
import { isTemplated } from '../../../template';

export type JsonObject = Record<string, unknown>;

/** True for a string that contains a placeholder of any style schemas/template.ts lists. */
export const isPlaceholder: (value: unknown) => boolean = isTemplated;

export const isRecord: (value: unknown) => value is JsonObject = isPlainObject;

/** An own property of an object (never an inherited one such as `constructor`). */
export function field(owner: unknown, key: string): unknown {
  if (!isRecord(owner) || !Object.prototype.hasOwnProperty.call(owner, key)) return undefined;
  return owner[key];
}

/** Present with a value other than null (UpdateService treats null as "leave unchanged"). */
export function isGiven(value: unknown): boolean {
  return value !== undefined && value !== null;
}

/** A known string (not a placeholder), else undefined. */
export function text(value: unknown): string | undefined {
  return typeof value === 'string' && !isPlaceholder(value) ? value : undefined;
}

/** A known finite number, else undefined. */
export function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

export function bool(value: unknown): boolean | undefined {
  return typeof value === 'boolean' ? value : undefined;
}

export interface Entry {
  value: unknown;
  index: number;
}

/** The items of a list with their index; no items when the value is not a list. */
export function entries(value: unknown): Entry[] {
  return Array.isArray(value) ? value.map((item, index) => ({ value: item, index })) : [];
}

/** Of two keys of `owner`, the one written later (the "second" of a conflicting pair). */
export function laterKey(owner: JsonObject, a: string, b: string): string {
  const keys = Object.keys(owner);
  return keys.indexOf(a) > keys.indexOf(b) ? a : b;
}

/** RFC 6901 pointer from path segments. */
export const pointer = joinPointer;

export type Presence = 'absent' | 'present' | 'unknown';

/**
 * Whether a field is configured: absent for missing, null, "" or []; unknown for a placeholder
 * (it may render empty); present otherwise.
 */
export function presence(value: unknown): Presence {
  if (!isGiven(value) || value === '' || (Array.isArray(value) && value.length === 0)) return 'absent';
  return isPlaceholder(value) ? 'unknown' : 'present';
}

/**
 * Where to report a field that is missing from `owner` (at `base`): the first of `preferred` keys
 * present, else the first key of the object. Undefined for an empty object.
 */
export function anchorForMissing(owner: JsonObject, base: string, preferred: readonly string[]): string | undefined {
  const keys = Object.keys(owner);
  const key = preferred.find((k) => keys.includes(k)) ?? keys[0];
  return key === undefined ? undefined : base + pointer(key);
}
