/**
 * recognise(input) -> the kind a document is checked as, or why it is not a definition.
 *
 * One function for every front end. In order:
 *   1. the kind the caller was told (`--kind`, the config's `files`, an editor setting);
 *   2. a `$schema` naming a kind's schema;
 *   3. a well-known file of another tool (package.json, ecspresso.yml, ...) or content that is
 *      clearly something else (foreign-shapes.ts): never a definition;
 *   4. the file name's kind, when the content fits that kind;
 *   5. the content alone: most top-level keys are members of a kind's shape (a misspelt key
 *      counts as the member it is close to), at least one of them distinctive.
 * A definition with mistakes is still a definition: misspelt or unknown keys lower the fit but
 * do not make the document vanish while most of its keys are real members.
 */
import { editDistance } from './edit-distance';
import { foreignShapeOf } from './foreign-shapes';
import { requireGenerated } from './generated-files';
import { foreignFileNameOf, KINDS, kindEntry, kindFromSchemaRef, type KindEntry } from './kinds';
import { isPlainObject } from './pointer';
import type { DefinitionKind } from './problem';

/** Where a kind came from, as results and notices say it. */
export type KindSource = 'option' | 'config' | '$schema' | 'file name' | 'content';

export type Recognition = { kind: DefinitionKind; source: KindSource } | { kind: undefined; reason: string };

export interface RecogniseInput {
  /** The parsed value (partial after a syntax error). */
  value: unknown;
  /** The document's `$schema` (or YAML modeline), if any. */
  schemaRef?: string;
  /** `--kind` or an equivalent explicit choice. */
  forced?: DefinitionKind;
  /** The kind a configured glob (config `files`, editor settings) gives the file's name. */
  configured?: DefinitionKind;
  /** The kind the built-in file-name patterns give the file's name. */
  nameKind?: DefinitionKind;
  /** The file's name or path: a well-known file of another tool is never a definition. */
  fileName?: string;
  /** The text did not parse: `value` is what the parser recovered and says little about the kind. */
  broken?: boolean;
}

/** Why a document with keys is not a definition; also what the walk's cheap text test says. */
export const NO_SERVICE_KEYS = 'its keys are not those of an ECS service definition';

/** Share of top-level keys that must be members (or near-misses) of a kind's shape. */
const MIN_FIT = 0.5;

export function recognise(input: RecogniseInput): Recognition {
  if (input.forced) return { kind: input.forced, source: 'option' };
  if (input.configured) return { kind: input.configured, source: 'config' };
  const fromSchema = input.schemaRef === undefined ? undefined : kindFromSchemaRef(input.schemaRef);
  if (fromSchema) return { kind: fromSchema, source: '$schema' };

  const foreignName = input.fileName === undefined ? undefined : foreignFileNameOf(input.fileName);
  if (foreignName) return { kind: undefined, reason: `its name is that of ${foreignName}` };

  const { value, nameKind } = input;
  if (!isPlainObject(value)) {
    if (nameKind) return { kind: nameKind, source: 'file name' };
    return { kind: undefined, reason: value === undefined ? 'no content could be read' : 'its content is not an object' };
  }
  // What the parser recovered from broken text is no evidence either way: the name decides.
  if (nameKind && input.broken) return { kind: nameKind, source: 'file name' };
  const foreign = foreignShapeOf(value);
  if (foreign) return { kind: undefined, reason: `looks like ${foreign}` };

  const keys = Object.keys(value).filter((k) => k !== '$schema');
  const content = kindFromContent(value, keys);
  if (nameKind && (keys.length === 0 || evidenceFor(kindEntry(nameKind), keys).fit >= MIN_FIT)) {
    // The name breaks ties; content that settles the kind (Express members, an UpdateService
    // `service`, DescribeServices output, a CreateService naming its service and task
    // definition) overrules it.
    if (content?.settled && content.kind !== nameKind) return { kind: content.kind, source: 'content' };
    return { kind: nameKind, source: 'file name' };
  }
  if (content) return { kind: content.kind, source: 'content' };
  return { kind: undefined, reason: keys.length === 0 ? 'it is empty' : NO_SERVICE_KEYS };
}

interface Evidence {
  /** Share of keys that are members or near-misses of the kind's shape. */
  fit: number;
  /** Exact members that are not generic (a misspelling is not evidence on its own). */
  distinctive: number;
}

