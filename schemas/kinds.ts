/**
 * The registry of definition kinds: for each kind its title, its schema file, the file names it
 * goes by in the wild and the content that gives it away. Every front end reads this table (the
 * CLI walk and its default patterns, the pre-commit hook, the language server, the VS Code
 * manifest, `ecsdef diff`, the Pulumi `definitionFile`); `recognise.ts` applies it.
 *
 * Members of each kind's shape are not listed here: they come from the generated schemas
 * (`generated/top-level-keys.json`), so a field the SDK adds is recognised without an edit.
 */
import type { DefinitionKind } from './problem';

export interface KindEntry {
  kind: DefinitionKind;
  title: string;
  /** Last path segment of the kind's schema; a `$schema` ending in it selects the kind. */
  schemaFile: string;
  /**
   * File-name globs (`*` only, matched against the base name without its extension), most
   * specific kinds first in `KINDS`. A name only breaks ties: the content may say otherwise.
   */
  fileNames: readonly string[];
  /** Extensions (without the dot) a file of this kind is written with. */
  extensions: readonly string[];
  /**
   * Keys that settle the kind when present (and the content fits the kind): `service` (a
   * string) for UpdateService, the Express-only members for Express, and so on.
   */
  decisiveKeys: readonly string[];
  /**
   * The tool that reads this kind treats empty strings and nulls as absent (ecspresso decodes
   * with the Go SDK, whose zero values are "not set"): they are removed before validation.
   */
  emptyMeansAbsent?: boolean;
  /**
   * Members too generic to count as evidence that a document is an ECS definition at all
   * (Lightsail, App Runner and app configs have them too).
   */
  genericKeys: readonly string[];
}

const DATA_EXTENSIONS = ['json', 'yaml', 'yml'] as const;
/** ecspresso renders Jsonnet (`ecs-service-def.jsonnet`) before it reads a definition. */
const ECSPRESSO_EXTENSIONS = [...DATA_EXTENSIONS, 'jsonnet'] as const;

/** Members shared by every service-shaped kind that say little on their own. */
const GENERIC_SERVICE_KEYS = ['serviceName', 'cluster', 'tags', 'role', 'clientToken', 'monitoring', 'service', 'status', 'events', 'createdAt', 'createdBy', 'deployments', 'platformFamily'];
/** DescribeServices members that a CreateService input never has: an ecspresso file (or a described service). */
export const DESCRIBED_ONLY_KEYS = [
  'serviceArn',
  'clusterArn',
  'status',
  'runningCount',
  'pendingCount',
  'deployments',
  'events',
  'createdAt',
  'createdBy',
  'roleArn',
  'taskSets',
  'resourceManagementType',
  'currentServiceDeployment',
  'currentServiceRevisions',
];
/** Members only the Express gateway requests have (`cpu`, `memory` and the role ARNs are shared with task definitions). */
const EXPRESS_ONLY_KEYS = ['primaryContainer', 'infrastructureRoleArn', 'scalingTarget', 'healthCheckPath', 'taskDefinitionArn', 'cpuArchitecture'];

/** In the order names are tried: specific names before generic ones. */
export const KINDS: readonly KindEntry[] = [
  {
    kind: 'ecspresso',
    title: 'ecspresso service definition (ecs-service-def)',
    schemaFile: 'ecspresso.schema.json',
    fileNames: ['*service-def*', 'sv'],
    extensions: ECSPRESSO_EXTENSIONS,
    decisiveKeys: DESCRIBED_ONLY_KEYS,
    genericKeys: GENERIC_SERVICE_KEYS,
    emptyMeansAbsent: true,
  },
  {
    kind: 'express-update',
    title: 'ECS UpdateExpressGatewayService input',
    schemaFile: 'express-update.schema.json',
    fileNames: ['*express-update*', 'update-express-gateway-service*'],
    extensions: DATA_EXTENSIONS,
    decisiveKeys: EXPRESS_ONLY_KEYS,
    genericKeys: ['serviceArn', 'executionRoleArn', 'taskRoleArn', 'cpu', 'memory', 'networkConfiguration'],
  },
  {
    kind: 'express-service',
    title: 'ECS Express gateway service definition (CreateExpressGatewayService input)',
    schemaFile: 'express-service.schema.json',
    fileNames: ['*express-service*', '*express-def*', 'create-express-gateway-service*', '*express-gateway*'],
    extensions: ECSPRESSO_EXTENSIONS,
    decisiveKeys: EXPRESS_ONLY_KEYS,
    genericKeys: ['serviceName', 'cluster', 'tags', 'executionRoleArn', 'taskRoleArn', 'cpu', 'memory', 'networkConfiguration'],
  },
  {
    kind: 'update-service',
    title: 'ECS UpdateService input',
    schemaFile: 'update-service.schema.json',
    fileNames: ['*update-service*'],
    extensions: DATA_EXTENSIONS,
    decisiveKeys: ['service', 'forceNewDeployment'],
    genericKeys: GENERIC_SERVICE_KEYS,
  },
  {
    kind: 'service',
    title: 'ECS service definition (CreateService input)',
    schemaFile: 'service.schema.json',
    fileNames: ['create-service*', 'service-definition*', 'service-bluegreen*', 'ecs-service*', '*.ecs-service', '*.service'],
    extensions: DATA_EXTENSIONS,
    decisiveKeys: [],
    genericKeys: GENERIC_SERVICE_KEYS,
  },
];

