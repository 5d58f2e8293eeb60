/**
 * What an edit to a definition does to a running service. Produced by `classify` from the
 * `x-ecsdef-change` annotations of the generated schemas; consumed by the Pulumi provider's
 * diff and by `ecsdef diff`.
 */

/** How UpdateService treats a changed field (facts from the API reference; see DESIGN.md). */
export type ChangeClass =
  | 'replace' // cannot be updated: the service must be recreated
  | 'deployment' // UpdateService applies it by starting a new deployment
  | 'in-place' // UpdateService applies it without starting new tasks
  | 'ignored' // has no effect on an existing service (e.g. clientToken)
  | 'forbidden'; // the service's deployment controller refuses it through UpdateService

export type DeploymentControllerType = 'ECS' | 'CODE_DEPLOY' | 'EXTERNAL';

export interface ClassifyContext {
  /** Definition kind of both sides. */
  kind: 'service' | 'express-service';
  /** The controller of the running service (before the change); defaults to ECS. */
  controller?: DeploymentControllerType;
}

export interface Change {
  /** JSON pointer of the top-level field that changed, e.g. `/taskDefinition`. */
  pointer: string;
  /** Top-level property name. */
  field: string;
  class: ChangeClass;
  /** One sentence saying why, including what to do instead for `forbidden`. */
  reason: string;
  /** For `deployment`: whether UpdateService also needs `forceNewDeployment: true`. */
  requiresForceNewDeployment?: boolean;
  before: unknown;
  after: unknown;
}
