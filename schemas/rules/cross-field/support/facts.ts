/**
 * Facts about a service definition that several rules share: launch type, Fargate, deployment
 * controller, scheduling strategy, network mode. Each answers `undefined` when the document does
 * not settle the question (absent where the default is not knowable, placeholder, wrong type).
 */
import type { DefinitionKind } from '../../../problem';
import { entries, field, isGiven, isRecord, text, type JsonObject } from './values';

/** Kinds describing a service as created (absent fields take their create-time default). */
export function isCreateLike(kind: DefinitionKind): boolean {
  return kind === 'service' || kind === 'ecspresso';
}

export const FARGATE_PROVIDERS: readonly string[] = ['FARGATE', 'FARGATE_SPOT'];

/** The capacity provider strategy entries that are objects, with their index. */
export function strategyItems(def: JsonObject): Array<{ item: JsonObject; index: number }> {
  return objectItems(def, 'capacityProviderStrategy');
}

/**
 * Whether tasks run on Fargate: launchType FARGATE, or a strategy made only of the FARGATE and
 * FARGATE_SPOT providers. False for another launch type or a strategy without them. Unknown when
 * neither is set (the cluster's default strategy decides) or a value is a placeholder.
 */
export function runsOnFargate(def: JsonObject): boolean | undefined {
  const launchType = field(def, 'launchType');
  // "" is how DescribeServices (and so ecspresso) writes "no launch type": the strategy decides.
  if (isGiven(launchType) && launchType !== '') {
    const known = text(launchType);
    return known === undefined ? undefined : known === 'FARGATE';
  }
  const strategy = field(def, 'capacityProviderStrategy');
  if (!Array.isArray(strategy) || strategy.length === 0) return undefined;
  const names = strategy.map((item) => text(field(item, 'capacityProvider')));
  if (names.some((n) => n === undefined)) return undefined;
  const onFargate = names.filter((n) => FARGATE_PROVIDERS.includes(n as string)).length;
  if (onFargate === names.length) return true;
  if (onFargate === 0) return false;
  return undefined;
}

/** The launch type when it is set to a known value. */
export function knownLaunchType(def: JsonObject): string | undefined {
  return text(field(def, 'launchType'));
}

/**
 * The deployment controller type. Absent means ECS when the document describes a service being
 * created; in an UpdateService request absent means "unchanged", hence unknown.
 */
export function controllerType(def: JsonObject, kind: DefinitionKind): string | undefined {
  const controller = field(def, 'deploymentController');
  if (!isGiven(controller)) return isCreateLike(kind) ? 'ECS' : undefined;
  return text(field(controller, 'type'));
}

/** True when the controller is explicitly CODE_DEPLOY or EXTERNAL. */
export function isNonRollingController(type: string | undefined): boolean {
  return type === 'CODE_DEPLOY' || type === 'EXTERNAL';
}

/** The scheduling strategy; absent means REPLICA on create, unknown otherwise. */
export function schedulingStrategy(def: JsonObject, kind: DefinitionKind): string | undefined {
  const value = field(def, 'schedulingStrategy');
  if (!isGiven(value)) return isCreateLike(kind) ? 'REPLICA' : undefined;
  return text(value);
}

/** True when the definition explicitly schedules as DAEMON. */
export function isDaemon(def: JsonObject): boolean {
  return text(field(def, 'schedulingStrategy')) === 'DAEMON';
}

/** True when an awsvpc network configuration is present (only awsvpc tasks take one). */
export function hasAwsvpcConfiguration(def: JsonObject): boolean {
  return isGiven(field(field(def, 'networkConfiguration'), 'awsvpcConfiguration'));
}

/** The key holding the load-balancer IAM role: `role` on create, `roleArn` in DescribeServices. */
export function roleKey(kind: DefinitionKind): string {
  return kind === 'ecspresso' ? 'roleArn' : 'role';
}

/** The deployment configuration object, if it is one. */
export function deploymentConfiguration(def: JsonObject): JsonObject | undefined {
  const value = field(def, 'deploymentConfiguration');
  return isRecord(value) ? value : undefined;
}

/** The object entries of a top-level list (placement, load balancers, registries, ...). */
export function objectItems(owner: unknown, key: string): Array<{ item: JsonObject; index: number }> {
  const out: Array<{ item: JsonObject; index: number }> = [];
  for (const { value, index } of entries(field(owner, key))) {
    if (isRecord(value)) out.push({ item: value, index });
  }
  return out;
}

/** Deployment percentages of a REPLICA service when none are given. */
export const PERCENT_DEFAULTS: Readonly<Record<string, number>> = { maximumPercent: 200, minimumHealthyPercent: 100 };

/**
 * The deployment strategy; absent means ROLLING for a service being created and unknown in an
 * UpdateService request.
 */
export function deploymentStrategy(def: JsonObject, kind: DefinitionKind): string | undefined {
  const value = field(deploymentConfiguration(def), 'strategy');
  if (!isGiven(value)) return isCreateLike(kind) ? 'ROLLING' : undefined;
  return text(value);
}

/** The managed EBS volume objects of volumeConfigurations, with their pointer. */
export function managedVolumes(def: JsonObject): Array<{ volume: JsonObject; at: string }> {
  const out: Array<{ volume: JsonObject; at: string }> = [];
  for (const { item, index } of objectItems(def, 'volumeConfigurations')) {
    const volume = field(item, 'managedEBSVolume');
    if (isRecord(volume)) out.push({ volume, at: `/volumeConfigurations/${index}/managedEBSVolume` });
  }
  return out;
}
