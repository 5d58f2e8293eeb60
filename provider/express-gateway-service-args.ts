/**
 * Arguments of `ExpressGatewayService`: the CreateExpressGatewayService request fields as Pulumi
 * inputs, a definition file option, redeploy triggers, and provider settings (settings-args.ts).
 * Nested shapes are the generated ones; every level accepts Pulumi inputs, so a single
 * environment value or secret reference can be a Pulumi secret.
 */
import type * as pulumi from '@pulumi/pulumi';
import type { ExpressDefinition } from './express/types';
import type { DeepInput, ProviderSettingsArgs } from './settings-args';

type Field<K extends keyof ExpressDefinition> = DeepInput<NonNullable<ExpressDefinition[K]>>;

export interface ExpressGatewayServiceArgs extends ProviderSettingsArgs {
  /**
   * Path of an Express service definition file (JSON or YAML, CreateExpressGatewayService request
   * shape) read when the program runs, relative to the working directory. Fields given here as
   * arguments replace the file's top-level fields (a `primaryContainer` argument replaces the
   * file's whole container).
   */
  definitionFile?: string;
  /** Name of the service, unique within its cluster (ECS chooses one when unset). Changing it replaces the service. */
  serviceName?: Field<'serviceName'>;
  /** Cluster name or ARN (`default` when unset). Changing it replaces the service. */
  cluster?: Field<'cluster'>;
  /** IAM role ECS uses to manage the load balancer, security groups and scaling for the service. Required; changing it replaces the service. */
  infrastructureRoleArn?: Field<'infrastructureRoleArn'>;
  /** Task execution role (image pulls, logs, secrets). A change makes a new service revision; removing it keeps the running role. */
  executionRoleArn?: Field<'executionRoleArn'>;
  /** Role the application code assumes. A change makes a new service revision; removing it keeps the running role. */
  taskRoleArn?: Field<'taskRoleArn'>;
  /**
   * The container that serves traffic: image, port (80 when unset), command, environment,
   * secrets, log configuration and repository credentials. A change makes a new service
   * revision. Stored as a Pulumi secret in state; give single environment values or secret
   * references as `pulumi.secret(...)` to keep them secret in the program's inputs too.
   */
  primaryContainer?: Field<'primaryContainer'>;
  /** Your own task definition (ARN) instead of primaryContainer, executionRoleArn, taskRoleArn, cpu, memory and cpuArchitecture. A change makes a new service revision. */
  taskDefinitionArn?: Field<'taskDefinitionArn'>;
  /** CPU units per task (`256` when unset). A change makes a new service revision. */
  cpu?: Field<'cpu'>;
  /** Memory per task in MiB (`512` when unset). A change makes a new service revision. */
  memory?: Field<'memory'>;
  /** `X86_64` (when unset) or `ARM64`. A change makes a new service revision. */
  cpuArchitecture?: Field<'cpuArchitecture'>;
  /** Path the load balancer's health check requests (`/ping` when unset). A change makes a new service revision. */
  healthCheckPath?: Field<'healthCheckPath'>;
  /** Subnets and security groups of the tasks (order does not matter; the default VPC when unset). A change makes a new service revision. */
  networkConfiguration?: Field<'networkConfiguration'>;
  /** Minimum and maximum task counts, scaling metric (`AVERAGE_CPU` when unset) and target value (60 when unset). A change makes a new service revision. */
  scalingTarget?: Field<'scalingTarget'>;
  /** Tags of the service (order does not matter), applied with TagResource and UntagResource, without a new revision. */
  tags?: Field<'tags'>;

  /**
   * Any value (string, number, object); when it changes, the update sends the container (or task
   * definition) again, which makes a new service revision that pulls the image again (for
   * example a new image behind the same tag).
   */
  redeployTriggers?: pulumi.Input<unknown>;
}