/**
 * Well-known files of other tools, never definitions whatever they hold (a package.json with a
 * `desiredCount` script is still a package.json), by base name (`*` only).
 */
export const FOREIGN_FILE_NAMES: ReadonlyArray<{ names: readonly string[]; label: string }> = [
  { names: ['package.json', 'package-lock.json', 'npm-shrinkwrap.json', 'pnpm-lock.yaml', 'lerna.json', 'nx.json', 'turbo.json'], label: 'a Node.js project file' },
  { names: ['tsconfig*.json', 'jsconfig*.json', '.eslintrc*', '.prettierrc*', '.babelrc*', 'renovate.json', '.renovaterc*', 'biome.json', 'deno.json'], label: 'a tool configuration' },
  { names: ['.ecsdef.json', '.ecsdef.yaml', '.ecsdef.yml'], label: 'the ecsdef configuration' },
  { names: ['ecspresso.yml', 'ecspresso.yaml', 'ecspresso.json', 'ecspresso.jsonnet', 'config.jsonnet'], label: 'an ecspresso config' },
  { names: ['ecs-task-def*', 'task-definition*', 'taskdef*', '*-task-def*', '*-taskdef*'], label: 'an ECS task definition' },
  { names: ['docker-compose*', 'compose.yaml', 'compose.yml', 'compose.*.yaml', 'compose.*.yml'], label: 'a Compose file' },
  { names: ['.pre-commit-config.yaml', '.pre-commit-hooks.yaml', '.gitlab-ci.yml', 'buildspec*.yml', 'buildspec*.yaml', 'appspec.yml', 'appspec.yaml', 'appspec.json', 'action.yml', 'action.yaml', 'mkdocs.yml', 'serverless.yml', 'serverless.yaml', 'cdk.json', 'Chart.yaml', 'kustomization.yaml', 'kustomization.yml', 'samconfig.toml', 'codecov.yml', '.codecov.yml', 'dependabot.yml'], label: 'a build, CI or deployment tool file' },
];

const FOREIGN_NAME_TESTS = FOREIGN_FILE_NAMES.map(({ names, label }) => ({
  label,
  regex: new RegExp(`^(${names.map((glob) => glob.split('*').map(escapeRegex).join('.*')).join('|')})$`),
}));

/** The label of the tool whose well-known file `fileName` (a base name or a path) is, or undefined. */
export function foreignFileNameOf(fileName: string): string | undefined {
  const base = fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
  return FOREIGN_NAME_TESTS.find((test) => test.regex.test(base))?.label;
}

/** Kinds in the order their file names are tried. */
export const KIND_ORDER: readonly DefinitionKind[] = KINDS.map((entry) => entry.kind);

const BY_KIND = new Map(KINDS.map((entry) => [entry.kind, entry]));

export function kindEntry(kind: DefinitionKind): KindEntry {
  return BY_KIND.get(kind) as KindEntry;
}

/** Extensions of any kind: the files a directory walk reads to recognise them by content. */
export const DEFINITION_EXTENSIONS: readonly string[] = [...new Set(KINDS.flatMap((k) => k.extensions))];

/** The kind whose schema file is the last path segment of `ref` (a URL, a path, a `file:` URI). */
export function kindFromSchemaRef(ref: string): DefinitionKind | undefined {
  const path = ref.split(/[?#]/)[0];
  const base = path.slice(path.lastIndexOf('/') + 1);
  return KINDS.find((entry) => entry.schemaFile === base)?.kind;
}

/**
 * A kind's file names as one regular expression over a path with `/` separators (the base
 * name, any directory). Globs hold only `*`, so the expression has no nested quantifiers.
 */
export function fileNameRegex(entry: KindEntry): RegExp {
  const names = entry.fileNames.map((glob) => glob.split('*').map(escapeRegex).join('[^/]*'));
  return new RegExp(`(^|/)(${names.join('|')})\\.(${entry.extensions.join('|')})$`);
}

/** The same names as globs with a directory prefix (`**\/name.{json,yaml}`), for the config glob matcher (lsp/cli/glob.ts) and VS Code. */
export function fileNameGlobs(entry: KindEntry): string[] {
  return entry.fileNames.map((name) => `**/${name}.{${entry.extensions.join(',')}}`);
}

function escapeRegex(text: string): string {
  return text.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
}
