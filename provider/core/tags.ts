/**
 * Tags of a service, compared by key, and the TagResource / UntagResource arguments that turn one
 * tag list into another (UpdateService and UpdateExpressGatewayService take no tags).
 */
import type { Tag } from '@aws-sdk/client-ecs';
import { isPlainObject as isRecord } from '../../schemas/pointer';

/** Tags as a key -> value map. */
export function tagMap(tags: unknown): Map<string, string> {
  const m = new Map<string, string>();
  if (Array.isArray(tags)) for (const t of tags) if (isRecord(t) && typeof t.key === 'string') m.set(t.key, String(t.value ?? ''));
  return m;
}

/** TagResource / UntagResource arguments that turn `before` tags into `after` tags. */
export function tagChanges(before: unknown, after: unknown): { put: Tag[]; remove: string[] } {
  const b = tagMap(before);
  const a = tagMap(after);
  const put = [...a].filter(([k, v]) => b.get(k) !== v).map(([key, value]) => ({ key, value }));
  const remove = [...b.keys()].filter((k) => !a.has(k));
  return { put, remove };
}
