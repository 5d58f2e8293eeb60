import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as fc from 'fast-check';
import { main } from '../../../lsp/cli/main';
import { BROKEN_SERVICE_YAML, CLEAN_SERVICE } from './definitions';
import { assertNoCrash, buildCli, lines, runCli, scratch } from './harness';

/**
 * The CLI on hostile files: it never crashes (exit 0/1/2, no stack trace), never hangs (every
 * spawn has a hard timeout), and says what is wrong.
 */
describe('ecsdef validate on hostile input', function () {
  this.timeout(180_000);
  before(() => buildCli());

  const deep = 100_000;
  const hostile: Array<[string, string | Buffer, RegExp]> = [
    ['deep-service-def.json', '['.repeat(deep) + ']'.repeat(deep), /:1:513  error  ECS007  Objects and arrays are nested more than 512 levels deep/],
    ['deep-object-service-def.json', '{"a":'.repeat(deep), /:1:2561  error  ECS007  /],
    ['deep-service-def.yaml', '- '.repeat(deep) + 'x\n', /:1:\d+  error  ECS007  Nesting or indentation exceeds/],
    ['deep-flow-service-def.yaml', 'a: ' + '['.repeat(deep) + '\n', /  error  ECS007  /],
    ['bomb-service-def.yaml', billionLaughs(), /  error  ECS006  YAML aliases expand to more than 100000 nodes/],
    ['garbage-service-def.json', garbage(1 << 16, 1), /:1:\d+  error  ECS008  The file is not valid UTF-8 text/],
    ['nul-service-def.json', '{"serviceName": "web\u0000"}', /:1:21  error  ECS008  The file contains NUL bytes/],
    ['latin1-service-def.yaml', Buffer.from('serviceName: caf\xe9\n', 'latin1'), /:1:17  error  ECS008  The file is not valid UTF-8 text/],
    ['empty-service-def.json', '', /:1:1  error  ECS009  The file is empty/],
    ['text-service-def.json', 'serviceName = web\n', /:1:1  error  ECS001  /],
  ];
  for (const [name, content, expected] of hostile) {
    it(`${name}: exit 1 with a clear problem`, () => {
      const r = runCli(['validate', name], { cwd: scratch({ [name]: content }), timeoutMs: 60_000 });
      assertNoCrash(r, name);
      assert.equal(r.code, 1, r.stdout + r.stderr);
      assert.equal(lines(r).length, 1, r.stdout);
      assert.match(lines(r)[0], expected);
    });
  }

  it('a 20 MB definition is checked in one run without crashing', () => {
    const definition = JSON.parse(CLEAN_SERVICE);
    const tags = [];
    for (let i = 0; tags.length * 60 < 20 * 1024 * 1024; i++) tags.push({ key: `team-${i}`, value: `v-${'x'.repeat(30)}-${i}` });
    definition.tags = tags;
    const text = JSON.stringify(definition, null, 1);
    assert.ok(text.length >= 20 * 1024 * 1024, `${text.length} bytes`);
    const r = runCli(['validate', 'big-service-def.json'], { cwd: scratch({ 'big-service-def.json': text }), timeoutMs: 120_000 });
    assertNoCrash(r, '20 MB');
    assert.equal(r.code, 1);
    // One best message for the oversized array, not one per entry.
    assert.ok(lines(r).length <= 3, lines(r).slice(0, 5).join('\n'));
    assert.match(r.stdout, /big-service-def\.json:\d+:\d+  error  ECS1\d\d  /);
  });

  it('random and mutated documents, as files: every run ends with 0, 1 or 2 and no stack trace', () => {
    const samples = fc.sample(documentArbitrary(), { numRuns: 150, seed: 4242 });
    const files: Record<string, string | Buffer> = {};
    samples.forEach(([text, ext], i) => {
      files[`case-${String(i).padStart(3, '0')}-service-def.${ext}`] = text;
    });
    const dir = scratch(files);
    const r = runCli(['validate', '-f', 'json', ...Object.keys(files)], { cwd: dir, timeoutMs: 120_000 });
    assertNoCrash(r, 'batch');
    const results = JSON.parse(r.stdout) as Array<{ filePath: string }>;
    assert.equal(results.length, samples.length);
  });

  it('random and mutated documents, in process: main() never throws and never reports an internal error', async () => {
    const dir = scratch();
    await fc.assert(
      fc.asyncProperty(documentArbitrary(), async ([text, ext]) => {
        const name = `x-service-def.${ext}`;
        fs.writeFileSync(path.join(dir, name), text);
        let stderr = '';
        const code = await main(['validate', '-f', 'json', name], { cwd: dir, stdout: () => undefined, stderr: (s) => void (stderr += s), readStdin: () => Buffer.alloc(0) });
        assert.ok(code === 0 || code === 1, `exit ${code}: ${stderr}`);
        assert.doesNotMatch(stderr, /internal error/);
      }),
      { numRuns: 300 },
    );
  });
});

/** Text (or bytes) of a definition: random JSON/YAML-ish input, or a valid definition mutated. */
function documentArbitrary(): fc.Arbitrary<[string | Buffer, 'json' | 'yaml']> {
  const mutation = fc.record({ at: fc.nat(), len: fc.nat({ max: 10 }), insert: fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('{', '[', '"', ',', ':', '\n', '- ', '*a', '&a ', '<<: *a\n', '{{ must_env `X` }}', '\ufeff', 'x'.repeat(5000))) });
  const mutated = fc.tuple(fc.constantFrom<[string, 'json' | 'yaml']>([CLEAN_SERVICE, 'json'], [BROKEN_SERVICE_YAML, 'yaml']), fc.array(mutation, { maxLength: 5 })).map(([[base, ext], ms]): [string, 'json' | 'yaml'] => {
    let text = base;
    for (const m of ms) {
      const at = m.at % (text.length + 1);
      text = text.slice(0, at) + m.insert + text.slice(at + m.len);
    }
    return [text, ext];
  });
  const randomText = fc.tuple(fc.string({ unit: 'binary', maxLength: 200 }), fc.constantFrom<'json' | 'yaml'>('json', 'yaml'));
  const randomBytes = fc.tuple(fc.uint8Array({ maxLength: 200 }).map((a) => Buffer.from(a)), fc.constantFrom<'json' | 'yaml'>('json', 'yaml'));
  const randomJson = fc.jsonValue({ maxDepth: 4 }).map((v): [string, 'json'] => [JSON.stringify(v), 'json']);
  // A byte order mark in front of any of them.
  const withBom = fc.oneof(mutated, randomText, randomJson).map(([text, ext]): [string | Buffer, 'json' | 'yaml'] => [typeof text === 'string' ? `\ufeff${text}` : text, ext]);
  return fc.oneof(mutated, randomText, randomBytes, randomJson, withBom);
}

function billionLaughs(): string {
  const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < 10; i++) {
    const prev = String.fromCharCode(96 + i);
    const name = String.fromCharCode(97 + i);
    levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
  }
  return levels.join('\n') + '\n';
}

/** Deterministic pseudo-random bytes (a linear congruential generator). */
function garbage(size: number, seed: number): Buffer {
  const bytes = Buffer.alloc(size);
  let x = seed;
  for (let i = 0; i < size; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    bytes[i] = x >>> 24;
  }
  return bytes;
}
