/**
 * Pulumi's wire form of a secret inside a property bag: `{ [SIG_KEY]: SECRET_SIG, value }`
 * (`specialSigKey` / `specialSecretSig` of `@pulumi/pulumi/runtime/rpc`).
 *
 * The engine unmarshals a provider's outputs keeping secrets, so an output written in this form
 * is stored encrypted. The Node dynamic host declares that it does not accept secrets, so the
 * engine sends inputs and old outputs in plain text; bags that still carry wrappers (a future
 * host, in-process callers passing outputs back) are unwrapped before anything reads them.
 */
import { isPlainObject as isRecord } from '../../schemas/pointer';

const SIG_KEY = '4dabf18193072939515e22adb298388d';
const SECRET_SIG = '1b47061264138c4ac30d75fd1eb44270';

export const asSecret = (value: unknown): Record<string, unknown> => ({ [SIG_KEY]: SECRET_SIG, value });

export const isSecret = (value: unknown): value is { value: unknown } => isRecord(value) && value[SIG_KEY] === SECRET_SIG;

/** `value` with every secret wrapper replaced by what it wraps (a copy; the input is untouched). */
export function unwrapSecrets<T>(value: T): T {
  if (isSecret(value)) return unwrapSecrets(value.value) as T;
  if (Array.isArray(value)) return value.map(unwrapSecrets) as T;
  if (isRecord(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, unwrapSecrets(v)])) as T;
  return value;
}
