/**
 * Provider settings: how the provider reaches ECS and how long it waits. They are resource
 * inputs (so they are stored with the resource and used again by `delete`), with environment
 * variables as fallbacks, resolved at run time inside the provider process.
 *
 * Credentials are deliberately not a setting: the AWS SDK reads them from the environment (or
 * the shared config files) of the process running the provider, so they never enter the
 * serialised provider, the inputs or the state.
 */

/** Provider-level inputs accepted by every ecsdef resource. */
export interface SettingsInputs {
  region?: string;
  endpoint?: string;
  waitForDeployment?: boolean;
  timeouts?: { create?: number; update?: number; delete?: number };
  pollIntervalSeconds?: number;
}

/** The names of the settings inputs; they are never part of a definition. */
export const SETTINGS_KEYS = ['region', 'endpoint', 'waitForDeployment', 'timeouts', 'pollIntervalSeconds'] as const;

export interface ProviderSettings {
  region: string | undefined;
  endpoint: string | undefined;
  waitForDeployment: boolean;
  timeoutSeconds: { create: number; update: number; delete: number };
  pollIntervalSeconds: number;
  /** Total attempts per AWS request (the SDK's standard retry mode retries throttling and 5xx). */
  maxAttempts: number;
}

/** Defaults: generous enough for a real rolling deployment behind a load balancer. */
export const DEFAULT_TIMEOUT_SECONDS = { create: 1800, update: 1800, delete: 1200 };
export const DEFAULT_POLL_INTERVAL_SECONDS = 15;
export const DEFAULT_MAX_ATTEMPTS = 8;

type Env = Record<string, string | undefined>;

function positiveNumber(value: unknown): number | undefined {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) && n > 0 ? n : undefined;
}

function flag(value: string | undefined): boolean | undefined {
  if (value === undefined || value === '') return undefined;
  return !/^(0|false|no|off)$/i.test(value.trim());
}

/**
 * Resolves settings: inputs first, then `ECSDEF_*` environment variables, then AWS SDK
 * conventions (`AWS_REGION`, `AWS_DEFAULT_REGION`, `AWS_ENDPOINT_URL_ECS`), then defaults.
 */
export function resolveSettings(inputs: SettingsInputs | undefined, env: Env = process.env): ProviderSettings {
  const i = inputs ?? {};
  const envTimeout = positiveNumber(env.ECSDEF_TIMEOUT_SECONDS);
  return {
    region: i.region || env.ECSDEF_REGION || env.AWS_REGION || env.AWS_DEFAULT_REGION || undefined,
    endpoint: i.endpoint || env.ECSDEF_ENDPOINT || env.AWS_ENDPOINT_URL_ECS || undefined,
    waitForDeployment: i.waitForDeployment ?? flag(env.ECSDEF_WAIT) ?? true,
    timeoutSeconds: {
      create: positiveNumber(i.timeouts?.create) ?? envTimeout ?? DEFAULT_TIMEOUT_SECONDS.create,
      update: positiveNumber(i.timeouts?.update) ?? envTimeout ?? DEFAULT_TIMEOUT_SECONDS.update,
      delete: positiveNumber(i.timeouts?.delete) ?? envTimeout ?? DEFAULT_TIMEOUT_SECONDS.delete,
    },
    pollIntervalSeconds:
      positiveNumber(i.pollIntervalSeconds) ?? positiveNumber(env.ECSDEF_POLL_INTERVAL_SECONDS) ?? DEFAULT_POLL_INTERVAL_SECONDS,
    maxAttempts: positiveNumber(env.ECSDEF_MAX_ATTEMPTS) ?? DEFAULT_MAX_ATTEMPTS,
  };
}
