/**
 * Maps the SDK model plus the overlay to one draft-07 JSON Schema per definition kind.
 * Pure: no file I/O (see main.ts).
 */
import { kindEntry } from '../kinds';
import type { DefinitionKind } from '../problem';
import { overlayEntries, serviceChangeClasses, expressChangeClasses, controllerRemedies, expressUpdatableSource } from '../overlay';
import type { ChangeAnnotation, OverlayEntry } from '../overlay';
import { enumValueDocs, htmlToMarkdown, htmlToText } from './doc-html';
import type { Member, SdkModel, Shape, StructureShape, TypeRef } from './sdk-model';

export type JsonSchema = Record<string, unknown>;

interface KindSpec {
  kind: DefinitionKind;
  root: string;
  /** Members of the root removed from this kind. */
  omit?: string[];
  /** Members not required in this kind although the root requires them. */
  optional?: string[];
  changeClasses?: 'service' | 'express';
  /** Members of this shape accepted but reported as output-only (ecspresso). */
  outputOnlyFrom?: string;
  /** Shape members not required in this kind (a described service omits them), with the reason. */
  relaxRequired?: { members: Record<string, string[]>; source: string };
}

export const KIND_SPECS: KindSpec[] = [
  { kind: 'service', root: 'CreateServiceRequest', changeClasses: 'service' },
  { kind: 'update-service', root: 'UpdateServiceRequest' },
  {
    kind: 'express-service',
    root: 'CreateExpressGatewayServiceRequest',
    changeClasses: 'express',
  },
  { kind: 'express-update', root: 'UpdateExpressGatewayServiceRequest' },
  {
    kind: 'ecspresso',
    root: 'CreateServiceRequest',
    optional: ['serviceName'],
    changeClasses: 'service',
    outputOnlyFrom: 'Service',
    relaxRequired: {
      members: { DeploymentAlarms: ['alarmNames'] },
      source: 'ECS API Reference, DescribeServices (a service without alarms returns alarms with enable and rollback only)',
    },
  },
];

export const SCHEMA_BASE_URL = 'https://ecsdef.dev/schemas/';
export const schemaFileName = (kind: DefinitionKind): string => kindEntry(kind).schemaFile;

class SchemaBuilder {
  readonly definitions: Record<string, JsonSchema> = {};
  constructor(private readonly model: SdkModel) {}

  shape(name: string): Shape {
    const shape = this.model.shapes.get(name);
    if (!shape) throw new Error(`shape ${name} is not in the SDK model`);
    return shape;
  }

  /** Schema of one member: type, docs, per-value enum docs. */
  member(member: Member): JsonSchema {
    const schema = this.typeSchema(member.type, member.doc);
    const doc = member.doc || this.docOfType(member.type);
    return doc ? { description: htmlToText(doc), markdownDescription: htmlToMarkdown(doc), ...schema } : schema;
  }

  private docOfType(type: TypeRef): string {
    while (type.kind === 'list') type = type.items;
    if (type.kind !== 'named') return '';
    const shape = this.shape(type.name);
    return shape.kind === 'enum' ? '' : shape.doc;
  }

  typeSchema(type: TypeRef, doc: string): JsonSchema {
    switch (type.kind) {
      case 'string':
        return { type: 'string' };
      case 'number':
        return { type: 'number' };
      case 'boolean':
        return { type: 'boolean' };
      case 'timestamp':
        return { type: ['string', 'number'] };
      case 'document':
        return {};
      case 'list':
        return { type: 'array', items: this.typeSchema(type.items, doc) };
      case 'map':
        return { type: 'object', additionalProperties: this.typeSchema(type.values, doc) };
      case 'named': {
        const shape = this.shape(type.name);
        if (shape.kind === 'enum') return this.enumSchema(shape.values, doc);
        this.define(shape);
        return { $ref: `#/definitions/${shape.name}` };
      }
    }
  }

  private enumSchema(values: string[], doc: string): JsonSchema {
    const schema: JsonSchema = { type: 'string', enum: [...values] };
    const docs = enumValueDocs(doc, values);
    if (docs.size > 0) schema.enumDescriptions = values.map((v) => docs.get(v) ?? '');
    return schema;
  }

  define(shape: Exclude<Shape, { kind: 'enum' }>): void {
    if (this.definitions[shape.name]) return;
    const node: JsonSchema = { title: shape.name };
    this.definitions[shape.name] = node; // placed first: recursion stops here
    Object.assign(node, this.objectSchema(shape.members, shape.doc));
    if (shape.kind === 'union') Object.assign(node, { minProperties: 1, maxProperties: 1 });
  }

  objectSchema(members: Member[], doc: string): JsonSchema {
    const properties: Record<string, JsonSchema> = {};
    for (const m of members) properties[m.name] = this.member(m);
    const required = members.filter((m) => m.required).map((m) => m.name);
    return {
      ...(doc ? { description: htmlToText(doc), markdownDescription: htmlToMarkdown(doc) } : {}),
      type: 'object',
      additionalProperties: false,
      properties,
      ...(required.length ? { required } : {}),
    };
  }
}

/** Builds every kind's schema. Throws if an overlay entry addresses nothing (keeps the overlay honest). */
export function buildSchemas(model: SdkModel): Map<DefinitionKind, JsonSchema> {
  const used = new Set<OverlayEntry>();
  const out = new Map<DefinitionKind, JsonSchema>();
  for (const spec of KIND_SPECS) out.set(spec.kind, buildKind(model, spec, used));
  const unused = overlayEntries.filter((e) => !used.has(e));
  if (unused.length) throw new Error(`overlay entries match no schema node: ${unused.map((e) => e.target).join(', ')}`);
  return out;
}

