/**
 * Public runtime of the schemas layer (no I/O beyond loading the committed generated files,
 * no editor, no Pulumi).
 *
 *   validate(value, kind, options?) -> Problem[]
 *   classify(before, after, context) -> Change[]
 *   schemaFor(kind) -> the generated draft-07 JSON Schema of that kind
 *   schemaAtPointer / resolveRef -> the subschema describing a place in a definition
 *   ruleById / findRule / ruleDocUrl -> the rule catalog
 */
export * from './problem';
export * from './change';
export { validate, type ValidateOptions } from './validate';
export { classify, controllerOf } from './classify';
export { resolveRef, schemaAtPointer, schemaFor, type SchemaNode } from './schema-registry';
export { findRule, ruleById } from './rules/registry';
export { ruleDocUrl } from './rules/format';
