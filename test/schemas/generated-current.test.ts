/** The committed schemas/generated/ output equals a fresh generation from the installed SDK. */
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { renderGeneratedFiles } from '../../schemas/generate/render';

describe('schemas/generated', function () {
  this.timeout(120000);
  it('is current with the installed @aws-sdk/client-ecs (run npm run generate after an SDK upgrade)', async () => {
    const dir = path.join(__dirname, '..', '..', 'schemas', 'generated');
    const files = await renderGeneratedFiles();
    const committed = fs.readdirSync(dir).sort();
    assert.deepEqual(committed, [...files.keys()].sort(), 'generated file set differs');
    for (const [name, content] of files) {
      assert.ok(fs.readFileSync(path.join(dir, name), 'utf8') === content, `${name} differs from a fresh generation`);
    }
  });

  it('is deterministic', async () => {
    const [a, b] = [await renderGeneratedFiles(), await renderGeneratedFiles()];
    for (const [name, content] of a) assert.ok(b.get(name) === content, name);
  });
});
