/**
 * Conformance with the seed documents: every documented parameter is accepted by the right
 * schema with its type, every documented value set equals the schema's enum (plus the values the
 * current SDK adds, listed in the fixture), every documented range and limit is enforced.
 * The facts live in test/fixtures/seed-facts.json (derived once; the seeds are never read here).
 */
import { strict as assert } from 'assert';
import { validate, schemaFor, type DefinitionKind, type Problem } from '../../schemas';
import { schemaAtPointer, resolveRef } from '../../schemas/schema-registry';
import { parsePointer } from '../../schemas/pointer';
import { ruleById } from '../../schemas/rules/registry';
import { concretePointer, instanceWith, sampleOfType, wrongSampleFor } from '../support/instance';
import facts from '../fixtures/seed-facts.json';

interface Fact {
  doc: string;
  kind: DefinitionKind;
  path: string;
  type: string;
  enum?: string[];
  sdkAdds?: string[];
  required?: boolean;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  maxItems?: number;
  pattern?: string;
  notInApi?: boolean;
}

const at = (problems: Problem[], pointer: string, ruleName?: string) =>
  problems.filter((p) => p.pointer === pointer && (!ruleName || p.ruleName === ruleName));

/** Schema errors only: conformance is about the schemas; cross-field rules have their own tables. */
function errorsAt(kind: DefinitionKind, path: string, value: unknown, ruleName?: string): Problem[] {
  return at(validate(instanceWith(path, value), kind), concretePointer(path), ruleName).filter(
    (p) => p.severity === 'error' && ruleById(p.ruleId)?.group === 'schema',
  );
}

function itemsFor(path: string, count: number, kind: DefinitionKind): unknown[] {
  const items = schemaAtPointer(schemaFor(kind), concretePointer(path) + '/0');
  return Array.from({ length: count }, (_, i) => (items?.type === 'string' ? `item-${i}` : {}));
}

describe('seed conformance', () => {
  for (const fact of (facts as { facts: Fact[] }).facts) {
    const label = `[${fact.doc}] ${fact.kind} ${fact.path}`;
    describe(label, () => {
      it(`is accepted as ${fact.type}`, () => {
        const node = schemaAtPointer(schemaFor(fact.kind), concretePointer(fact.path));
        assert.ok(node, 'the schema has no node for this parameter');
        // UpdateService documents null for some members ("leave unchanged"): the type then lists both.
        assert.ok([node.type].flat().includes(fact.type), `type ${JSON.stringify(node.type)}`);
        const sample = Array.isArray(node.enum) ? node.enum[0] : sampleOfType(fact.type);
        // An empty sample may lack required members, items or a prefix; that is not about the type.
        const notAboutType = new Set(['missing-required-property', 'array-size', 'string-pattern']);
        const errors = errorsAt(fact.kind, fact.path, sample).filter((p) => !notAboutType.has(p.ruleName));
        assert.deepEqual(errors, []);
        const wrong = errorsAt(fact.kind, fact.path, wrongSampleFor(fact.type), 'wrong-type');
        assert.equal(wrong.length, 1, 'a value of another type must be reported');
      });
      if (fact.required !== undefined) {
        it(fact.required ? 'is required' : 'is optional', () => {
          const segments = parsePointer(concretePointer(fact.path));
          const name = segments.pop()!;
          const parentPointer = segments.map((s) => '/' + s).join('');
          const parent = schemaAtPointer(schemaFor(fact.kind), parentPointer)!;
          assert.equal(((parent.required as string[]) ?? []).includes(name), fact.required);
        });
      }
      if (fact.enum) {
        it('has exactly the documented valid values', () => {
          const node = schemaAtPointer(schemaFor(fact.kind), concretePointer(fact.path))!;
          const expected = [...fact.enum!, ...(fact.sdkAdds ?? [])].sort();
          assert.deepEqual([...(node.enum as string[])].sort(), expected);
          for (const value of fact.enum!) assert.deepEqual(errorsAt(fact.kind, fact.path, value), [], value);
          assert.equal(errorsAt(fact.kind, fact.path, 'NOT_A_VALUE', 'invalid-enum-value').length, 1);
        });
      }
      if (fact.minimum !== undefined || fact.maximum !== undefined) {
        it(`enforces the range ${fact.minimum ?? '-'}..${fact.maximum ?? '-'}`, () => {
          for (const edge of [fact.minimum, fact.maximum]) {
            if (edge !== undefined) assert.deepEqual(errorsAt(fact.kind, fact.path, edge), [], `edge ${edge}`);
          }
          if (fact.minimum !== undefined) assert.equal(errorsAt(fact.kind, fact.path, fact.minimum - 1, 'value-out-of-range').length, 1);
          if (fact.maximum !== undefined) assert.equal(errorsAt(fact.kind, fact.path, fact.maximum + 1, 'value-out-of-range').length, 1);
        });
      }
      if (fact.maxLength !== undefined || fact.minLength !== undefined) {
        it(`enforces the length ${fact.minLength ?? 0}..${fact.maxLength ?? '-'}`, () => {
          if (fact.maxLength !== undefined) {
            assert.deepEqual(errorsAt(fact.kind, fact.path, 'a'.repeat(fact.maxLength)), []);
            assert.equal(errorsAt(fact.kind, fact.path, 'a'.repeat(fact.maxLength + 1), 'string-length').length, 1);
          }
          if (fact.minLength) assert.equal(errorsAt(fact.kind, fact.path, 'a'.repeat(fact.minLength - 1), 'string-length').length, 1);
          if (fact.minLength === 0) assert.deepEqual(errorsAt(fact.kind, fact.path, ''), []);
        });
      }
      if (fact.maxItems !== undefined) {
        it(`allows at most ${fact.maxItems} entries`, () => {
          assert.deepEqual(errorsAt(fact.kind, fact.path, itemsFor(fact.path, fact.maxItems!, fact.kind), 'array-size'), []);
          assert.equal(errorsAt(fact.kind, fact.path, itemsFor(fact.path, fact.maxItems! + 1, fact.kind), 'array-size').length, 1);
        });
      }
      if (fact.pattern) {
        it(`allows only ${fact.pattern}`, () => {
          assert.deepEqual(errorsAt(fact.kind, fact.path, 'web_API-2'), []);
          assert.equal(errorsAt(fact.kind, fact.path, 'web api', 'string-pattern').length, 1);
        });
      }
      if (fact.notInApi) {
        it('is accepted with a warning because the API lacks it', () => {
          const problems = at(validate(instanceWith(fact.path, 'LINUX'), fact.kind), concretePointer(fact.path)).filter((p) => ruleById(p.ruleId)?.group === 'schema');
          assert.deepEqual(problems.map((p) => [p.ruleName, p.severity]), [['not-in-api', 'warning']]);
          assert.ok(resolveRef(schemaFor(fact.kind), schemaFor(fact.kind)));
        });
      }
    });
  }
});
