/**
 * Change classes: what changing a top-level field of a definition does to a running service.
 * Facts from the UpdateService and UpdateExpressGatewayService API references (current text in
 * `@aws-sdk/client-ecs`), written onto the schema as `x-ecsdef-change` so that `classify`, hover
 * and the Pulumi provider all read the same data.
 */
import type { ChangeClass, DeploymentControllerType } from '../change';

export interface ChangeAnnotation {
  class: ChangeClass;
  /** UpdateService refuses the change unless `forceNewDeployment` is true (so it always deploys). */
  forceNewDeployment?: boolean;
  /** An explicit `null` / absent value means "leave unchanged" rather than "remove". */
  absentMeansUnchanged?: boolean;
  /** Controllers under which UpdateService accepts this change (ECS accepts every non-replace change). */
  updatableUnder?: DeploymentControllerType[];
  /** A documented transition that is not a replacement: the field is removed while `with` appears. */
  allowedMove?: { removedWith: string; class: ChangeClass; reason: string };
  source: string;
}

const UPDATE_SERVICE = 'ECS API Reference, UpdateService';
const CREATE_SERVICE = 'ECS API Reference, CreateService';
const ALL: DeploymentControllerType[] = ['ECS', 'CODE_DEPLOY', 'EXTERNAL'];
const ECS_CODE_DEPLOY: DeploymentControllerType[] = ['ECS', 'CODE_DEPLOY'];
const ECS_ONLY: DeploymentControllerType[] = ['ECS'];

/** Top-level members of CreateServiceRequest (and the ecspresso definition). */
export const serviceChangeClasses: Record<string, ChangeAnnotation> = {
  serviceName: { class: 'replace', source: `${UPDATE_SERVICE} (no serviceName parameter; the service is addressed by it)` },
  cluster: { class: 'replace', source: `${UPDATE_SERVICE}, cluster (identifies the service; cannot move it)` },
  role: { class: 'replace', source: `${UPDATE_SERVICE} (no role parameter)` },
  schedulingStrategy: { class: 'replace', source: `${UPDATE_SERVICE} (no schedulingStrategy parameter)` },
  launchType: {
    class: 'replace',
    source: `${UPDATE_SERVICE} (no launchType parameter)`,
    allowedMove: {
      removedWith: 'capacityProviderStrategy',
      class: 'deployment',
      reason: 'a launch type can be replaced by a capacity provider strategy through UpdateService (capacityProviderStrategy valid transitions)',
    },
  },
  taskDefinition: { class: 'deployment', updatableUnder: ECS_ONLY, source: `${UPDATE_SERVICE}, taskDefinition` },
  networkConfiguration: { class: 'deployment', updatableUnder: ECS_ONLY, source: `${UPDATE_SERVICE}, networkConfiguration` },
  platformVersion: { class: 'deployment', updatableUnder: ECS_ONLY, source: `${UPDATE_SERVICE}, platformVersion` },
  loadBalancers: { class: 'deployment', updatableUnder: ECS_ONLY, source: `${UPDATE_SERVICE}, loadBalancers` },
  serviceRegistries: { class: 'deployment', updatableUnder: ECS_ONLY, source: `${UPDATE_SERVICE}, serviceRegistries` },
  serviceConnectConfiguration: { class: 'deployment', updatableUnder: ECS_ONLY, source: `${UPDATE_SERVICE}, serviceConnectConfiguration` },
  vpcLatticeConfigurations: { class: 'deployment', updatableUnder: ECS_ONLY, source: `${UPDATE_SERVICE}, vpcLatticeConfigurations` },
  volumeConfigurations: {
    class: 'deployment',
    absentMeansUnchanged: true,
    updatableUnder: ECS_ONLY,
    source: `${UPDATE_SERVICE}, volumeConfigurations (null leaves it unchanged; a different value deploys)`,
  },
  gatewayConnectors: {
    class: 'deployment',
    updatableUnder: ECS_ONLY,
    source: `${UPDATE_SERVICE}, gatewayConnectors (routing of tasks, treated like loadBalancers: the docs give no trigger sentence)`,
  },
  capacityProviderStrategy: {
    class: 'deployment',
    forceNewDeployment: true,
    updatableUnder: ECS_ONLY,
    source: `${UPDATE_SERVICE}, capacityProviderStrategy (applied only together with forceNewDeployment)`,
  },
  desiredCount: { class: 'in-place', updatableUnder: ALL, source: `${UPDATE_SERVICE}, desiredCount` },
  deploymentConfiguration: { class: 'in-place', updatableUnder: ECS_CODE_DEPLOY, source: `${UPDATE_SERVICE}, deploymentConfiguration` },
  availabilityZoneRebalancing: { class: 'in-place', updatableUnder: ECS_ONLY, source: `${UPDATE_SERVICE}, availabilityZoneRebalancing` },
  placementConstraints: { class: 'in-place', updatableUnder: ALL, source: `${UPDATE_SERVICE}, placementConstraints` },
  placementStrategy: { class: 'in-place', updatableUnder: ALL, source: `${UPDATE_SERVICE}, placementStrategy` },
  healthCheckGracePeriodSeconds: { class: 'in-place', updatableUnder: ALL, source: `${UPDATE_SERVICE}, healthCheckGracePeriodSeconds` },
  enableExecuteCommand: { class: 'in-place', updatableUnder: ECS_ONLY, source: `${UPDATE_SERVICE}, enableExecuteCommand` },
  deploymentController: { class: 'in-place', updatableUnder: ECS_ONLY, source: `${UPDATE_SERVICE}, deploymentController` },
  monitoring: { class: 'in-place', updatableUnder: ECS_ONLY, source: `${UPDATE_SERVICE}, monitoring (metric resolution only)` },
  enableECSManagedTags: {
    class: 'in-place',
    updatableUnder: ALL,
    source: `${UPDATE_SERVICE}, enableECSManagedTags (reaches only tasks started after the update)`,
  },
  propagateTags: { class: 'in-place', updatableUnder: ALL, source: `${UPDATE_SERVICE}, propagateTags (reaches only tasks started after the update)` },
  tags: { class: 'in-place', updatableUnder: ALL, source: 'ECS API Reference, TagResource / UntagResource' },
  clientToken: { class: 'ignored', source: `${CREATE_SERVICE}, clientToken (idempotency of the create request only)` },
};

