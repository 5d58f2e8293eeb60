/**
 * findChangeLenses: what applying the edited document would do to the running service, compared
 * with the committed version whose text the caller hands in (the server reads it from git HEAD;
 * this module does no I/O). The classification is `ecsdef diff`'s (`diffDefinitions`: the same
 * normalisers, `planChange` and `schemas.classify` the Pulumi provider uses), so the editor, the
 * CLI and `pulumi preview` agree on every field. `diffDefinitions` is pure (the CLI's reads and
 * exit codes live in `runDiff` beside it), so it is imported, not copied or moved.
 *
 * Lenses: one summary at the top of the document ("applying this file: starts a new
 * deployment"), one per changed top-level field at its key ("new deployment: taskDefinition
 * web:3 -> web:4"; a removed field is shown at the top). Their commands are title-only: a lens
 * runs nothing. No lenses when either side is not a usable definition of the same kind.
 */
import type { CodeLens, Range } from 'vscode-languageserver-types';
import type { Change, DefinitionKind } from '../../schemas';
import { cutText, CUT_MARK, escapeControlCharacters } from '../../schemas/display-text';
import { parseDocument, type ParsedDocument } from '../../schemas/parse';
import { isPlainObject } from '../../schemas/pointer';
import { recognise } from '../../schemas/recognise';
import { diffDefinitions } from '../cli/diff';
import { withSensitiveMasked, type DiffResult } from '../cli/diff-report';
import { toRange } from './ast-query';

type DiffKind = DiffResult['kind'];

/** Longest value shown in a lens, in code points: a lens is one line above the field. */
const MAX_VALUE_LENGTH = 40;

/** The comparison a definition kind is made with; undefined for kinds that cannot be compared. */
function diffKindOf(kind: DefinitionKind | undefined): DiffKind | undefined {
  if (kind === undefined || kind === 'update-service') return undefined; // an UpdateService input lists only what changes
  return kind === 'express-service' || kind === 'express-update' ? 'express-service' : 'service';
}

/** What the summary says per verdict (after "applying this file: "). */
function verdictText(result: DiffResult): string {
  const express = result.kind === 'express-service';
  switch (result.verdict) {
    case 'refused':
      return `refused by the ${result.controller} deployment controller`;
    case 'replace':
      return 'replaces the service';
    case 'new deployment':
      return express ? 'starts a new service revision' : 'starts a new deployment';
    case 'in place':
      return `updates in place, no new ${express ? 'service revision' : 'deployment'}`;
    default:
      return 'no change';
  }
}

/** One field's line: its effect, then the values (a refusal says the way out instead). */
function changeText(change: Change, kind: DiffKind): string {
  const values = `${change.field} ${shown(change.before)} -> ${shown(change.after)}`;
  switch (change.class) {
    case 'forbidden':
      return `refused: ${escapeControlCharacters(change.reason)}`;
    case 'replace':
      return `replaces the service: ${values}`;
    case 'deployment':
      return `${kind === 'express-service' ? 'new service revision' : 'new deployment'}: ${values}`;
    default:
      return `in place: ${values}`;
  }
}

/** A value as a lens shows it: strings bare, the rest as compact JSON; cut short, escaped. */
function shown(value: unknown): string {
  if (value === undefined) return '(unset)';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  const { head, length } = cutText(text, MAX_VALUE_LENGTH);
  return escapeControlCharacters(length === undefined ? head : `${head}${CUT_MARK}`);
}

/** The range of `field`'s key in the document (the last one, as the value reader keeps), else the top. */
function fieldRange(parsed: ParsedDocument, field: string, top: Range): Range {
  const root = parsed.root;
  if (root?.type !== 'object') return top;
  for (let i = root.properties.length - 1; i >= 0; i--) {
    const key = root.properties[i].key;
    if (key.value === field) return toRange(parsed, key);
  }
  return top;
}

const lens = (range: Range, title: string): CodeLens => ({ range, command: { title, command: '' } });

/** The committed side, parsed once per text (callers cache it per document). */
export interface HeadDefinition {
  text: string;
  value: Record<string, unknown> | undefined;
  /** The comparison HEAD's content is recognised for, when it says. */
  kind: DiffKind | undefined;
}

export function readHead(text: string, language: ParsedDocument['language']): HeadDefinition {
  const doc = parseDocument(text, language);
  if (doc.fatal || !isPlainObject(doc.value)) return { text, value: undefined, kind: undefined };
  return { text, value: doc.value, kind: diffKindOf(recognise({ value: doc.value }).kind) };
}

export function findChangeLenses(parsed: ParsedDocument, head: HeadDefinition, kind: DefinitionKind | undefined): CodeLens[] {
  const diffKind = diffKindOf(kind);
  if (!diffKind || parsed.fatal || !isPlainObject(parsed.value) || !head.value) return [];
  // HEAD recognised as another kind (an Express service that became a service): no comparison.
  if (head.kind !== undefined && head.kind !== diffKind) return [];
  const result = withSensitiveMasked(diffDefinitions(head.value, parsed.value, ['HEAD', 'buffer'], { kind: diffKind }));
  const top: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return [
    lens(top, `applying this file: ${verdictText(result)}`),
    ...result.changes.map((c) => lens(fieldRange(parsed, c.field, top), changeText(c, diffKind))),
  ];
}
