import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as fc from 'fast-check';
import { parse } from 'yaml';
import { compile, DEFAULT_PATTERNS, DEFAULT_REGEXES, FilePatterns, KIND_ORDER } from '../../../lsp/cli/patterns';
import { REPO } from './harness';

/** .pre-commit-hooks.yaml selects files by one regex; it must agree with the CLI's defaults. */
describe('.pre-commit-hooks.yaml', () => {
  const hooks = parse(fs.readFileSync(path.join(REPO, '.pre-commit-hooks.yaml'), 'utf8')) as Array<Record<string, unknown>>;
  const hook = hooks.find((h) => h.id === 'ecsdef')!;
  const regex = new RegExp(hook.files as string);
  const patterns = new FilePatterns('/repo');
  const selects = (rel: string): boolean => patterns.kindOf(`/repo/${rel}`) !== undefined;

  it('declares the ecsdef hook as a node hook running `ecsdef validate`', () => {
    assert.equal(hook.language, 'node');
    assert.equal(hook.entry, 'ecsdef validate');
  });

  it('matches exactly the files the default patterns select', () => {
    const samples = [
      'ecs-service-def.json', 'deploy/ecs-service-def.yaml', 'web-service-def.json', 'a/b/web.service-definition.yml',
      'ecs-service.json', 'ecs-service-prod.yaml', 'web.ecs-service.json', 'web.service.yaml', 'api.express-service.json',
      'x-express-update.yml', 'prod-update-service.json', 'service.json', 'services.json', 'web.service.ts',
      'package.json', 'ecs-service-def.jsonnet', 'notes/service-def.txt', 'my-ecs-service.json', 'web.services.json',
    ];
    for (const sample of samples) assert.equal(regex.test(sample), selects(sample), sample);
    assert.ok(samples.filter(selects).length >= 10);
  });

  const part = fc.constantFrom('', 'web', '-', '.', 'ecs', 'service', '-def', 'express', '-update', 'update-', 'definition', 's', 'x');
  const generatedName = fc
    .tuple(fc.array(part, { maxLength: 6 }), fc.constantFrom('.json', '.yaml', '.yml', '.jsn', '.txt', ''), fc.constantFrom('', 'a/', 'a/b/', '/abs/'))
    .map(([parts, ext, dir]) => dir + parts.join('') + ext);

  it('each kind: the hand-compiled default regex matches exactly what its globs match', () => {
    for (const kind of KIND_ORDER) {
      const glob = compile(DEFAULT_PATTERNS[kind]);
      fc.assert(fc.property(generatedName, (n) => n.endsWith('/') || glob(n) === DEFAULT_REGEXES[kind].test(n)), { numRuns: 1000 });
    }
  });

  it('the hook regex agrees with the patterns on generated names', () => {
    fc.assert(fc.property(generatedName, (n) => n.startsWith('/') || n.endsWith('/') || regex.test(n) === selects(n)), { numRuns: 2000 });
  });
});
