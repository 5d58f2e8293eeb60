/**
 * Renders one Markdown page per rule (docs/rules/<name>.md) and an index, from the registry.
 * The pages are what a diagnostic's documentation link opens. `--check` fails on stale pages.
 */
import * as fs from 'fs';
import * as path from 'path';
import { allRules } from '../rules/registry';
import type { Rule } from '../rules/rule';

export function renderRulePage(rule: Rule): string {
  const lines = [
    `# ${rule.name} (${rule.id})`,
    '',
    rule.docs.description,
    '',
    `- Group: ${rule.group}`,
    `- Default severity: ${rule.defaultSeverity}`,
    `- Definition kinds: ${rule.kinds.join(', ')}`,
    `- Source: ${rule.docs.source}`,
    '',
    '## What the documentation states',
    '',
    rule.docs.statement,
    '',
    '## Messages',
    '',
    ...Object.entries(rule.messages).map(([id, text]) => `- \`${id}\`: ${text}`),
    '',
    '## Examples',
    '',
  ];
  const block = (title: string, language: string, text: string) => [`${title}:`, '', '```' + language, text.replace(/[⟦⟧]/g, '').trimEnd(), '```', ''];
  rule.examples.invalid.forEach((e) => {
    const title = e.maxLength === undefined ? 'Reported' : `Reported when read with a limit of ${e.maxLength} characters`;
    if (e.json) lines.push(...block(title, 'json', e.json));
    if (e.yaml) lines.push(...block(title, 'yaml', e.yaml));
  });
  rule.examples.valid.forEach((e) => {
    if (e.json) lines.push(...block('Accepted', 'json', e.json));
  });
  lines.push('## Turning it off', '', 'In `.ecsdef.json`: `{ "rules": { "' + rule.name + '": "off" } }`.', '');
  return lines.join('\n');
}

export function renderRuleDocs(): Map<string, string> {
  const files = new Map<string, string>();
  for (const rule of allRules) files.set(`${rule.name}.md`, renderRulePage(rule));
  const index = ['# ecsdef rules', '', '| id | name | severity | description |', '| --- | --- | --- | --- |'];
  for (const rule of allRules) index.push(`| ${rule.id} | [${rule.name}](${rule.name}.md) | ${rule.defaultSeverity} | ${rule.docs.description} |`);
  files.set('README.md', index.join('\n') + '\n');
  return files;
}

if (require.main === module) {
  const dir = path.join(__dirname, '..', '..', 'docs', 'rules');
  const check = process.argv.includes('--check');
  const files = renderRuleDocs();
  fs.mkdirSync(dir, { recursive: true });
  const stale = [...files].filter(([name, text]) => !fs.existsSync(path.join(dir, name)) || fs.readFileSync(path.join(dir, name), 'utf8') !== text);
  if (check) {
    if (stale.length) {
      process.stderr.write(`docs/rules is out of date: ${stale.map(([n]) => n).join(', ')} (run npm run docs:rules)\n`);
      process.exit(1);
    }
  } else for (const [name, text] of stale) fs.writeFileSync(path.join(dir, name), text);
}
