/**
 * The one Ajv configuration used to compile the generated schemas (at generate time, into
 * standalone code) and by tests that load the schemas directly.
 */
import Ajv from 'ajv';

/** Annotation keywords the generated schemas carry; Ajv must know them in strict mode. */
export const ANNOTATION_KEYWORDS = [
  'markdownDescription',
  'enumDescriptions',
  'x-ecsdef-kind',
  'x-ecsdef-sdk',
  'x-ecsdef-change',
  'x-ecsdef-controller-remedies',
  'x-ecsdef-source',
  'x-ecsdef-default',
  'x-ecsdef-output-only',
  'x-ecsdef-not-in-api',
];

export function createAjv(options: { standalone?: boolean } = {}): Ajv {
  const ajv = new Ajv({
    allErrors: true,
    strict: true,
    strictTypes: false, // `type: ['string','number']` for timestamps
    allowUnionTypes: true,
    messages: false, // messages come from the rule catalog, not from Ajv
    code: options.standalone ? { source: true, lines: false, optimize: true } : undefined,
  });
  ajv.addVocabulary(ANNOTATION_KEYWORDS);
  return ajv;
}
