/** The example Pulumi program: its definition validates and its program type-checks against ecsdef. */
import { strict as assert } from 'assert';
import * as path from 'path';
import * as ts from 'typescript';
import { validate } from '../../schemas';
import { readDefinitionFile } from '../../provider';

const REPO = path.resolve(__dirname, '..', '..');
const EXAMPLE = path.join(REPO, 'examples', 'pulumi');

describe('examples/pulumi', function () {
  this.timeout(60_000);

  it('service.yaml plus the configured task definition is a valid service definition', () => {
    const def = { ...readDefinitionFile(path.join(EXAMPLE, 'service.yaml')), taskDefinition: 'web:42' };
    assert.deepEqual(validate(def, 'service').filter((p) => p.severity === 'error'), []);
  });

  it('express.yaml plus the container the program adds is a valid Express service definition', () => {
    const def = { ...readDefinitionFile(path.join(EXAMPLE, 'express.yaml')), primaryContainer: { image: 'hello:1', environment: [{ name: 'DB_PASSWORD', value: 'x' }] } };
    assert.deepEqual(validate(def, 'express-service').filter((p) => p.severity === 'error'), []);
    assert.deepEqual(validate(readDefinitionFile(path.join(EXAMPLE, 'express.yaml')), 'express-service').map((p) => p.ruleId), ['ECS253'], 'the file alone lacks the container, which the program adds');
  });

  it('index.ts type-checks with `ecsdef` resolved to this repository', () => {
    const program = ts.createProgram([path.join(EXAMPLE, 'index.ts')], {
      strict: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.CommonJS,
      moduleResolution: ts.ModuleResolutionKind.Node10,
      esModuleInterop: true,
      resolveJsonModule: true,
      skipLibCheck: true,
      types: ['node'],
      baseUrl: REPO,
      paths: { ecsdef: ['index.ts'] },
    });
    const diagnostics = ts.getPreEmitDiagnostics(program).filter((d) => d.file?.fileName.startsWith(EXAMPLE) || !d.file);
    assert.deepEqual(diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')), []);
  });
});
