/**
 * `ecsdef diff BEFORE AFTER`: what changing a running service from BEFORE to AFTER does, with
 * the classification `pulumi preview` uses (same normaliser, same `schemas.classify`, same
 * one-line statement) and the rollout arithmetic of the deployment configuration.
 *
 *   ecsdef diff before.json after.yaml [--format text|json] [--controller ECS|CODE_DEPLOY|EXTERNAL]
 *                                      [--fail-on forbidden|replace|deployment|any] [--kind service|express-service]
 *                                      [--show-values]
 *
 * Exit codes: 0 nothing at or above the --fail-on class (default: forbidden), 1 a change at or
 * above it or an invalid definition, 2 usage or I/O errors.
 *
 * Express gateway services (`--kind express-service`, or detected by `primaryContainer` /
 * `infrastructureRoleArn`) use the Express normaliser and say "new service revision (rolling
 * deployment)"; they have no deployment controller.
 */
import * as path from 'node:path';
import { controllerOf, validate, type DeploymentControllerType } from '../../schemas';
import { isPlainObject } from '../../schemas/pointer';
import type { DefinitionKind } from '../../schemas/problem';
import { recognise } from '../../schemas/recognise';
import { fileText } from '../../schemas/parse';
import { readRegularFile, ReadRefused } from './read-file';
import { fatalProblem, readDefinition } from '../../schemas/parse/definition';
import { FilePatterns } from './patterns';
import { describePlan, planChange } from '../../schemas/plan/plan';
import { alignTaskDefinition, normaliseService } from '../../schemas/plan/normalise';
import { normaliseExpress } from '../../schemas/plan/normalise-express';
import { escapeControlCharacters } from '../../schemas/display-text';
import { diffReporters, rolloutArithmetic, withSensitiveMasked, type DiffResult } from './diff-report';

export interface DiffIo {
  cwd: string;
  stdout(text: string): void;
  stderr(text: string): void;
  /** Reads a file (path relative to `cwd`); defaults to the file system. */
  readFile?(file: string): string;
}

export const DIFF_USAGE = `Usage: ecsdef diff BEFORE AFTER [--format text|json] [--controller ECS|CODE_DEPLOY|EXTERNAL]
                   [--fail-on forbidden|replace|deployment|any] [--kind service|express-service]
                   [--show-values]
Classifies every change from BEFORE to AFTER (JSON or YAML definitions) as pulumi preview does.
Values that may be secrets (primaryContainer.environment[].value and
primaryContainer.secrets[].valueFrom) are shown as "***"; a change to them is still reported.

      --show-values          print those values as they are
  -h, --help                 show this help
`;

const FAIL_ORDER = ['any', 'deployment', 'replace', 'forbidden'] as const;
type FailOn = (typeof FAIL_ORDER)[number];

class DiffUsageError extends Error {}

interface Options {
  files: string[];
  format: string;
  controller?: DeploymentControllerType;
  failOn: FailOn;
  kind?: 'service' | 'express-service';
  /** Print the values of fields that may hold secrets instead of `***`. */
  showValues: boolean;
  help: boolean;
}

function parseArgs(argv: readonly string[]): Options {
  const opts: Options = { files: [], format: 'text', failOn: 'forbidden', showValues: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith('--') ? arg.split(/=(.*)/s, 2) : [arg, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new DiffUsageError(`${flag} needs a value`);
      return v;
    };
    if (flag === '--format' || flag === '-f') opts.format = value();
    else if (flag === '--controller') opts.controller = value() as DeploymentControllerType;
    else if (flag === '--fail-on') opts.failOn = value() as FailOn;
    else if (flag === '--kind') opts.kind = value() as Options['kind'];
    else if (arg === '--show-values') opts.showValues = true;
    else if (arg === '--help' || arg === '-h') opts.help = true;
    else if (arg.startsWith('-') && arg !== '-') throw new DiffUsageError(`unknown option ${arg}`);
    else opts.files.push(arg);
  }
  if (opts.help) return opts;
  if (opts.files.length !== 2) throw new DiffUsageError('diff takes exactly two definition files');
  if (!diffReporters[opts.format]) throw new DiffUsageError(`unknown format ${opts.format} (text, json)`);
  if (opts.controller && !['ECS', 'CODE_DEPLOY', 'EXTERNAL'].includes(opts.controller)) throw new DiffUsageError(`unknown controller ${opts.controller}`);
  if (!FAIL_ORDER.includes(opts.failOn)) throw new DiffUsageError(`unknown --fail-on ${opts.failOn}`);
  if (opts.kind && !['service', 'express-service'].includes(opts.kind)) throw new DiffUsageError(`unknown kind ${opts.kind}`);
  return opts;
}

interface Loaded {
  value: Record<string, unknown>;
  /** The kind validation uses (ecspresso files keep their own). */
  kind: DefinitionKind;
}

