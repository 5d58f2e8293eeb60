import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BROKEN_SERVICE, CLEAN_SERVICE } from './definitions';
import { assertNoCrash, buildCli, lines, runCli, scratch } from './harness';

/**
 * Regressions of the hostile-input review, through the built command: each case hung, crashed or
 * gave a wrong answer before. Every spawn has a hard timeout, so a hang fails instead of stalling.
 */
describe('ecsdef validate: hostile and unusual input', function () {
  this.timeout(180_000);
  before(() => buildCli());

  const cleanYaml = 'cluster: prod\nserviceName: web\ntaskDefinition: web:3\ndesiredCount: 2\nlaunchType: EC2\n';

  it('20,000 YAML aliases are read in linear time (they took a minute)', () => {
    const text = `${cleanYaml}tags:\n  - &tag { key: team, value: web }\n${'  - *tag\n'.repeat(20_000)}`;
    const r = runCli(['validate', 'aliases-service-def.yaml'], { cwd: scratch({ 'aliases-service-def.yaml': text }), timeoutMs: 20_000 });
    assertNoCrash(r, 'aliases');
    // The 20,001 tags are too many for the API (at most 50): one array-size error, found quickly.
    assert.equal(r.code, 1, r.stdout + r.stderr);
    assert.match(r.stdout, /aliases-service-def\.yaml:\d+:\d+  error  ECS1\d\d  /);
  });

  it('a YAML file larger than the YAML limit is refused quickly with ECS010, not read for minutes', () => {
    const entry = '  - key: team\n    value: web-service-with-a-long-tag-value\n';
    const text = `${cleanYaml}tags:\n${entry.repeat(Math.ceil((9 * 1024 * 1024) / entry.length))}`;
    const r = runCli(['validate', 'big-service-def.yaml'], { cwd: scratch({ 'big-service-def.yaml': text }), timeoutMs: 30_000 });
    assertNoCrash(r, 'big YAML');
    assert.equal(r.code, 1, r.stdout + r.stderr);
    assert.deepEqual(lines(r).length, 1, r.stdout);
    assert.match(lines(r)[0], /big-service-def\.yaml:1:1  error  ECS010  The document has \d+ characters, more than the 8388608 a YAML definition may have/);
  });

  it('a byte order mark: no false YAML errors, and JSON line-1 columns as editors count them', () => {
    const yaml = runCli(['validate', 'bom-service-def.yaml'], { cwd: scratch({ 'bom-service-def.yaml': `\ufeff${cleanYaml}` }) });
    assert.equal(yaml.code, 0, yaml.stdout + yaml.stderr);
    // `"bogus"` starts at column 2 for an editor, which hides the mark.
    const json = runCli(['validate', 'bom-service-def.json'], { cwd: scratch({ 'bom-service-def.json': `\ufeff{"bogus": 1, ${CLEAN_SERVICE.trim().slice(1)}` }) });
    assert.equal(json.code, 1, json.stdout + json.stderr);
    assert.match(lines(json)[0], /bom-service-def\.json:1:2  error  ECS101  /);
  });

  it('integers are 32-bit: 1e20 and 2^53+1 are out of range', () => {
    const definition = { ...JSON.parse(CLEAN_SERVICE), desiredCount: 1e20, deploymentConfiguration: { maximumPercent: 2 ** 53 + 1 } };
    const r = runCli(['validate', '-f', 'json', 'int-service-def.json'], { cwd: scratch({ 'int-service-def.json': JSON.stringify(definition, null, 2) }) });
    assert.equal(r.code, 1, r.stdout + r.stderr);
    const pointers = (JSON.parse(r.stdout)[0].messages as Array<{ pointer: string }>).map((m) => m.pointer).sort();
    assert.deepEqual(pointers, ['/deploymentConfiguration/maximumPercent', '/desiredCount']);
  });

  it('--config on a device or a FIFO is refused at once (it read forever)', () => {
    const dir = scratch({ 'web-service-def.json': CLEAN_SERVICE });
    const device = runCli(['validate', '--config', '/dev/zero', 'web-service-def.json'], { cwd: dir, timeoutMs: 10_000 });
    assertNoCrash(device, '/dev/zero');
    assert.equal(device.code, 2);
    assert.match(device.stderr, /^ecsdef: config \/dev\/zero: not a regular file\n$/);
    execFileSync('mkfifo', [path.join(dir, 'fifo.json')]);
    const fifo = runCli(['validate', '--config', 'fifo.json', 'web-service-def.json'], { cwd: dir, timeoutMs: 10_000 });
    assertNoCrash(fifo, 'FIFO');
    assert.equal(fifo.code, 2);
    assert.match(fifo.stderr, /^ecsdef: config fifo\.json: not a regular file\n$/);
  });

  it('standard input is capped like a file: /dev/zero on stdin ends with exit 2 (it grew to 7 GB)', () => {
    const zero = fs.openSync('/dev/zero', 'r');
    try {
      const r = spawnSync(process.execPath, [buildCli(), 'validate', '-'], { stdio: [zero, 'pipe', 'pipe'], timeout: 30_000, killSignal: 'SIGKILL', encoding: 'utf8' });
      assert.equal(r.error, undefined, 'killed after the timeout: stdin is not capped');
      assert.equal(r.status, 2, r.stderr);
      assert.match(r.stderr, /^ecsdef: standard input holds more than the 64 MiB limit; not checked\n/);
    } finally {
      fs.closeSync(zero);
    }
  });

  it('a report that cannot be written (full disk) is one line on stderr and exit 2, not a stack trace', () => {
    const dir = scratch({ 'broken-service-def.json': BROKEN_SERVICE });
    const full = fs.openSync('/dev/full', 'w');
    try {
      const r = spawnSync(process.execPath, [buildCli(), 'validate', 'broken-service-def.json'], { cwd: dir, stdio: ['ignore', full, 'pipe'], timeout: 30_000, killSignal: 'SIGKILL', encoding: 'utf8' });
      assert.equal(r.status, 2, r.stderr);
      assert.equal(r.stderr.split('\n').filter((l) => l.startsWith('ecsdef:')).join('\n'), 'ecsdef: cannot write the report to standard output (ENOSPC)');
      assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
    } finally {
      fs.closeSync(full);
    }
  });

  it('an unreadable subdirectory is reported and the rest is still checked (the run aborted)', () => {
    const dir = scratch({ 'a/web-service-def.json': CLEAN_SERVICE, 'locked/x-service-def.json': CLEAN_SERVICE, 'z/broken-service-def.json': BROKEN_SERVICE });
    fs.chmodSync(path.join(dir, 'locked'), 0o000);
    try {
      // root reads any directory through CAP_DAC_OVERRIDE / CAP_DAC_READ_SEARCH: run it without
      // them (still root, so it reads the checkout wherever CI cloned it).
      const asRoot = process.getuid?.() === 0;
      const command = asRoot ? ['setpriv', '--bounding-set', '-dac_override,-dac_read_search', process.execPath] : [process.execPath];
      const r = spawnSync(command[0], [...command.slice(1), buildCli(), 'validate', '-f', 'json', '.'], { cwd: dir, timeout: 30_000, killSignal: 'SIGKILL', encoding: 'utf8' });
      assert.equal(r.status, 2, r.stderr);
      assert.equal(r.stderr.split('\n').filter((l) => l.startsWith('ecsdef: locked')).join('\n'), 'ecsdef: locked: cannot read directory (EACCES); not checked');
      const checked = (JSON.parse(r.stdout) as Array<{ filePath: string; errorCount: number }>).map((x) => [path.relative(dir, x.filePath), x.errorCount]);
      assert.deepEqual(checked, [['a/web-service-def.json', 0], ['z/broken-service-def.json', 1]]);
    } finally {
      fs.chmodSync(path.join(dir, 'locked'), 0o755);
    }
  });
});
