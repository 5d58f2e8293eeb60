/**
 * What a create or update that reached AWS leaves in state when it does not finish: a partial
 * failure carrying the resource id and the outputs that are actually applied. Shared by every
 * driver that follows deployments.
 */
import { PartialFailure } from '../core/errors';
import type { Bag } from '../core/inputs';
import type { Plan } from '../../schemas/plan/plan';
import { RolloutFailed, RolloutTimedOut, type Rollout } from './deployment-wait';

/** A failure after the resource exists, as a partial failure: the resource stays in state. */
export function partial(err: unknown, id: string, outs: (rollout: Rollout | undefined) => Bag): PartialFailure {
  const rollout = err instanceof RolloutFailed || err instanceof RolloutTimedOut ? err.rollout : undefined;
  const message = err instanceof Error ? err.message : String(err);
  return new PartialFailure(message, id, outs(rollout), [message]);
}

/** The last rollout recorded in `state` did not complete (an update with no changes resumes following it). */
export function rolloutUnfinished(state: Bag): boolean {
  return state.rolloutState !== undefined && !['COMPLETED', 'NOT_FOLLOWED'].includes(state.rolloutState as string);
}

/**
 * The inputs to record after a rolled-back deployment: fields that started it go back to their
 * old values (the service runs those again), so the next `pulumi up` tries the change again.
 */
export function afterRollback(news: Bag, state: Bag, plan: Plan): Bag {
  const out = { ...news };
  for (const c of plan.deployment) {
    if (state[c.field] === undefined) delete out[c.field];
    else out[c.field] = state[c.field];
  }
  return out;
}
