/**
 * The update plan: what an edit does to a running resource, decided before anything is sent.
 *
 * Classes come from the schema annotations through `schemas.classify` (never from code here);
 * this module only adds what is about the resource rather than the definition: redeploy
 * triggers, a region move, delete-before-replace, and the one-line statement the preview shows.
 */
import { classify, schemaFor, type Change, type DeploymentControllerType } from '..';
import { stableJson, UNKNOWN } from './normalise';
import { applyTransitions } from './transitions';
import { removalApplies } from './unset-values';
/** A plain bag of definition fields. */
type Bag = Record<string, unknown>;

export interface PlanInput {
  kind: 'service' | 'express-service';
  /** Canonical last-applied definition; undefined when the resource does not exist yet. */
  before: Bag | undefined;
  /** Canonical desired definition. */
  after: Bag;
  /** Controller of the running resource (it decides what UpdateService accepts). */
  controller?: DeploymentControllerType;
  /** `redeployTriggers` before and after (compared as JSON). */
  triggers?: { before: unknown; after: unknown };
  /** Region before and after: a service cannot move between regions. */
  region?: { before: string | undefined; after: string | undefined };
  /** Fields that name the resource: a replacement that keeps them must delete first. */
  identity: readonly string[];
  /** Fields that may be unchanged in fact (their spelling differs; the state would tell). */
  uncertain?: string[];
  /** Provider settings (endpoint, timeouts, ...) whose value changes: stored, never sent to AWS. */
  settingsChanged?: string[];
  /** Why deployments this plan starts are not followed to completion (waiting off, another controller). */
  notFollowed?: string;
}

export interface Plan {
  /** Definition kind: it decides the wording (an Express update makes a new service revision). */
  kind: PlanInput['kind'];
  create: boolean;
  changes: Change[];
  replaces: string[];
  deleteBeforeReplace: boolean;
  forbidden: Change[];
  deployment: Change[];
  inPlace: Change[];
  triggersChanged: boolean;
  /** UpdateService needs `forceNewDeployment: true` (a change requires it, or the triggers changed). */
  forceNewDeployment: boolean;
  /** The update starts a new deployment (and so is followed until it completes). */
  startsDeployment: boolean;
  /** Top-level fields whose new value is not known until apply. */
  unknown: string[];
  /** Fields that may turn out unchanged (see PlanInput.uncertain). */
  uncertain: string[];
  /** Provider settings that change (see PlanInput.settingsChanged). */
  settingsChanged: string[];
  /** See PlanInput.notFollowed. */
  notFollowed?: string;
}

const containsUnknown = (v: unknown): boolean => JSON.stringify(v ?? null).includes(UNKNOWN);

/**
 * The classes of the changed fields: the schema annotations, then the documented launch type /
 * capacity provider strategy transitions (transitions.ts); removals the update request cannot
 * express keep the running value and are no change (unset-values.ts).
 */
function classified(input: PlanInput, before: Bag, after: Bag): Change[] {
  const controller = input.controller ?? 'ECS';
  let changes = classify(before, after, { kind: input.kind, controller });
  if (input.kind === 'service') {
    const remedies = (schemaFor('service')['x-ecsdef-controller-remedies'] ?? {}) as Record<string, string>;
    changes = applyTransitions(changes, before, after, controller, remedies);
  }
  const keepsRunningValue = (c: Change) =>
    (c.class === 'deployment' || c.class === 'in-place') && c.after === undefined && !removalApplies(input.kind, c.field);
  return changes.filter((c) => c.class !== 'ignored' && !keepsRunningValue(c));
}

