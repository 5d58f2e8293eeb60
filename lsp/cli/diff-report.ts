/**
 * `ecsdef diff` results and their reporters: pure functions from a result to text.
 */
import type { Change, DeploymentControllerType } from '../../schemas';
import { escapeControlCharacters } from '../../schemas/display-text';
import { maskSensitive } from '../../schemas/sensitive';

export interface RolloutArithmetic {
  desiredCount: number;
  minimumHealthyPercent: number;
  maximumPercent: number;
  /** ceil(desiredCount * minimumHealthyPercent / 100): tasks kept RUNNING during the deployment. */
  minimumHealthyTasks: number;
  /** floor(desiredCount * maximumPercent / 100): upper bound of RUNNING + PENDING tasks. */
  maximumRunningTasks: number;
}

export interface DiffResult {
  before: string;
  after: string;
  kind: 'service' | 'express-service';
  controller: DeploymentControllerType;
  verdict: 'no change' | 'in place' | 'new deployment' | 'replace' | 'refused';
  /** The same one-line statement `pulumi preview` shows as `rolloutPlan`. */
  summary: string;
  changes: Change[];
  forceNewDeployment: boolean;
  deleteBeforeReplace: boolean;
  /** Present when the change starts a rolling deployment. */
  rollout?: RolloutArithmetic;
}

export function rolloutArithmetic(desiredCount: number, minimumHealthyPercent: number, maximumPercent: number): RolloutArithmetic {
  return {
    desiredCount,
    minimumHealthyPercent,
    maximumPercent,
    minimumHealthyTasks: Math.ceil((desiredCount * minimumHealthyPercent) / 100),
    maximumRunningTasks: Math.floor((desiredCount * maximumPercent) / 100),
  };
}

const brief = (v: unknown): string => {
  if (v === undefined) return '(unset)';
  const s = JSON.stringify(v);
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
};

/**
 * The result as shown without --show-values: the values of fields that may hold secrets
 * (schemas/sensitive.ts) replaced by `***` in every change. The classification is the one of
 * the real values, so a changed environment value is still a change.
 */
export function withSensitiveMasked(r: DiffResult): DiffResult {
  const mask = (field: string, value: unknown): unknown => (value === undefined ? value : maskSensitive({ [field]: value })[field]);
  return { ...r, changes: r.changes.map((c) => ({ ...c, before: mask(c.field, c.before), after: mask(c.field, c.after) })) };
}

/** Lines for a terminal or a CI log: file names and values have their control characters escaped. */
export function formatDiffText(r: DiffResult): string {
  // Express gateway services have no deployment controller: every update is a new revision.
  const context = r.kind === 'express-service' ? r.kind : `${r.kind}, ${r.controller} controller`;
  const lines = [`${r.before} -> ${r.after} (${context})`, `  ${r.summary}`];
  for (const c of r.changes) {
    lines.push(`  ${c.class.padEnd(10)} ${c.field}: ${brief(c.before)} -> ${brief(c.after)}`);
    lines.push(`             ${c.reason}`);
  }
  if (r.rollout) {
    const a = r.rollout;
    lines.push(
      `  rollout: ${a.desiredCount} desired; at least ${a.minimumHealthyTasks} running (minimumHealthyPercent ${a.minimumHealthyPercent}), at most ${a.maximumRunningTasks} running or pending (maximumPercent ${a.maximumPercent})`,
    );
  }
  return `${lines.map(escapeControlCharacters).join('\n')}\n`;
}

export function formatDiffJson(r: DiffResult): string {
  return `${JSON.stringify(r, null, 2)}\n`;
}

export const diffReporters: Record<string, (r: DiffResult) => string> = { text: formatDiffText, json: formatDiffJson };
