/**
 * classify(before, after, context) -> Change[]: one Change per changed top-level field, read
 * from the `x-ecsdef-change` annotations of the generated schema (data, not code). Both sides
 * must already be normalised by the caller (defaults, name vs ARN...): classify compares as given.
 */
import type { Change, ChangeClass, ClassifyContext, DeploymentControllerType } from './change';
import { deepEqual } from './deep-equal';
import type { ChangeAnnotation } from './overlay/change-classes';
import { isPlainObject, joinPointer } from './pointer';
import { schemaFor, type SchemaNode } from './schema-registry';

export function classify(before: unknown, after: unknown, context: ClassifyContext): Change[] {
  const old = isPlainObject(before) ? before : {};
  const next = isPlainObject(after) ? after : {};
  const schema = schemaFor(context.kind);
  const props = (schema.properties ?? {}) as Record<string, SchemaNode>;
  const controller = context.controller ?? controllerOf(old) ?? 'ECS';
  const remedies = (schema['x-ecsdef-controller-remedies'] ?? {}) as Record<DeploymentControllerType, string>;
  const changes: Change[] = [];
  const fields = [...new Set([...Object.keys(old), ...Object.keys(next)])].filter((f) => f !== '$schema');
  for (const field of fields) {
    const was = old[field];
    const now = next[field];
    if (deepEqual(was ?? null, now ?? null)) continue;
    const annotation = props[field]?.['x-ecsdef-change'] as ChangeAnnotation | undefined;
    const base = { pointer: joinPointer(field), field, before: was, after: now };
    if (!annotation) {
      changes.push({ ...base, class: 'ignored', reason: `${field} is not part of the ${context.kind} definition` });
      continue;
    }
    if (annotation.absentMeansUnchanged && (now === undefined || now === null)) continue;
    changes.push({ ...base, ...decide(field, annotation, old, next, controller, remedies, context.kind) });
  }
  return changes;
}

function decide(
  field: string,
  annotation: ChangeAnnotation,
  old: Record<string, unknown>,
  next: Record<string, unknown>,
  controller: DeploymentControllerType,
  remedies: Record<DeploymentControllerType, string>,
  kind: ClassifyContext['kind'],
): Pick<Change, 'class' | 'reason' | 'requiresForceNewDeployment'> {
  let cls: ChangeClass = annotation.class;
  let reason = reasonFor(field, cls, kind);
  const move = annotation.allowedMove;
  if (cls === 'replace' && move && next[field] === undefined && next[move.removedWith] !== undefined) {
    cls = move.class;
    reason = `${field} moves to ${move.removedWith}: ${move.reason}`;
  }
  const force = cls === 'deployment' && (annotation.forceNewDeployment || (move !== undefined && cls !== annotation.class));
  if ((cls === 'deployment' || cls === 'in-place') && annotation.updatableUnder && !annotation.updatableUnder.includes(controller)) {
    return {
      class: 'forbidden',
      reason: `the ${controller} deployment controller does not accept a change of ${field} through UpdateService: ${remedies[controller] ?? 'recreate the service'}`,
    };
  }
  return { class: cls, reason: force ? `${reason}; UpdateService needs forceNewDeployment for it` : reason, ...(force ? { requiresForceNewDeployment: true } : {}) };
}

function reasonFor(field: string, cls: ChangeClass, kind: ClassifyContext['kind']): string {
  switch (cls) {
    case 'replace':
      return `${field} cannot be changed on an existing service: it is replaced`;
    case 'deployment':
      return kind === 'express-service'
        ? `${field} changes create a new service revision with a rolling deployment`
        : `${field} changes start a new deployment (new tasks replace the running ones)`;
    case 'in-place':
      return `${field} is updated in place without starting new tasks`;
    case 'ignored':
      return `${field} has no effect on an existing service`;
    default:
      return `${field} cannot be changed through UpdateService`;
  }
}

/** The deployment controller a definition declares, if it declares a known one. */
export function controllerOf(definition: Record<string, unknown>): DeploymentControllerType | undefined {
  const dc = definition.deploymentController;
  const type = isPlainObject(dc) ? dc.type : undefined;
  return type === 'ECS' || type === 'CODE_DEPLOY' || type === 'EXTERNAL' ? type : undefined;
}
