/**
 * schemas/parse: text -> one AST with offsets, for JSON and YAML alike, plus syntax problems.
 * Shared by the CLI, the language service and the Pulumi `definitionFile`. Never throws on any
 * input text.
 *
 *   parseDocument(text, 'json' | 'yaml', options?) -> ParsedDocument
 *   rangeOf(doc, pointer, 'key' | 'value')          -> { offset, length }
 *   doc.lines.positionAt(offset)                    -> { line, character } (0-based)
 *
 * The yaml library is loaded only when a YAML document is parsed (CLI cold start).
 */
import { documentTooLarge, duplicateKey, emptyDocument, jsonSyntaxError, nestingTooDeep, notText, yamlSyntaxError } from '../rules/syntax';
import type { AstNode, Comment } from './ast';
import { DEFAULT_MAX_DEPTH, jsonDepthExceeded } from './depth';
import { parseJson } from './json';
import { pointerOf, rangeOf as rangeInTree, type TextRange } from './ast-pointer';
import { MAX_TEXT_LENGTH } from './limits';
import { LineIndex } from './positions';
import { syntaxProblem, thinErrors, type SyntaxProblem } from './problems';
import { maskUnquotedTemplates } from './unquoted-templates';
import { valueOf } from './value';
import type * as YamlModule from './yaml';

export type Language = 'json' | 'yaml';

const LANGUAGE_NAMES: Readonly<Record<Language, string>> = { json: 'JSON', yaml: 'YAML' };

export interface ParseOptions {
  /** Deepest nesting of objects and arrays accepted (default 512). */
  maxDepth?: number;
  /** Longest text read (default per language, limits.ts). */
  maxLength?: number;
}

export interface ParsedDocument {
  language: Language;
  text: string;
  /** The root node, absent when nothing could be read. */
  root: AstNode | undefined;
  /** The plain JSON value of `root` (undefined without a root). */
  value: unknown;
  /** Syntax problems in text order. */
  problems: SyntaxProblem[];
  /**
   * A fatal problem was found: `value` is partial or absent and cannot be validated as it is
   * (see `recovery` for what can still be checked).
   */
  fatal: boolean;
  /**
   * Present when `fatal` comes only from syntax errors the parser read past (never from a limit:
   * nesting, size, encoding, aliases): `root` and `value` are its best reading of the rest of
   * the text. Absent otherwise, also for documents without problems.
   */
  recovery?: Recovery;
  /** Comments with offsets, in text order (YAML directives live here). */
  comments: Comment[];
  /** Offset <-> line/character, computed on first use. */
  lines: LineIndex;
}

export interface Recovery {
  /**
   * Every place the parser had to skip or guess, in text order: the ranges of all its syntax
   * errors, also those `problems` leaves out (it keeps the first error of a line, ten in all).
   */
  errors: TextRange[];
}

/** Fatal problems a parser reads past; every other fatal problem leaves nothing to recover. */
const RECOVERABLE: ReadonlySet<string> = new Set([jsonSyntaxError.id, yamlSyntaxError.id]);

export function parseDocument(text: string, language: Language, options: ParseOptions = {}): ParsedDocument {
  const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
  const lines = new LineIndex(text);
  /** `errors`: the parser's fatal problems before thinning (default: those in `problems`). */
  const doc = (root: AstNode | undefined, problems: SyntaxProblem[], comments: Comment[] = [], errors?: readonly SyntaxProblem[]): ParsedDocument => {
    const { value, duplicates } = valueOf(root);
    for (const { property, count } of duplicates) {
      const problem = syntaxProblem(duplicateKey, 'duplicate', property.key.offset, property.key.length, false, {
        key: property.key.value,
        count,
      });
      problem.pointer = pointerOf(property);
      problem.target = 'key';
      problems.push(problem);
    }
    for (const problem of problems) {
      problem.offset = Math.min(problem.offset, text.length);
      problem.length = Math.min(problem.length, text.length - problem.offset);
    }
    problems.sort((a, b) => a.offset - b.offset);
    const fatal = problems.some((p) => p.fatal);
    const parsed: ParsedDocument = { language, text, root, value, problems, fatal, comments, lines };
    const errorsRead = (errors ?? problems).filter((p) => p.fatal);
    if (fatal && root && errorsRead.every((p) => RECOVERABLE.has(p.ruleId))) {
      parsed.recovery = { errors: recoveryErrors(errorsRead, text.length) };
    }
    return parsed;
  };

  const maxLength = options.maxLength ?? MAX_TEXT_LENGTH[language];
  if (text.length > maxLength) {
    return doc(undefined, [syntaxProblem(documentTooLarge, 'tooLarge', 0, 0, true, { length: text.length, limit: maxLength, language: LANGUAGE_NAMES[language] })]);
  }
  const nul = text.indexOf('\u0000');
  if (nul >= 0) return doc(undefined, [syntaxProblem(notText, 'nul', nul, 1, true)]);
  // A byte order mark is not content: it becomes one character of white space, which moves no
  // offset. In YAML a newline, since a space would indent line 1 (and the yaml library's own
  // handling of the mark fails on `- ""` as line 1). Unquoted templates become quoted
  // placeholders of the same length (the file is templated, not broken).
  const bom = text.charCodeAt(0) === BYTE_ORDER_MARK;
  const masked = maskUnquotedTemplates(bom ? (language === 'yaml' ? '\n' : ' ') + text.slice(1) : text, language);
  const source = masked.text;

  if (language === 'yaml') {
    const { parseYaml } = require('./yaml') as typeof YamlModule;
    const parsed = parseYaml(source, maxDepth);
    const problems = thinFatal(parsed.problems, lines);
    if (parsed.empty) problems.push(syntaxProblem(emptyDocument, 'empty', 0, 0, true));
    return doc(parsed.root, problems, parsed.comments, parsed.problems);
  }

  const tooDeep = jsonDepthExceeded(source, maxDepth);
  if (tooDeep) {
    return doc(undefined, [syntaxProblem(nestingTooDeep, 'tooDeep', tooDeep.offset, tooDeep.length, true, { limit: maxDepth })]);
  }
  let parsed;
  try {
    parsed = parseJson(source);
  } catch (error) {
    // Backstop only: the depth check above is meant to make this unreachable.
    if (error instanceof RangeError) {
      return doc(undefined, [syntaxProblem(nestingTooDeep, 'tooDeep', 0, 1, true, { limit: maxDepth })]);
    }
    throw error;
  }
  const problems = thinFatal(parsed.problems, lines);
  if (!parsed.root && !problems.some((p) => p.fatal)) {
    problems.push(syntaxProblem(emptyDocument, 'empty', 0, 0, true));
  }
  return doc(parsed.root, problems, parsed.comments, parsed.problems);
}

