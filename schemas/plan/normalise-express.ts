/**
 * Canonical form of an Express gateway service definition (CreateExpressGatewayService request
 * shape), so that `classify` compares meaning, not spelling. Pure, like `normalise.ts`, and shared
 * by the provider's diff and `ecsdef diff`.
 *
 * Facts used (CreateExpressGatewayService / UpdateExpressGatewayService and the Express shapes,
 * current text in @aws-sdk/client-ecs): cluster accepts a name or an ARN and defaults to
 * `default`; cpu defaults to 256 and memory to 512; the health check path defaults to `/ping`;
 * the CPU architecture defaults to X86_64; the container port defaults to 80; the scaling metric
 * defaults to CPU utilisation (`AVERAGE_CPU`) with a target value of 60; the task definition is
 * named by its ARN. Environment variables and secrets are sets keyed by name; subnets, security
 * groups and tags are sets too; `command` keeps its order.
 */
import { isPlainObject as isObject } from '../pointer';
import { byMember, canonicalForm, clusterName, dropIf, emptyToUndefined, set, taskDefinitionRef, withoutDefaults } from './normalise';

type JsonObject = Record<string, unknown>;

/** Documented values that a definition may leave out; removing one sends it back (see update-request). */
export const EXPRESS_DEFAULTS = { cpu: '256', memory: '512', healthCheckPath: '/ping', cpuArchitecture: 'X86_64' } as const;

const CONTAINER_DEFAULTS: JsonObject = { containerPort: 80 };
const SCALING_DEFAULTS: JsonObject = { autoScalingMetric: 'AVERAGE_CPU', autoScalingTargetValue: 60 };

/** Subnets and security groups: plain strings in any order. */
const strings = set(String);
/** Environment variables and secrets: sets keyed by name. */
const byName = set(byMember('name'));

/** `value` without its documented defaults; unset when nothing else is left. */
const withoutDefaultsOrEmpty = (value: unknown, defaults: JsonObject): unknown =>
  isObject(value) ? emptyToUndefined(withoutDefaults(value, defaults)) : value;

function primaryContainer(value: unknown): unknown {
  if (!isObject(value)) return value;
  const out = withoutDefaultsOrEmpty(value, CONTAINER_DEFAULTS) as JsonObject | undefined;
  if (!out) return undefined;
  for (const key of ['environment', 'secrets'] as const) {
    const sorted = byName(out[key]);
    if (sorted === undefined) delete out[key];
    else out[key] = sorted;
  }
  if (Array.isArray(out.command) && out.command.length === 0) delete out.command;
  return out;
}

function networkConfiguration(value: unknown): unknown {
  if (!isObject(value)) return value;
  const out: JsonObject = {};
  for (const key of ['subnets', 'securityGroups']) {
    const sorted = strings(value[key]);
    if (sorted !== undefined) out[key] = sorted;
  }
  for (const [k, v] of Object.entries(value)) if (!(k in out) && k !== 'subnets' && k !== 'securityGroups') out[k] = v;
  return emptyToUndefined(out);
}

const FIELD_RULES: Record<string, (value: unknown) => unknown> = {
  cluster: clusterName,
  cpu: dropIf(EXPRESS_DEFAULTS.cpu),
  memory: dropIf(EXPRESS_DEFAULTS.memory),
  healthCheckPath: dropIf(EXPRESS_DEFAULTS.healthCheckPath),
  cpuArchitecture: dropIf(EXPRESS_DEFAULTS.cpuArchitecture),
  taskDefinitionArn: taskDefinitionRef,
  primaryContainer,
  networkConfiguration,
  scalingTarget: (v) => withoutDefaultsOrEmpty(v, SCALING_DEFAULTS),
  tags: set(byMember('key')),
};

/** The canonical form of an Express definition (see the module comment). Never mutates `definition`. */
export function normaliseExpress(definition: JsonObject): JsonObject {
  return canonicalForm(definition, FIELD_RULES);
}
