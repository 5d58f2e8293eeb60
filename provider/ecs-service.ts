/**
 * `EcsService`: an Amazon ECS service managed through a Pulumi dynamic provider whose previews
 * say, for every update, whether it is applied in place, starts a new deployment (and why),
 * replaces the service, or is refused for the service's deployment controller.
 */
import * as pulumi from '@pulumi/pulumi';
import { makeProvider } from './core/resource-provider';
import type { EcsServiceArgs } from './ecs-service-args';
import { registration } from './registration';
import { serviceDriver } from './service/driver';
import { SERVICE_OUTPUT_KEYS } from './service/state';

/**
 * The provider object serialised into state. It holds no client and no credentials: the
 * methods build SDK clients from the host's environment when they run.
 */
export const ecsServiceProvider: pulumi.dynamic.ResourceProvider = makeProvider(serviceDriver);

export class EcsService extends pulumi.dynamic.Resource {
  // `declare`: with ES2022 class fields, a plain field would overwrite the outputs that the
  // base constructor registers.
  /** ARN of the service; also the resource id. */
  declare public readonly serviceArn: pulumi.Output<string>;
  /** ARN of the cluster the service runs in. */
  declare public readonly clusterArn: pulumi.Output<string>;
  /** Task definition revision (ARN) the service runs. */
  declare public readonly taskDefinitionArn: pulumi.Output<string>;
  /** ECS service status (`ACTIVE`, `DRAINING`, `INACTIVE`). */
  declare public readonly status: pulumi.Output<string>;
  /** Id of the last deployment followed (`ecs-svc/...`). */
  declare public readonly deploymentId: pulumi.Output<string | undefined>;
  /** ARN of the last service deployment followed, when ECS reports one. */
  declare public readonly serviceDeploymentArn: pulumi.Output<string | undefined>;
  /** `COMPLETED`, `FAILED`, `IN_PROGRESS` or `NOT_FOLLOWED` (waiting off, a non-ECS controller, an imported service). */
  declare public readonly rolloutState: pulumi.Output<string | undefined>;
  /** Why the rollout is in its state (ECS's reason, e.g. the circuit breaker's). */
  declare public readonly rolloutStateReason: pulumi.Output<string | undefined>;
  /** What the last planned update does: in place, new deployment (and the fields that cause it), replace. */
  declare public readonly rolloutPlan: pulumi.Output<string>;

  /**
   * `opts.import` (the ARN of an existing service) adopts that service on the first `up`
   * instead of creating one; the definition must describe it as it runs.
   */
  constructor(name: string, args: EcsServiceArgs, opts?: pulumi.CustomResourceOptions) {
    const r = registration('EcsService', args as Record<string, unknown>, [...SERVICE_OUTPUT_KEYS, 'rolloutPlan'], opts, true);
    super(ecsServiceProvider, name, r.props, r.opts, 'ecsdef', 'EcsService');
  }

  /**
   * The existing service `id` (its ARN) as a read-only resource: every field ECS reports,
   * with no definition of its own.
   */
  static get(name: string, id: pulumi.Input<pulumi.ID>, opts?: pulumi.CustomResourceOptions): EcsService {
    return new EcsService(name, {}, { ...opts, id });
  }
}
