/**
 * Go-template placeholders (`{{ must_env `IMAGE` }}`, `{{ tfstate `...` }}`) stand for values
 * known only at deploy time. A string holding one is treated as "any value".
 */
const PLACEHOLDER = /\{\{[\s\S]*?\}\}/;

export function isTemplated(value: unknown): boolean {
  return typeof value === 'string' && PLACEHOLDER.test(value);
}
