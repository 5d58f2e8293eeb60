/**
 * The `import` resource option of `EcsService`: `create` adopts an existing service instead of
 * creating one.
 *
 * Why not the engine's own import: it reads the resource before anything else, and the Node
 * dynamic host can only run a provider that arrives with the request (`__provider`), which an
 * import read does not carry. So the resource class turns the option into the `importId` input
 * (core/inputs.ts) and the adoption happens here, with the rule Pulumi applies to imports: the
 * program's definition must describe the service as it runs, or nothing is adopted.
 */
import type { Service } from '@aws-sdk/client-ecs';
import * as api from '../aws/service-api';
import { ProviderError } from '../core/errors';
import type { Bag } from '../core/inputs';
import { controllerOf } from '../../schemas/classify';
import { alignTaskDefinition, normaliseService } from '../../schemas/plan/normalise';
import { planChange } from '../../schemas/plan/plan';
import { isActive, liveDefinition } from './refresh';
import { refOf, type Session } from './session';

/** The service `arn` names, once its definition matches `s.def`; otherwise a clear refusal. */
export async function adoptService(s: Session, arn: string): Promise<Service> {
  const ref = refOf(s.def, arn);
  const subject = api.subjectOf(ref);
  const service = await api.describeService(s.ecs, { cluster: ref.cluster, service: arn });
  if (!isActive(service) || service.serviceArn !== arn) {
    throw new ProviderError(`cannot import ${subject}: ECS has no ACTIVE service ${arn}`);
  }
  const live = await liveDefinition(s, service, s.def);
  const [before, after] = alignTaskDefinition(normaliseService(live), normaliseService(s.def), service.taskDefinition);
  const plan = planChange({ kind: 'service', before, after, controller: controllerOf(before) ?? 'ECS', identity: ['serviceName', 'cluster'] });
  const differing = [...new Set([...plan.changes.map((c) => c.field), ...plan.replaces])];
  if (differing.length) {
    throw new ProviderError(
      `cannot import ${subject}: the program's definition differs from the running service in ${differing.join(', ')}; ` +
        'make the program describe the service as it runs, import it, then change it in a later update',
    );
  }
  return service;
}
