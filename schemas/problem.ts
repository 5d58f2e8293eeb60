/**
 * The one error model of ecsdef. Every front end (CLI, language server, Pulumi `check`)
 * receives these and renders them; none of them invents its own.
 */

export type Severity = 'error' | 'warning' | 'info';

/** The definition kinds ecsdef understands; each has its own generated schema. */
export type DefinitionKind =
  | 'service' // CreateService input (`aws ecs create-service --generate-cli-skeleton`)
  | 'update-service' // UpdateService input
  | 'express-service' // CreateExpressGatewayService input
  | 'express-update' // UpdateExpressGatewayService input
  | 'ecspresso'; // ecspresso ecs-service-def: DescribeServices shape minus cluster/serviceName/taskDefinition

export const DEFINITION_KINDS: readonly DefinitionKind[] = [
  'service',
  'update-service',
  'express-service',
  'express-update',
  'ecspresso',
];

/** A machine-applicable edit a rule offers; front ends turn it into a quick fix. */
export type Fix =
  | { kind: 'remove'; pointer: string; title: string }
  | { kind: 'set'; pointer: string; value: unknown; title: string }
  | { kind: 'add'; pointer: string; value: unknown; title: string }
  | { kind: 'rename'; pointer: string; newName: string; title: string };

export interface Problem {
  /** Stable rule id, e.g. `ECS1001`. Never changes once released. */
  ruleId: string;
  /** kebab-case rule name, e.g. `launch-type-excludes-capacity-provider-strategy`. */
  ruleName: string;
  severity: Severity;
  message: string;
  /** RFC 6901 JSON pointer of the offending node. */
  pointer: string;
  /**
   * Which part of the node at `pointer` to highlight: the property key (unknown, missing,
   * mutually exclusive properties) or the value (everything else).
   */
  target: 'key' | 'value';
  fix?: Fix;
}
