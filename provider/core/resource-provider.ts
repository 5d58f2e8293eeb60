/**
 * The dynamic-provider methods shared by every ecsdef resource (ECS services now, Express gateway
 * services next). A resource supplies a `ResourceDriver` (its definition kind, normaliser, state
 * layout and AWS side effects); `check` and `diff` are the same for all of them.
 *
 * Engine contract (dynamic host of @pulumi/pulumi >= 3.216): `check(oldInputs, newInputs)`,
 * `diff(id, oldOutputs, checkedInputs)`, `update(id, oldOutputs, checkedInputs)`,
 * `read(id, oldOutputs)` whose `inputs` replace the engine's old inputs. The host forwards only
 * `changes`, `replaces` and `deleteBeforeReplace` from `diff`, so `check` writes the plan into the
 * derived input `rolloutPlan`, which the preview shows as an input change.
 *
 * One comparison: `check` plans from the old inputs, `diff` and `update` from the old outputs. The
 * plans agree because the definition kept in the outputs is always the engine's old inputs:
 * outputs hold the inputs as applied; `read` returns inputs that describe the refreshed outputs;
 * an update that leaves the service different from its new inputs (a rollback, a failed tag
 * call) fails without a partial result, so the engine keeps the old inputs and outputs, which
 * still describe the service (see service/driver.ts). `diff` only adds what the state knows and
 * check cannot (the revision a family name resolved to), and the plan says where that may matter.
 */
import type * as pulumi from '@pulumi/pulumi';
import { validate, type DeploymentControllerType, type Problem } from '../../schemas';
import { stableJson, UNKNOWN } from '../../schemas/plan/normalise';
import { parsePointer } from '../../schemas/pointer';
import { resolveSettings, SETTINGS_KEYS, type SettingsInputs } from './settings';
import { IMPORT_KEY, inputsOf, PROVIDER_KEY, ROLLOUT_PLAN_KEY, splitBag, unknownPointers, type Bag } from './inputs';
import { masker, secretFieldValues } from './mask';
import { rememberReplacement, takeReplacement } from './replacement-memo';
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
   * Values of a bag that may be secrets whether or not the program marked them (the engine sends
   * them in plain text): they are masked in check failures, and the driver masks them in
   * everything else it emits. Values of the arguments marked secret (`secretFields`) are masked
   * for every driver.
   */
  sensitiveValues?(bag: Bag): string[];
  create(inputs: Bag): Promise<{ id: string; outs: Bag }>;
  read(id: string, props: Bag): Promise<{ id?: string; props?: Bag }>;
  update(id: string, state: Bag, inputs: Bag, plan: Plan): Promise<{ outs: Bag }>;
  delete(id: string, state: Bag): Promise<void>;
}

/** Settings (not the region, which replaces) whose stored value changes. */
function changedSettings(before: SettingsInputs, after: SettingsInputs): string[] {
  return SETTINGS_KEYS.filter((k) => k !== 'region' && stableJson(before[k]) !== stableJson(after[k]));
}

/** Why the deployments of a plan are not followed, when they are not (see follow() in the drivers). */
function notFollowed(driver: ResourceDriver, settings: SettingsInputs, controller: DeploymentControllerType): string | undefined {
  if (!resolveSettings(settings).waitForDeployment) return 'waitForDeployment is off';
  if (driver.kind === 'service' && controller !== 'ECS') return `the ${controller} controller's deployments are not followed`;
  return undefined;
}

/** The plan from an old bag (inputs or migrated outputs; undefined on create) to new inputs. */
export function planBetween(driver: ResourceDriver, old: Bag | undefined, news: Bag, state?: Bag): Plan {
  const n = splitBag(news, driver.outputKeys);
  const o = old ? splitBag(old, driver.outputKeys) : undefined;
  const after0 = driver.normalise(n.definition);
  if (!o) return planChange({ kind: driver.kind, before: undefined, after: after0, identity: driver.identity, notFollowed: notFollowed(driver, n.settings, driver.controllerOf(after0)) });
  const [before, after, uncertain] = driver.align(driver.normalise(o.definition), after0, state);
  const controller = driver.controllerOf(before);
  return planChange({
    uncertain,
    kind: driver.kind,
    before,
    after,
    controller,
    triggers: { before: o.redeployTriggers, after: n.redeployTriggers },
    region: { before: resolveSettings(o.settings).region, after: resolveSettings(n.settings).region },
    identity: driver.identity,
    settingsChanged: changedSettings(o.settings, n.settings),
    notFollowed: notFollowed(driver, n.settings, controller),
  });
}

/**
 * What names the resource a bag describes (its identity fields, region and endpoint), or the
 * whole bag when a name is not known: the key of a remembered replacement statement.
 */
function replacementKey(driver: ResourceDriver, news: Bag): string {
  const { definition, settings } = splitBag(news, driver.outputKeys);
  const canonical = driver.normalise(definition);
  const identity = driver.identity.map((f) => canonical[f]);
  const known = identity.every((v) => typeof v === 'string' && v !== UNKNOWN);
  const where = resolveSettings(settings);
  return known ? stableJson([driver.kind, ...identity, where.region, where.endpoint]) : stableJson({ ...news, [PROVIDER_KEY]: undefined, [ROLLOUT_PLAN_KEY]: undefined });
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
      const mask = masker([...(driver.sensitiveValues?.(news) ?? []), ...secretFieldValues(news)]);
      const failures = problems.map((p) => ({ property: propertyPath(p.pointer), reason: mask(`[${p.ruleId}] ${p.message}`) }));
      let rolloutPlan: string;
      try {
        const creating = isCreate(olds);
        const plan = planBetween(driver, creating ? undefined : unwrapSecrets(olds), news);
        rolloutPlan = describePlan(plan);
        // A replacement is checked again without olds (see replacement-memo.ts).
        if (plan.replaces.length) rememberReplacement(replacementKey(driver, news), rolloutPlan);
        else if (creating) rolloutPlan = takeReplacement(replacementKey(driver, news)) ?? rolloutPlan;
        const importId = news[IMPORT_KEY];
        if (creating && typeof importId === 'string' && importId) rolloutPlan = `import: adopt the existing service ${importId} (fails, creating nothing, if it differs from the definition)`;
        // As Pulumi refuses for its own imports: the replacement would adopt the old service again.
        if (!creating && importId && plan.replaces.length) {
          failures.push({ property: IMPORT_KEY, reason: `[import-then-replace] remove the import resource option before a change that replaces the service (${plan.replaces.join(', ')})` });
        }
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

    // The inputs returned make the engine's old inputs describe the refreshed service, so the
    // next check plans from what runs (ignoreChanges then copies refreshed values, e.g. an
    // autoscaled desiredCount). A resource that is gone returns no inputs.
    async read(id: string, props: Bag) {
      const result = await driver.read(id, driver.migrate(unwrapSecrets(props ?? {})));
      return result.id && result.props ? { ...result, inputs: inputsOf(result.props, driver.outputKeys) } : result;
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
