/** Both consumers of the published schemas accept them: Ajv (strict) and VS Code's JSON support. */
import { strict as assert } from 'assert';
import { getLanguageService, TextDocument } from 'vscode-json-languageservice';
import { createAjv } from '../../schemas/ajv-setup';
import { DEFINITION_KINDS, schemaFor } from '../../schemas';

describe('generated schemas in their consumers', () => {
  it('compile in Ajv strict mode', () => {
    for (const kind of DEFINITION_KINDS) {
      const ajv = createAjv();
      assert.doesNotThrow(() => ajv.compile(schemaFor(kind)), kind);
    }
  });

  for (const kind of DEFINITION_KINDS) {
    it(`load in vscode-json-languageservice and validate a document (${kind})`, async () => {
      const schema = schemaFor(kind);
      const uri = schema.$id as string;
      const service = getLanguageService({ schemaRequestService: async () => JSON.stringify(schema) });
      service.configure({ validate: true, schemas: [{ uri, fileMatch: ['*.json'], schema }] });
      const doc = TextDocument.create('file:///def.json', 'json', 1, '{ "bogusKey": 1 }');
      const diagnostics = await service.doValidation(doc, service.parseJSONDocument(doc));
      // The schema itself must load without errors, and must reject the unknown key.
      assert.ok(!diagnostics.some((d) => /schema/i.test(d.message) && /load|resolve|invalid/i.test(d.message)), JSON.stringify(diagnostics));
      assert.ok(diagnostics.some((d) => /bogusKey/.test(d.message)), `no diagnostic for the unknown key: ${JSON.stringify(diagnostics)}`);
      const hover = await service.doHover(TextDocument.create('file:///h.json', 'json', 1, '{ "cluster": "x" }'), { line: 0, character: 4 }, service.parseJSONDocument(TextDocument.create('file:///h.json', 'json', 1, '{ "cluster": "x" }')));
      if (kind !== 'express-update') assert.ok(hover, 'hover gives the schema description');
    });
  }
});
