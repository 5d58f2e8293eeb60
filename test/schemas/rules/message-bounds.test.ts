/**
 * Messages quote user values, and a user value can be a megabyte long or hold control
 * characters. Every message is built by `formatMessage`; these tests pin what it promises: each
 * quoted value cut to `MAX_QUOTED_LENGTH` (start kept, cut marked with `…` and the original
 * length), the whole message under `MAX_MESSAGE_LENGTH`, no raw control character, and fixes
 * (data for code, not display) with the full values.
 */
import { strict as assert } from 'node:assert';
import { validate } from '../../../schemas';
import { parseDocument } from '../../../schemas/parse';
import { formatMessage, MAX_MESSAGE_LENGTH, MAX_QUOTED_LENGTH } from '../../../schemas/rules/format';
import { ruleByName } from '../../../schemas/rules/registry';
import type { Rule } from '../../../schemas/rules/rule';

const MB = 1 << 20;
const HUGE = 'x'.repeat(MB);
// C0 (newline, ESC), DEL, C1 (CSI) and the JavaScript line separators.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

function assertBounded(message: string): void {
  assert.ok([...message].length <= MAX_MESSAGE_LENGTH, `message of ${[...message].length} characters: ${message.slice(0, 200)}`);
  assert.doesNotMatch(message, CONTROL, JSON.stringify(message.slice(0, 300)));
}

const base = { serviceName: 'web', taskDefinition: 'web:1', desiredCount: 1 };

describe('message bounds: formatMessage cuts what it quotes', () => {
  it('exports the limits as named constants', () => {
    assert.equal(typeof MAX_QUOTED_LENGTH, 'number');
    assert.equal(typeof MAX_MESSAGE_LENGTH, 'number');
    assert.ok(MAX_QUOTED_LENGTH >= 40 && MAX_QUOTED_LENGTH < MAX_MESSAGE_LENGTH);
  });

  it('a 1 MB enum value: the start, a marked cut with the original length, the allowed values in full', () => {
    const [problem] = validate({ ...base, launchType: HUGE }, 'service');
    assert.equal(problem.ruleName, 'invalid-enum-value');
    assertBounded(problem.message);
    assert.match(problem.message, new RegExp(`^Value "x{${MAX_QUOTED_LENGTH}}…" \\(${MB} characters\\) is not allowed; use one of "EC2", "EXTERNAL", "FARGATE"`));
    assert.match(problem.message, /"MANAGED_INSTANCES"\.$/);
  });

  it('a value just at the limit is quoted whole', () => {
    const value = 'y'.repeat(MAX_QUOTED_LENGTH);
    const [problem] = validate({ ...base, launchType: value }, 'service');
    assert.ok(problem.message.includes(`"${value}"`), problem.message);
    assert.doesNotMatch(problem.message, /…/);
  });

  it('a long list of allowed values from the schema is not cut item by item', () => {
    const problems = validate({ ...base, deploymentConfiguration: { lifecycleHooks: [{ hookTargetArn: 'arn:aws:lambda:us-east-1:123456789012:function:f', roleArn: 'arn:aws:iam::123456789012:role/r', lifecycleStages: ['NOPE'] }] } }, 'service');
    const enumProblem = problems.find((p) => p.ruleName === 'invalid-enum-value');
    assert.ok(enumProblem, JSON.stringify(problems));
    for (const stage of ['POST_PRODUCTION_TRAFFIC_SHIFT', 'RECONCILE_SERVICE', 'TEST_TRAFFIC_SHIFT']) assert.ok(enumProblem.message.includes(`"${stage}"`), enumProblem.message);
  });

  it('a 1 MB property name with control characters: message cut and escaped, the fix keeps the full name', () => {
    const key = `bad\n::error::forged\u001b[31m\u2028${HUGE}`;
    const problems = validate({ ...base, [key]: 1 }, 'service');
    const unknown = problems.find((p) => p.ruleName === 'unknown-property');
    assert.ok(unknown, JSON.stringify(problems.map((p) => p.ruleName)));
    assertBounded(unknown.message);
    assert.ok(unknown.message.includes('bad\\n::error::forged\\u001b[31m\\u2028xxx'), unknown.message.slice(0, 200));
    assert.ok(unknown.fix && unknown.fix.kind === 'remove');
    assert.equal(unknown.fix.pointer, `/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`);
    assert.ok(unknown.fix.title.length <= MAX_MESSAGE_LENGTH, `fix title of ${unknown.fix.title.length} characters`);
  });

  it('a 1 MB pattern-checked value (schema), tag key (cross-field) and duplicate key (syntax)', () => {
    const pattern = validate({ ...base, serviceName: `a b${HUGE}` }, 'service').find((p) => p.ruleName === 'string-pattern');
    assert.ok(pattern);
    assertBounded(pattern.message);

    const tags = validate({ ...base, tags: [{ key: `aws:${HUGE}`, value: 'v' }] }, 'service').filter((p) => p.ruleName === 'tag-keys-unique-and-unreserved');
    assert.ok(tags.length > 0);
    for (const p of tags) assertBounded(p.message);

    const name = `k\u001b${HUGE}`;
    const doc = parseDocument(`{"${name}": 1, "${name}": 2}`, 'json');
    const duplicate = doc.problems.find((p) => p.ruleName === 'duplicate-key');
    assert.ok(duplicate, JSON.stringify(doc.problems.map((p) => p.ruleName)));
    assertBounded(duplicate.message);
  });

  it('cuts at a character, never inside a surrogate pair', () => {
    const value = '😀'.repeat(MAX_QUOTED_LENGTH + 10);
    const [problem] = validate({ ...base, launchType: value }, 'service');
    assert.ok(problem.message.includes(`"${'😀'.repeat(MAX_QUOTED_LENGTH)}…" (${MAX_QUOTED_LENGTH + 10} characters)`), problem.message);
    assert.doesNotMatch(problem.message, /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
  });

  it('bounds the whole message as a backstop, whatever the template', () => {
    const rule = { ...ruleByName('unknown-property'), messages: { many: '{{a}} {{b}} {{c}} {{d}} {{e}} {{f}} {{g}} {{h}} {{i}} {{j}} {{k}} {{l}}' } } as Rule;
    const data = Object.fromEntries('abcdefghijkl'.split('').map((k) => [k, HUGE]));
    assertBounded(formatMessage(rule, 'many', data));
    // Numbers and short values pass unchanged; unknown placeholders stay visible.
    assert.equal(formatMessage(rule, 'many', { a: 1, b: 'two' }), '1 two {{c}} {{d}} {{e}} {{f}} {{g}} {{h}} {{i}} {{j}} {{k}} {{l}}');
  });
});
