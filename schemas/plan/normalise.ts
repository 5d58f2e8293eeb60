/**
 * Canonical form of a service definition, so that `classify` compares meaning, not spelling.
 *
 * Pure and dependency-free on purpose: the provider's diff and `ecsdef diff` must agree on what
 * "changed" means, so both use this module.
 *
 * The canonical form is the *minimal* spelling: identifiers reduced to names, documented
 * server-side defaults removed, order-insensitive lists sorted, empty lists and objects removed.
 * Two definitions that ECS would treat the same normalise to deep-equal values. Pulumi's
 * "unknown during preview" sentinel passes through untouched (it never equals a known value).
 *
 * Facts used (CreateService / UpdateService API reference, current text in @aws-sdk/client-ecs):
 * cluster and role accept a name or an ARN; taskDefinition accepts family, family:revision or an
 * ARN; deployment percentages default to 200/100 (REPLICA) and 100/0 (DAEMON); the circuit
 * breaker and alarms are off unless enabled; assignPublicIp defaults to DISABLED; platformVersion
 * defaults to LATEST; availabilityZoneRebalancing defaults to ENABLED on create; the health check
 * grace period defaults to 0; propagateTags NONE means no propagation; placement strategy `spread`
 * accepts `host` as another spelling of `instanceId`; binpack `cpu` / `memory` come back from
 * DescribeServices as `CPU` / `MEMORY` (the same fields).
 */
import { isPlainObject as isObject, setOwn } from '../pointer';

type JsonObject = Record<string, unknown>;

/** Pulumi's marker for a value not known until apply (preview only). */
export const UNKNOWN = '04da6b54-80e4-46f7-96ec-b56ff0331ba9';

const SERVICE_LINKED_ROLE = /^(?:arn:[^:]+:iam::\d*:role\/)?aws-service-role\/ecs\.amazonaws\.com\/AWSServiceRoleForECS$/;

/** `arn:<partition>:ecs:<region>:<account>:cluster/NAME` -> NAME; names pass through. */
export function clusterName(value: unknown): unknown {
  if (value === undefined) return 'default';
  if (typeof value !== 'string') return value;
  const m = /^arn:[^:]+:ecs:[^:]*:[^:]*:cluster\/(.+)$/.exec(value);
  return m ? m[1] : value;
}

/** Task definition ARN -> `family:revision`; `family` and `family:revision` pass through. */
export function taskDefinitionRef(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const m = /^arn:[^:]+:ecs:[^:]*:[^:]*:task-definition\/(.+)$/.exec(value);
  return m ? m[1] : value;
}

/** `family:revision` -> family (or the value itself when it has no revision). */
export function taskDefinitionFamily(ref: string): string {
  const i = ref.lastIndexOf(':');
  return i > 0 && /^\d+$/.test(ref.slice(i + 1)) ? ref.slice(0, i) : ref;
}

/** IAM role ARN -> `path/name` (as CreateService accepts it); the ECS service-linked role -> unset. */
export function roleName(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  if (SERVICE_LINKED_ROLE.test(value)) return undefined;
  const m = /^arn:[^:]+:iam::\d*:role\/(.+)$/.exec(value);
  return m ? m[1] : value;
}

/** Drops `null`/`undefined` members recursively (JSON `null` means "not set" in a definition). */
export function prune(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(prune);
  if (!isObject(value)) return value;
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(value)) {
    if (v === null || v === undefined) continue;
    setOwn(out, k, prune(v));
  }
  return out;
}

/** Stable JSON with sorted keys: the comparison key for set-like lists. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (isObject(value)) {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableJson(value[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

function sortBy<T>(items: T[], key: (item: T) => string): T[] {
  return [...items].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** Empty lists and objects mean "unset". */
export function emptyToUndefined(value: unknown): unknown {
  if (Array.isArray(value) && value.length === 0) return undefined;
  if (isObject(value) && Object.keys(value).length === 0) return undefined;
  return value;
}

