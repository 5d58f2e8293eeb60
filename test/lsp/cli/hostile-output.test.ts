/**
 * Output that cannot hurt, through the built command: file names and values with control
 * characters never forge a line (a `::error` command in a GitHub Actions log) or reach the
 * terminal raw, a megabyte-long value does not make a megabyte-long report, and `ecsdef diff`
 * does not print container environment values or secret references unless asked.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BROKEN_SERVICE, CLEAN_SERVICE } from './definitions';
import { assertNoCrash, buildCli, lines, runCli, scratch, type Run } from './harness';

// C0 (newline, ESC, ...), DEL, C1 (CSI is U+009B) and the line separators U+2028/U+2029.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

function run(args: string[], cwd: string): Run {
  const result = runCli(args, { cwd, timeoutMs: 60_000 });
  assertNoCrash(result, JSON.stringify(args));
  return result;
}

/** Every line of `text` is free of control characters (the newline between lines aside). */
function assertSafeLines(text: string, context: string): void {
  for (const line of text.split('\n')) assert.doesNotMatch(line, CONTROL, `${context}: ${JSON.stringify(line)}`);
}

/** No output line can be taken for a GitHub Actions workflow command. */
function assertNoForgedCommand(text: string, context: string): void {
  for (const line of text.split('\n')) assert.ok(!line.trimStart().startsWith('::'), `${context}: forged command line ${JSON.stringify(line)}`);
}

