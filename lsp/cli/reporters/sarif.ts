import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Severity } from '../../../schemas/problem';
import { allRules } from '../../../schemas/rules/registry';
import { ruleDocUrl } from '../../../schemas/rules/format';
import type { Rule } from '../../../schemas/rules/rule';
import type { FileResult } from '../result';
import type { Reporter } from './types';

/**
 * SARIF 2.1.0 for code-scanning uploads: one run, the whole rule catalog as
 * `tool.driver.rules` (id, name, descriptions, help link, default level), and one result per
 * problem with a physical location relative to %SRCROOT% (the working directory).
 * Columns are UTF-16 code units, declared with `columnKind`.
 */
export const sarif: Reporter = (results, context) => {
  const rules = catalog();
  const index = new Map(rules.map((r, i) => [r.id, i]));
  // A problem whose rule the catalog lacks still gets metadata, so every ruleIndex is valid.
  for (const result of results) {
    for (const m of result.messages) {
      if (!index.has(m.ruleId)) {
        index.set(m.ruleId, rules.length);
        rules.push({ id: m.ruleId, name: m.ruleName, shortDescription: m.ruleName, statement: '', defaultSeverity: m.severity });
      }
    }
  }
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'ecsdef',
            version: context.version,
            informationUri: 'https://github.com/ecsdef/ecsdef',
            rules: rules.map(describeRule),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: dirUri(context.cwd) } },
        columnKind: 'utf16CodeUnits',
        results: results.flatMap((r) => r.messages.map((m) => ({
          ruleId: m.ruleId,
          ruleIndex: index.get(m.ruleId),
          level: LEVEL[m.severity],
          message: { text: m.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: artifact(r, context.cwd),
                region: { startLine: m.line, startColumn: m.column, endLine: m.endLine, endColumn: m.endColumn },
              },
            },
          ],
          ...(m.pointer !== undefined ? { properties: { pointer: m.pointer } } : {}),
        }))),
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
};

const LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'note' };

interface RuleMeta {
  id: string;
  name: string;
  shortDescription: string;
  statement: string;
  defaultSeverity: Severity;
  source?: string;
}

function catalog(): RuleMeta[] {
  const seen = new Set<string>();
  const metas: RuleMeta[] = [];
  for (const rule of allRules as readonly Rule[]) {
    if (seen.has(rule.id)) continue;
    seen.add(rule.id);
    metas.push({
      id: rule.id,
      name: rule.name,
      shortDescription: rule.docs.description,
      statement: rule.docs.statement,
      defaultSeverity: rule.defaultSeverity,
      source: rule.docs.source,
    });
  }
  return metas.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function describeRule(rule: RuleMeta): Record<string, unknown> {
  return {
    id: rule.id,
    name: rule.name,
    shortDescription: { text: rule.shortDescription },
    ...(rule.statement ? { fullDescription: { text: rule.statement } } : {}),
    helpUri: ruleDocUrl(rule),
    ...(rule.statement ? { help: { text: `${rule.statement}${rule.source ? ` Source: ${rule.source}.` : ''}` } } : {}),
    defaultConfiguration: { level: LEVEL[rule.defaultSeverity] },
  };
}

function artifact(result: FileResult, cwd: string): Record<string, unknown> {
  if (!path.isAbsolute(result.filePath)) return { uri: result.filePath };
  const rel = path.relative(cwd, result.filePath);
  if (rel && !rel.startsWith('..') && !path.isAbsolute(rel)) {
    return { uri: rel.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
  }
  return { uri: pathToFileURL(result.filePath).href };
}

function dirUri(dir: string): string {
  const href = pathToFileURL(dir).href;
  return href.endsWith('/') ? href : href + '/';
}

export default sarif;
