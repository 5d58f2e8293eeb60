/**
 * Turns a plan into the UpdateService request (tag calls: core/tags.ts): only the fields that changed,
 * `forceNewDeployment` only when the plan needs it.
 *
 * UpdateService reads an omitted field as "leave unchanged", so a field removed from the
 * definition is sent as the value that means "back to the default" (schemas/plan/unset-values.ts,
 * the table the plan itself consults, so the preview never promises a removal that is not sent).
 */
import type { UpdateServiceRequest } from '@aws-sdk/client-ecs';
import type { Plan } from '../../schemas/plan/plan';
import { unsetValue } from '../../schemas/plan/unset-values';
import type { JsonObject } from './types';

/**
 * Fields that are no UpdateService member: tags go through TagResource / UntagResource; a launch
 * type is reached only by sending an empty capacity provider strategy (schemas/plan/transitions.ts).
 */
const NOT_UPDATE_SERVICE = new Set(['tags', 'launchType']);

/**
 * The UpdateService request for `plan`, or undefined when UpdateService has nothing to do.
 * `definition` is the desired definition as the user wrote it (values are sent as written).
 */
export function buildUpdateRequest(plan: Plan, definition: JsonObject, ref: { cluster: string; service: string }): UpdateServiceRequest | undefined {
  const request: Record<string, unknown> = { cluster: ref.cluster, service: ref.service };
  let fields = 0;
  for (const change of [...plan.deployment, ...plan.inPlace]) {
    if (NOT_UPDATE_SERVICE.has(change.field)) continue;
    const written = definition[change.field];
    const value = written === undefined || written === null ? unsetValue('service', change.field, definition) : written;
    if (value === undefined) continue;
    request[change.field] = value;
    fields++;
  }
  if (plan.forceNewDeployment) request.forceNewDeployment = true;
  return fields > 0 || plan.forceNewDeployment ? (request as unknown as UpdateServiceRequest) : undefined;
}