describe('ecsdef output on hostile names and values', function () {
  this.timeout(180_000);
  before(() => buildCli());

  describe('file names', () => {
    const forged = 'x\n::error file=forged.json,line=1::forged-service-def.json';
    const terminal = '\u001b[31mred\u009b2J\u2028\u007f-service-def.json';

    it('text: a newline in a file name does not forge a line or a workflow command', () => {
      const r = run(['validate', forged], scratch({ [forged]: BROKEN_SERVICE }));
      assert.equal(r.code, 1, r.stderr);
      assert.equal(lines(r).length, 1, r.stdout);
      assert.ok(lines(r)[0].startsWith('x\\n::error file=forged.json,line=1::forged-service-def.json:7:3  error  ECS201  '), lines(r)[0]);
      assertNoForgedCommand(r.stdout + r.stderr, 'text');
      assertSafeLines(r.stdout + r.stderr, 'text');
    });

    it('text: ESC, C1, DEL and U+2028 in a file name are shown escaped', () => {
      const r = run(['validate', terminal], scratch({ [terminal]: BROKEN_SERVICE }));
      assert.equal(r.code, 1, r.stderr);
      assert.equal(lines(r).length, 1, r.stdout);
      assert.ok(lines(r)[0].startsWith('\\u001b[31mred\\u009b2J\\u2028\\u007f-service-def.json:7:3  error  '), lines(r)[0]);
      assertSafeLines(r.stdout + r.stderr, 'text');
    });

    it('github: one annotation per problem whatever the file name', () => {
      const r = run(['validate', '-f', 'github', forged, terminal], scratch({ [forged]: BROKEN_SERVICE, [terminal]: BROKEN_SERVICE }));
      assert.equal(r.code, 1, r.stderr);
      assert.equal(lines(r).length, 2, r.stdout);
      for (const line of lines(r)) {
        assert.match(line, /^::error file=[^\n]*,line=7,col=3,endLine=7,endColumn=\d+,title=ECS201::Choose either launchType/);
        // The file property stays exact (percent-escaped) so that GitHub finds the file.
        assert.doesNotMatch(line, /[\r\n]/);
      }
      assert.ok(lines(r)[0].startsWith('::error file=x%0A%3A%3Aerror file=forged.json%2Cline=1%3A%3Aforged-service-def.json,'), lines(r)[0]);
    });

    it('json and sarif keep file names exact (JSON escapes them)', () => {
      const dir = scratch({ [forged]: BROKEN_SERVICE });
      const json = JSON.parse(run(['validate', '-f', 'json', forged], dir).stdout) as Array<{ filePath: string }>;
      assert.equal(path.basename(json[0].filePath), forged);
      assertNoForgedCommand(run(['validate', '-f', 'sarif', forged], dir).stdout, 'sarif');
    });

    it('stderr notices and tool errors escape the names they quote', () => {
      const notDefinition = 'pkg\n::error::package.json';
      const dir = scratch({ [notDefinition]: '{"name": "x", "version": "1.0.0"}\n', 'ok-service-def.json': CLEAN_SERVICE });
      const skipped = run(['validate', notDefinition, 'ok-service-def.json'], dir);
      assert.match(skipped.stderr, /^ecsdef: pkg\\n::error::package\.json: not an ECS service definition/m, skipped.stderr);
      const missing = run(['validate', 'gone\n::error::x-service-def.json\u001b[2J'], dir);
      assert.equal(missing.code, 2);
      const unknownCommand = run(['bad\n::error::command\u001b]0;title\u0007'], dir);
      assert.equal(unknownCommand.code, 2);
      const badFlag = run(['validate', '--format', 'text\n::error::x'], dir);
      assert.equal(badFlag.code, 2);
      for (const r of [skipped, missing, unknownCommand, badFlag]) {
        assertNoForgedCommand(r.stderr, 'stderr');
        assertSafeLines(r.stderr, 'stderr');
      }
      assert.match(missing.stderr, /gone\\n::error::x-service-def\.json\\u001b\[2J/);
    });
  });

  describe('values', () => {
    const MB = 1 << 20;

    it('a 1 MB enum value makes a short report in every format, with the start of the value', () => {
      const definition = { ...JSON.parse(CLEAN_SERVICE), launchType: 'F'.repeat(MB) };
      const dir = scratch({ 'big-service-def.json': JSON.stringify(definition) });
      for (const format of ['text', 'json', 'sarif', 'github']) {
        const r = run(['validate', '-f', format, 'big-service-def.json'], dir);
        assert.equal(r.code, 1, `${format}: ${r.stderr}`);
        // SARIF carries the whole rule catalog; the bound is about the quoted value.
        assert.ok(r.stdout.length < 200_000, `${format}: ${r.stdout.length} characters`);
        assert.match(r.stdout, /FFFFFFFFFF…/, format);
        assert.match(r.stdout, new RegExp(`\\(${MB} characters\\)`), format);
      }
    });

    it('a property name with a newline and ESC: one text line, one annotation, both escaped', () => {
      const text = JSON.stringify({ ...JSON.parse(CLEAN_SERVICE), 'bad\n::error::key\u001b[0m\u2029': 1 });
      const dir = scratch({ 'key-service-def.json': text });
      const plain = run(['validate', 'key-service-def.json'], dir);
      assert.equal(lines(plain).length, 1, plain.stdout);
      assert.match(lines(plain)[0], /ECS101  Unknown property "bad\\n::error::key\\u001b\[0m\\u2029"/);
      assertSafeLines(plain.stdout, 'text');
      const github = run(['validate', '-f', 'github', 'key-service-def.json'], dir);
      assert.equal(lines(github).length, 1, github.stdout);
      assert.match(lines(github)[0], /::Unknown property "bad\\n::error::key\\u001b\[0m\\u2029"/);
      assertSafeLines(github.stdout, 'github');
    });
  });

  describe('ecsdef diff', () => {
    const example = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', 'examples', 'express.express-service.json'), 'utf8'));
    // A short image keeps the environment inside the text report's excerpt of the value.
    const withContainer = (environment: unknown[], secrets?: unknown[]) =>
      JSON.stringify({ ...example, primaryContainer: { image: 'n', environment, ...(secrets ? { secrets } : {}) } });
    const secretArn = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:db-password';
    const files = {
      'before.json': withContainer([{ name: 'P', value: 'hunter2' }], [{ name: 'DB', valueFrom: secretArn }]),
      'after.json': withContainer([{ name: 'P', value: 'swordfish' }], [{ name: 'DB', valueFrom: secretArn }]),
    };

    it('text and json: environment values and secret references are masked; the change is still reported', () => {
      const dir = scratch(files);
      const text = run(['diff', 'before.json', 'after.json'], dir);
      assert.equal(text.code, 0, text.stderr);
      assert.match(text.stdout, /deployment primaryContainer: /);
      assert.doesNotMatch(text.stdout, /hunter2|swordfish|db-password/);
      assert.match(text.stdout, /"value":"\*\*\*"/);

      const json = run(['diff', 'before.json', 'after.json', '--format', 'json'], dir);
      assert.doesNotMatch(json.stdout, /hunter2|swordfish|db-password/);
      const result = JSON.parse(json.stdout);
      assert.deepEqual(result.changes.map((c: { field: string; class: string }) => [c.field, c.class]), [['primaryContainer', 'deployment']]);
      const [change] = result.changes;
      assert.deepEqual([change.before.environment, change.after.environment], [[{ name: 'P', value: '***' }], [{ name: 'P', value: '***' }]]);
      assert.deepEqual(change.after.secrets, [{ name: 'DB', valueFrom: '***' }]);
      assert.equal(change.after.image, 'n', 'only the sensitive values are masked');
    });

    it('--show-values prints them', () => {
      const dir = scratch(files);
      const json = run(['diff', 'before.json', 'after.json', '--format', 'json', '--show-values'], dir);
      assert.equal(json.code, 0, json.stderr);
      const [change] = JSON.parse(json.stdout).changes;
      assert.deepEqual([change.before.environment, change.after.environment], [[{ name: 'P', value: 'hunter2' }], [{ name: 'P', value: 'swordfish' }]]);
      assert.equal(change.after.secrets[0].valueFrom, secretArn);
      assert.match(run(['diff', 'before.json', 'after.json', '--show-values'], dir).stdout, /hunter2/);
    });

    it('--help documents --show-values and exits 0', () => {
      const r = run(['diff', '--help'], scratch());
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /Usage: ecsdef diff BEFORE AFTER/);
      assert.match(r.stdout, /--show-values/);
    });

    it('file names with control characters are escaped in the text report and on stderr', () => {
      const before = 'b\n::error::x\u001b[1m.json';
      const dir = scratch({ [before]: files['before.json'], 'after.json': files['after.json'] });
      const r = run(['diff', before, 'after.json'], dir);
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stdout.split('\n')[0], 'b\\n::error::x\\u001b[1m.json -> after.json (express-service)');
      assertSafeLines(r.stdout, 'diff text');
      const missing = run(['diff', 'gone\n::error::x\u009b.json', 'after.json'], dir);
      assert.equal(missing.code, 2);
      assertNoForgedCommand(missing.stderr, 'diff stderr');
      assertSafeLines(missing.stderr, 'diff stderr');
    });
  });
});
