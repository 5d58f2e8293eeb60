/**
 * Editor settings of the `ecsdef` section. They are the editor's counterpart of the CLI's
 * command-line flags: per-rule severities merge over the project config file's (as `--rule`
 * does) and file globs are tried before the config's and the defaults. Nothing here reaches
 * the language service: the server turns the result into plain `DocumentOptions`.
 */
import { isPlainObject as isObject } from '../../schemas/pointer';
import { DEFINITION_KINDS, type DefinitionKind } from '../../schemas/problem';
import type { RuleSetting } from '../service/types';

export interface EcsdefSettings {
  /** Master switch; when false the server publishes no diagnostics and answers nothing. */
  enable: boolean;
  /** Severity per rule id (`ECS201`) or rule name (`launch-type-excludes-...`). */
  rules: Record<string, RuleSetting>;
  /** Extra file-name globs per definition kind, relative to the config file / workspace folder. */
  files: Partial<Record<DefinitionKind, string[]>>;
  /** Debounce in milliseconds between the last edit and validation. */
  validationDelay: number;
  /** Code lenses saying what applying the file would do, against its version at git HEAD. */
  changeLens: { enable: boolean };
}

export type PartialSettings = Partial<EcsdefSettings>;

export const DEFAULT_VALIDATION_DELAY_MS = 150;

export const DEFAULT_SETTINGS: Readonly<EcsdefSettings> = Object.freeze({
  enable: true,
  rules: {},
  files: {},
  validationDelay: DEFAULT_VALIDATION_DELAY_MS,
  changeLens: Object.freeze({ enable: true }),
});

const SEVERITIES = new Set(['off', 'error', 'warning', 'info']);
const KINDS = new Set<string>(DEFINITION_KINDS);

/**
 * Reads whatever a client sends (VS Code settings object, Neovim `settings` table,
 * initializationOptions) defensively: unknown keys and wrong types are ignored, never thrown.
 * Accepts both `{ validation: { delay } }` (VS Code nesting) and a flat `validationDelay`;
 * `ecsdef.changeLens.enable` arrives nested (`{ changeLens: { enable } }`) from every client.
 */
export function readSettings(raw: unknown): PartialSettings {
  if (!isObject(raw)) return {};
  const out: PartialSettings = {};
  if (typeof raw.enable === 'boolean') out.enable = raw.enable;
  if (isObject(raw.rules)) {
    const rules: Record<string, RuleSetting> = {};
    for (const [key, value] of Object.entries(raw.rules)) {
      if (typeof value === 'string' && SEVERITIES.has(value)) rules[key] = value as RuleSetting;
    }
    out.rules = rules;
  }
  if (isObject(raw.files)) {
    const files: Partial<Record<DefinitionKind, string[]>> = {};
    for (const [kind, globs] of Object.entries(raw.files)) {
      if (!KINDS.has(kind)) continue;
      const list = typeof globs === 'string' ? [globs] : Array.isArray(globs) ? globs : [];
      const valid = list.filter((g): g is string => typeof g === 'string' && g !== '');
      if (valid.length) files[kind as DefinitionKind] = valid;
    }
    out.files = files;
  }
  const delay = isObject(raw.validation) ? raw.validation.delay : raw.validationDelay;
  if (typeof delay === 'number' && Number.isFinite(delay) && delay >= 0) out.validationDelay = delay;
  if (isObject(raw.changeLens) && typeof raw.changeLens.enable === 'boolean') out.changeLens = { enable: raw.changeLens.enable };
  return out;
}

/** Merges layers, later ones winning; `rules` and `files` merge per key. */
export function mergeSettings(...layers: PartialSettings[]): EcsdefSettings {
  const result: EcsdefSettings = { ...DEFAULT_SETTINGS, rules: {}, files: {} };
  for (const layer of layers) {
    if (layer.enable !== undefined) result.enable = layer.enable;
    if (layer.validationDelay !== undefined) result.validationDelay = layer.validationDelay;
    if (layer.changeLens !== undefined) result.changeLens = layer.changeLens;
    if (layer.rules) Object.assign(result.rules, layer.rules);
    if (layer.files) Object.assign(result.files, layer.files);
  }
  return result;
}
