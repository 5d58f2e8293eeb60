import { strict as assert } from 'node:assert';
import { CLEAN_SERVICE } from './definitions';
import { assertNoCrash, buildCli, runCli, scratch } from './harness';

/**
 * Hostile globs through the shipped command: a glob never stalls a run (globs are matched
 * without backtracking, lsp/cli/glob.ts) and a glob it cannot take ends in exit 2 with one line
 * that says why, never "internal error" and never a compiled expression.
 */
describe('ecsdef validate with hostile globs', function () {
  this.timeout(180_000);
  before(() => buildCli());

  /** Each run is killed after 20 s: a hang fails the test instead of stalling it. */
  const TIMEOUT_MS = 20_000;
  const oneLine = (text: string): string[] => text.split('\n').filter((l) => l !== '');

  it('a config glob with ten stars against a 200-character name finishes', () => {
    const name = `${'a'.repeat(200)}.json`;
    const dir = scratch({
      '.ecsdef.json': JSON.stringify({ files: { service: ['*a*a*a*a*a*a*a*a*a*a*b.json'] } }),
      [name]: CLEAN_SERVICE,
    });
    const r = runCli(['validate', '.'], { cwd: dir, timeoutMs: TIMEOUT_MS });
    assertNoCrash(r, 'ten-star config glob');
    // The name does not match the glob (no `b`); the content makes it a clean service.
    assert.equal(r.code, 0, r.stdout + r.stderr);
  });

  it('the same glob as an operand, with a 200-character name in the folder, finishes', () => {
    const dir = scratch({ [`${'a'.repeat(200)}.json`]: CLEAN_SERVICE });
    const r = runCli(['validate', '--no-error-on-unmatched-pattern', '*a*a*a*a*a*a*a*a*a*a*b.json'], { cwd: dir, timeoutMs: TIMEOUT_MS });
    assertNoCrash(r, 'ten-star operand');
    assert.equal(r.code, 0, r.stdout + r.stderr);
  });

  it('a 64 KB glob operand: exit 2, one line naming the limit, no regex', () => {
    const operand = `${'*a'.repeat(32 * 1024)}.json`;
    const r = runCli(['validate', operand], { cwd: scratch({ 'x.json': CLEAN_SERVICE }), timeoutMs: TIMEOUT_MS });
    assertNoCrash(r, '64 KB operand');
    assert.equal(r.code, 2, r.stderr);
    assert.equal(oneLine(r.stderr).length, 1, r.stderr.slice(0, 500));
    assert.ok(r.stderr.length < 400, `stderr has ${r.stderr.length} characters`);
    assert.match(r.stderr, /^ecsdef: glob '\*a\*a.*': longer than 1000 characters \(65541\)\n$/);
    assert.doesNotMatch(r.stderr, /\(\?:|\[\^\/\]/);
  });

  it('an unsupported glob operand: exit 2 with the reason', () => {
    const r = runCli(['validate', 'defs/*.+(json|yaml)'], { cwd: scratch({ 'defs/a.json': CLEAN_SERVICE }), timeoutMs: TIMEOUT_MS });
    assertNoCrash(r, 'extglob operand');
    assert.equal(r.code, 2, r.stderr);
    assert.equal(oneLine(r.stderr).length, 1, r.stderr);
    assert.match(r.stderr, /^ecsdef: glob 'defs\/\*\.\+\(json\|yaml\)': \+\(\.\.\.\) is not supported/);
  });

  for (const [what, glob, reason] of [
    ['too long', `${'a'.repeat(1001)}.json`, /longer than 1000 characters \(1006\)/],
    ['an extglob', '+(a|b)-service.json', /\+\(\.\.\.\) is not supported/],
    ['too many alternatives', '{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}.json', /expands to more than 256 alternatives/],
  ] as const) {
    it(`a config glob that is ${what}: exit 2 naming files.service[0]`, () => {
      const dir = scratch({ '.ecsdef.json': JSON.stringify({ files: { service: [glob] } }), 'x.json': CLEAN_SERVICE });
      const r = runCli(['validate', '.'], { cwd: dir, timeoutMs: TIMEOUT_MS });
      assertNoCrash(r, what);
      assert.equal(r.code, 2, r.stdout + r.stderr);
      assert.equal(oneLine(r.stderr).length, 1, r.stderr);
      assert.match(r.stderr, /^ecsdef: invalid config .*\.ecsdef\.json at files\.service\[0\]: /);
      assert.match(r.stderr, reason);
    });
  }

  for (const [place, config] of [
    ['overrides[0].files[1]', { overrides: [{ files: ['*.json', '[[:alpha:]].json'], rules: {} }] }],
    ['ignores[0]', { ignores: ['[[:alpha:]].json'] }],
  ] as const) {
    it(`a bad glob at ${place} is named by its place`, () => {
      const dir = scratch({ '.ecsdef.json': JSON.stringify(config), 'x.json': CLEAN_SERVICE });
      const r = runCli(['validate', '.'], { cwd: dir, timeoutMs: TIMEOUT_MS });
      assertNoCrash(r, place);
      assert.equal(r.code, 2, r.stderr);
      const at = place.replace(/[.[\]]/g, '\\$&');
      assert.match(r.stderr, new RegExp(`at ${at}: glob '\\[\\[:alpha:\\]\\]\\.json': POSIX classes such as \\[:alpha:\\] are not supported`));
    });
  }
});