function buildKind(model: SdkModel, spec: KindSpec, used: Set<OverlayEntry>): JsonSchema {
  const builder = new SchemaBuilder(model);
  const root = builder.shape(spec.root) as StructureShape;
  const members = root.members.filter((m) => !spec.omit?.includes(m.name));
  const body = builder.objectSchema(members, root.doc);
  const properties = body.properties as Record<string, JsonSchema>;
  if (spec.optional && body.required) {
    body.required = (body.required as string[]).filter((r) => !spec.optional!.includes(r));
    if ((body.required as string[]).length === 0) delete body.required;
  }
  if (spec.outputOnlyFrom) addOutputOnly(builder, spec.outputOnlyFrom, properties);
  applyOverlay(spec.root, properties, builder.definitions, used);
  if (spec.relaxRequired) relaxRequired(builder.definitions, spec.relaxRequired);
  if (spec.changeClasses === 'service') annotateServiceChanges(properties);
  if (spec.changeClasses === 'express') annotateExpressChanges(model, properties);
  const definitions: Record<string, JsonSchema> = {};
  for (const name of Object.keys(builder.definitions).sort()) definitions[name] = builder.definitions[name];
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: SCHEMA_BASE_URL + schemaFileName(spec.kind),
    title: kindEntry(spec.kind).title,
    'x-ecsdef-kind': spec.kind,
    'x-ecsdef-sdk': { package: '@aws-sdk/client-ecs', version: model.version, shape: spec.root },
    ...(spec.changeClasses === 'service' ? { 'x-ecsdef-controller-remedies': controllerRemedies } : {}),
    ...body,
    // `$schema` in a definition file selects the schema in editors; allow it everywhere.
    properties: { $schema: { type: 'string', description: 'The JSON Schema of this file (editor hint).' }, ...properties },
    definitions,
  };
}

function addOutputOnly(builder: SchemaBuilder, shapeName: string, properties: Record<string, JsonSchema>): void {
  const shape = builder.shape(shapeName) as StructureShape;
  for (const m of shape.members) {
    if (properties[m.name]) continue;
    properties[m.name] = { ...builder.member(m), 'x-ecsdef-output-only': 'DescribeServices returns it, CreateService does not take it' };
  }
  // ecspresso takes these from its own configuration; values in the file are ignored.
  for (const name of ['cluster', 'serviceName', 'taskDefinition']) {
    if (properties[name]) properties[name]['x-ecsdef-output-only'] = 'ecspresso takes it from its own configuration';
  }
}

function relaxRequired(definitions: Record<string, JsonSchema>, relax: NonNullable<KindSpec['relaxRequired']>): void {
  for (const [shape, members] of Object.entries(relax.members)) {
    const node = definitions[shape];
    if (!node || !Array.isArray(node.required)) throw new Error(`relaxRequired: ${shape} has no required members`);
    node.required = (node.required as string[]).filter((m) => !members.includes(m));
    if ((node.required as string[]).length === 0) delete node.required;
    node['x-ecsdef-source'] = [...((node['x-ecsdef-source'] as string[]) ?? []), relax.source];
  }
}

function applyOverlay(rootName: string, rootProps: Record<string, JsonSchema>, definitions: Record<string, JsonSchema>, used: Set<OverlayEntry>): void {
  for (const entry of overlayEntries) {
    const match = /^(\w+)\.(\w+)(\[\])?$/.exec(entry.target);
    if (!match) throw new Error(`bad overlay target ${entry.target}`);
    const [, shapeName, memberName, items] = match;
    const props =
      shapeName === rootName ? rootProps : (definitions[shapeName]?.properties as Record<string, JsonSchema> | undefined);
    if (!props) continue;
    let node = props[memberName];
    if (!node) {
      // An overlay may add a documented member the model lacks (marked, e.g. x-ecsdef-not-in-api).
      if (!entry.patch.type) continue;
      node = props[memberName] = {};
    }
    if (items) node = node.items as JsonSchema;
    Object.assign(node, entry.patch, { 'x-ecsdef-source': [...((node['x-ecsdef-source'] as string[]) ?? []), entry.source] });
    used.add(entry);
  }
}

function annotateServiceChanges(properties: Record<string, JsonSchema>): void {
  for (const [name, schema] of Object.entries(properties)) {
    const annotation: ChangeAnnotation | undefined = serviceChangeClasses[name];
    if (annotation) schema['x-ecsdef-change'] = annotation;
    else if (!schema['x-ecsdef-output-only'] && name !== '$schema' && !schema['x-ecsdef-not-in-api']) {
      throw new Error(`CreateService member ${name} has no change class: add it to overlay/change-classes.ts`);
    }
  }
}

function annotateExpressChanges(model: SdkModel, properties: Record<string, JsonSchema>): void {
  const update = model.shapes.get('UpdateExpressGatewayServiceRequest') as StructureShape;
  const updatable = new Set(update.members.map((m) => m.name));
  for (const [name, schema] of Object.entries(properties)) {
    if (name === '$schema') continue;
    const annotation: ChangeAnnotation =
      expressChangeClasses[name] ??
      (updatable.has(name)
        ? { class: 'deployment', source: expressUpdatableSource }
        : { class: 'replace', source: 'ECS API Reference, UpdateExpressGatewayService (the update request has no such member)' });
    // The SDK's request shapes win over the table: a "new revision" member must be updatable.
    if (annotation.class === 'deployment' && !updatable.has(name)) {
      throw new Error(`Express member ${name} is classed deployment but UpdateExpressGatewayServiceRequest has no such member: fix overlay/change-classes.ts`);
    }
    schema['x-ecsdef-change'] = annotation;
  }
}
