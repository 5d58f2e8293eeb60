/**
 * An API Integer is 32-bit: the schema bounds every integer member by this range (the
 * overlay's number types), and narrows it where the docs state a range. The type's own bounds
 * are not a documented limit: hover does not list them and completion does not start from them.
 */
export const INT32_MIN = -2147483648;
export const INT32_MAX = 2147483647;

/** The minimum and maximum of a schema node that say more than "a 32-bit integer". */
export function statedBounds(node: { minimum?: unknown; maximum?: unknown }): { minimum?: number; maximum?: number } {
  const minimum = typeof node.minimum === 'number' && node.minimum !== INT32_MIN ? node.minimum : undefined;
  const maximum = typeof node.maximum === 'number' && node.maximum !== INT32_MAX ? node.maximum : undefined;
  return { minimum, maximum };
}
