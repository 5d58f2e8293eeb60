/**
 * `ExpressGatewayService`: an Amazon ECS Express gateway service managed through the same
 * dynamic-provider machinery as `EcsService`. Its previews say, for every update, whether it
 * replaces the service (name, cluster, infrastructure role) or makes a new service revision with
 * a rolling deployment (and which fields cause it).
 *
 * Secrets: the dynamic host tells the engine it does not accept secrets, so the engine sends the
 * provider plain values and keeps secretness only for outputs named like a secret input. The
 * container holds environment values and secret references, so the resource registers
 * `primaryContainer` as an additional secret output and the provider also returns it wrapped as
 * a secret: state never holds it in plain text, whether or not the program marked it secret.
 */
import * as pulumi from '@pulumi/pulumi';
import { makeProvider } from './core/resource-provider';
import type { ExpressGatewayServiceArgs } from './express-gateway-service-args';
import { expressDriver } from './express/driver';
import { EXPRESS_OUTPUT_KEYS, SECRET_OUTPUT_KEYS } from './express/state';
import { registration } from './registration';

/**
 * The provider object serialised into state. It holds no client and no credentials: the
 * methods build SDK clients from the host's environment when they run.
 */
export const expressGatewayServiceProvider: pulumi.dynamic.ResourceProvider = makeProvider(expressDriver);

export class ExpressGatewayService extends pulumi.dynamic.Resource {
  // `declare`: with ES2022 class fields, a plain field would overwrite the outputs that the
  // base constructor registers.
  /** ARN of the Express service; also the resource id. */
  declare public readonly serviceArn: pulumi.Output<string>;
  /** Service status (`ACTIVE`, `DRAINING`, `INACTIVE`). */
  declare public readonly status: pulumi.Output<string>;
  /** Why the service is in its status, when ECS says. */
  declare public readonly statusReason: pulumi.Output<string | undefined>;
  /** ARN of the service revision the service runs (or converges to). */
  declare public readonly serviceRevisionArn: pulumi.Output<string>;
  /** Task definition of that revision (ECS's own, or the one given as taskDefinitionArn). */
  declare public readonly activeTaskDefinitionArn: pulumi.Output<string | undefined>;
  /** Entry points of the service: access type (`PUBLIC` or `PRIVATE`) and endpoint. */
  declare public readonly ingressPaths: pulumi.Output<{ accessType?: string; endpoint?: string }[] | undefined>;
  /** The public endpoint (else the first one) of the service. */
  declare public readonly ingressEndpoint: pulumi.Output<string | undefined>;
  /** ARN of the last service deployment followed. */
  declare public readonly serviceDeploymentArn: pulumi.Output<string | undefined>;
  /** `COMPLETED`, `FAILED`, `IN_PROGRESS` or `NOT_FOLLOWED` (waiting off). */
  declare public readonly rolloutState: pulumi.Output<string | undefined>;
  /** Why the rollout is in its state (ECS's reason, e.g. the circuit breaker's). */
  declare public readonly rolloutStateReason: pulumi.Output<string | undefined>;
  /** What the last planned update does: new service revision (and the fields that cause it), in place, replace. */
  declare public readonly rolloutPlan: pulumi.Output<string>;
  /** The primary container as applied; always a secret (it holds environment values and secret references). */
  declare public readonly primaryContainer: pulumi.Output<Record<string, unknown> | undefined>;

  constructor(name: string, args: ExpressGatewayServiceArgs, opts?: pulumi.CustomResourceOptions) {
    const r = registration('ExpressGatewayService', args as Record<string, unknown>, [...EXPRESS_OUTPUT_KEYS, ...SECRET_OUTPUT_KEYS, 'rolloutPlan'], opts, false);
    const additionalSecretOutputs = [...new Set([...(opts?.additionalSecretOutputs ?? []), ...SECRET_OUTPUT_KEYS])];
    super(expressGatewayServiceProvider, name, r.props, { ...r.opts, additionalSecretOutputs }, 'ecsdef', 'ExpressGatewayService');
  }
}
