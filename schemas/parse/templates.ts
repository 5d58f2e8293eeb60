import { isTemplated } from '../template';
import type { AstNode } from './ast';

/**
 * True for a string node holding a Go-template placeholder (`{{ must_env `X` }}`): its final
 * text is known only at deploy time. The placeholder syntax itself is defined once, in
 * schemas/template.ts, which the validator uses to skip value checks on such strings.
 */
export function isTemplatedNode(node: AstNode | undefined): boolean {
  return node?.type === 'string' && isTemplated(node.value);
}