/** Reads a file through the shared reader (the same YAML and JSON semantics as `validate`). */
function load(file: string, io: DiffIo, forced: DefinitionKind | undefined): Loaded {
  const full = path.resolve(io.cwd, file);
  let text: string;
  try {
    text = fileText(io.readFile ? io.readFile(full) : readRegularFile(full));
  } catch (error) {
    throw error instanceof ReadRefused ? new Error(`${file}: ${error.message}`) : error;
  }
  const { doc, recognition } = readDefinition(text, { fileName: full, forced, nameKind: new FilePatterns(io.cwd).nameOf(full).nameKind });
  const fatal = fatalProblem(doc);
  if (fatal) throw new Error(`${file}:${fatal.line}:${fatal.column}: [${fatal.problem.ruleId}] ${fatal.problem.message}`);
  if (recognition.kind === undefined) throw new Error(`${file}: not an ECS service definition (${recognition.reason}); --kind forces a kind`);
  if (!isPlainObject(doc.value)) throw new Error(`${file}: a definition must be an object`);
  if (recognition.kind === 'update-service') throw new Error(`${file}: an UpdateService input lists only what changes; diff compares two whole definitions (CreateService, ecspresso or Express)`);
  return { value: doc.value, kind: recognition.kind };
}

/** The normaliser and statement a definition kind is compared with. */
const diffKindOf = (kind: DefinitionKind): 'service' | 'express-service' => (kind === 'express-service' || kind === 'express-update' ? 'express-service' : 'service');

/** Computes the result for two parsed definitions (no I/O). */
export function diffDefinitions(before: Record<string, unknown>, after: Record<string, unknown>, names: [string, string], opts: Partial<Options> = {}): DiffResult {
  const kind = opts.kind ?? diffKindOf(recognise({ value: before }).kind ?? 'service');
  const express = kind === 'express-service';
  const [b, a, uncertain] = express ? [normaliseExpress(before), normaliseExpress(after), []] : alignTaskDefinition(normaliseService(before), normaliseService(after));
  const controller = opts.controller ?? controllerOf(b) ?? 'ECS';
  const plan = planChange({ kind, before: b, after: a, controller, identity: ['serviceName', 'cluster'], uncertain });
  const verdict: DiffResult['verdict'] = plan.forbidden.length
    ? 'refused'
    : plan.replaces.length
      ? 'replace'
      : plan.startsDeployment
        ? 'new deployment'
        : plan.changes.length
          ? 'in place'
          : 'no change';
  const result: DiffResult = {
    before: names[0],
    after: names[1],
    kind,
    controller,
    verdict,
    summary: describePlan(plan),
    changes: plan.changes,
    forceNewDeployment: plan.forceNewDeployment,
    deleteBeforeReplace: plan.deleteBeforeReplace,
  };
  if (kind === 'service' && verdict === 'new deployment' && controller === 'ECS') {
    const daemon = after.schedulingStrategy === 'DAEMON';
    const cfg = (after.deploymentConfiguration ?? {}) as { minimumHealthyPercent?: number; maximumPercent?: number };
    const desired = typeof after.desiredCount === 'number' ? after.desiredCount : typeof before.desiredCount === 'number' ? before.desiredCount : 0;
    result.rollout = rolloutArithmetic(desired, cfg.minimumHealthyPercent ?? (daemon ? 0 : 100), cfg.maximumPercent ?? (daemon ? 100 : 200));
  }
  return result;
}

function fails(result: DiffResult, failOn: FailOn): boolean {
  const rank: Record<DiffResult['verdict'], number> = { 'no change': -1, 'in place': 0, 'new deployment': 1, replace: 2, refused: 3 };
  return rank[result.verdict] >= FAIL_ORDER.indexOf(failOn);
}

/** Runs `ecsdef diff` with the arguments after `diff`; returns the exit code. Never throws. */
export function runDiff(argv: readonly string[], io: DiffIo): number {
  // Every stderr line quotes file names, arguments or foreign messages: control characters escaped.
  const say = (line: string) => io.stderr(`${escapeControlCharacters(line)}\n`);
  let opts: Options;
  try {
    opts = parseArgs(argv);
  } catch (err) {
    say(`ecsdef diff: ${(err as Error).message}`);
    io.stderr(DIFF_USAGE);
    return 2;
  }
  if (opts.help) {
    io.stdout(DIFF_USAGE);
    return 0;
  }
  let before: Loaded;
  let after: Loaded;
  try {
    before = load(opts.files[0], io, opts.kind);
    after = load(opts.files[1], io, opts.kind);
  } catch (err) {
    say(`ecsdef diff: ${(err as Error).message}`);
    return 2;
  }
  const kind = diffKindOf(before.kind);
  if (diffKindOf(after.kind) !== kind) {
    say(`ecsdef diff: ${opts.files[0]} is ${before.kind === 'ecspresso' || before.kind === 'service' ? 'an ECS service' : 'an Express gateway service'} definition and ${opts.files[1]} is not; compare two of the same kind`);
    return 2;
  }
  let invalid = false;
  for (const [file, loaded] of [[opts.files[0], before], [opts.files[1], after]] as const) {
    const errors = validate(loaded.value, loaded.kind).filter((p) => p.severity === 'error');
    for (const p of errors) say(`${file}: ${p.pointer || '/'}: [${p.ruleId}] ${p.message}`);
    invalid ||= errors.length > 0;
  }
  const result = diffDefinitions(before.value, after.value, [opts.files[0], opts.files[1]], { ...opts, kind });
  io.stdout(diffReporters[opts.format](opts.showValues ? result : withSensitiveMasked(result)));
  return invalid || fails(result, opts.failOn) ? 1 : 0;
}
