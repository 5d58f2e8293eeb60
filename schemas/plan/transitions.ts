/**
 * Documented transitions between a launch type and a capacity provider strategy.
 *
 * `classify` decides one field at a time from its `x-ecsdef-change` annotation. Moving between
 * `launchType` and `capacityProviderStrategy` concerns both fields at once, and UpdateService has
 * rules for it that no single annotation can state. They are declared here as data, each with the
 * sentence it encodes; `planChange` applies the first transition that matches an edit on top of
 * the classes `classify` gave (the move from a launch type to a strategy is the `allowedMove` of
 * the `launchType` annotation and needs nothing here).
 *
 * Sources: UpdateService API reference (current text in @aws-sdk/client-ecs), capacityProviderStrategy
 * ("valid transitions ... back to the launch type: pass an empty list"; "when a service is using a
 * capacity provider strategy that's not the default capacity provider strategy, the service can't
 * be updated to use the cluster's default capacity provider strategy"); CreateService, launchType
 * (without a launch type or strategy the cluster's default strategy is used, EC2 when it has none);
 * the EXTERNAL deployment controller (the launch type belongs to each task set: CreateTaskSet).
 */
import type { Change, ChangeClass, DeploymentControllerType } from '../change';

type Bag = Record<string, unknown>;

export interface TransitionOutcome {
  class: ChangeClass;
  reason: string;
  requiresForceNewDeployment?: boolean;
}

export interface Transition {
  id: string;
  source: string;
  /** Whether the edit from `before` to `after` (both canonical) is this transition. */
  applies(before: Bag, after: Bag, controller: DeploymentControllerType): boolean;
  /** The class of each field the transition decides (fields the edit does not change are skipped). */
  fields: Record<string, (remedies: Record<string, string>) => TransitionOutcome>;
}

const has = (def: Bag, field: string) => def[field] !== undefined;

const UPDATE_SERVICE_CPS = 'ECS API Reference, UpdateService, capacityProviderStrategy';

export const SERVICE_TRANSITIONS: readonly Transition[] = [
  {
    id: 'explicit-ec2-is-the-default',
    source: 'ECS API Reference, CreateService, launchType and capacityProviderStrategy',
    applies: (b, a) =>
      !has(b, 'capacityProviderStrategy') && !has(a, 'capacityProviderStrategy') &&
      ((b.launchType === undefined && a.launchType === 'EC2') || (b.launchType === 'EC2' && a.launchType === undefined)),
    fields: {
      launchType: () => ({
        class: 'ignored',
        reason: 'EC2 is the launch type ECS uses when neither launchType nor capacityProviderStrategy is set (clusters without a default capacity provider strategy); UpdateService has no launchType member, so nothing changes',
      }),
    },
  },
  {
    id: 'external-launch-type',
    source: 'ECS API Reference, CreateTaskSet, launchType (under the EXTERNAL controller the launch type belongs to each task set)',
    applies: (b, a, controller) => controller === 'EXTERNAL' && b.launchType !== a.launchType,
    fields: {
      launchType: (remedies) => ({
        class: 'forbidden',
        reason: `the EXTERNAL deployment controller does not accept a change of launchType through UpdateService: ${remedies.EXTERNAL ?? 'create a new task set'}`,
      }),
    },
  },
  {
    id: 'strategy-to-cluster-default',
    source: `${UPDATE_SERVICE_CPS} (a service using a strategy that is not the cluster default cannot go back to the default)`,
    applies: (b, a) => has(b, 'capacityProviderStrategy') && !has(a, 'capacityProviderStrategy') && !has(a, 'launchType'),
    fields: {
      capacityProviderStrategy: () => ({
        class: 'forbidden',
        reason: "UpdateService cannot move a service from a capacity provider strategy back to the cluster's default strategy: keep a capacityProviderStrategy (it may name the default providers), set a launchType, or replace the service",
      }),
    },
  },
  {
    id: 'strategy-to-launch-type',
    source: `${UPDATE_SERVICE_CPS} (back to the launch type: pass an empty list)`,
    applies: (b, a, controller) => controller === 'ECS' && has(b, 'capacityProviderStrategy') && !has(a, 'capacityProviderStrategy') && has(a, 'launchType'),
    fields: {
      capacityProviderStrategy: () => ({
        class: 'deployment',
        reason: 'capacityProviderStrategy goes back to the launch type: UpdateService is sent an empty capacityProviderStrategy, with forceNewDeployment',
        requiresForceNewDeployment: true,
      }),
      launchType: () => ({
        class: 'deployment',
        reason: 'launchType replaces the capacity provider strategy through UpdateService (an empty capacityProviderStrategy); no replacement',
      }),
    },
  },
];

/**
 * `changes` with the first matching transition applied: the fields it decides get its class and
 * reason; `ignored` ones are kept (the caller drops them like any ignored change).
 */
export function applyTransitions(
  changes: Change[],
  before: Bag,
  after: Bag,
  controller: DeploymentControllerType,
  remedies: Record<string, string>,
  transitions: readonly Transition[] = SERVICE_TRANSITIONS,
): Change[] {
  const t = transitions.find((x) => x.applies(before, after, controller) && changes.some((c) => c.field in x.fields));
  if (!t) return changes;
  return changes.map((c) => {
    const decide = t.fields[c.field];
    if (!decide) return c;
    const { requiresForceNewDeployment, ...outcome } = decide(remedies);
    const { requiresForceNewDeployment: _previous, ...rest } = c;
    return { ...rest, ...outcome, ...(requiresForceNewDeployment ? { requiresForceNewDeployment } : {}) };
  });
}
