import { isUtf8 } from 'node:buffer';
import type { DefinitionKind } from '../../schemas/problem';
import { kindFromContent, kindFromSchemaRef, languageOf, notTextDocument, parseDocument, schemaRefOf, type ParsedDocument } from '../parse';
import { checkDocument, type LocatedProblem } from '../service/check';
import type { RuleSetting } from './config';
import type { FilePatterns } from './patterns';
import { withCounts, type FileResult, type KindSource, type ResultMessage } from './result';

/**
 * One file's text -> FileResult. No I/O: the command reads files, benchmarks call this
 * directly. Parsing, validation, ranges and in-file directives are the language service's
 * `checkDocument`, so the CLI and the editor report the same thing at the same place.
 */
export interface CheckOptions {
  /** Absolute path, or `<stdin>`. */
  filePath: string;
  displayPath: string;
  /** Path whose name decides language and kind (the file, or --stdin-filename). */
  namePath?: string;
  /** --kind: overrides every other source. */
  kind?: DefinitionKind;
  rules: Readonly<Record<string, RuleSetting>>;
  patterns: FilePatterns;
}

export function checkBytes(bytes: Buffer, options: CheckOptions): FileResult {
  const text = bytes.toString('utf8');
  if (!isUtf8(bytes)) {
    const doc = notTextDocument(text, languageOf(options.namePath, ''), Math.max(0, text.indexOf('\ufffd')));
    // Fatal, so checkDocument reports the syntax problem only (honouring the rule settings).
    return toResult(doc, options, undefined, 'default', checkDocument(doc, options.kind ?? 'service', options.rules));
  }
  return checkText(text, options);
}

export function checkText(text: string, options: CheckOptions): FileResult {
  const doc = parseDocument(text, languageOf(options.namePath, text));
  const { kind, source } = resolveKind(doc, options);
  return toResult(doc, options, kind, source, checkDocument(doc, kind, options.rules));
}

/** --kind, then `$schema`, then the file name, then the content; `service` when all are silent. */
export function resolveKind(doc: ParsedDocument, options: Pick<CheckOptions, 'kind' | 'namePath' | 'patterns'>): { kind: DefinitionKind; source: KindSource } {
  if (options.kind) return { kind: options.kind, source: 'option' };
  const ref = schemaRefOf(doc.value, doc.comments);
  const fromSchema = ref === undefined ? undefined : kindFromSchemaRef(ref);
  if (fromSchema) return { kind: fromSchema, source: '$schema' };
  const fromName = options.namePath ? options.patterns.kindOf(options.namePath) : undefined;
  if (fromName) return { kind: fromName, source: 'file name' };
  const fromContent = kindFromContent(doc.value);
  if (fromContent) return { kind: fromContent, source: 'content' };
  return { kind: 'service', source: 'default' };
}

function toResult(
  doc: ParsedDocument,
  options: CheckOptions,
  kind: DefinitionKind | undefined,
  kindSource: KindSource,
  problems: readonly LocatedProblem[],
): FileResult {
  const messages = problems.map((p) => toMessage(doc, p)).sort((a, b) => a.line - b.line || a.column - b.column);
  return withCounts({ filePath: options.filePath, displayPath: options.displayPath, kind, kindSource, language: doc.language, messages });
}

function toMessage(doc: ParsedDocument, p: LocatedProblem): ResultMessage {
  const start = doc.lines.positionAt(p.offset);
  const end = doc.lines.positionAt(p.offset + p.length);
  const message: ResultMessage = {
    ruleId: p.ruleId,
    ruleName: p.ruleName,
    severity: p.severity,
    message: p.message,
    line: start.line + 1,
    column: start.character + 1,
    endLine: end.line + 1,
    endColumn: end.character + 1,
  };
  if (p.pointer !== undefined) message.pointer = p.pointer;
  if (p.fix) message.fix = p.fix;
  return message;
}
