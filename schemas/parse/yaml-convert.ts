import { isAlias, isMap, isScalar, isSeq, visit, type Alias, type Document, type Node as YamlNode } from 'yaml';
import { nestingTooDeep, yamlAliasLimit, yamlSyntaxError } from '../rules/syntax';
import { addItem, addProperty, scalarNode, setPropertyValue, type AstNode, type ObjectNode, type PropertyNode, type StringNode } from './ast';
import { syntaxProblem, type SyntaxProblem } from './problems';

/**
 * Nodes that aliases may add in one document. A definition repeats a block a few times at most;
 * "billion laughs" documents pass this after a few levels. Counting our own output (rather than
 * calling yaml's toJS with maxAliasCount) bounds the work of this converter directly.
 */
export const MAX_ALIAS_NODES = 100_000;

/** Thrown inside the converter to abandon a document; carries the problem to report. */
class Abandon {
  constructor(readonly problem: SyntaxProblem) {}
}

export interface YamlConversion {
  root: AstNode | undefined;
  problems: SyntaxProblem[];
}

/**
 * yaml Document -> shared AST. Aliases are expanded into copies (their children keep the
 * anchor's offsets; the copy's own range is the alias), YAML 1.1 merge keys (`<<`) are applied
 * with explicit keys winning, and non-scalar keys are problems because a definition is JSON.
 */
