/**
 * Reads the documented request shapes shipped in `@aws-sdk/client-ecs` (its `.d.ts` models with
 * doc comments) into a small, JSON-like model: structures with members, and string enums.
 * Nothing here knows about JSON Schema; `build-schemas.ts` does the mapping.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

export type TypeRef =
  | { kind: 'string' }
  | { kind: 'number' }
  | { kind: 'boolean' }
  | { kind: 'timestamp' }
  | { kind: 'document' }
  | { kind: 'list'; items: TypeRef }
  | { kind: 'map'; values: TypeRef }
  | { kind: 'named'; name: string };

export interface Member {
  name: string;
  /** Doc comment HTML as shipped in the SDK (may be empty). */
  doc: string;
  required: boolean;
  type: TypeRef;
}

export interface StructureShape {
  kind: 'structure';
  name: string;
  doc: string;
  members: Member[];
}

export interface EnumShape {
  kind: 'enum';
  name: string;
  values: string[];
}

/** A tagged union (smithy `union`): an object with exactly one of its members set. */
export interface UnionShape {
  kind: 'union';
  name: string;
  doc: string;
  members: Member[];
}

export type Shape = StructureShape | EnumShape | UnionShape;

export interface SdkModel {
  /** Version of the package the model was read from (recorded in the generated files). */
  version: string;
  shapes: Map<string, Shape>;
}

/** Locates the installed SDK package; generation reads only installed files (works offline). */
export function sdkPackageDir(): string {
  return path.dirname(require.resolve('@aws-sdk/client-ecs/package.json'));
}

export function readSdkModel(packageDir = sdkPackageDir()): SdkModel {
  const modelsDir = path.join(packageDir, 'dist-types', 'models');
  const files = fs
    .readdirSync(modelsDir)
    .filter((f) => f.endsWith('.d.ts'))
    .sort();
  const shapes = new Map<string, Shape>();
  for (const file of files) {
    const text = fs.readFileSync(path.join(modelsDir, file), 'utf8');
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    for (const statement of source.statements) readStatement(statement, shapes);
  }
  const { version } = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8'));
  return { version, shapes };
}

function readStatement(node: ts.Statement, shapes: Map<string, Shape>): void {
  if (ts.isInterfaceDeclaration(node)) {
    const members: Member[] = [];
    for (const m of node.members) {
      if (!ts.isPropertySignature(m) || !m.type || !ts.isIdentifier(m.name)) continue;
      members.push({
        name: m.name.text,
        doc: docOf(m),
        // The SDK marks required members by omitting `?`.
        required: !m.questionToken,
        type: typeRefOf(m.type),
      });
    }
    shapes.set(node.name.text, { kind: 'structure', name: node.name.text, doc: docOf(node), members });
    return;
  }
  // Unions are shipped as `export type X = X.AMember | X.$UnknownMember` plus a namespace X whose
  // interfaces each carry one member.
  if (ts.isTypeAliasDeclaration(node) && ts.isUnionTypeNode(node.type)) {
    shapes.set(node.name.text, { kind: 'union', name: node.name.text, doc: docOf(node), members: [] });
    return;
  }
  if (ts.isModuleDeclaration(node) && node.body && ts.isModuleBlock(node.body)) {
    const union = shapes.get(node.name.text);
    if (!union || union.kind !== 'union') return;
    for (const iface of node.body.statements) {
      if (!ts.isInterfaceDeclaration(iface) || !iface.name.text.endsWith('Member') || iface.name.text === '$UnknownMember') continue;
      const prop = iface.members.find(
        (m): m is ts.PropertySignature => ts.isPropertySignature(m) && ts.isIdentifier(m.name) && m.name.text !== '$unknown',
      );
      if (!prop || !prop.type || !ts.isIdentifier(prop.name)) continue;
      union.members.push({ name: prop.name.text, doc: docOf(iface), required: false, type: typeRefOf(prop.type) });
    }
    return;
  }
  // Enums are shipped as `export declare const X: { readonly A: "A"; ... }`.
  if (ts.isVariableStatement(node)) {
    for (const decl of node.declarationList.declarations) {
      if (!ts.isIdentifier(decl.name) || !decl.type || !ts.isTypeLiteralNode(decl.type)) continue;
      const values: string[] = [];
      for (const m of decl.type.members) {
        if (ts.isPropertySignature(m) && m.type && ts.isLiteralTypeNode(m.type) && ts.isStringLiteral(m.type.literal)) {
          values.push(m.type.literal.text);
        }
      }
      if (values.length > 0) shapes.set(decl.name.text, { kind: 'enum', name: decl.name.text, values });
    }
  }
}

function typeRefOf(node: ts.TypeNode): TypeRef {
  if (ts.isUnionTypeNode(node)) {
    const parts = node.types.filter((t) => t.kind !== ts.SyntaxKind.UndefinedKeyword);
    if (parts.length === 1) return typeRefOf(parts[0]);
    throw new Error(`unsupported union type: ${node.getText()}`);
  }
  if (ts.isParenthesizedTypeNode(node)) return typeRefOf(node.type);
  if (ts.isArrayTypeNode(node)) return { kind: 'list', items: typeRefOf(node.elementType) };
  switch (node.kind) {
    case ts.SyntaxKind.StringKeyword:
      return { kind: 'string' };
    case ts.SyntaxKind.NumberKeyword:
      return { kind: 'number' };
    case ts.SyntaxKind.BooleanKeyword:
      return { kind: 'boolean' };
  }
  if (ts.isTypeReferenceNode(node) && ts.isIdentifier(node.typeName)) {
    const name = node.typeName.text;
    if (name === 'Date') return { kind: 'timestamp' };
    if (name === '__DocumentType') return { kind: 'document' };
    if (name === 'Record' && node.typeArguments?.length === 2) return { kind: 'map', values: typeRefOf(node.typeArguments[1]) };
    if (name === 'Uint8Array') return { kind: 'string' };
    return { kind: 'named', name };
  }
  throw new Error(`unsupported type: ${node.getText()}`);
}

function docOf(node: ts.Node): string {
  const parts: string[] = [];
  for (const tag of ts.getJSDocCommentsAndTags(node)) {
    if (ts.isJSDoc(tag) && tag.comment) parts.push(ts.getTextOfJSDocComment(tag.comment) ?? '');
  }
  return parts.join(' ').trim();
}
