import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as fc from 'fast-check';
import { parse } from 'yaml';
import { compile, DEFAULT_PATTERNS, DEFAULT_REGEXES, FilePatterns } from '../../../lsp/cli/patterns';
import { KIND_ORDER } from '../../../schemas/kinds';
import { REPO } from './harness';

/**
 * .pre-commit-hooks.yaml passes every file with a definition extension (recognition by content
 * happens in the CLI); it must pass at least every file the default name patterns select.
 */
describe('.pre-commit-hooks.yaml', () => {
  const hooks = parse(fs.readFileSync(path.join(REPO, '.pre-commit-hooks.yaml'), 'utf8')) as Array<Record<string, unknown>>;
  const hook = hooks.find((h) => h.id === 'ecsdef')!;
  const regex = new RegExp(hook.files as string);
  const patterns = new FilePatterns('/repo');
  const byName = (rel: string): boolean => patterns.kindOf(`/repo/${rel}`) !== undefined;
  const read = (rel: string): boolean => patterns.selects(`/repo/${rel}`);

  it('declares the ecsdef hook as a node hook running `ecsdef validate`', () => {
    assert.equal(hook.language, 'node');
    assert.equal(hook.entry, 'ecsdef validate');
  });

  it('passes exactly the files a directory walk reads, names or not', () => {
    const samples = [
      'ecs-service-def.json', 'deploy/ecs-service-def.yaml', 'web-service-def.json', 'a/b/web.service-definition.yml',
      'ecs-service.json', 'create-service.json', 'web.ecs-service.json', 'web.service.yaml', 'api.express-service.json',
      'x-express-update.yml', 'prod-update-service.json', 'service.json', 'sv.jsonnet', 'web.service.ts',
      'package.json', 'ecs-service-def.jsonnet', 'notes/service-def.txt', 'ebs.json', 'README.md',
    ];
    for (const sample of samples) assert.equal(regex.test(sample), read(sample), sample);
    assert.ok(samples.filter(byName).length >= 10);
  });

  const part = fc.constantFrom('', 'web', '-', '.', 'ecs', 'service', '-def', 'express', '-update', 'update-', 'definition', 's', 'x', 'create-', 'sv');
  const generatedName = fc
    .tuple(fc.array(part, { maxLength: 6 }), fc.constantFrom('.json', '.yaml', '.yml', '.jsonnet', '.jsn', '.txt', ''), fc.constantFrom('', 'a/', 'a/b/', '/abs/'))
    .map(([parts, ext, dir]) => dir + parts.join('') + ext);

  it('each kind: the default regex matches exactly what its globs match', () => {
    for (const kind of KIND_ORDER) {
      const glob = compile(DEFAULT_PATTERNS[kind]);
      fc.assert(fc.property(generatedName, (n) => n.endsWith('/') || glob(n) === DEFAULT_REGEXES[kind].test(n)), { numRuns: 1000 });
    }
  });

  it('the hook passes every file a default name pattern selects', () => {
    fc.assert(fc.property(generatedName, (n) => n.startsWith('/') || n.endsWith('/') || !byName(n) || regex.test(n)), { numRuns: 2000 });
  });
});
