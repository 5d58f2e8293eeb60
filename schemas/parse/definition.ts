/**
 * The one definition reader: text -> parsed document + the kind it is checked as (or why it is
 * not a definition). `ecsdef validate`, `ecsdef diff`, the language server and the Pulumi
 * `definitionFile` all read files through here, so a file means the same thing everywhere
 * (YAML merge keys, duplicate keys, placeholders, recognition).
 */
import { recognise, type Recognition } from '../recognise';
import type { DefinitionKind } from '../problem';
import { languageOf, parseDocument, type Language, type ParsedDocument } from './index';
import type { SyntaxProblem } from './problems';
import { schemaRefOf } from './kind';

export interface ReadOptions {
  /** The file's name (or path): decides the language when `language` is not given. */
  fileName?: string;
  language?: Language;
  /** `--kind`: overrides everything. */
  forced?: DefinitionKind;
  /** The kind a configured glob gives the name (an instruction, like `--kind`). */
  configured?: DefinitionKind;
  /** The kind the built-in name patterns give the name (a hint the content may overrule). */
  nameKind?: DefinitionKind;
}

export interface DefinitionDocument {
  doc: ParsedDocument;
  recognition: Recognition;
}

export function readDefinition(text: string, options: ReadOptions = {}): DefinitionDocument {
  const doc = parseDocument(text, options.language ?? languageOf(options.fileName, text));
  return { doc, recognition: recogniseDocument(doc, options) };
}

/** Recognition of an already parsed document (the editor parses once per version). */
export function recogniseDocument(doc: ParsedDocument, options: Omit<ReadOptions, 'language'>): Recognition {
  return recognise({
    fileName: options.fileName,
    broken: doc.fatal,
    value: doc.value,
    schemaRef: schemaRefOf(doc.value, doc.comments),
    forced: options.forced,
    configured: options.configured,
    nameKind: options.nameKind,
  });
}

/**
 * The first problem that leaves the value untrustworthy, with its 1-based place, for front ends
 * that use the value or stop (`ecsdef diff`, the Pulumi `definitionFile`); undefined when the
 * value can be used.
 */
export function fatalProblem(doc: ParsedDocument): { problem: SyntaxProblem; line: number; column: number } | undefined {
  const problem = doc.problems.find((p) => p.fatal);
  if (!problem) return undefined;
  const at = doc.lines.positionAt(problem.offset);
  return { problem, line: at.line + 1, column: at.character + 1 };
}
