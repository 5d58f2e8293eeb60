/**
 * Following a deployment until it completes, fails, or the time budget runs out.
 *
 * Source of truth, in order:
 * 1. the service deployment (DescribeServiceDeployments) named by the service's
 *    `currentServiceDeployment`, or found with ListServiceDeployments among those created since
 *    the call that started it;
 * 2. when those operations are not available (older endpoints, emulators), the service's own
 *    deployment list: the deployment started by the call (by id), else the PRIMARY one, and its
 *    `rolloutState`.
 * A failed or rolled-back deployment ends the wait with the reason ECS gives (circuit breaker,
 * alarms). Transient errors while polling do not end the wait: the poll backs off and retries
 * until the deadline.
 *
 * Express gateway services (`serviceDeploymentsOnly`): an update names the new service revision,
 * not its deployment, and the deployment may be listed a moment after the call returns. So the
 * deployment whose target is that revision is looked up with ListServiceDeployments on every
 * poll until it appears (never the service's deployment list, which would still show the old
 * revision as complete).
 */
import type {
  Deployment,
  DescribeServiceDeploymentsResponse,
  ListServiceDeploymentsResponse,
  Service,
  ServiceDeployment,
} from '@aws-sdk/client-ecs';
import { isTransient } from '../core/errors';
import type { Ecs } from './client';
import { describeService, subjectOf, type ServiceRef } from './service-api';

export type RolloutState = 'COMPLETED' | 'FAILED' | 'IN_PROGRESS' | 'NOT_FOLLOWED';

export interface Rollout {
  deploymentId?: string;
  serviceDeploymentArn?: string;
  rolloutState: RolloutState;
  rolloutStateReason?: string;
}

export interface FollowOptions {
  ref: ServiceRef;
  /** The service as returned by the call that started the deployment. */
  started: Service;
  /** When that call was sent (deployments created before it are not ours). */
  startedAt: Date;
  timeoutSeconds: number;
  pollIntervalSeconds: number;
  log: (line: string) => void;
  /** How messages name the service (default: `service 'NAME' in cluster 'CLUSTER'`). */
  subject?: string;
  /** The service revision the awaited deployment targets (matched in ListServiceDeployments). */
  revisionArn?: string;
  /** Follow only service deployments; keep looking for one until it is listed or time runs out. */
  serviceDeploymentsOnly?: boolean;
  /** Applied to every reason ECS gives (free text that may quote request values; see core/mask.ts). */
  mask?: (text: string) => string;
}

/** The deployment failed or was rolled back; `rollout` says how. */
export class RolloutFailed extends Error {
  constructor(message: string, readonly rollout: Rollout) {
    super(message);
    this.name = 'RolloutFailed';
  }
}