export function planChange(input: PlanInput): Plan {
  const { before, after } = input;
  const unknown = Object.keys(after).filter((k) => containsUnknown(after[k]));
  const settingsChanged = input.settingsChanged ?? [];
  if (!before) {
    return {
      kind: input.kind, create: true, changes: [], replaces: [], deleteBeforeReplace: false, forbidden: [], deployment: [], inPlace: [],
      triggersChanged: false, forceNewDeployment: false, startsDeployment: true, unknown, uncertain: [], settingsChanged: [], notFollowed: input.notFollowed,
    };
  }
  const changes = classified(input, before, after);
  const replaces = changes.filter((c) => c.class === 'replace').map((c) => c.field);
  const r = input.region;
  const regionMoves = !!r && r.before !== undefined && (r.before ?? '') !== (r.after ?? '');
  if (regionMoves) replaces.push('region');
  const forbidden = changes.filter((c) => c.class === 'forbidden');
  const deployment = changes.filter((c) => c.class === 'deployment');
  const inPlace = changes.filter((c) => c.class === 'in-place');
  const triggersChanged = !!input.triggers && stableJson(input.triggers.before) !== stableJson(input.triggers.after);
  const forceNewDeployment = triggersChanged || deployment.some((c) => c.requiresForceNewDeployment);
  // Names are unique per cluster and region: another region never collides.
  const keepsIdentity = !regionMoves && input.identity.every((f) => after[f] === UNKNOWN || stableJson(before[f]) === stableJson(after[f]));
  return {
    kind: input.kind,
    create: false,
    changes,
    replaces,
    deleteBeforeReplace: replaces.length > 0 && keepsIdentity,
    forbidden,
    deployment,
    inPlace,
    triggersChanged,
    forceNewDeployment,
    startsDeployment: deployment.length > 0 || triggersChanged,
    unknown,
    uncertain: (input.uncertain ?? []).filter((f) => changes.some((c) => c.field === f)),
    settingsChanged,
    notFollowed: input.notFollowed,
  };
}

/**
 * True when the plan asks the engine for an update or a replacement. Changed settings count: a
 * "no change" answer would make the engine keep the old outputs, and `delete` would then use the
 * old endpoint or timeouts.
 */
export function hasChanges(plan: Plan): boolean {
  return plan.create || plan.changes.length > 0 || plan.replaces.length > 0 || plan.triggersChanged || plan.settingsChanged.length > 0;
}

function names(changes: Change[], plan: Pick<Plan, 'unknown' | 'uncertain'>): string {
  const note = (f: string) =>
    plan.unknown.includes(f) ? ' (known after apply)' : plan.uncertain.includes(f) ? ' (unless it names the running revision)' : '';
  return changes.map((c) => `${c.field}${note(c.field)}`).join(', ');
}

/**
 * The preview's one-line statement of the plan (the `rolloutPlan` derived input). The dynamic
 * host drops detailed diffs, so this is what tells a reviewer whether tasks will be replaced.
 */
export function describePlan(plan: Plan): string {
  const express = plan.kind === 'express-service';
  const notFollowed = plan.notFollowed ? `not followed (${plan.notFollowed})` : '';
  if (plan.create) {
    const what = express ? 'create: new Express service, first service revision deployed' : 'create: new service, first deployment';
    return notFollowed ? `${what}, ${notFollowed}` : `${what}${express ? ' and' : ''} followed to completion`;
  }
  if (plan.forbidden.length) return `refused: ${names(plan.forbidden, plan)}`;
  if (plan.replaces.length) {
    const how = plan.deleteBeforeReplace ? 'delete before replace' : 'create before delete';
    return `replace (${how}): ${plan.replaces.join(', ')}`;
  }
  const parts: string[] = [];
  if (plan.startsDeployment) {
    const causes = names(plan.deployment, plan);
    const forced = [
      ...plan.deployment.filter((c) => c.requiresForceNewDeployment).map((c) => c.field),
      ...(plan.triggersChanged ? ['redeployTriggers'] : []),
    ];
    const fields = [causes, plan.triggersChanged && !causes ? 'redeployTriggers' : ''].filter(Boolean).join(', ');
    // UpdateExpressGatewayService has no forceNewDeployment: every accepted update is a new revision.
    if (express) parts.push(`new service revision (rolling deployment): ${fields}`);
    else parts.push(`new deployment${forced.length ? ' (forceNewDeployment)' : ''}: ${fields}`);
    if (plan.inPlace.length) parts.push(`also in place: ${names(plan.inPlace, plan)}`);
    if (notFollowed) parts.push(notFollowed);
  } else if (plan.inPlace.length) {
    parts.push(`in place, no new ${express ? 'revision' : 'deployment'}: ${names(plan.inPlace, plan)}`);
  }
  const settings = plan.settingsChanged.join(', ');
  if (settings) parts.push(parts.length ? `settings: ${settings}` : `settings only, no AWS call: ${settings}`);
  return parts.length ? parts.join('; ') : 'no change';
}

/** Message for a refused change, naming what to do instead (the classify reason says it). */
export function refusalMessage(plan: Plan, subject: string): string {
  const lines = plan.forbidden.map((c) => `  ${c.field}: ${c.reason}`);
  return `${subject}: the deployment controller does not accept these changes through UpdateService:\n${lines.join('\n')}`;
}
