/** Every rule has a current documentation page (the target of its diagnostics' links). */
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { renderRuleDocs } from '../../../schemas/generate/rule-docs';

describe('docs/rules', () => {
  it('holds a current page per rule (run npm run docs:rules)', () => {
    const dir = path.join(__dirname, '..', '..', '..', 'docs', 'rules');
    for (const [name, text] of renderRuleDocs()) {
      const file = path.join(dir, name);
      assert.ok(fs.existsSync(file), `${name} is missing`);
      assert.ok(fs.readFileSync(file, 'utf8') === text, `${name} is stale`);
    }
  });
});
