/** Builds minimal instances for schema tests: a value placed at a pointer inside an object. */
import { parsePointer } from '../../schemas/pointer';

/** `path` may use `*` for array indices; they become index 0. */
export function concretePointer(path: string): string {
  return path.replace(/\/\*/g, '/0');
}

export function instanceWith(path: string, value: unknown, base: Record<string, unknown> = {}): Record<string, unknown> {
  const root: Record<string, unknown> = structuredClone(base);
  const segments = parsePointer(concretePointer(path));
  let node: Record<string, unknown> | unknown[] = root;
  segments.forEach((segment, i) => {
    const last = i === segments.length - 1;
    const nextIsIndex = !last && /^\d+$/.test(segments[i + 1]);
    const key = Array.isArray(node) ? Number(segment) : segment;
    const container = node as Record<string | number, unknown>;
    if (last) container[key] = value;
    else {
      if (container[key] === undefined) container[key] = nextIsIndex ? [] : {};
      node = container[key] as Record<string, unknown>;
    }
  });
  return root;
}

export function sampleOfType(type: string): unknown {
  switch (type) {
    case 'string':
      return 'sample';
    case 'integer':
      return 1;
    case 'number':
      return 1.5;
    case 'boolean':
      return true;
    case 'array':
      return [];
    default:
      return {};
  }
}

/** A value of a different JSON type than `type`. */
export function wrongSampleFor(type: string): unknown {
  return type === 'string' ? 42 : type === 'integer' ? 'x' : 'not-a-' + type;
}
