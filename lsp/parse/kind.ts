import { isPlainObject } from '../../schemas/pointer';
import { DEFINITION_KINDS, type DefinitionKind } from '../../schemas/problem';
import type { Comment } from './ast';

/**
 * What a document says about its own kind: a `$schema` reference naming a kind's schema file,
 * or its shape. File-name patterns are the caller's business (CLI config, editor settings).
 */

/** File name of each kind's generated schema; a `$schema` ending in one of them selects the kind. */
export const SCHEMA_FILE_NAMES: Readonly<Record<DefinitionKind, string>> = {
  service: 'service.schema.json',
  'update-service': 'update-service.schema.json',
  'express-service': 'express-service.schema.json',
  'express-update': 'express-update.schema.json',
  ecspresso: 'ecspresso.schema.json',
};

/** The kind whose schema file is the last path segment of `ref` (a URL, a path, a `file:` URI). */
export function kindFromSchemaRef(ref: string): DefinitionKind | undefined {
  const path = ref.split(/[?#]/)[0];
  const base = path.slice(path.lastIndexOf('/') + 1);
  return DEFINITION_KINDS.find((kind) => SCHEMA_FILE_NAMES[kind] === base);
}

const MODELINE = /^yaml-language-server:\s*\$schema=(\S+)/;

/** `$schema` of a document: its top-level `$schema` string, or a yaml-language-server modeline. */
export function schemaRefOf(value: unknown, comments: readonly Comment[]): string | undefined {
  if (isPlainObject(value) && typeof value.$schema === 'string') return value.$schema;
  for (const comment of comments) {
    const match = MODELINE.exec(comment.text);
    if (match) return match[1];
  }
  return undefined;
}

/** Fields only the Express gateway service requests have. */
const EXPRESS_FIELDS = [
  'primaryContainer',
  'infrastructureRoleArn',
  'scalingTarget',
  'healthCheckPath',
  'cpuArchitecture',
  'taskDefinitionArn',
  'executionRoleArn',
  'taskRoleArn',
];
/** DescribeServices output fields: an ecspresso definition is a described service. */
const DESCRIBED_FIELDS = ['serviceArn', 'clusterArn', 'status', 'runningCount', 'pendingCount', 'deployments', 'events', 'createdAt', 'createdBy'];

/**
 * Kind from the shape of a parsed definition, or undefined for a non-object.
 * - `serviceArn` with Express fields: UpdateExpressGatewayService input;
 * - Express fields: CreateExpressGatewayService input;
 * - a `service` key: UpdateService input;
 * - DescribeServices output fields: an ecspresso definition;
 * - anything else: CreateService input.
 */
export function kindFromContent(value: unknown): DefinitionKind | undefined {
  if (!isPlainObject(value)) return undefined;
  const has = (key: string): boolean => Object.prototype.hasOwnProperty.call(value, key);
  const express = EXPRESS_FIELDS.some(has);
  if (express && has('serviceArn')) return 'express-update';
  if (express) return 'express-service';
  if (has('service')) return 'update-service';
  if (DESCRIBED_FIELDS.some(has)) return 'ecspresso';
  return 'service';
}
