import { isUtf8 } from 'node:buffer';
import type { DefinitionKind } from '../../schemas/problem';
import { mightBeDefinition, NO_SERVICE_KEYS } from '../../schemas/recognise';
import { fileText, languageOf, LineIndex, notTextDocument, type ParsedDocument } from '../../schemas/parse';
import { readDefinition } from '../../schemas/parse/definition';
import { checkDocument, type LocatedProblem } from '../service/check';
import type { RuleSetting } from './config';
import type { FilePatterns } from './patterns';
import { withCounts, type FileResult, type ResultMessage } from './result';

/**
 * One file's text -> FileResult. No I/O: the command reads files, benchmarks call this
 * directly. Parsing, recognition, validation (also of what the parser recovered from syntax
 * errors), ranges and in-file directives are the shared reader's and the language service's, so
 * the CLI and the editor report the same thing at the same place.
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
  /**
   * The file was named by the user (command line, pre-commit). A file found by a walk whose
   * name says nothing is first tested cheaply for ECS evidence and skipped without parsing.
   */
  explicit?: boolean;
  /**
   * A rendered source (Jsonnet): `text` is the evaluator's JSON output, problems are placed in
   * the original `sourceText` through `locate`.
   */
  rendered?: RenderedSource;
}

export interface RenderedSource {
  sourceText: string;
  locate(pointer: string): { offset: number; length: number } | undefined;
}

export function checkBytes(bytes: Buffer, options: CheckOptions): FileResult {
  const text = fileText(bytes);
  if (!isUtf8(bytes)) {
    const names = nameKinds(options);
    if (!options.explicit && !names.forced && !names.configured && !names.nameKind) return skipped(options, 'it is not UTF-8 text', languageOf(options.namePath, ''));
    const doc = notTextDocument(text, languageOf(options.namePath, ''), Math.max(0, text.indexOf('\ufffd')));
    const kind = names.forced ?? names.configured ?? names.nameKind ?? 'service';
    // Not text: nothing to recover, so checkDocument reports the syntax problem only (honouring the rule settings).
    return toResult(doc, options, kind, 'file name', checkDocument(doc, kind, options.rules));
  }
  return checkText(text, options);
}

export function checkText(text: string, options: CheckOptions): FileResult {
  const names = nameKinds(options);
  const language = options.rendered ? 'json' : languageOf(options.namePath, text);
  if (!options.explicit && !names.forced && !names.configured && !names.nameKind && !mightBeDefinition(text)) {
    return skipped(options, NO_SERVICE_KEYS, language);
  }
  const { doc, recognition } = readDefinition(text, { language, fileName: options.namePath, ...names });
  if (recognition.kind === undefined) return skipped(options, recognition.reason, doc.language);
  return toResult(doc, options, recognition.kind, recognition.source, checkDocument(doc, recognition.kind, options.rules));
}

function nameKinds(options: CheckOptions): { forced?: DefinitionKind; configured?: DefinitionKind; nameKind?: DefinitionKind } {
  if (options.kind) return { forced: options.kind };
  return options.namePath ? options.patterns.nameOf(options.namePath) : {};
}

function skipped(options: CheckOptions, reason: string, language: FileResult['language']): FileResult {
  return withCounts({ filePath: options.filePath, displayPath: options.displayPath, kind: undefined, kindSource: undefined, skipped: reason, language, messages: [] });
}

function toResult(
  doc: ParsedDocument,
  options: CheckOptions,
  kind: DefinitionKind,
  kindSource: FileResult['kindSource'],
  problems: readonly LocatedProblem[],
): FileResult {
  const place = placer(doc, options.rendered);
  const messages = problems.map((p) => toMessage(p, place)).sort((a, b) => a.line - b.line || a.column - b.column);
  return withCounts({ filePath: options.filePath, displayPath: options.displayPath, kind, kindSource, language: doc.language, messages });
}

type Placer = (p: LocatedProblem) => { start: { line: number; character: number }; end: { line: number; character: number } };

/** Where a problem is shown: in the text itself, or for a rendered source at its best place in the source. */
function placer(doc: ParsedDocument, rendered: RenderedSource | undefined): Placer {
  if (!rendered) return (p) => ({ start: doc.lines.positionAt(p.offset), end: doc.lines.positionAt(p.offset + p.length) });
  const lines = new LineIndex(rendered.sourceText);
  return (p) => {
    const at = (p.pointer !== undefined ? rendered.locate(p.pointer) : undefined) ?? { offset: 0, length: 0 };
    return { start: lines.positionAt(at.offset), end: lines.positionAt(at.offset + at.length) };
  };
}

function toMessage(p: LocatedProblem, place: Placer): ResultMessage {
  const { start, end } = place(p);
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