/** `obj` without the members that equal their documented default. */
export function withoutDefaults(obj: JsonObject, defaults: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(obj)) {
    if (k in defaults && stableJson(defaults[k]) === stableJson(v)) continue;
    setOwn(out, k, v);
  }
  return out;
}

/** Canonicaliser of an order-insensitive list: sorted by `key`, unset when empty. */
export const set = (key: (item: unknown) => string) => (value: unknown) =>
  Array.isArray(value) ? emptyToUndefined(sortBy(value, key)) : value;
/** Sort key of a list item: its member `name` (the item itself when it is not an object). */
export const byMember = (name: string) => (item: unknown) => stableJson(isObject(item) ? item[name] : item);
const list = (value: unknown) => emptyToUndefined(value);
/** Canonicaliser of a field whose listed values mean the same as unset. */
export const dropIf =
  (...defaults: unknown[]) =>
  (value: unknown) =>
    defaults.some((d) => d === value) ? undefined : value;

function deploymentConfiguration(value: unknown, def: JsonObject): unknown {
  if (!isObject(value)) return value;
  const daemon = def.schedulingStrategy === 'DAEMON';
  const out = withoutDefaults(value, {
    maximumPercent: daemon ? 100 : 200,
    minimumHealthyPercent: daemon ? 0 : 100,
    strategy: 'ROLLING',
    lifecycleHooks: [],
  });
  const cb = out.deploymentCircuitBreaker;
  if (isObject(cb) && !cb.enable && !cb.rollback) delete out.deploymentCircuitBreaker;
  const alarms = out.alarms;
  if (isObject(alarms)) {
    if (!alarms.enable && !alarms.rollback) delete out.alarms;
    else if (Array.isArray(alarms.alarmNames)) out.alarms = { ...alarms, alarmNames: [...alarms.alarmNames].sort() };
  }
  if (out.bakeTimeInMinutes === 0 && out.strategy === undefined) delete out.bakeTimeInMinutes;
  return emptyToUndefined(out);
}

function networkConfiguration(value: unknown): unknown {
  if (!isObject(value) || !isObject(value.awsvpcConfiguration)) return emptyToUndefined(value);
  const vpc = { ...value.awsvpcConfiguration };
  if (Array.isArray(vpc.subnets)) vpc.subnets = [...vpc.subnets].sort();
  if (Array.isArray(vpc.securityGroups)) vpc.securityGroups = vpc.securityGroups.length ? [...vpc.securityGroups].sort() : undefined;
  if (vpc.assignPublicIp === 'DISABLED') delete vpc.assignPublicIp;
  if (vpc.securityGroups === undefined) delete vpc.securityGroups;
  return { ...value, awsvpcConfiguration: vpc };
}

/** Spellings of one placement field: `host` is `instanceId` for spread; ECS reports binpack fields in capitals. */
function placementField(type: unknown, field: unknown): unknown {
  if (typeof field !== 'string') return field;
  if (type === 'spread' && field.toLowerCase() === 'host') return 'instanceId';
  if (type === 'binpack' && /^(cpu|memory)$/i.test(field)) return field.toLowerCase();
  return field;
}

function placementStrategy(value: unknown): unknown {
  if (!Array.isArray(value)) return value;
  const out = value.map((s) => (isObject(s) && s.field !== undefined ? { ...s, field: placementField(s.type, s.field) } : s));
  return emptyToUndefined(out);
}

function capacityProviderStrategy(value: unknown): unknown {
  if (!Array.isArray(value)) return value;
  const items = value.map((i) => (isObject(i) ? withoutDefaults(i, { base: 0, weight: 0 }) : i));
  return emptyToUndefined(sortBy(items, (i) => stableJson(isObject(i) ? i.capacityProvider : i)));
}

function serviceConnect(value: unknown): unknown {
  if (isObject(value) && value.enabled === false) return undefined;
  return emptyToUndefined(value);
}

