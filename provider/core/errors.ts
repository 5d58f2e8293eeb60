/**
 * Errors the provider throws. Two contracts matter to the Pulumi engine:
 *
 * - An error carrying `id` (and `properties`) from `create`/`update` is a partial failure: the
 *   dynamic host packs it as `ErrorResourceInitFailed`, and the engine keeps the resource in
 *   state with those properties. Every failure after the service exists must take this form, or
 *   the service would be orphaned.
 * - Any other error fails the step and leaves the state as it was.
 *
 * Messages name the AWS service, the operation and AWS's own message; they never contain
 * credentials (every message passes through `redact`).
 */

/** Values from the environment that must never appear in a message. */
const SECRET_ENV_KEYS = ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN'];

/** Replaces every credential value found in the environment by `***`. */
export function redact(text: string, env: Record<string, string | undefined> = process.env): string {
  let out = text;
  for (const key of SECRET_ENV_KEYS) {
    const value = env[key];
    if (value && value.length >= 4) out = out.split(value).join('***');
  }
  return out;
}

/** An AWS API call that failed, after the SDK's retries. */
export class AwsOperationError extends Error {
  constructor(
    readonly service: string,
    readonly operation: string,
    readonly awsCode: string,
    readonly awsMessage: string,
    readonly httpStatus: number | undefined,
    readonly subject: string,
    /** Attempts the SDK made (more than one: an earlier attempt may have reached AWS). */
    readonly attempts = 1,
  ) {
    super(
      redact(
        `${service} ${operation} failed${subject ? ` for ${subject}` : ''}: ${awsCode}: ${awsMessage}` +
          (httpStatus ? ` (HTTP ${httpStatus})` : ''),
      ),
    );
    this.name = 'AwsOperationError';
  }
}

/** Shape of the errors thrown by the AWS SDK v3 (only what we read). */
interface SdkErrorLike {
  name?: string;
  code?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number; attempts?: number };
  $fault?: 'client' | 'server';
}

/**
 * Wraps an SDK error (or a network error) into an `AwsOperationError`. `mask` hides values the
 * request carried (AWS messages may echo them; see core/mask.ts).
 */
export function toAwsError(err: unknown, service: string, operation: string, subject = '', mask: (s: string) => string = (s) => s): AwsOperationError {
  if (err instanceof AwsOperationError) return err;
  const e = (err ?? {}) as SdkErrorLike;
  const code = e.name && e.name !== 'Error' ? e.name : e.code ?? 'Error';
  const message = mask((e.message ?? String(err)).split('\n')[0]);
  return new AwsOperationError(service, operation, code, message, e.$metadata?.httpStatusCode, subject, e.$metadata?.attempts ?? 1);
}

/** True for errors a retry may cure: throttling, 5xx, dropped or refused connections. */
export function isTransient(err: unknown): boolean {
  const e = (err ?? {}) as SdkErrorLike & { awsCode?: string; httpStatus?: number };
  const code = e.awsCode ?? e.name ?? e.code ?? '';
  const status = e.httpStatus ?? e.$metadata?.httpStatusCode;
  if (/Throttl|TooManyRequests|RequestLimitExceeded|SlowDown/i.test(code)) return true;
  if (/ECONNRESET|ECONNREFUSED|EPIPE|ETIMEDOUT|socket hang up|TimeoutError|NetworkingError/i.test(code + ' ' + (e.message ?? '')))
    return true;
  return (status !== undefined && status >= 500) || code === 'ServerException' || e.$fault === 'server';
}

/** A failure worded by the provider itself: identifiers, statuses and numbers, no foreign text. */
export class ProviderError extends Error {
  constructor(message: string) {
    super(redact(message));
    this.name = 'ProviderError';
  }
}

/** A create or update that reached AWS but did not finish: the resource stays in state. */
export class PartialFailure extends Error {
  constructor(
    message: string,
    /** The resource id (service ARN) the engine keeps in state. */
    readonly id: string,
    /** The outputs recorded for the resource: what is actually applied. */
    readonly properties: Record<string, unknown>,
    readonly reasons: string[] = [],
  ) {
    super(redact(message));
    this.name = 'PartialFailure';
  }
}

/**
 * An update that reached AWS but left the service different from its new inputs (a deployment
 * rolled back, a tag call failed). It is no partial failure on purpose: the engine then keeps the
 * old inputs and outputs, which still describe the service, so the next preview plans the same
 * changes again and shows them (a partial failure would store the new inputs, and the preview
 * would say "no change" while the update resent them). `message` was masked where it came from.
 */
export class UpdateNotApplied extends Error {
  constructor(message: string) {
    super(redact(`${message} (the state keeps the previous definition: the next \`pulumi up\` plans these changes again)`));
    this.name = 'UpdateNotApplied';
  }
}
