/**
 * Arguments of `EcsService`: the CreateService request fields as Pulumi inputs, a definition
 * file option, redeploy triggers, and provider settings (settings-args.ts). Nested shapes are
 * the SDK's; every level accepts Pulumi inputs.
 */
import type * as pulumi from '@pulumi/pulumi';
import type { DeepInput, ProviderSettingsArgs } from './settings-args';
import type { ServiceDefinition } from './service/types';

export type { DeepInput } from './settings-args';

type Field<K extends keyof ServiceDefinition> = DeepInput<NonNullable<ServiceDefinition[K]>>;

export interface EcsServiceArgs extends ProviderSettingsArgs {
  /**
   * Path of a service definition file (JSON or YAML, CreateService request shape) read when the
   * program runs, relative to the working directory. Fields given here as arguments override
   * the file's top-level fields.
   */
  definitionFile?: string;
  /** Name of the service, unique within its cluster. Changing it replaces the service. */
  serviceName?: Field<'serviceName'>;
  /** Cluster name or ARN (`default` when unset). Changing it replaces the service. */
  cluster?: Field<'cluster'>;
  /** Task definition as `family`, `family:revision` or ARN. A change starts a new deployment. */
  taskDefinition?: Field<'taskDefinition'>;
  /** `ENABLED` (the default for new services) or `DISABLED`: whether ECS rebalances tasks across zones. Applied in place. */
  availabilityZoneRebalancing?: Field<'availabilityZoneRebalancing'>;
  /** Load balancer target groups (or classic load balancers) for the tasks. A change starts a new deployment. */
  loadBalancers?: Field<'loadBalancers'>;
  /** Cloud Map registries for service discovery. A change starts a new deployment. */
  serviceRegistries?: Field<'serviceRegistries'>;
  /** Number of tasks to keep running (REPLICA services). Applied in place. */
  desiredCount?: Field<'desiredCount'>;
  /** Idempotency token of the CreateService call; generated when unset and ignored on updates. */
  clientToken?: Field<'clientToken'>;
  /** `EC2`, `FARGATE` or `EXTERNAL`. Changing it replaces the service, except moving to a capacity provider strategy. */
  launchType?: Field<'launchType'>;
  /** Capacity providers with base and weight. A change starts a new deployment (sent with forceNewDeployment). */
  capacityProviderStrategy?: Field<'capacityProviderStrategy'>;
  /** Fargate platform version (`LATEST` when unset). A change starts a new deployment. */
  platformVersion?: Field<'platformVersion'>;
  /** IAM role (name or ARN) for classic load balancer registration. Changing it replaces the service. */
  role?: Field<'role'>;
  /** Rolling update limits, circuit breaker, alarms and strategy. Applied in place; it shapes the next deployment. */
  deploymentConfiguration?: Field<'deploymentConfiguration'>;
  /** Task placement constraints (order does not matter). Applied in place. */
  placementConstraints?: Field<'placementConstraints'>;
  /** Task placement strategies, evaluated in order. Applied in place. */
  placementStrategy?: Field<'placementStrategy'>;
  /** Subnets, security groups and public IP setting for awsvpc tasks (list order does not matter). A change starts a new deployment. */
  networkConfiguration?: Field<'networkConfiguration'>;
  /** Seconds during which failing health checks of new tasks are ignored (0 when unset). Applied in place. */
  healthCheckGracePeriodSeconds?: Field<'healthCheckGracePeriodSeconds'>;
  /** `REPLICA` (default) or `DAEMON`. Changing it replaces the service. */
  schedulingStrategy?: Field<'schedulingStrategy'>;
  /** `ECS` (default), `CODE_DEPLOY` or `EXTERNAL`; it decides which later changes UpdateService accepts. */
  deploymentController?: Field<'deploymentController'>;
  /** Tags of the service (order does not matter), applied with TagResource and UntagResource. */
  tags?: Field<'tags'>;
  /** Whether ECS adds its managed tags to tasks; reaches only tasks started later. Applied in place. */
  enableECSManagedTags?: Field<'enableECSManagedTags'>;
  /** `SERVICE`, `TASK_DEFINITION` or `NONE` (same as unset); reaches only tasks started later. Applied in place. */
  propagateTags?: Field<'propagateTags'>;
  /** Whether ECS Exec is enabled for the tasks. Applied in place. */
  enableExecuteCommand?: Field<'enableExecuteCommand'>;
  /** Service Connect namespace, services and aliases. A change starts a new deployment. */
  serviceConnectConfiguration?: Field<'serviceConnectConfiguration'>;
  /** EBS volumes configured at launch; unset leaves them as they are, a different value starts a new deployment. */
  volumeConfigurations?: Field<'volumeConfigurations'>;
  /** VPC Lattice target groups for the tasks. A change starts a new deployment. */
  vpcLatticeConfigurations?: Field<'vpcLatticeConfigurations'>;
  /** Gateway connectors routing to the tasks. A change starts a new deployment. */
  gatewayConnectors?: Field<'gatewayConnectors'>;
  /** Monitoring settings of the service (metric resolution). Applied in place. */
  monitoring?: Field<'monitoring'>;

  /**
   * Any value (string, number, object); when it changes, the update sends forceNewDeployment so
   * tasks restart (for example with a new image behind the same tag). Unchanged values never force a deployment.
   */
  redeployTriggers?: pulumi.Input<unknown>;
}
