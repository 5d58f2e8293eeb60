/**
 * The only place that constructs AWS SDK clients.
 *
 * The provider object is serialised into Pulumi state and re-created in the dynamic-provider
 * host, so nothing here may be captured at module load: the SDK module is `require`d inside the
 * function (the serialiser leaves `require` to run in the host) and a client is built per
 * provider call. Credentials come from the host's environment through the SDK's default chain.
 */
import type * as EcsSdk from '@aws-sdk/client-ecs';
import type { ProviderSettings } from '../core/settings';
import { toAwsError } from '../core/errors';
import { maskUnexpected, type Mask } from '../core/mask';

export type Sdk = typeof EcsSdk;

/** Loads `@aws-sdk/client-ecs` from the host's module path at call time. */
export function loadSdk(): Sdk {
  return require('@aws-sdk/client-ecs');
}

/**
 * An ECS client whose retries cover throttling, 5xx and dropped connections: the SDK's
 * `standard` retry mode with exponential back-off and jitter, `maxAttempts` attempts in all.
 */
export function createEcsClient(settings: ProviderSettings): EcsSdk.ECSClient {
  const sdk = loadSdk();
  return new sdk.ECSClient({
    region: settings.region ?? 'us-east-1',
    ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
    maxAttempts: settings.maxAttempts,
    retryMode: 'standard',
  });
}

/** A connected ECS API: the client, the SDK module, and a call wrapper that names failures. */
export interface Ecs {
  sdk: Sdk;
  client: EcsSdk.ECSClient;
  /**
   * Sends one command; SDK errors become `AwsOperationError` naming the operation and `subject`
   * (e.g. "service 'web' in cluster 'prod'").
   */
  call<O>(operation: string, command: unknown, subject: string): Promise<O>;
  destroy(): void;
}

/** `mask` hides sensitive request values that AWS error messages may echo (see core/mask.ts). */
export function connectEcs(settings: ProviderSettings, mask?: (text: string) => string): Ecs {
  const sdk = loadSdk();
  const client = createEcsClient(settings);
  return {
    sdk,
    client,
    async call<O>(operation: string, command: unknown, subject: string): Promise<O> {
      try {
        return (await client.send(command as never)) as O;
      } catch (err) {
        throw toAwsError(err, 'Amazon ECS', operation, subject, mask);
      }
    },
    destroy: () => client.destroy(),
  };
}

/**
 * Runs `fn`, then closes `ecs`. An error `fn` throws that was not masked where it arose (an
 * unexpected one may quote anything) is masked whole; a partial failure keeps its class and id.
 */
export async function usingEcs<T>(ecs: Ecs, mask: Mask, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw maskUnexpected(err, mask);
  } finally {
    ecs.destroy();
  }
}
