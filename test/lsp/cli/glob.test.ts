import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fc from 'fast-check';
import picomatch from 'picomatch';
import { checkGlob, compileGlobs, GlobError, MAX_GLOB_ALTERNATIVES, MAX_GLOB_LENGTH, splitStaticBase } from '../../../lsp/cli/glob';
import { REPO } from './harness';

/**
 * The glob matcher (lsp/cli/glob.ts) against picomatch with `{ dot: true }`, which ecsdef used
 * before: the same answers wherever picomatch reads the syntax one way, the documented
 * differences where it does not, and no pattern that makes a match slow.
 */
const pm = (glob: string | string[], path: string, posix = false): boolean => picomatch(glob, { dot: true, posix })(path);
const ours = (glob: string | string[], path: string): boolean => compileGlobs(typeof glob === 'string' ? [glob] : glob)(path);

describe('glob matcher', () => {
  /** [glob, path, expected]; every row is also picomatch's answer. */
  const TABLE: Array<[string, string, boolean]> = [
    // * and ?: any run / one code unit, never `/`; dot files included
    ['*.json', 'x.json', true], ['*.json', '.x.json', true], ['*.json', 'a/x.json', false], ['*', 'a/b', false],
    ['*', '*', true], ['a*', 'a', true], ['a?', 'a', false], ['?', 'é', true], ['?.json', 'a.json', true],
    ['service-*-def.json', 'service-web-def.json', true], ['*-def.json', 'a-def.yaml', false],
    // ** as a whole segment
    ['a/**/b', 'a/b', true], ['a/**/b', 'a/x/y/b', true], ['a/**/b', 'a/xb', false], ['**/x', 'x', true],
    ['**/x', 'a/b/x', true], ['**/x', 'a/bx', false], ['a/**', 'a', true], ['a/**', 'a/x/y', true], ['a/**', 'ab', false],
    ['**', 'a/b/c', true], ['**/*.json', 'x.json', true], ['**/*.json', 'a/.x.json', true], ['x/**/**/y', 'x/y', true],
    ['**/a/**', 'a', true], ['**/a/**', 'b/a/c', true], ['**/deploy/*.json', 'deploy/x.json', true],
    ['**/deploy/*.json', 'p/deploy/q/x.json', false],
    // ** inside a segment is a star; *** is a star
    ['a**b', 'axb', true], ['a**b', 'ax/b', false], ['**a', 'x/a', false], ['***', 'x', true], ['a/***/b', 'a/x/y/b', false],
    // classes
    ['[abc]', 'b', true], ['[abc]', 'd', false], ['[a-z]', 'q', true], ['[a-c]', 'B', false], ['[^a]', 'b', true],
    ['[^a]', 'a', false], ['[^a]', '/', false], ['[]]', ']', true], ['[a-]', '-', true], ['[a-c-e]', '-', true],
    ['[a-c-e]', 'd', false], ['[\\]]', ']', true], ['*.[jy]son', 'x.json', true], ['[abc', '[abc', true], ['[abc', 'a', false],
    // braces, nested; braces without a comma are text
    ['{a,b}', 'b', true], ['{a,{b,c}}', 'c', true], ['{a}', 'a', false], ['{a}', '{a}', true], ['{a,b}{,c}', 'ac', true],
    ['a{,}b', 'ab', true], ['*.{json,yaml,yml}', 'x.yml', true], ['{a,b}/**', 'b/x/y', true], ['x{/a,/b}', 'x/b', true],
    ['{**/,}x', 'x', true], ['{**/,}x', 'a/b/x', true], ['a/{**/,}b', 'a/b', true], ['a/{**/,}b', 'a/x/b', true],
    ['{*}', '{x}', true], ['{a,{b}}', '{b}', true], ['{a,b', '{a,b', true], ['{a,b', 'a', false], ['{prod,staging}/**/*-def.json', 'prod/a/web-def.json', true],
    // @(a|b) and (a|b) as alternatives; an unclosed ( is text
    ['@(a|b).json', 'b.json', true], ['@(a|b)@(c|d)', 'bd', true], ['(a|b)/c', 'a/c', true], ['(a|)x', 'x', true],
    ['a(b)', 'ab', true], ['a(b.json', 'a(b.json', true], ['a)b', 'a)b', true], ['a|b', 'a|b', true], ['a|b', 'a', false],
    // escapes, literal text, the glob's own spelling
    ['\\*', '*', true], ['\\*', 'a', false], ['\\{a,b}', '{a,b}', true], ['\\{a,b}', 'a', false], ['a+', 'a+', true],
    ['a+', 'aa', false], ['a.b', 'axb', false], ['$a^', '$a^', true], ['copy (1).json', 'copy (1).json', true],
    // leading ./ and !
    ['./a', 'a', true], ['././a', 'a', true], ['!*.json', 'x.json', false], ['!*.json', 'x.yaml', true], ['!!a', 'a', true],
    ['!./a', 'a', false], ['\\!a', '!a', true], ['a!b', 'a!b', true],
  ];

  for (const [glob, path, expected] of TABLE) {
    it(`${glob} ${expected ? 'matches' : 'does not match'} ${path}`, () => {
      assert.equal(pm(glob, path), expected, 'picomatch disagrees with the table');
      assert.equal(ours(glob, path), expected);
    });
  }

  /** Where picomatch's answer depends on how it happens to compile, and ours follows the rule. */
  const DIFFERENCES: Array<[string, string, boolean, string]> = [
    ['[!a]', 'b', true, 'picomatch negates [!...] only with posix: true; a shell always does'],
    ['[!a]', 'a', false, 'same'],
    ['{**,y}/z', 'z', true, 'braces multiply out: **/z matches z (picomatch reads ** in braces as .*)'],
    ['{a/,}**', 'b/c', true, 'braces multiply out: ** is one of the alternatives'],
    ['*/**', 'a', true, 'a/** matches a in both; picomatch drops that reading after a star'],
    ['**.a', 'x/.a', false, '** inside a segment is a star (picomatch: a globstar before a dot)'],
    ['*.*', 'a.', true, 'a star matches nothing at the end too (picomatch: not after a dot, but x/*.* matches x/a.)'],
    ['{a,b}*{', 'a{', true, 'an unclosed { is text (picomatch matches nothing)'],
  ];
  for (const [glob, path, expected, why] of DIFFERENCES) {
    it(`${glob} ${expected ? 'matches' : 'does not match'} ${path} (${why})`, () => {
      assert.equal(ours(glob, path), expected);
      if (glob.startsWith('[!')) assert.equal(pm(glob, path, true), expected, 'picomatch with posix: true');
      else assert.notEqual(pm(glob, path), expected, 'picomatch now agrees: move the row to TABLE');
    });
  }

  it('agrees with picomatch on generated globs and paths', () => {
    // Left out where picomatch's answers depend on how it compiles (DIFFERENCES): `**` inside or
    // next to braces or before a `.`, `/**` after a star, a star after a `.` at the end of a
    // name; and `***` followed by text, where it leaks a regex `.`.
    const token = fc.constantFrom('a', 'b', '.', '/', '*', '**', '?', '[ab]', '[^a]', '{a,b}', '{a,}', '{,b/}', '@(a|b)', '\\*', '(a|b)');
    const segment = fc.stringMatching(/^[ab.]{0,2}[ab]$/);
    const glob = fc
      .array(token, { minLength: 1, maxLength: 6 })
      .map((t) => t.join(''))
      .filter((g) => !/\*\*[{(@]|[})]\*\*|\*\/\*\*(\/|$)|\*\*\*|\*\*\./.test(g));
    const path = fc.array(segment, { minLength: 1, maxLength: 4 }).map((s) => s.join('/'));
    fc.assert(
      fc.property(glob, fc.array(path, { minLength: 1, maxLength: 20 }), (g, paths) => {
        let match;
        try {
          match = compileGlobs([g]);
        } catch (error) {
          if (error instanceof GlobError) return; // refused; the refusals are tested below
          throw error;
        }
        for (const p of paths) assert.equal(match(p), pm(g, p), `${g} against ${p}`);
      }),
      { numRuns: 3000, seed: 7 },
    );
  });

  it('a list matches when any glob does, a negated one when its glob does not (as picomatch)', () => {
    const lists = [['*.json', '!x.json'], ['!a/**', 'a/b'], ['deploy/*.json', 'prod/**']];
    for (const list of lists) for (const p of ['x.json', 'y.json', 'a/b', 'a/c', 'deploy/x.json', 'prod/a/b', 'z']) assert.equal(ours(list, p), pm(list, p), `${list} ${p}`);
  });

  it('orInside: a glob or anything inside what it matches (ignores), as [g, g/**] in picomatch', () => {
    for (const list of [['dist'], ['dist/'], ['build*'], ['!tmp'], ['a/{b,c}']]) {
      const match = compileGlobs(list, { orInside: true });
      const both = list.flatMap((g) => [g, `${g.replace(/\/+$/, '')}/**`]);
      for (const p of ['dist', 'dist/x.json', 'distx', 'build1/a', 'tmp', 'tmp/a', 'a/b/c', 'a/d']) assert.equal(match(p), pm(both, p), `${list} ${p}`);
    }
    // Near the length limit: the appended `/**` does not count against it.
    assert.equal(compileGlobs(['a'.repeat(MAX_GLOB_LENGTH)], { orInside: true })(`${'a'.repeat(MAX_GLOB_LENGTH)}/x`), true);
  });

  it('never matches an empty path (as picomatch)', () => {
    assert.equal(ours('**', ''), false);
    assert.equal(ours('!a', ''), false);
  });

  describe('refusals', () => {
    const REFUSED: Array<[string, RegExp]> = [
      ['', /^glob '': is empty$/],
      ['!', /matches nothing/],
      ['a'.repeat(MAX_GLOB_LENGTH + 1), /^glob 'a{40}\.\.\.': longer than 1000 characters \(1001\)$/],
      ['{a,b}'.repeat(9), /expands to more than 256 alternatives/],
      ['{{a,b},{c,d},{e,f},{g,h}}'.repeat(4) + '{a,b}', /expands to more than 256 alternatives/],
      ['+(a|b).json', /^glob '\+\(a\|b\)\.json': \+\(\.\.\.\) is not supported; write @\(a\|b\) or \{a,b\}/],
      ['*(a|b).json', /\*\(\.\.\.\) is not supported/],
      ['x?(a).json', /\?\(\.\.\.\) is not supported/],
      ['!(a).json', /!\(\.\.\.\) is not supported/],
      ['x/a!(b)', /!\(\.\.\.\) is not supported/],
      ['[[:alpha:]]', /POSIX classes such as \[:alpha:\] are not supported/],
      ['x[![:digit:]]', /POSIX classes/],
      ['{1..3}.json', /brace ranges such as \{1\.\.3\} are not supported; list the values/],
      ['{a..c}', /brace ranges/],
      ['{a|b,c}', /\| inside \{\.\.\.\}: separate alternatives with ,/],
      ['[z-a]', /\[z-a\] has a reversed range/],
      ['@(a|b)?.json', /\(\.\.\.\)\? is not supported; write \\\? for the character/],
      ['(a|b)+', /\(\.\.\.\)\+ is not supported/],
      ['a[/]b', /a \[\.\.\.\] class never matches \//],
      ['a{,b/}**', /\*\* is a whole path segment in some alternatives and not in others/],
    ];
    for (const [glob, reason] of REFUSED) {
      it(`refuses ${glob.length > 40 ? `${glob.slice(0, 40)}...` : JSON.stringify(glob)}`, () => {
        assert.throws(() => checkGlob(glob), (error: unknown) => error instanceof GlobError && reason.test(error.message) && error.glob === glob);
      });
    }

    it('names the limits', () => {
      assert.equal(MAX_GLOB_LENGTH, 1000);
      assert.equal(MAX_GLOB_ALTERNATIVES, 256);
      assert.doesNotThrow(() => checkGlob('{a,b}'.repeat(8)));
      assert.doesNotThrow(() => checkGlob('*'.repeat(MAX_GLOB_LENGTH)));
    });

    it('refuses a 64 KB glob at once, in a message of one short line', () => {
      const error = (() => {
        try {
          checkGlob('{'.repeat(64 * 1024));
        } catch (e) {
          return e as GlobError;
        }
        return undefined;
      })();
      assert.ok(error instanceof GlobError);
      assert.ok(error.message.length < 120 && !error.message.includes('\n'), error.message);
    });
  });

  describe('splitStaticBase (command-line globs)', () => {
    const CASES: Array<[string, string, string]> = [
      ['src/**/*.json', 'src', '**/*.json'],
      ['*.json', '', '*.json'],
      ['a/b/c*.json', 'a/b', 'c*.json'],
      ['a/{b,c}/x', 'a', '{b,c}/x'],
      ['./a/*', 'a', '*'],
      ['../x/*.json', '../x', '*.json'],
      ['/abs/x/*.json', '/abs/x', '*.json'],
      ['/*.json', '/', '*.json'],
      ['a/b\\*c/*.json', 'a/b*c', '*.json'],
      ['!a/*', '!a', '*'],
      ['a/!b*', 'a', '\\!b*'],
      ['a/{b}/x*', 'a/{b}', 'x*'],
    ];
    for (const [glob, base, rest] of CASES) {
      it(`${glob} -> ${base || '(cwd)'} + ${rest}`, () => assert.deepEqual(splitStaticBase(glob), { base, rest }));
    }
  });

  /**
   * Globs that picomatch backtracks on for seconds to forever, each against a 4096-character
   * path, in a child process that is killed after 60 s: a hang fails the test instead of
   * stalling the suite. Goes through patterns.ts `compile`, what the CLI and the server call.
   */
  it('hostile globs finish on 4096-character paths', function () {
    this.timeout(120_000);
    const script = `
      const { compile } = require('./lsp/cli/patterns');
      const a = 'a'.repeat(4096), deep = Array(2048).fill('a').join('/');
      const cases = [
        ['*a*a*a*a*a*a*a*a*a*a*b.json', a], ['*a*a*a*b.json', a], ['*a*a*a*a*b.json', a],
        ['**/a/**/a/**/a/**/b', deep], ['*a'.repeat(500), a + 'b'], ['**/'.repeat(333), deep],
        ['{*,?}'.repeat(8) + '*a'.repeat(480), a + 'b'], ['[a-z]*'.repeat(166), a + '/'],
      ];
      const results = cases.map(([glob, path]) => {
        const match = compile([glob]);
        const started = process.hrtime.bigint();
        const matched = match(path);
        return { glob: glob.slice(0, 30), matched, ms: Number(process.hrtime.bigint() - started) / 1e6 };
      });
      process.stdout.write(JSON.stringify(results));
    `;
    const run = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', '-e', script], { cwd: REPO, timeout: 60_000, killSignal: 'SIGKILL', encoding: 'utf8' });
    assert.equal(run.signal, null, `killed after 60 s: a hostile glob did not finish\n${run.stderr}`);
    assert.equal(run.status, 0, run.stderr);
    const results = JSON.parse(run.stdout) as Array<{ glob: string; matched: boolean; ms: number }>;
    assert.deepEqual(results.map((r) => r.matched), [false, false, false, false, false, false, false, false]);
  });
});
