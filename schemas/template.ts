/**
 * Placeholders: text in a definition that a tool replaces before the definition reaches ECS
 * (ecspresso's Go templates, shell and CI variables, token-replacement tasks, the `<NAME>` blanks
 * of tutorials). A string holding one stands for a value known only at deploy time, so no value
 * check (type, enum, pattern, range, length) and no cross-field rule judges it.
 *
 * The styles are data: a new style is one row. Each pattern must not match ordinary values ECS
 * accepts (ARNs, image names, paths, health-check commands), which the tests pin.
 */
export interface PlaceholderStyle {
  name: string;
  pattern: RegExp;
  example: string;
}

export const PLACEHOLDER_STYLES: readonly PlaceholderStyle[] = [
  { name: 'Go template (ecspresso, Helm, CloudFormation dynamic reference)', pattern: /\{\{[\s\S]*?\}\}/, example: '{{ must_env `IMAGE` }}' },
  { name: 'shell, Terraform or envsubst variable', pattern: /\$\{[A-Za-z_][^}]*\}/, example: '${SERVICE_NAME}' },
  { name: 'Azure Pipelines macro', pattern: /\$\([A-Za-z_][\w.-]*\)/, example: '$(Build.BuildId)' },
  { name: 'Harness expression', pattern: /<\+[^>]+>/, example: '<+stage.variables.cluster>' },
  { name: 'Octopus or Replace Tokens variable', pattern: /#\{[^}]+\}/, example: '#{Cluster}' },
  { name: 'double-underscore token', pattern: /__[A-Z][A-Z0-9_]*__/, example: '__TARGET_GROUP__' },
  { name: 'blank to fill in', pattern: /<[A-Za-z][\w .:-]*>/, example: '<SERVICE_NAME>' },
  { name: 'replace-me marker', pattern: /\b(?:REPLACE_?ME|CHANGE_?ME|YOUR_[A-Z0-9_]+)/, example: 'REPLACE_ME_SUBNET' },
];

export function isTemplated(value: unknown): boolean {
  return typeof value === 'string' && PLACEHOLDER_STYLES.some((style) => style.pattern.test(value));
}
