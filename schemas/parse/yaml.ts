import { Composer, Parser, type Document } from 'yaml';
import { nestingTooDeep, yamlSyntaxError } from '../rules/syntax';
import type { AstNode, Comment } from './ast';
import { yamlDepthEstimateExceeded } from './depth';
import { commentText } from './json';
import { syntaxProblem, type SyntaxProblem } from './problems';
import { convertYaml } from './yaml-convert';

export interface YamlParse {
  root: AstNode | undefined;
  /** Every `#` comment, in text order (disable directives are read from these). */
  comments: Comment[];
  problems: SyntaxProblem[];
  /** True when the document has no content at all (only whitespace, comments, directives). */
  empty: boolean;
}

const COLLECTIONS = new Set(['block-map', 'block-seq', 'flow-collection']);

/**
 * Reads one YAML document into the shared AST. Runs the yaml library's three stages itself
 * (Parser -> CST, Composer -> Document, our converter -> AST) so that between the first two it
 * can collect comments with their offsets and refuse nesting deeper than `maxDepth` before the
 * recursive composer runs. Only the first document is read; more are a problem.
 */
export function parseYaml(text: string, maxDepth: number): YamlParse {
  const problems: SyntaxProblem[] = [];
  const none = (problem: SyntaxProblem): YamlParse => ({ root: undefined, comments: [], problems: [problem], empty: false });

  // The lexer itself degrades badly on extreme block nesting, so bound it on the raw text first.
  const estimateLimit = Math.max(4000, maxDepth * 8);
  const estimate = yamlDepthEstimateExceeded(text, estimateLimit);
  if (estimate) {
    return none(syntaxProblem(nestingTooDeep, 'tooDeepEstimate', estimate.offset, estimate.length, true, { limit: estimateLimit }));
  }

  const tokens = Array.from(new Parser().parse(text));
  const scan = scanCst(tokens, maxDepth);
  if (scan.tooDeepAt !== undefined) {
    return none(syntaxProblem(nestingTooDeep, 'tooDeep', scan.tooDeepAt, 1, true, { limit: maxDepth }));
  }

  const composer = new Composer({ uniqueKeys: false, prettyErrors: false });
  const docs: Document.Parsed[] = Array.from(composer.compose(tokens, true, text.length));
  const doc = docs[0];
  for (const error of doc.errors) {
    const [start, end] = error.pos;
    problems.push(syntaxProblem(yamlSyntaxError, 'syntax', start, Math.max(0, end - start), true, { detail: errorDetail(error.message) }));
  }
  if (docs.length > 1) {
    const [start, , end] = docs[1].range;
    problems.push(syntaxProblem(yamlSyntaxError, 'multipleDocuments', start, end - start, true));
  }
  const empty = doc.contents === null && doc.errors.length === 0;
  const converted = doc.contents === null ? { root: undefined, problems: [] } : convertYaml(doc, text, maxDepth);
  problems.push(...converted.problems);
  return { root: converted.root, comments: scan.comments, problems, empty };
}

/** The yaml library's message without position suffixes: one readable sentence. */
function errorDetail(message: string): string {
  const firstLine = message.split('\n')[0].trim();
  return firstLine.replace(/ at line \d+, column \d+:?$/, '');
}

interface CstScan {
  comments: Comment[];
  tooDeepAt?: number;
}

/**
 * One iterative pass over the CST: comments with offsets, and the first collection nested
 * deeper than `maxDepth` (the same count as AST depth: the root collection is level 1).
 */
function scanCst(tokens: readonly unknown[], maxDepth: number): CstScan {
  const comments: Comment[] = [];
  // Two parallel stacks rather than one of {value, depth} objects: a 20 MB document has
  // millions of tokens, and the allocations showed up as garbage-collector time.
  const values: unknown[] = [...tokens];
  const depths: number[] = tokens.map(() => 0);
  let tooDeepAt: number | undefined;
  while (values.length > 0) {
    const value = values.pop();
    const depth = depths.pop() as number;
    if (Array.isArray(value)) {
      for (const item of value) {
        if (item && typeof item === 'object') {
          values.push(item);
          depths.push(depth);
        }
      }
      continue;
    }
    const token = value as Record<string, unknown>;
    let level = depth;
    if (typeof token.type === 'string') {
      if (token.type === 'comment' && typeof token.source === 'string') {
        comments.push({ offset: token.offset as number, length: token.source.length, text: commentText(token.source) });
        continue;
      }
      if (COLLECTIONS.has(token.type)) {
        level++;
        if (level > maxDepth) {
          const at = token.offset as number;
          if (tooDeepAt === undefined || at < tooDeepAt) tooDeepAt = at;
          continue;
        }
      }
    }
    for (const key in token) {
      const child = token[key];
      if (child && typeof child === 'object') {
        values.push(child);
        depths.push(level);
      }
    }
  }
  comments.sort((a, b) => a.offset - b.offset);
  return { comments, tooDeepAt };
}