export function convertYaml(doc: Document.Parsed, text: string, maxDepth: number): YamlConversion {
  const problems: SyntaxProblem[] = [];
  const targets = aliasTargets(doc);
  const resolve = (alias: Alias): unknown => targets.get(alias);
  /** Aliases being expanded, outermost first: limits are reported at the one the user wrote here. */
  const aliases: YamlNode[] = [];
  const expanding = new Set<unknown>();
  let aliasNodes = 0;

  /** [offset, length] of a node's own text; block collections and scalars end before trailing blanks. */
  const rangeOf = (node: YamlNode): [number, number] => {
    const range = node.range ?? [0, 0, 0];
    let end = range[1];
    while (end > range[0] && isBlank(text.charCodeAt(end - 1))) end--;
    return [range[0], end - range[0]];
  };

  const count = (): void => {
    if (aliases.length === 0) return;
    if (++aliasNodes > MAX_ALIAS_NODES) {
      const [offset, length] = rangeOf(aliases[0]);
      throw new Abandon(syntaxProblem(yamlAliasLimit, 'tooManyNodes', offset, length, true, { limit: MAX_ALIAS_NODES }));
    }
  };

  const convert = (node: unknown, depth: number, at: [number, number]): AstNode => {
    if (isAlias(node)) return convertAlias(node, depth);
    count();
    if (isScalar(node)) {
      const [offset, length] = rangeOf(node);
      return scalarNode(node.value, offset, length);
    }
    if (isMap(node) || isSeq(node)) {
      if (depth + 1 > maxDepth) {
        const [offset] = aliases.length > 0 ? rangeOf(aliases[0]) : rangeOf(node);
        throw new Abandon(syntaxProblem(nestingTooDeep, 'tooDeep', offset, 1, true, { limit: maxDepth }));
      }
      const [offset, length] = rangeOf(node);
      if (isSeq(node)) {
        const array: AstNode = { type: 'array', offset, length, items: [] };
        for (const item of node.items) addItem(array, convert(item, depth + 1, [offset, 0]));
        return array;
      }
      return convertMap(node.items as unknown as PairLike[], { type: 'object', offset, length, properties: [] }, depth + 1);
    }
    // A missing node (e.g. `key:` with nothing after it in some shapes) reads as null.
    return { type: 'null', value: null, offset: at[0], length: at[1] };
  };

  const convertAlias = (alias: Alias, depth: number): AstNode => {
    const [offset, length] = rangeOf(alias);
    const target = resolve(alias);
    if (target === undefined) {
      problems.push(syntaxProblem(yamlSyntaxError, 'unresolvedAlias', offset, length, true, { name: alias.source }));
      return { type: 'null', value: null, offset, length };
    }
    if (expanding.has(target)) {
      problems.push(syntaxProblem(yamlSyntaxError, 'recursiveAlias', offset, length, true, { name: alias.source }));
      return { type: 'null', value: null, offset, length };
    }
    expanding.add(target);
    aliases.push(alias);
    try {
      const copy = convert(target, depth, [offset, length]);
      copy.offset = offset;
      copy.length = length;
      return copy;
    } finally {
      aliases.pop();
      expanding.delete(target);
    }
  };

  const convertMap = (pairs: PairLike[], object: ObjectNode, depth: number): ObjectNode => {
    const merges: unknown[] = [];
    for (const pair of pairs) {
      if (isMergeKey(pair.key)) {
        merges.push(pair.value);
        continue;
      }
      const key = keyNode(pair);
      if (!key) continue;
      const property: PropertyNode = { type: 'property', offset: key.offset, length: key.length, parent: object, key };
      key.parent = property;
      addProperty(object, property);
      const keyEnd = key.offset + key.length;
      setPropertyValue(property, convert(pair.value, depth, [keyEnd, 0]));
    }
    if (merges.length > 0) applyMerges(object, merges, depth);
    return object;
  };

  /** Merge-key semantics: keys already present win, then earlier sources over later ones. */
  const applyMerges = (object: ObjectNode, merges: unknown[], depth: number): void => {
    const present = new Set(object.properties.map((p) => p.key.value));
    for (const merge of merges) {
      const sources = isSeq(merge) ? merge.items : [merge];
      for (const source of sources) {
        const resolved = isAlias(source) ? resolve(source) : source;
        if (!isMap(resolved)) {
          const [offset, length] = source && typeof source === 'object' ? rangeOf(source as YamlNode) : [object.offset, 1];
          problems.push(syntaxProblem(yamlSyntaxError, 'badMerge', offset, length, true));
          continue;
        }
        const copy = convert(source, depth - 1, [object.offset, 0]);
        if (copy.type !== 'object') continue;
        for (const property of copy.properties) {
          if (present.has(property.key.value)) continue;
          present.add(property.key.value);
          addProperty(object, property);
        }
      }
    }
  };

  const keyNode = (pair: PairLike): StringNode | undefined => {
    let key: unknown = pair.key;
    if (key === null || key === undefined) {
      const at = pair.value && typeof pair.value === 'object' ? rangeOf(pair.value as YamlNode) : [0, 0];
      problems.push(syntaxProblem(yamlSyntaxError, 'emptyKey', at[0], at[1], true));
      return undefined;
    }
    const written = key as YamlNode;
    if (isAlias(key)) key = resolve(key);
    if (!isScalar(key)) {
      const [offset, length] = rangeOf(written);
      problems.push(syntaxProblem(yamlSyntaxError, 'complexKey', offset, length, true));
      return undefined;
    }
    count();
    const [offset, length] = rangeOf(written);
    const value = key.value;
    return { type: 'string', value: value === null || value === undefined ? '' : String(value), offset, length };
  };

  try {
    return { root: convert(doc.contents, 0, [0, 0]), problems };
  } catch (error) {
    if (error instanceof Abandon) return { root: undefined, problems: [...problems, error.problem] };
    throw error;
  }
}

/**
 * Every alias's node, found in one walk: the last node before the alias (in document order,
 * a collection before its children) with the alias's anchor, which is how YAML resolves them.
 * yaml's own `Alias.resolve` walks the document from the top for each alias: quadratic in a file
 * of thousands of aliases.
 */
function aliasTargets(doc: Document.Parsed): Map<Alias, YamlNode> {
  const anchors = new Map<string, YamlNode>();
  const targets = new Map<Alias, YamlNode>();
  visit(doc, {
    Node(_key, node) {
      if (isAlias(node)) {
        const target = anchors.get(node.source);
        if (target) targets.set(node, target);
      } else if (node.anchor) {
        anchors.set(node.anchor, node);
      }
    },
  });
  return targets;
}

interface PairLike {
  key: unknown;
  value: unknown;
}

function isBlank(ch: number): boolean {
  return ch === 32 || ch === 9 || ch === 10 || ch === 13;
}

function isMergeKey(key: unknown): boolean {
  return isScalar(key) && key.value === '<<' && key.type === 'PLAIN';
}
