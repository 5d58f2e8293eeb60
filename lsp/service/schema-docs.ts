/**
 * Markdown documentation of one schema node, as hover shows it: description, type, allowed
 * values, range or limit, default, and what changing the field does to a running service.
 *
 * Everything comes from the generated schema (descriptions from the SDK model, ranges from the
 * overlays, `x-ecsdef-change` for change behaviour); nothing here restates documentation.
 */
import type { SchemaNode } from '../../schemas';
import { statedBounds } from '../../schemas/number-range';

const CONTROLLERS = ['ECS', 'CODE_DEPLOY', 'EXTERNAL'] as const;

interface ChangeAnnotation {
  class?: string;
  updatableUnder?: string[];
  forceNewDeployment?: boolean;
  absentMeansUnchanged?: boolean;
  allowedMove?: { removedWith?: string; class?: string; reason?: string };
}

/** `type` of a node as a short string (`integer`, `string[]`, `object`). */
export function typeLabel(node: SchemaNode): string | undefined {
  const type = node.type;
  if (type === 'array') {
    const items = node.items as SchemaNode | undefined;
    const inner = items ? typeLabel(items) ?? (items.title as string | undefined) : undefined;
    return inner ? `${inner}[]` : 'array';
  }
  if (typeof type === 'string') return type === 'object' && typeof node.title === 'string' ? node.title : type;
  if (Array.isArray(type)) return type.join(' | ');
  return undefined;
}

/** Range, length, size and pattern facts as short lines. */
export function limitLines(node: SchemaNode): string[] {
  const lines: string[] = [];
  const range = (min: unknown, max: unknown, what: string): void => {
    if (typeof min === 'number' && typeof max === 'number') lines.push(`${what}: ${min} to ${max}`);
    else if (typeof min === 'number') lines.push(`${what}: at least ${min}`);
    else if (typeof max === 'number') lines.push(`${what}: at most ${max}`);
  };
  const bounds = statedBounds(node);
  range(bounds.minimum, bounds.maximum, 'Range');
  range(node.minLength, node.maxLength, 'Length');
  range(node.minItems, node.maxItems, 'Items');
  range(node.minProperties, node.maxProperties, 'Entries');
  if (typeof node.pattern === 'string') lines.push(`Pattern: \`${node.pattern}\``);
  return lines;
}

/**
 * Sentence about what a change of the field does, or undefined when not annotated. `owner`
 * names the top-level field whose annotation `node` is when the hovered field is nested in it:
 * the sentences about leaving out or replacing a value are about the owner, not the nested field.
 */
export function changeText(node: SchemaNode, root: SchemaNode, owner?: string): string | undefined {
  const change = node['x-ecsdef-change'] as ChangeAnnotation | undefined;
  const subject = owner ? `\`${owner}\`` : 'it';
  if (!change?.class) return undefined;
  const parts: string[] = [];
  switch (change.class) {
    case 'replace':
      parts.push('**Replacement**: UpdateService cannot change it; the service has to be recreated.');
      break;
    case 'deployment':
      parts.push(
        change.forceNewDeployment
          ? '**New deployment**: applied by UpdateService with `forceNewDeployment: true`, which starts new tasks.'
          : '**New deployment**: UpdateService applies it by starting a new deployment (new tasks).',
      );
      break;
    case 'in-place':
      parts.push('**In place**: UpdateService applies it without starting new tasks.');
      break;
    case 'ignored':
      parts.push('**No effect on an existing service**: only the create request uses it.');
      break;
    default:
      parts.push(`Change class: ${change.class}.`);
  }
  if (change.absentMeansUnchanged) parts.push(`Leaving ${subject} out keeps the current value.`);
  if (change.allowedMove?.removedWith && change.allowedMove.class) {
    parts.push(
      `Replacing ${subject} with \`${change.allowedMove.removedWith}\` is allowed (${labelOf(change.allowedMove.class)}).`,
    );
  }
  const remedies = root['x-ecsdef-controller-remedies'] as Record<string, string> | undefined;
  if (change.updatableUnder && change.class !== 'replace') {
    for (const controller of CONTROLLERS) {
      if (controller === 'ECS' || change.updatableUnder.includes(controller)) continue;
      const remedy = remedies?.[controller];
      parts.push(`Not possible through UpdateService under the \`${controller}\` deployment controller${remedy ? `: ${remedy}` : ''}.`);
    }
  }
  return parts.join(' ');
}

function labelOf(changeClass: string): string {
  return changeClass === 'deployment' ? 'new deployment' : changeClass === 'in-place' ? 'in place' : changeClass;
}

/** Allowed values with their descriptions when the schema has them. */
export function enumLines(node: SchemaNode): string[] {
  const values = node.enum as unknown[] | undefined;
  if (!Array.isArray(values)) return [];
  const descriptions = node.enumDescriptions as string[] | undefined;
  return values.map((v, i) => {
    const text = descriptions?.[i];
    return text ? `- \`${String(v)}\`: ${text}` : `- \`${String(v)}\``;
  });
}

/**
 * Where a nested field's change behaviour comes from: UpdateService takes (or refuses) whole
 * top-level members, so changing anything inside one is a change of that member.
 */
export interface ChangeOwner {
  /** The top-level member's name. */
  name: string;
  /** Its schema node, which carries `x-ecsdef-change`. */
  node: SchemaNode;
}

/** The full hover markdown for property `name` described by `node`. */
export function hoverMarkdown(name: string | undefined, node: SchemaNode, root: SchemaNode, owner?: ChangeOwner): string {
  const out: string[] = [];
  const type = typeLabel(node);
  out.push([name ? `**${name}**` : undefined, type ? `\`${type}\`` : undefined].filter(Boolean).join(' · '));
  const description = (node.markdownDescription ?? node.description) as string | undefined;
  if (description) out.push(plainMarkers(description));
  const values = enumLines(node);
  if (values.length) out.push(`Allowed values:\n${values.join('\n')}`);
  const limits = limitLines(node);
  if (limits.length) out.push(limits.join('  \n'));
  const def = node['x-ecsdef-default'] ?? node.default;
  if (def !== undefined) out.push(`Default: \`${JSON.stringify(def)}\``);
  if (node['x-ecsdef-output-only']) out.push('Output only: returned by DescribeServices, not accepted on create.');
  const own = changeText(node, root);
  if (own) out.push(`On change: ${own}`);
  else if (owner) {
    const inherited = changeText(owner.node, root, owner.name);
    if (inherited) out.push(`On change (part of \`${owner.name}\`): ${inherited}`);
  }
  return out.filter((s) => s.length > 0).join('\n\n');
}

/**
 * The SDK's `<note>` / `<important>` blocks arrive as `> **Note:**` on a line of its own, which a
 * hover renders as a quoted heading over nothing. Shown instead as emphasis leading the
 * paragraph it introduces (or alone, before a list).
 */
export function plainMarkers(markdown: string): string {
  return markdown.replace(
    /^> \*\*([A-Z][A-Za-z ]*):\*\*([ \t]*)(\n\n(?![ \t]*(?:[-*+]|\d+\.)[ \t]))?/gm,
    (_all, label: string, space: string, joined?: string) => `*${label}:*${joined === undefined ? space : ' '}`,
  );
}