const BYTE_ORDER_MARK = 0xfeff;

/**
 * The text of a file as an editor shows it: without the byte order mark, which editors hide, so
 * that line-1 columns match. Text from an editor is parsed as given (its positions count a mark
 * the client kept).
 */
export function fileText(bytes: Buffer | string): string {
  const text = typeof bytes === 'string' ? bytes : bytes.toString('utf8');
  return text.charCodeAt(0) === BYTE_ORDER_MARK ? text.slice(1) : text;
}

/** The problems' ranges, within the text, in text order. */
function recoveryErrors(problems: readonly SyntaxProblem[], textLength: number): TextRange[] {
  return problems
    .map((p) => {
      const offset = Math.min(p.offset, textLength);
      return { offset, length: Math.min(p.length, textLength - offset) };
    })
    .sort((a, b) => a.offset - b.offset);
}

/** Non-fatal problems all kept; fatal ones thinned to the first per line (recovery noise). */
function thinFatal(problems: SyntaxProblem[], lines: LineIndex): SyntaxProblem[] {
  const fatal = problems.filter((p) => p.fatal);
  if (fatal.length <= 1) return problems.slice();
  const kept = new Set(thinErrors(fatal, (offset) => lines.positionAt(offset).line));
  return problems.filter((p) => !p.fatal || kept.has(p));
}

/**
 * The document with only a `not-text` problem, for bytes that are not UTF-8 (detected by the
 * caller, which has the bytes). `offset` is where decoding first failed in `text`.
 */
export function notTextDocument(text: string, language: Language, offset: number): ParsedDocument {
  return {
    language,
    text,
    root: undefined,
    value: undefined,
    problems: [syntaxProblem(notText, 'encoding', offset, 1, true)],
    fatal: true,
    comments: [],
    lines: new LineIndex(text),
  };
}

/** The text a problem at `pointer` highlights; see pointer.ts for the key/value conventions. */
export function rangeOf(doc: ParsedDocument, pointer: string, target: 'key' | 'value'): TextRange {
  return rangeInTree(doc.root, doc.text, pointer, target);
}

/** 0-based position of an offset. */
export function offsetToPosition(doc: ParsedDocument, offset: number): { line: number; character: number } {
  return doc.lines.positionAt(offset);
}

/** Language from a file name: `.yaml`/`.yml` are YAML, `.json` JSON, else by the first character. */
export function languageOf(fileName: string | undefined, text: string): Language {
  const lower = (fileName ?? '').toLowerCase();
  if (lower.endsWith('.yaml') || lower.endsWith('.yml')) return 'yaml';
  if (lower.endsWith('.json')) return 'json';
  const first = /\S/.exec(text);
  return !first || first[0] === '{' || first[0] === '[' ? 'json' : 'yaml';
}

export type { AnyNode, ArrayNode, AstNode, Comment, ObjectNode, PropertyNode, StringNode } from './ast';
export { propertyOf } from './ast';
export { DEFAULT_MAX_DEPTH } from './depth';
export { findNode, formatPointer, parsePointer, pointerOf, type NodeLookup, type TextRange } from './ast-pointer';
export { LineIndex, type Position } from './positions';
export type { SyntaxProblem } from './problems';
export { disableDirectives, isSuppressed, type DisableDirective } from './suppress';
export { isTemplatedNode } from './templates';
export { valueOf } from './value';
export { schemaRefOf } from './kind';
