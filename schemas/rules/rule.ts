import type { DefinitionKind, Fix, Severity } from '../problem';

/**
 * A rule of the ecsdef catalog. One rule per file in `schemas/rules/<group>/<name>.ts`, the file
 * name equal to `name`, registered explicitly in `schemas/rules/registry.ts`.
 *
 * Three groups share this shape:
 * - `syntax`: problems found while parsing text (reported by schemas/parse; no `check`);
 * - `schema`: one per Ajv keyword family (reported by the validator's Ajv mapping; no `check`);
 * - `cross-field`: rules the docs state in prose, run as code by `check`.
 */
export interface Rule {
  /** Stable id (`ECS0xx` syntax, `ECS1xx` schema keywords, `ECS2xx` cross-field). Never reused. */
  id: string;
  /** kebab-case, equal to the file name; the doc link is derived from it. */
  name: string;
  group: 'syntax' | 'schema' | 'cross-field';
  defaultSeverity: Severity;
  /** Definition kinds the rule applies to. */
  kinds: readonly DefinitionKind[];
  /** Message templates by message id; `{{name}}` placeholders are filled from `RuleReport.data`. */
  messages: Readonly<Record<string, string>>;
  docs: {
    /** One line, our own words. */
    description: string;
    /** The documented fact the rule encodes, restated in our own words. */
    statement: string;
    /** Where the fact is documented: document and parameter. */
    source: string;
  };
  /** Cross-field rules only: reports for one parsed definition (a plain JSON value). */
  check?(definition: Record<string, unknown>, context: RuleContext): RuleReport[];
  /** Example documents; see test/schemas/rules for how markers are read. */
  examples: RuleExamples;
}

export interface RuleContext {
  kind: DefinitionKind;
}

export interface RuleReport {
  /** RFC 6901 pointer of the offending node: the second of two conflicting keys, not the document. */
  pointer: string;
  /** Highlight the property key (default for unknown/missing/exclusive keys) or the value. */
  target: 'key' | 'value';
  messageId: string;
  data?: Readonly<Record<string, string | number>>;
  fix?: Fix;
}

/**
 * Examples as document text. In `invalid` examples the expected highlighted range is wrapped in
 * `⟦` and `⟧`; the test strips the markers and asserts that the rule reports exactly that range
 * (and nothing else with this rule id). `valid` examples must produce no report of this rule.
 */
export interface RuleExamples {
  valid: RuleExample[];
  invalid: RuleExample[];
}

export interface RuleExample {
  kind?: DefinitionKind;
  json?: string;
  yaml?: string;
  /** A text limit the example is read with, for limits too large to show (schemas/parse/limits.ts). */
  maxLength?: number;
}
