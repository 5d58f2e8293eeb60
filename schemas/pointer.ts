/** RFC 6901 JSON pointers over plain JSON values. */

export function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export function joinPointer(...segments: (string | number)[]): string {
  return segments.map((s) => '/' + String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

/** The value at `pointer`, or undefined when a segment is missing. */
export function valueAt(value: unknown, pointer: string): unknown {
  let node: unknown = value;
  for (const segment of parsePointer(pointer)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[segment];
  }
  return node;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * `target[key] = value` as an own data property even for `__proto__`, whose plain assignment
 * would replace the object's prototype instead (so `{"__proto__": {"launchType": ...}}` would
 * make `launchType` readable through it and invisible to every own-key walk). Every copy of a
 * user's object goes through here.
 */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}
