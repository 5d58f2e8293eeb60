/**
 * Turns a plan into the UpdateService request (tag calls: core/tags.ts): only the fields that changed,
 * `forceNewDeployment` only when the plan needs it.
 *
 * UpdateService reads an omitted field as "leave unchanged", so a field removed from the
 * definition is sent as the value that means "back to the default" (the same defaults the
 * normaliser drops). Fields with no such value are left as they are.
 */
import type { UpdateServiceRequest } from '@aws-sdk/client-ecs';
import type { Plan } from '../../schemas/plan/plan';
import type { JsonObject } from './types';

const RESET: Record<string, (def: JsonObject) => unknown> = {
  deploymentConfiguration: (def) =>
    def.schedulingStrategy === 'DAEMON'
      ? { maximumPercent: 100, minimumHealthyPercent: 0, deploymentCircuitBreaker: { enable: false, rollback: false } }
      : { maximumPercent: 200, minimumHealthyPercent: 100, deploymentCircuitBreaker: { enable: false, rollback: false } },
  placementConstraints: () => [],
  placementStrategy: () => [],
  loadBalancers: () => [],
  serviceRegistries: () => [],
  vpcLatticeConfigurations: () => [],
  healthCheckGracePeriodSeconds: () => 0,
  enableExecuteCommand: () => false,
  enableECSManagedTags: () => false,
  propagateTags: () => 'NONE',
  platformVersion: () => 'LATEST',
  availabilityZoneRebalancing: () => 'ENABLED',
  deploymentController: () => ({ type: 'ECS' }),
  serviceConnectConfiguration: () => ({ enabled: false }),
};

/** Fields applied by other calls than UpdateService. */
const NOT_UPDATE_SERVICE = new Set(['tags']);

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
    const value = written === undefined || written === null ? RESET[change.field]?.(definition) : written;
    if (value === undefined) continue;
    request[change.field] = value;
    fields++;
  }
  if (plan.forceNewDeployment) request.forceNewDeployment = true;
  return fields > 0 || plan.forceNewDeployment ? (request as unknown as UpdateServiceRequest) : undefined;
}
