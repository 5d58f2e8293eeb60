/**
 * One fact the SDK model does not carry, patched onto the generated schema.
 *
 * `target` names an SDK shape member as `Shape.member`; `Shape.member[]` addresses the items of
 * a list member; `Shape` alone addresses the shape. `patch` holds JSON Schema keywords merged into
 * that node. `source` names the document and parameter the fact comes from.
 */
export interface OverlayEntry {
  target: string;
  patch: Record<string, unknown>;
  source: string;
  /** Where two documents disagree: what the other says and why this value was chosen. */
  note?: string;
}

export const API_REF = 'ECS API Reference';
export const DEV_GUIDE = 'ECS Developer Guide, Service definition parameters';
export const EXPRESS_REF = 'ECS API Reference, CreateExpressGatewayService / UpdateExpressGatewayService';

/** Builds entries for the same patch on several targets (same shape reached from several requests). */
export function each(targets: string[], patch: Record<string, unknown>, source: string, note?: string): OverlayEntry[] {
  return targets.map((target) => ({ target, patch, source, ...(note ? { note } : {}) }));
}
