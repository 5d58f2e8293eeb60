/**
 * Mocha hooks for in-process Express tests: a fresh scripted Express endpoint, test credentials
 * in the environment and stderr captured, per test; all undone afterwards.
 */
import { TEST_AWS_ENV } from '../../support/moto';
import { captureStderr } from './capture';
import type { ScriptedEcs } from './scripted-ecs';
import { startScriptedExpress, type ExpressWorld } from './scripted-express';

export interface ExpressFixture {
  world: ExpressWorld;
  ecs: ScriptedEcs;
  stderr: ReturnType<typeof captureStderr>;
  /** Provider settings pointing at the endpoint, with short polls and timeouts. */
  settings(): Record<string, unknown>;
}

export function useScriptedExpress(): ExpressFixture {
  const savedEnv = { ...process.env };
  const fixture = {
    settings: () => ({ endpoint: fixture.ecs.endpoint, region: 'us-east-1', pollIntervalSeconds: 0.01, timeouts: { create: 5, update: 5, delete: 5 } }),
  } as Partial<ExpressFixture> as ExpressFixture; // the rest is filled in before each test
  beforeEach(async () => {
    Object.assign(process.env, TEST_AWS_ENV);
    Object.assign(fixture, await startScriptedExpress());
    fixture.stderr = captureStderr();
  });
  afterEach(async () => {
    fixture.stderr.restore();
    process.env = { ...savedEnv };
    await fixture.ecs.close();
  });
  return fixture;
}
