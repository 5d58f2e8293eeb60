/**
 * What a resource's property bag holds, and how to take it apart.
 *
 * Inputs (after `check`) and outputs share one flat namespace, as Pulumi users expect
 * (`service.desiredCount`, `service.serviceArn`):
 *   definition fields | settings | `redeployTriggers` | derived `rolloutPlan` |
 *   resource-class inputs (`secretFields`, `importId`) | output-only fields
 * The definition is everything that is not one of the other groups, so an unknown key in a
 * definition still reaches the validator (and is reported) instead of being dropped silently.
 */
import { joinPointer, setOwn } from '../../schemas/pointer';
import { SETTINGS_KEYS, type SettingsInputs } from './settings';

export type Bag = Record<string, unknown>;

/** Reserved by the dynamic host: the serialised provider. */
export const PROVIDER_KEY = '__provider';
/** Derived input written by `check`: the preview's statement of what an update will do. */
export const ROLLOUT_PLAN_KEY = 'rolloutPlan';
/** Any value; a change forces a new deployment (e.g. an image digest behind a mutable tag). */
export const TRIGGERS_KEY = 'redeployTriggers';
/** State layout version written into every output bag. */
export const STATE_VERSION_KEY = 'ecsdefStateVersion';
/**
 * Written by the resource class: the top-level arguments whose values are Pulumi secrets. The
 * engine strips secrets before the provider sees them, so this list is how the provider knows
 * which values to mask in foreign text (core/mask.ts). Names only, never values.
 */
export const SECRET_FIELDS_KEY = 'secretFields';
/**
 * Written by the resource class from the `import` resource option (which the Node dynamic host
 * cannot serve: its `read` gets no serialised provider): the ARN of an existing service that
 * `create` adopts instead of creating one.
 */
export const IMPORT_KEY = 'importId';

export interface SplitBag {
  definition: Bag;
  settings: SettingsInputs;
  redeployTriggers: unknown;
}

/** Splits a bag; `outputKeys` are the resource's output-only fields (ignored here). */
export function splitBag(bag: Bag | undefined, outputKeys: readonly string[]): SplitBag {
  const definition: Bag = {};
  const settings: Record<string, unknown> = {};
  const skip = new Set<string>([PROVIDER_KEY, ROLLOUT_PLAN_KEY, TRIGGERS_KEY, STATE_VERSION_KEY, SECRET_FIELDS_KEY, IMPORT_KEY, ...outputKeys]);
  const settingKeys = new Set<string>(SETTINGS_KEYS);
  for (const [k, v] of Object.entries(bag ?? {})) {
    if (settingKeys.has(k)) settings[k] = v;
    else if (!skip.has(k)) setOwn(definition, k, v);
  }
  return { definition, settings: settings as SettingsInputs, redeployTriggers: bag?.[TRIGGERS_KEY] };
}

/**
 * The inputs kept in outputs: everything but the serialised provider (the host adds it back).
 * `rolloutPlan` stays: after `up` it is the plan that was executed, as the program exports it.
 */
export function appliedInputs(bag: Bag): Bag {
  const out: Bag = {};
  for (const [k, v] of Object.entries(bag)) if (k !== PROVIDER_KEY) setOwn(out, k, v);
  return out;
}

/**
 * The inputs that describe `outputs` (what `read` hands back so that the engine's old inputs match
 * the refreshed state): the outputs without the output-only fields and the state version.
 */
export function inputsOf(outputs: Bag, outputKeys: readonly string[]): Bag {
  const skip = new Set<string>([PROVIDER_KEY, STATE_VERSION_KEY, ...outputKeys]);
  return Object.fromEntries(Object.entries(outputs).filter(([k]) => !skip.has(k))); // own keys, __proto__ too
}

/** RFC 6901 pointers of the values Pulumi does not know yet (preview), found recursively. */
export function unknownPointers(value: unknown, unknown: string, pointer = ''): string[] {
  if (value === unknown) return [pointer];
  if (Array.isArray(value)) return value.flatMap((v, i) => unknownPointers(v, unknown, pointer + joinPointer(i)));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => unknownPointers(v, unknown, pointer + joinPointer(k)));
  return [];
}
