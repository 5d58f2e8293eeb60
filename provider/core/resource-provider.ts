/**
 * The dynamic-provider methods shared by every ecsdef resource (ECS services now, Express gateway
 * services next). A resource supplies a `ResourceDriver` (its definition kind, normaliser, state
 * layout and AWS side effects); `check` and `diff` are the same for all of them.
 *
 * Engine contract (dynamic host of @pulumi/pulumi 3.270): `check(oldInputs, newInputs)`,
 * `diff(id, oldOutputs, checkedInputs)`, `update(id, oldOutputs, checkedInputs)`. The host
 * forwards only `changes`, `replaces` and `deleteBeforeReplace` from `diff`, so `check` writes
 * the plan into the derived input `rolloutPlan`, which the preview shows as an input change.
 */
import type * as pulumi from '@pulumi/pulumi';
import { validate, type DeploymentControllerType, type Problem } from '../../schemas';
import { UNKNOWN } from '../../schemas/plan/normalise';
import { parsePointer } from '../../schemas/pointer';
import { resolveSettings } from './settings';
import { PROVIDER_KEY, ROLLOUT_PLAN_KEY, splitBag, unknownPointers, type Bag } from './inputs';
import { masker } from './mask';
import { unwrapSecrets } from './secrets';
import { describePlan, hasChanges, planChange, refusalMessage, type Plan } from '../../schemas/plan/plan';

export interface ResourceDriver {
  /** Definition kind for `validate` and `classify`. */
  kind: 'service' | 'express-service';
  /** Output-only keys (service ARN, rollout state, ...): never part of a definition. */
  outputKeys: readonly string[];
  /** Definition fields that name the resource (a replacement keeping them deletes first). */
  identity: readonly string[];
  normalise(definition: Bag): Bag;
  /** Any stored output bag, of any state version, in the current layout. */
  migrate(outputs: Bag): Bag;
  /**
   * Aligns canonical definitions with what the state knows (e.g. resolved revisions). The third
   * element lists fields whose change cannot be decided without that knowledge (check only sees
   * old inputs, not outputs).
   */
  align(before: Bag, after: Bag, state: Bag | undefined): [Bag, Bag, string[]?];
  controllerOf(canonicalBefore: Bag): DeploymentControllerType;
  /** "service 'web' in cluster 'prod'" — used in messages. */
  subject(definition: Bag): string;
  /**
   * Values of `definition` that may be secrets (the engine sends them in plain text): they are
   * masked in check failures, and the driver masks them in everything else it emits.
   */
  sensitiveValues?(definition: Bag): string[];
  create(inputs: Bag): Promise<{ id: string; outs: Bag }>;
  read(id: string, props: Bag): Promise<{ id?: string; props?: Bag }>;
  update(id: string, state: Bag, inputs: Bag, plan: Plan): Promise<{ outs: Bag }>;
  delete(id: string, state: Bag): Promise<void>;
}

/** The plan from an old bag (inputs or migrated outputs; undefined on create) to new inputs. */
export function planBetween(driver: ResourceDriver, old: Bag | undefined, news: Bag, state?: Bag): Plan {
  const n = splitBag(news, driver.outputKeys);
  const o = old ? splitBag(old, driver.outputKeys) : undefined;
  const after0 = driver.normalise(n.definition);
  if (!o) return planChange({ kind: driver.kind, before: undefined, after: after0, identity: driver.identity });
  const [before, after, uncertain] = driver.align(driver.normalise(o.definition), after0, state);
  return planChange({
    uncertain,
    kind: driver.kind,
    before,
    after,
    controller: driver.controllerOf(before),
    triggers: { before: o.redeployTriggers, after: n.redeployTriggers },
    region: { before: resolveSettings(o.settings).region, after: resolveSettings(n.settings).region },
    identity: driver.identity,
  });
}

/** JSON pointer -> Pulumi property path (`/a/b/0` -> `a.b[0]`). */
export function propertyPath(pointer: string): string {
  return parsePointer(pointer).reduce((path, seg) => (/^\d+$/.test(seg) ? `${path}[${seg}]` : path ? `${path}.${seg}` : seg), '');
}

/** A problem located at or under an unknown value, offering a fix there, or naming its field. */
function aboutUnknown(p: Problem, unknown: string[]): boolean {
  const under = (ptr: string | undefined) => ptr !== undefined && unknown.some((u) => ptr === u || ptr.startsWith(`${u}/`) || u.startsWith(`${ptr}/`) && ptr !== '');
  const fields = unknown.map((u) => u.split('/')[1]).filter(Boolean);
  return under(p.pointer) || under(p.fix?.pointer) || fields.some((f) => p.message.includes(f));
}

const isCreate = (olds: Bag | undefined) => !olds || Object.keys(olds).every((k) => k === PROVIDER_KEY);

/**
 * The provider methods for `driver`. Incoming bags are read without secret wrappers (see
 * core/secrets.ts); `check` hands back the new inputs as it received them, plus the plan.
 */
export function makeProvider(driver: ResourceDriver): pulumi.dynamic.ResourceProvider {
  return {
    async check(olds: Bag, received: Bag) {
      const news = unwrapSecrets(received);
      const { definition } = splitBag(news, driver.outputKeys);
      // Values unknown during preview are validated when they are known (the engine checks
      // again at apply time); problems about them, or rules that read them, are set aside now.
      const unknown = unknownPointers(definition, UNKNOWN);
      const problems = validate(definition, driver.kind).filter((p) => p.severity === 'error' && !aboutUnknown(p, unknown));
      const mask = masker(driver.sensitiveValues?.(definition) ?? []);
      const failures = problems.map((p) => ({ property: propertyPath(p.pointer), reason: mask(`[${p.ruleId}] ${p.message}`) }));
      let rolloutPlan: string;
      try {
        const plan = planBetween(driver, isCreate(olds) ? undefined : unwrapSecrets(olds), news);
        rolloutPlan = describePlan(plan);
        for (const c of plan.forbidden) failures.push({ property: c.field, reason: `[forbidden-change] ${c.reason}` });
      } catch (err) {
        if (failures.length === 0) throw err;
        rolloutPlan = 'unknown: the definition is invalid';
      }
      return { inputs: { ...received, [ROLLOUT_PLAN_KEY]: rolloutPlan }, failures };
    },

    async diff(_id: string, olds: Bag, news: Bag) {
      const state = driver.migrate(unwrapSecrets(olds));
      const plan = planBetween(driver, state, unwrapSecrets(news), state);
      if (plan.forbidden.length) throw new Error(refusalMessage(plan, driver.subject(splitBag(state, driver.outputKeys).definition)));
      return {
        changes: hasChanges(plan),
        replaces: plan.replaces,
        deleteBeforeReplace: plan.deleteBeforeReplace,
      };
    },

    async create(inputs: Bag) {
      return driver.create(unwrapSecrets(inputs));
    },

    async read(id: string, props: Bag) {
      return driver.read(id, driver.migrate(unwrapSecrets(props ?? {})));
    },

    async update(id: string, olds: Bag, received: Bag) {
      const state = driver.migrate(unwrapSecrets(olds));
      const news = unwrapSecrets(received);
      const plan = planBetween(driver, state, news, state);
      if (plan.forbidden.length) throw new Error(refusalMessage(plan, driver.subject(splitBag(state, driver.outputKeys).definition)));
      return driver.update(id, state, news, plan);
    },

    async delete(id: string, props: Bag) {
      return driver.delete(id, driver.migrate(unwrapSecrets(props ?? {})));
    },
  };
}
