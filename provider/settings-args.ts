/**
 * Provider settings accepted by every ecsdef resource, as Pulumi inputs. They are stored with the
 * resource (so `delete` uses them again) and resolved at run time inside the provider process;
 * credentials are never among them (see core/settings.ts).
 */
import type * as pulumi from '@pulumi/pulumi';

/** `T` with Pulumi inputs accepted at every level (objects, arrays and leaves). */
export type DeepInput<T> = T extends (infer U)[]
  ? pulumi.Input<DeepInput<U>[]>
  : T extends object
    ? pulumi.Input<{ [K in keyof T]: DeepInput<T[K]> }>
    : pulumi.Input<T>;

export interface ProviderSettingsArgs {
  /** AWS region; defaults to `AWS_REGION` / `AWS_DEFAULT_REGION` of the process running the provider. Changing it replaces the service. */
  region?: pulumi.Input<string>;
  /** ECS endpoint URL (for tests and private endpoints); defaults to `ECSDEF_ENDPOINT` or `AWS_ENDPOINT_URL_ECS`. */
  endpoint?: pulumi.Input<string>;
  /** Follow deployments until they complete (default true; `ECSDEF_WAIT=false` turns it off). */
  waitForDeployment?: pulumi.Input<boolean>;
  /** Time budgets in seconds for create (deployment included), update and delete; `ECSDEF_TIMEOUT_SECONDS` sets all three. */
  timeouts?: pulumi.Input<{ create?: pulumi.Input<number>; update?: pulumi.Input<number>; delete?: pulumi.Input<number> }>;
  /** Seconds between status polls while waiting (default 15; `ECSDEF_POLL_INTERVAL_SECONDS`). */
  pollIntervalSeconds?: pulumi.Input<number>;
}
