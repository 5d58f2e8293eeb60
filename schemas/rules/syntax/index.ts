import type { Rule } from '../rule';
import { documentTooLarge } from './document-too-large';
import { duplicateKey } from './duplicate-key';
import { emptyDocument } from './empty-document';
import { jsonComment } from './json-comment';
import { jsonSyntaxError } from './json-syntax-error';
import { jsonTrailingComma } from './json-trailing-comma';
import { nestingTooDeep } from './nesting-too-deep';
import { notText } from './not-text';
import { yamlAliasLimit } from './yaml-alias-limit';
import { yamlSyntaxError } from './yaml-syntax-error';

/**
 * Rules reported while reading text (schemas/parse), in id order. They have no `check`: the parser
 * raises them with a message id and a range.
 */
export const syntaxRules: readonly Rule[] = [
  jsonSyntaxError,
  jsonComment,
  jsonTrailingComma,
  duplicateKey,
  yamlSyntaxError,
  yamlAliasLimit,
  nestingTooDeep,
  notText,
  emptyDocument,
  documentTooLarge,
];

export {
  documentTooLarge,
  duplicateKey,
  emptyDocument,
  jsonComment,
  jsonSyntaxError,
  jsonTrailingComma,
  nestingTooDeep,
  notText,
  yamlAliasLimit,
  yamlSyntaxError,
};
