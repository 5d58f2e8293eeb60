/**
 * What UpdateService is sent for a field that the new definition no longer sets.
 *
 * UpdateService reads an omitted member as "leave unchanged", so removing a field from a
 * definition only does something when there is a value that means "back to the default" (the
 * same defaults `normalise.ts` drops). A field without one keeps its running value: removing it is
 * no change, and the plan says so (see plan.ts) instead of promising an update that is never sent.
 *
 * Facts (UpdateService API reference, current text in @aws-sdk/client-ecs): placement
 * constraints, placement strategies, load balancers, service registries and a capacity provider
 * strategy are removed with an empty list; the other values are the documented defaults.
 */
type Bag = Record<string, unknown>;

const SERVICE_UNSET_VALUES: Record<string, (definition: Bag) => unknown> = {
  deploymentConfiguration: (def) =>
    def.schedulingStrategy === 'DAEMON'
      ? { maximumPercent: 100, minimumHealthyPercent: 0, deploymentCircuitBreaker: { enable: false, rollback: false } }
      : { maximumPercent: 200, minimumHealthyPercent: 100, deploymentCircuitBreaker: { enable: false, rollback: false } },
  placementConstraints: () => [],
  placementStrategy: () => [],
  loadBalancers: () => [],
  serviceRegistries: () => [],
  vpcLatticeConfigurations: () => [],
  // "Update the Auto Scaling group or Fargate capacity provider back to the launch type: pass an
  // empty list" (UpdateService, capacityProviderStrategy valid transitions).
  capacityProviderStrategy: () => [],
  healthCheckGracePeriodSeconds: () => 0,
  enableExecuteCommand: () => false,
  enableECSManagedTags: () => false,
  propagateTags: () => 'NONE',
  platformVersion: () => 'LATEST',
  availabilityZoneRebalancing: () => 'ENABLED',
  deploymentController: () => ({ type: 'ECS' }),
  serviceConnectConfiguration: () => ({ enabled: false }),
};

/** Fields applied by other calls than the update request (tags: TagResource / UntagResource). */
const APPLIED_ELSEWHERE = new Set(['tags']);

/**
 * The value that unsets `field` in an UpdateService request for `definition`, or undefined when
 * the request has none (the running value is kept).
 */
export function unsetValue(kind: string, field: string, definition: Bag): unknown {
  return kind === 'service' ? SERVICE_UNSET_VALUES[field]?.(definition) : undefined;
}

/**
 * Whether removing `field` from a definition of `kind` changes anything on the running service.
 * Express definitions mark the members their update cannot unset on the schema
 * (`absentMeansUnchanged`), so only service definitions are decided here.
 */
export function removalApplies(kind: string, field: string): boolean {
  return kind !== 'service' || APPLIED_ELSEWHERE.has(field) || field in SERVICE_UNSET_VALUES;
}
