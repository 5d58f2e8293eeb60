import { DEFINITION_KINDS } from '../../problem';
import type { Rule } from '../rule';

/**
 * The text of a `.json` file is not JSON. Reported by schemas/parse with the jsonc-parser error code
 * mapped to one message id; the parsed value is then not validated (it would only add noise).
 */
export const jsonSyntaxError: Rule = {
  id: 'ECS001',
  name: 'json-syntax-error',
  group: 'syntax',
  defaultSeverity: 'error',
  kinds: DEFINITION_KINDS,
  messages: {
    invalidSymbol: 'Unexpected character: this is not JSON.',
    invalidNumberFormat: 'Invalid number.',
    propertyNameExpected: 'Expected a property name in double quotes.',
    valueExpected: 'Expected a value.',
    colonExpected: "Expected ':' after the property name.",
    commaExpected: "Expected ',' between entries.",
    closeBraceExpected: "Expected '}' to close the object.",
    closeBracketExpected: "Expected ']' to close the array.",
    endOfFileExpected: 'Expected the end of the file after the top-level value.',
    invalidCommentToken: 'Invalid comment.',
    unexpectedEndOfComment: 'The comment is not closed.',
    unexpectedEndOfString: 'The string is not closed before the end of the line.',
    unexpectedEndOfNumber: 'The number ends unexpectedly.',
    invalidUnicode: 'Invalid \\u escape sequence.',
    invalidEscapeCharacter: 'Invalid escape sequence in a string.',
    invalidCharacter: 'Control characters must be escaped inside a string.',
  },
  docs: {
    description: 'A .json definition must be valid JSON.',
    statement:
      'Definitions passed with --cli-input-json or file:// are read as JSON; text that is not JSON is refused before any request is made.',
    source: 'AWS CLI User Guide: Loading AWS CLI parameters from a file; RFC 8259 (JSON grammar)',
  },
  examples: {
    valid: [{ json: '{"serviceName": "web"}' }],
    invalid: [
      { json: '{"serviceName": "web" ⟦"desiredCount"⟧: 1}' },
      { json: '{"serviceName": ⟦}⟧' },
      { json: "{⟦'serviceName'⟧: 'web'}" },
    ],
  },
};
