/**
 * The provider objects are serialised into state by `pulumi.runtime.serializeFunction`, which
 * hoists every captured module as `const <import name> = require(...)` keyed by the import name
 * alone. Compilers derive that name from the file's base name (`import_types` with esbuild,
 * `types_1` with tsc), so two modules with the same base name in one provider's import graph
 * collapse into one and the provider breaks in the host (seen with `express/types` and
 * `service/types`). Guard: no base name appears twice among the runtime imports reachable from a
 * resource module.
 */
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

const REPO = path.resolve(__dirname, '..', '..');

/** Relative runtime imports of a TypeScript file (type-only imports and exports are erased). */
function runtimeImports(file: string): string[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  const out: string[] = [];
  for (const node of source.statements) {
    let spec: ts.Expression | undefined;
    if (ts.isImportDeclaration(node)) {
      const clause = node.importClause;
      if (clause?.isTypeOnly) continue;
      const named = clause?.namedBindings;
      const allTypes = !clause?.name && named && ts.isNamedImports(named) && named.elements.every((e) => e.isTypeOnly);
      if (allTypes) continue;
      spec = node.moduleSpecifier;
    } else if (ts.isExportDeclaration(node) && !node.isTypeOnly) {
      spec = node.moduleSpecifier;
    }
    if (spec && ts.isStringLiteral(spec) && spec.text.startsWith('.')) out.push(resolve(path.dirname(file), spec.text));
  }
  return out;
}

function resolve(dir: string, spec: string): string {
  const base = path.resolve(dir, spec);
  for (const candidate of [`${base}.ts`, path.join(base, 'index.ts')]) if (fs.existsSync(candidate)) return candidate;
  throw new Error(`cannot resolve ${spec} from ${dir}`);
}

function graph(entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const next of runtimeImports(file)) visit(next);
  };
  visit(entry);
  return [...seen];
}

describe('serialised providers: module graphs without colliding import names', () => {
  for (const resource of ['provider/ecs-service.ts', 'provider/express-gateway-service.ts']) {
    it(`${resource}: every runtime module has a base name of its own`, () => {
      const files = graph(path.join(REPO, resource));
      assert.ok(files.length > 10, `only ${files.length} modules found`);
      const byName = new Map<string, string[]>();
      for (const f of files) {
        const name = path.basename(f, '.ts') === 'index' ? path.basename(path.dirname(f)) : path.basename(f, '.ts');
        byName.set(name, [...(byName.get(name) ?? []), path.relative(REPO, f)]);
      }
      const clashes = [...byName.values()].filter((list) => list.length > 1);
      assert.deepEqual(clashes, []);
    });
  }
});
