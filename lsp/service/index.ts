/**
 * The ecsdef language service: one factory, verb-named methods (after
 * vscode-json-languageservice). Each method parses through a per-document cache, so all
 * features of one document version share one AST; offsets become line/character only when a
 * result is built. See types.ts for the contract.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeLens, Diagnostic } from 'vscode-languageserver-types';
import type { DefinitionKind } from '../../schemas';
import { ruleDocUrl as defaultRuleDocUrl } from '../../schemas';
import type { ParsedDocument } from '../../schemas/parse';
import { recogniseDocument } from '../../schemas/parse/definition';
import { findChangeLenses, readHead, type HeadDefinition } from './change-lens';
import { doCodeActions } from './code-actions';
import { doComplete } from './completion';
import { ParseCache } from './documents';
import { doHover } from './hover';
import { findDocumentSymbols } from './symbols';
import type { DocumentOptions, LanguageService, LanguageServiceOptions } from './types';
import { doValidation } from './validation';

export * from './types';
export { checkDocument, type LocatedProblem } from './check';

export function createLanguageService(options: LanguageServiceOptions = {}): LanguageService {
  const cache = new ParseCache();
  const ruleDocUrl = options.ruleDocUrl ?? ((name: string) => defaultRuleDocUrl({ name }));
  // The last diagnostics per parsed version, reused by code actions (which must match them).
  // Options are compared by identity: the server hands the same `rules` object until settings
  // change, and a different object only costs a re-validation.
  const diagnostics = new WeakMap<ParsedDocument, { kind: DocumentOptions['kind']; rules: DocumentOptions['rules']; result: Diagnostic[] }>();

  const validateParsed = (parsed: ParsedDocument, opts: DocumentOptions): Diagnostic[] => {
    const hit = diagnostics.get(parsed);
    if (hit && hit.kind === opts.kind && hit.rules === opts.rules) return hit.result;
    const result = doValidation(parsed, opts, ruleDocUrl);
    diagnostics.set(parsed, { kind: opts.kind, rules: opts.rules, result });
    return result;
  };
  // HEAD's parse per document (until its text changes), and the last lenses per parsed version:
  // a keystroke re-classifies the buffer only, a repeated request costs nothing.
  const heads = new Map<string, HeadDefinition>();
  const lenses = new WeakMap<ParsedDocument, { head: HeadDefinition; kind: DocumentOptions['kind']; result: CodeLens[] }>();

  return {
    doValidation(document, opts) {
      if (!opts.kind) return [];
      return validateParsed(cache.get(document), opts);
    },
    doHover(document, position, opts) {
      return doHover(cache.get(document), position, opts.kind);
    },
    doComplete(document, position, opts) {
      const parsed = cache.get(document);
      return doComplete(parsed, parsed.lines.offsetAt(position), opts.kind);
    },
    doCodeActions(document, _range, context, opts) {
      if (!opts.kind) return [];
      const parsed = cache.get(document);
      return doCodeActions(parsed, document.uri, context, validateParsed(parsed, opts));
    },
    findDocumentSymbols(document, opts) {
      return opts.kind ? findDocumentSymbols(cache.get(document)) : [];
    },
    findChangeLenses(document, headText, opts) {
      const parsed = cache.get(document);
      let head = heads.get(document.uri);
      if (!head || head.text !== headText) heads.set(document.uri, (head = readHead(headText, parsed.language)));
      const hit = lenses.get(parsed);
      if (hit && hit.head === head && hit.kind === opts.kind) return hit.result;
      const result = findChangeLenses(parsed, head, opts.kind);
      lenses.set(parsed, { head, kind: opts.kind, result });
      return result;
    },
    recognise(document, hints) {
      return recogniseDocument(cache.get(document), hints);
    },
    forgetDocument(uri) {
      cache.forget(uri);
      heads.delete(uri);
    },
  };
}
