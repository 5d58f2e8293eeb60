/**
 * `read` of an EcsService: what the service runs now, as a definition, in the layout of the state.
 *
 * With a definition in the state (refresh), the live definition is reconciled with it: values ECS
 * chose for fields the definition leaves unset are no drift, and equal values keep the
 * definition's spelling. Without one (`EcsService.get`, an import) everything the service reports
 * is kept. A service or cluster that no longer exists, or an INACTIVE service, is gone.
 */
import type { Service } from '@aws-sdk/client-ecs';
import { usingEcs } from '../aws/client';
import type { Rollout } from '../aws/deployment-wait';
import * as api from '../aws/service-api';
import type { Bag } from '../core/inputs';
import { progressLog } from '../core/progress';
import { definitionFromLive, reconcileWithDesired, REVISION_ONLY_FIELDS } from './live';
import { openSession, refOf, type Session } from './session';
import { serviceOutputs } from './state';

// A function declaration, not an exported arrow: tsc compiles a use of an exported `const` as
// `exports.isActive`, and `readService` is serialised by value (through the driver object), where
// `exports` is not this module's.
export function isActive(s: Service | undefined): s is Service {
  return !!s && s.status !== 'INACTIVE';
}

/** The definition `service` runs, reconciled with `desired` when there is one. */
export async function liveDefinition(s: Session, service: Service, desired: Bag | undefined): Promise<Bag> {
  const revision = await api.describeCurrentRevision(s.ecs, service, progressLog());
  const live = definitionFromLive(service, revision);
  return desired ? reconcileWithDesired(live, desired, revision ? [] : REVISION_ONLY_FIELDS) : live;
}

export async function readService(id: string, state: Bag): Promise<{ id?: string; props?: Bag }> {
  const s = openSession(state);
  return usingEcs(s.ecs, s.mask, async () => {
    const service = await api.describeService(s.ecs, refOf(s.def, id));
    if (!isActive(service)) return { id: '', props: {} };
    const known = Object.keys(s.def).length > 0;
    const live = await liveDefinition(s, service, known ? s.def : undefined);
    const kept: Bag = {};
    for (const [k, v] of Object.entries(state)) if (!(k in s.def)) kept[k] = v; // settings, triggers, outputs
    const rollout: Rollout | undefined = state.rolloutState ? (state as unknown as Rollout) : undefined;
    return { id: service.serviceArn ?? id, props: serviceOutputs({ ...kept, ...live }, service, rollout) };
  });
}