/** What to do instead when a controller refuses a change through UpdateService. */
export const controllerRemedies: Record<DeploymentControllerType, string> = {
  ECS: 'recreate the service',
  CODE_DEPLOY: 'start a CodeDeploy deployment (CodeDeploy CreateDeployment) instead of UpdateService',
  EXTERNAL: 'create a new task set (CreateTaskSet) instead of UpdateService',
};

const EXPRESS_UPDATE = 'ECS API Reference, UpdateExpressGatewayService';
export const expressUpdatableSource = `${EXPRESS_UPDATE} (accepted updates create a new service revision with a rolling deployment)`;

/** An updatable member that the update request cannot unset: leaving it out keeps the running value. */
const keptWhenOmitted = (field: string, why: string): ChangeAnnotation => ({
  class: 'deployment',
  absentMeansUnchanged: true,
  source: `${expressUpdatableSource}; ${field}: an omitted member keeps the running value and the request has no value that unsets it (${why})`,
});

/**
 * Express gateway services: the named fields cannot change; tags go through TagResource; every
 * other member of the create request that UpdateExpressGatewayService also takes creates a new
 * service revision with a rolling deployment. Members the update request lacks are derived as
 * `replace` by the generator (the SDK's request shapes decide, not this table).
 *
 * Members with a documented default (cpu 256, memory 512, health check path /ping, X86_64) are
 * sent as that default when removed from a definition; the members below have none, so removing
 * one from a definition changes nothing on the running service (see `absentMeansUnchanged`).
 */
export const expressChangeClasses: Record<string, ChangeAnnotation> = {
  serviceName: { class: 'replace', source: `${EXPRESS_UPDATE} (no serviceName parameter)` },
  cluster: { class: 'replace', source: `${EXPRESS_UPDATE} (no cluster parameter)` },
  infrastructureRoleArn: { class: 'replace', source: `${EXPRESS_UPDATE} (the infrastructure role cannot be modified after creation)` },
  tags: { class: 'in-place', source: 'ECS API Reference, TagResource / UntagResource' },
  primaryContainer: keptWhenOmitted('primaryContainer', 'it gives way only to a taskDefinitionArn'),
  taskDefinitionArn: keptWhenOmitted('taskDefinitionArn', 'it gives way only to a primaryContainer'),
  executionRoleArn: keptWhenOmitted('executionRoleArn', 'no default role'),
  taskRoleArn: keptWhenOmitted('taskRoleArn', 'no default role'),
  networkConfiguration: keptWhenOmitted('networkConfiguration', 'the default VPC applies only when the service is created'),
  scalingTarget: keptWhenOmitted('scalingTarget', 'no documented default task counts'),
};
