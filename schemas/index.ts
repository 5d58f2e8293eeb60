/**
 * Public runtime of the schemas layer (no I/O beyond loading the committed generated files,
 * no editor, no Pulumi).
 *
 *   validate(value, kind, options?) -> Problem[]
 *   classify(before, after, context) -> Change[]
 *   schemaFor(kind) -> the generated draft-07 JSON Schema of that kind
 */
export * from './problem';
export * from './change';
export { validate, type ValidateOptions } from './validate';
export { classify } from './classify';
export { schemaFor } from './schema-registry';