/** The deployment did not finish within the time budget. */
export class RolloutTimedOut extends Error {
  constructor(message: string, readonly rollout: Rollout) {
    super(message);
    this.name = 'RolloutTimedOut';
  }
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

const FAILED_STATUSES = ['STOPPED', 'STOP_REQUESTED', 'ROLLBACK_REQUESTED', 'ROLLBACK_IN_PROGRESS', 'ROLLBACK_SUCCESSFUL', 'ROLLBACK_FAILED'];

/** Why a service deployment failed, from every field ECS fills for it. */
export function failureReason(d: ServiceDeployment): string {
  const parts = [d.statusReason];
  if (d.rollback?.reason && d.rollback.reason !== d.statusReason) parts.push(`rollback: ${d.rollback.reason}`);
  const cb = d.deploymentCircuitBreaker;
  if (cb?.status === 'TRIGGERED') parts.push(`circuit breaker triggered (${cb.failureCount ?? '?'} failed tasks, threshold ${cb.threshold ?? '?'})`);
  const alarms = d.alarms;
  if (alarms?.status === 'TRIGGERED') parts.push(`alarms triggered: ${(alarms.triggeredAlarmNames ?? []).join(', ') || 'unnamed'}`);
  return parts.filter(Boolean).join('; ') || `deployment ended ${d.status}`;
}

/** The deployment a call started: by id when the response named one, else PRIMARY. */
function ourDeployment(service: Service, id: string | undefined): Deployment | undefined {
  return service.deployments?.find((d) => (id ? d.id === id : d.status === 'PRIMARY'));
}

function progress(d: Deployment | undefined): string {
  if (!d) return '';
  return `, ${d.runningCount ?? 0}/${d.desiredCount ?? 0} running, ${d.pendingCount ?? 0} pending${d.failedTasks ? `, ${d.failedTasks} failed` : ''}`;
}

async function findServiceDeployment(ecs: Ecs, opts: FollowOptions): Promise<string | undefined> {
  if (opts.started.currentServiceDeployment) return opts.started.currentServiceDeployment;
  const after = new Date(opts.startedAt.getTime() - 60_000);
  const out = await ecs.call<ListServiceDeploymentsResponse>(
    'ListServiceDeployments',
    new ecs.sdk.ListServiceDeploymentsCommand({ ...opts.ref, createdAt: { after } }),
    opts.subject ?? subjectOf(opts.ref),
  );
  const listed = (out.serviceDeployments ?? []).filter((d) => !opts.revisionArn || d.targetServiceRevisionArn === opts.revisionArn);
  const newest = listed.sort((a, b) => (b.createdAt?.getTime() ?? 0) - (a.createdAt?.getTime() ?? 0))[0];
  return newest?.serviceDeploymentArn;
}

/**
 * Waits for the deployment started by `opts.started` to complete. Resolves with the completed
 * rollout; rejects with `RolloutFailed`, `RolloutTimedOut`, or a non-transient AWS error.
 */
export async function followDeployment(ecs: Ecs, opts: FollowOptions): Promise<Rollout> {
  const deadline = Date.now() + opts.timeoutSeconds * 1000;
  const label = opts.subject ?? subjectOf(opts.ref);
  const ecsText = opts.mask ?? ((text: string) => text);
  const deploymentId = ourDeployment(opts.started, undefined)?.id;
  let current: Rollout = { deploymentId, rolloutState: 'IN_PROGRESS' };
  let useServiceDeployments = opts.started.deploymentController?.type !== 'EXTERNAL';
  let arn: string | undefined;
  let delay = opts.pollIntervalSeconds * 1000;
  let lastLine = '';
  const say = (line: string) => {
    if (line !== lastLine) opts.log(`${label}: ${line}`);
    lastLine = line;
  };

  for (;;) {
    try {
      if (useServiceDeployments && !arn) {
        try {
          arn = await findServiceDeployment(ecs, opts);
        } catch (err) {
          if (opts.serviceDeploymentsOnly || (isTransient(err) && !/HTTP 50[01]\b/.test(String((err as Error).message)))) throw err;
          say(`service deployments not available (${(err as Error).message}); following the service's deployments instead`);
        }
        if (!arn && opts.serviceDeploymentsOnly) say(`waiting for the deployment${opts.revisionArn ? ` of revision ${opts.revisionArn}` : ''} to be listed`);
        else if (!arn) useServiceDeployments = false;
      }
      if (arn) {
        const out = await ecs.call<DescribeServiceDeploymentsResponse>(
          'DescribeServiceDeployments',
          new ecs.sdk.DescribeServiceDeploymentsCommand({ serviceDeploymentArns: [arn] }),
          label,
        );
        const d = out.serviceDeployments?.[0];
        if (!d) {
          arn = undefined;
          useServiceDeployments = !!opts.serviceDeploymentsOnly;
        } else {
          current = { ...current, serviceDeploymentArn: arn, rolloutState: 'IN_PROGRESS', rolloutStateReason: d.statusReason && ecsText(d.statusReason) };
          const target = d.targetServiceRevision;
          say(`deployment ${d.status}${target ? `, ${target.runningTaskCount ?? 0}/${target.requestedTaskCount ?? 0} running` : ''}`);
          if (d.status === 'SUCCESSFUL') return { ...current, rolloutState: 'COMPLETED' };
          if (FAILED_STATUSES.includes(d.status ?? '')) {
            const failed = { ...current, rolloutState: 'FAILED' as const, rolloutStateReason: ecsText(failureReason(d)) };
            throw new RolloutFailed(`${label}: deployment ${arn} ended ${d.status}: ${failed.rolloutStateReason}`, failed);
          }
        }
      }
      if (!arn && !opts.serviceDeploymentsOnly) {
        const service = await describeService(ecs, opts.ref);
        const d = ourDeployment(service ?? {}, deploymentId);
        const primary = ourDeployment(service ?? {}, undefined);
        if (!d) {
          const reason = `deployment ${deploymentId ?? '?'} is no longer listed; the service now runs ${primary?.id ?? 'no deployment'} (${primary?.taskDefinition ?? '?'}), a rollback or a newer deployment replaced it`;
          throw new RolloutFailed(`${label}: ${reason}`, { ...current, rolloutState: 'FAILED', rolloutStateReason: reason });
        }
        current = { ...current, deploymentId: d.id, rolloutState: d.rolloutState ?? 'IN_PROGRESS', rolloutStateReason: d.rolloutStateReason && ecsText(d.rolloutStateReason) };
        say(`deployment ${d.id} ${d.rolloutState ?? 'without rollout state'}${progress(d)}`);
        if (d.rolloutState === 'COMPLETED') return current;
        if (d.rolloutState === 'FAILED') {
          const events = (service?.events ?? []).slice(0, 3).map((e) => e.message).filter(Boolean);
          const reason = ecsText([d.rolloutStateReason, ...events].filter(Boolean).join('; ') || 'rollout FAILED');
          throw new RolloutFailed(`${label}: deployment ${d.id} failed: ${reason}`, { ...current, rolloutState: 'FAILED', rolloutStateReason: reason });
        }
        // Without a rollout state (classic load balancers), steady state is one deployment at its count.
        if (!d.rolloutState && service?.deployments?.length === 1 && d.runningCount === d.desiredCount && !d.pendingCount)
          return { ...current, rolloutState: 'COMPLETED' };
      }
      delay = opts.pollIntervalSeconds * 1000;
    } catch (err) {
      if (err instanceof RolloutFailed || !isTransient(err)) throw err;
      say(`transient error while polling, retrying: ${(err as Error).message}`);
      delay = Math.min(delay * 2, opts.pollIntervalSeconds * 4000);
    }
    if (Date.now() + delay > deadline) {
      const msg = `${label}: deployment ${current.deploymentId ?? current.serviceDeploymentArn ?? ''} did not complete within ${opts.timeoutSeconds} s (last state ${current.rolloutState}${current.rolloutStateReason ? `: ${current.rolloutStateReason}` : ''})`;
      throw new RolloutTimedOut(msg, current);
    }
    await sleep(delay);
  }
}
