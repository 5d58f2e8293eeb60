/**
 * Masking of sensitive definition values in text that the provider passes on from elsewhere:
 * AWS error messages, ECS deployment and status reasons (kept in outputs too), validation
 * messages, and unexpected errors.
 *
 * Why the provider masks by value: the Node dynamic host tells the engine it does not accept
 * secrets, so the engine sends every input in plain text and the provider cannot tell which
 * values were Pulumi secrets. The engine keeps secretness for outputs stored under the same
 * key as a secret input; any other text (an AWS error message echoing an environment value, a
 * deployment reason) would reach logs and state in the clear. So every value of a field that may
 * hold a secret is masked wherever foreign text could quote it, whether or not the user marked
 * it secret.
 *
 * The provider's own wording (service name, cluster, ARNs, statuses, field names) is never
 * masked: a common environment value such as `prod` would otherwise erase the cluster name from
 * every message while hiding nothing.
 *
 * Values shorter than `MIN_MASKED_LENGTH` are left alone: masking every "1" or "on" would
 * destroy the messages without protecting anything a reader could not guess.
 */
import { redact } from './errors';
import { SECRET_FIELDS_KEY } from './inputs';

export const MIN_MASKED_LENGTH = 4;
const MASK = '***';

/** Replaces every occurrence of each value (longest first) and of the AWS credentials by `***`. */
export type Mask = (text: string) => string;

export function masker(values: Iterable<unknown>): Mask {
  const secrets = [...new Set([...values].filter((v): v is string => typeof v === 'string' && v.length >= MIN_MASKED_LENGTH))].sort(
    (a, b) => b.length - a.length,
  );
  return (text: string) => {
    let out = redact(text);
    for (const s of secrets) out = out.split(s).join(MASK);
    return out;
  };
}

/** A mask that only redacts credentials (what every provider message gets). */
export const noSecrets: Mask = masker([]);

/** Masks an error's message and stack in place and returns it (its class and fields survive). */
export function maskError<E>(err: E, mask: Mask): E {
  if (!(err instanceof Error)) return new Error(mask(String(err))) as unknown as E;
  err.message = mask(err.message);
  if (err.stack) err.stack = mask(err.stack);
  return err;
}

/** Every string inside `value` (object members and list items, at any depth). */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

/**
 * The values of the arguments the program gave as Pulumi secrets (named by the resource class in
 * `secretFields`, see core/inputs.ts): every string inside them may be echoed by AWS.
 */
export function secretFieldValues(bag: Record<string, unknown> | undefined): string[] {
  const names = bag?.[SECRET_FIELDS_KEY];
  return Array.isArray(names) ? names.filter((n): n is string => typeof n === 'string').flatMap((n) => strings(bag?.[n])) : [];
}

/**
 * Errors whose foreign text was masked where it entered (AWS messages, ECS reasons), known by
 * name: the serialised provider captures module-level values by copy, so `instanceof` against a
 * class held in a list would fail in the host.
 */
const MASKED_AT_SOURCE = ['AwsOperationError', 'RolloutFailed', 'RolloutTimedOut', 'PartialFailure', 'ProviderError', 'UpdateNotApplied'];

/** `err` itself when its text was masked at the source; any other error may quote anything and is masked whole. */
export function maskUnexpected<E>(err: E, mask: Mask): E {
  return err instanceof Error && MASKED_AT_SOURCE.includes(err.name) ? err : maskError(err, mask);
}
