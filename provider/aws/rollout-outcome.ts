/**
 * What a create or update that reached AWS leaves in state when it does not finish. Shared by
 * every driver that follows deployments.
 *
 * - The service runs what the new inputs say but its rollout has not finished (a timeout, a poll
 *   that failed for good): a partial failure carrying the resource id and those outputs, so the
 *   engine keeps the resource, and the next update resumes following the rollout.
 * - The service does not run what the new inputs say (the deployment rolled back, a tag call
 *   failed): the update fails without a partial result (`UpdateNotApplied`), so the engine keeps
 *   the old inputs and outputs, which still describe the service, and the next preview shows the
 *   same changes again. A create has no old state to keep: it always records a partial failure.
 */
import { PartialFailure, UpdateNotApplied } from '../core/errors';
import type { Bag } from '../core/inputs';
import { RolloutFailed, RolloutTimedOut, type Rollout } from './deployment-wait';

/** A failure after the resource exists, as a partial failure: the resource stays in state. */
export function partial(err: unknown, id: string, outs: (rollout: Rollout | undefined) => Bag): PartialFailure {
  const rollout = err instanceof RolloutFailed || err instanceof RolloutTimedOut ? err.rollout : undefined;
  const message = err instanceof Error ? err.message : String(err);
  return new PartialFailure(message, id, outs(rollout), [message]);
}

/** An update failure after which the service does not run the new inputs (see the module comment). */
export function notApplied(err: unknown): UpdateNotApplied {
  return new UpdateNotApplied(err instanceof Error ? err.message : String(err));
}

/** A failure while following an update's rollout: rolled back means not applied, anything else is partial. */
export function afterUpdateFailure(err: unknown, id: string, outs: (rollout: Rollout | undefined) => Bag): Error {
  return err instanceof RolloutFailed ? notApplied(err) : partial(err, id, outs);
}

/** The last rollout recorded in `state` did not complete (an update with no changes resumes following it). */
export function rolloutUnfinished(state: Bag): boolean {
  return state.rolloutState !== undefined && !['COMPLETED', 'NOT_FOLLOWED'].includes(state.rolloutState as string);
}
