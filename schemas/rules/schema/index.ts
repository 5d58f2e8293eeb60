/** The schema-keyword rules (ids ECS1xx): every Ajv failure maps to exactly one of them. */
import type { Rule } from '../rule';
import arraySize from './array-size';
import invalidEnumValue from './invalid-enum-value';
import missingRequiredProperty from './missing-required-property';
import notInApi from './not-in-api';
import outputOnlyProperty from './output-only-property';
import stringLength from './string-length';
import stringPattern from './string-pattern';
import unionMemberCount from './union-member-count';
import unknownProperty from './unknown-property';
import valueOutOfRange from './value-out-of-range';
import wrongType from './wrong-type';

export const schemaRules: Rule[] = [
  unknownProperty,
  missingRequiredProperty,
  wrongType,
  invalidEnumValue,
  valueOutOfRange,
  stringLength,
  stringPattern,
  arraySize,
  unionMemberCount,
  outputOnlyProperty,
  notInApi,
];