/**
 * The kind the content alone gives, or undefined when no kind fits; `settled` when a decisive
 * member (or, for CreateService, both `serviceName` and `taskDefinition`) says so.
 */
function kindFromContent(value: Record<string, unknown>, keys: readonly string[]): { kind: DefinitionKind; settled: boolean } | undefined {
  const fits = (kind: DefinitionKind): boolean => {
    const evidence = evidenceFor(kindEntry(kind), keys);
    return evidence.fit >= MIN_FIT && evidence.distinctive > 0;
  };
  const has = (key: string): boolean => Object.prototype.hasOwnProperty.call(value, key);
  const decisive = (kind: DefinitionKind): boolean =>
    kindEntry(kind).decisiveKeys.some((key) => has(key) && (key !== 'service' || typeof value.service === 'string'));
  if (decisive('express-update') && has('serviceArn') && fits('express-update')) return { kind: 'express-update', settled: true };
  if (decisive('express-service') && fits('express-service')) return { kind: 'express-service', settled: true };
  if (decisive('update-service') && fits('update-service')) return { kind: 'update-service', settled: true };
  if (decisive('ecspresso') && fits('ecspresso')) return { kind: 'ecspresso', settled: true };
  // A CreateService input names its service; what `ecspresso init` writes never does.
  if (!has('serviceName') && fits('ecspresso')) return { kind: 'ecspresso', settled: false };
  if (fits('service')) return { kind: 'service', settled: has('taskDefinition') };
  return undefined;
}

function evidenceFor(entry: KindEntry, keys: readonly string[]): Evidence {
  if (keys.length === 0) return { fit: 0, distinctive: 0 };
  const members = membersOf(entry.kind);
  const generic = genericOf(entry);
  let matched = 0;
  let distinctive = 0;
  for (const key of keys) {
    if (members.has(key)) {
      matched++;
      if (!generic.has(key)) distinctive++;
    } else if (nearestMember(key, members) !== undefined) {
      matched++;
    }
  }
  return { fit: matched / keys.length, distinctive };
}

let evidencePattern: RegExp | undefined;

/**
 * A cheap test on raw text for documents nobody named: false when the text holds none of the
 * distinctive member names and no schema reference, so recognise() could not accept it anyway
 * and the walk need not parse it (a repository's package-lock.json, say).
 */
export function mightBeDefinition(text: string): boolean {
  if (!evidencePattern) {
    const words = new Set<string>(['schema.json']);
    for (const entry of KINDS) {
      const generic = genericOf(entry);
      for (const member of membersOf(entry.kind)) if (!generic.has(member)) words.add(member);
    }
    evidencePattern = new RegExp([...words].map((w) => w.replace(/[.$]/g, '\\$&')).join('|'));
  }
  return evidencePattern.test(text);
}

const genericSets = new Map<DefinitionKind, ReadonlySet<string>>();
function genericOf(entry: KindEntry): ReadonlySet<string> {
  let set = genericSets.get(entry.kind);
  if (!set) genericSets.set(entry.kind, (set = new Set(entry.genericKeys)));
  return set;
}

let topLevelKeys: Record<DefinitionKind, string[]> | undefined;
const memberSets = new Map<DefinitionKind, ReadonlySet<string>>();

/** Top-level members of a kind's schema, from the small generated table (not the whole schema). */
function membersOf(kind: DefinitionKind): ReadonlySet<string> {
  let set = memberSets.get(kind);
  if (!set) {
    topLevelKeys ??= requireGenerated<Record<DefinitionKind, string[]>>('top-level-keys.json');
    set = new Set(topLevelKeys[kind]);
    memberSets.set(kind, set);
  }
  return set;
}

/**
 * The member a key is a plausible misspelling of: the same letters in another case, or within
 * one edit (two for long names; a swap of neighbours counts as one).
 */
function nearestMember(key: string, members: ReadonlySet<string>): string | undefined {
  const lower = key.toLowerCase();
  const limit = key.length >= 10 ? 2 : key.length >= 5 ? 1 : 0;
  for (const member of members) {
    if (member.toLowerCase() === lower) return member;
    if (limit > 0 && Math.abs(member.length - key.length) <= limit && editDistance(lower, member.toLowerCase(), limit) <= limit) return member;
  }
  return undefined;
}
