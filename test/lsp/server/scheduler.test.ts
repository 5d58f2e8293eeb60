/** Debounced, cancellable per-document validation scheduling; settings parsing. */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CancellationToken } from 'vscode-languageserver/node';
import { ConfigFiles } from '../../../lsp/server/config-file';
import { ValidationScheduler } from '../../../lsp/server/scheduler';
import { mergeSettings, readSettings } from '../../../lsp/server/settings';
import { delay } from './lsp-client';

describe('ValidationScheduler', () => {
  it('debounces: a burst of changes runs once, after the last one', async () => {
    const runs: string[] = [];
    const scheduler = new ValidationScheduler((uri) => void runs.push(uri), () => assert.fail());
    for (let i = 0; i < 5; i++) {
      scheduler.schedule('a', 30);
      await delay(5);
    }
    assert.deepEqual(runs, []);
    await delay(60);
    assert.deepEqual(runs, ['a']);
    assert.equal(scheduler.size, 0);
  });

  it('keeps documents independent', async () => {
    const runs: string[] = [];
    const scheduler = new ValidationScheduler((uri) => void runs.push(uri), () => assert.fail());
    scheduler.schedule('a', 0);
    scheduler.schedule('b', 0);
    scheduler.schedule('a', 0);
    await delay(10);
    assert.deepEqual(runs.sort(), ['a', 'b']);
  });

  it('cancels an in-flight run when the document changes again', async () => {
    const tokens: CancellationToken[] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const scheduler = new ValidationScheduler(async (_uri, token) => {
      tokens.push(token);
      if (tokens.length === 1) await gate;
    }, () => assert.fail());
    scheduler.schedule('a', 0);
    await delay(5);
    scheduler.schedule('a', 0);
    assert.equal(tokens[0].isCancellationRequested, true);
    release();
    await delay(10);
    assert.equal(tokens.length, 2);
    assert.equal(tokens[1].isCancellationRequested, false);
  });

  it('reports a failing run and keeps going', async () => {
    const errors: unknown[] = [];
    let calls = 0;
    const scheduler = new ValidationScheduler(() => {
      calls++;
      throw new Error('boom');
    }, (_uri, error) => errors.push(error));
    scheduler.schedule('a', 0);
    await delay(5);
    scheduler.schedule('a', 0);
    await delay(5);
    assert.equal(calls, 2);
    assert.equal(errors.length, 2);
  });

  it('dispose cancels everything pending', async () => {
    let calls = 0;
    const scheduler = new ValidationScheduler(() => void calls++, () => assert.fail());
    scheduler.schedule('a', 5);
    scheduler.schedule('b', 0);
    scheduler.dispose();
    await delay(20);
    assert.equal(calls, 0);
  });
});

describe('settings', () => {
  it('reads client settings defensively', () => {
    assert.deepEqual(readSettings({ enable: 'yes', rules: { ECS201: 'off', ECS105: 'loud' }, files: { service: 'a/*.json', nope: ['x'] }, validation: { delay: 25 } }), {
      rules: { ECS201: 'off' },
      files: { service: ['a/*.json'] },
      validationDelay: 25,
    });
    assert.deepEqual(readSettings(null), {});
  });

  it('merges layers key by key, later layers winning', () => {
    const merged = mergeSettings({ rules: { A: 'off', B: 'error' }, enable: false }, { rules: { B: 'warning' }, enable: true });
    assert.deepEqual(merged.rules, { A: 'off', B: 'warning' });
    assert.equal(merged.enable, true);
    assert.equal(merged.validationDelay, 150);
  });
});

describe('ConfigFiles', () => {
  it('reads the CLI config, remembers lookups for a second, then sees edits', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecsdef-config-'));
    try {
      let now = 0;
      const configs = new ConfigFiles(() => now);
      const file = path.join(dir, 'sub', 'ecs-service.json');
      fs.mkdirSync(path.dirname(file));
      assert.equal(configs.forFile(file, dir).config.path, undefined);
      fs.writeFileSync(path.join(dir, '.ecsdef.json'), JSON.stringify({ rules: { ECS201: 'off' } }));
      assert.equal(configs.forFile(file, dir).config.path, undefined, 'remembered within the TTL');
      now += 1_500;
      assert.deepEqual(configs.forFile(file, dir).config.rules, { ECS201: 'off' });
      fs.writeFileSync(path.join(dir, '.ecsdef.json'), '{ "rules": { "NOPE": "off" } }');
      fs.utimesSync(path.join(dir, '.ecsdef.json'), new Date(), new Date(Date.now() + 5_000));
      now += 1_500;
      const broken = configs.forFile(file, dir);
      assert.match(broken.error ?? '', /unknown rule/);
      assert.deepEqual(broken.config.rules, {});
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