/** Per-field canonicalisers; fields not listed are compared as given (after pruning). */
const FIELD_RULES: Record<string, (value: unknown, def: JsonObject) => unknown> = {
  cluster: clusterName,
  taskDefinition: taskDefinitionRef,
  role: roleName,
  deploymentConfiguration,
  networkConfiguration,
  placementStrategy,
  capacityProviderStrategy,
  serviceConnectConfiguration: serviceConnect,
  placementConstraints: set(stableJson),
  tags: set(byMember('key')),
  loadBalancers: list,
  serviceRegistries: list,
  vpcLatticeConfigurations: list,
  gatewayConnectors: list,
  platformVersion: dropIf('LATEST'),
  availabilityZoneRebalancing: dropIf('ENABLED'),
  propagateTags: dropIf('NONE'),
  schedulingStrategy: dropIf('REPLICA'),
  healthCheckGracePeriodSeconds: dropIf(0),
  enableECSManagedTags: dropIf(false),
  enableExecuteCommand: dropIf(false),
  deploymentController: (v) => (isObject(v) && (v.type === undefined || v.type === 'ECS') ? undefined : v),
  desiredCount: (v, def) => (def.schedulingStrategy === 'DAEMON' ? undefined : v),
};

/**
 * `definition` pruned, with `cluster` present (unset means `default`), each field passed through
 * its rule (unknown values pass untouched) and fields whose canonical form is unset dropped.
 */
export function canonicalForm(definition: JsonObject, rules: Record<string, (value: unknown, def: JsonObject) => unknown>): JsonObject {
  const def = prune(definition) as JsonObject;
  if (!('cluster' in def)) def.cluster = undefined;
  const out: JsonObject = {};
  for (const [field, value] of Object.entries(def)) {
    const rule = rules[field];
    const canonical = value === UNKNOWN ? value : rule ? rule(value, def) : value;
    if (canonical !== undefined) out[field] = canonical;
  }
  return out;
}

/**
 * `live` (a copy) with every field whose canonical form equals `desired`'s spelled as `desired`
 * spells it (removed where `desired` leaves it unset): a refresh then shows real drift only.
 */
export function spellLikeDesired(live: JsonObject, desired: JsonObject, normalise: (definition: JsonObject) => JsonObject): JsonObject {
  const out: JsonObject = { ...live };
  const canonicalLive = normalise(live);
  const canonicalDesired = normalise(desired);
  for (const field of Object.keys({ ...live, ...desired })) {
    if (stableJson(canonicalLive[field]) !== stableJson(canonicalDesired[field])) continue;
    if (desired[field] === undefined) delete out[field];
    else out[field] = desired[field];
  }
  return out;
}

/** The canonical form of a service definition (see the module comment). Never mutates `definition`. */
export function normaliseService(definition: JsonObject): JsonObject {
  return canonicalForm(definition, FIELD_RULES);
}

/**
 * Aligns family-only task definition references with the revision that is running: `web` and
 * `web:7` name the same thing when the service last deployed `web:7`. A family reference means
 * "whatever revision is current"; to roll to a newer latest revision, name the revision (or
 * change `redeployTriggers`). Both sides are returned, pinned where they name `resolved`'s family.
 */
export function alignTaskDefinition(before: JsonObject, after: JsonObject, resolvedBefore?: string): [JsonObject, JsonObject, string[]] {
  const resolved = taskDefinitionRef(resolvedBefore);
  if (typeof resolved !== 'string' || resolved === taskDefinitionFamily(resolved)) {
    // Without the running revision, `web` vs `web:7` may or may not be a change.
    const [b, a] = [before.taskDefinition, after.taskDefinition];
    const sameFamily = typeof b === 'string' && typeof a === 'string' && b !== a && taskDefinitionFamily(b) === taskDefinitionFamily(a);
    const oneIsFamily = typeof b === 'string' && typeof a === 'string' && (b === taskDefinitionFamily(b) || a === taskDefinitionFamily(a));
    return [before, after, sameFamily && oneIsFamily ? ['taskDefinition'] : []];
  }
  const family = taskDefinitionFamily(resolved);
  const pin = (d: JsonObject): JsonObject => (d.taskDefinition === family ? { ...d, taskDefinition: resolved } : d);
  return [pin(before), pin(after), []];
}
