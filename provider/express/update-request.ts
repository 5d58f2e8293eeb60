/**
 * Turns a plan into the UpdateExpressGatewayService request: only the fields that changed.
 *
 * The update reads an omitted member as "keep the running value". A field removed from the
 * definition is therefore sent as its documented default when it has one (cpu, memory, health
 * check path, CPU architecture); fields without one are classed `absentMeansUnchanged` on the
 * schema, so their removal never reaches this module. With a `taskDefinitionArn` the fields the
 * task definition supplies are never sent (the API refuses them together).
 *
 * A changed `redeployTriggers` with nothing else to send sends the container (or the task
 * definition) as it is: every accepted update makes a new service revision, which pulls the
 * image again.
 */
import type { UpdateExpressGatewayServiceRequest } from '@aws-sdk/client-ecs';
import { EXPRESS_DEFAULTS } from '../../schemas/plan/normalise-express';
import type { Plan } from '../../schemas/plan/plan';
import { OWNED_BY_TASK_DEFINITION, type JsonObject } from './types';

/** Fields applied by other calls than UpdateExpressGatewayService. */
const NOT_UPDATE = new Set(['tags']);
const OWNED = new Set<string>(OWNED_BY_TASK_DEFINITION);

/**
 * The request for `plan`, or undefined when UpdateExpressGatewayService has nothing to do.
 * `definition` is the desired definition as the user wrote it (values are sent as written).
 */
export function buildExpressUpdateRequest(plan: Plan, definition: JsonObject, serviceArn: string): UpdateExpressGatewayServiceRequest | undefined {
  const request: Record<string, unknown> = { serviceArn };
  const ownTaskDefinition = definition.taskDefinitionArn !== undefined && definition.taskDefinitionArn !== null;
  let fields = 0;
  for (const change of [...plan.deployment, ...plan.inPlace]) {
    if (NOT_UPDATE.has(change.field) || (ownTaskDefinition && OWNED.has(change.field))) continue;
    const written = definition[change.field];
    const value = written === undefined || written === null ? EXPRESS_DEFAULTS[change.field as keyof typeof EXPRESS_DEFAULTS] : written;
    if (value === undefined) continue;
    request[change.field] = value;
    fields++;
  }
  if (fields === 0 && plan.triggersChanged) {
    const field = ownTaskDefinition ? 'taskDefinitionArn' : 'primaryContainer';
    if (definition[field] !== undefined) {
      request[field] = definition[field];
      fields++;
    }
  }
  return fields > 0 ? (request as unknown as UpdateExpressGatewayServiceRequest) : undefined;
}
