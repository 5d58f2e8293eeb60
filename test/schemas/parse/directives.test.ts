import { strict as assert } from 'node:assert';
import { disableDirectives, isSuppressed, parseDocument, schemaRefOf } from '../../../schemas/parse';
import { kindFromSchemaRef } from '../../../schemas/kinds';

describe('schemas/parse: disable directives', () => {
  const text = [
    'serviceName: web', //                                          0
    '# ecsdef-disable-next-line ECS201', //                         1
    'launchType: FARGATE', //                                       2
    '# ecsdef-disable-next-line role-requires-load-balancers, ECS205 -- legacy service', // 3
    '', //                                                          4
    '# another comment', //                                         5
    'role: ecsServiceRole', //                                      6
    '# ecsdef-disable-next-line', //                                7
    'desiredCount: 0', //                                           8
    'note: "# ecsdef-disable-next-line ECS999"', //                  9
    '',
  ].join('\n');
  const doc = parseDocument(text, 'yaml');
  const directives = disableDirectives(doc.comments, doc.text, doc.lines);

  it('reads rules by id or name, skipping blank and comment lines to the next content line', () => {
    assert.deepEqual(
      directives.map((d) => [d.line, d.appliesTo, d.rules]),
      [
        [1, 2, ['ECS201']],
        [3, 6, ['role-requires-load-balancers', 'ECS205']],
        [7, 8, []],
      ],
    );
  });

  it('silences only the listed rules on that line; no list silences every rule', () => {
    const rule = (ruleId: string, ruleName: string) => ({ ruleId, ruleName });
    assert.equal(isSuppressed(directives, rule('ECS201', 'x'), [2]), true);
    assert.equal(isSuppressed(directives, rule('ECS201', 'x'), [3]), false);
    assert.equal(isSuppressed(directives, rule('ECS202', 'x'), [2]), false);
    assert.equal(isSuppressed(directives, rule('ECS299', 'role-requires-load-balancers'), [6]), true);
    assert.equal(isSuppressed(directives, rule('ECS205', 'y'), [6]), true);
    assert.equal(isSuppressed(directives, rule('ECS101', 'anything'), [8]), true);
  });

  it('ignores the directive text inside a string', () => {
    assert.equal(directives.some((d) => d.rules.includes('ECS999')), false);
  });
});

describe('schemas/parse: kind from the document', () => {
  it('reads $schema from the top-level key or a yaml-language-server modeline', () => {
    const json = parseDocument('{"$schema": "https://x.dev/schemas/update-service.schema.json?v=1", "service": "web"}', 'json');
    assert.equal(kindFromSchemaRef(schemaRefOf(json.value, json.comments)!), 'update-service');
    const yaml = parseDocument('# yaml-language-server: $schema=../schemas/express-service.schema.json\nserviceName: web\n', 'yaml');
    assert.equal(kindFromSchemaRef(schemaRefOf(yaml.value, yaml.comments)!), 'express-service');
  });

  it('matches the schema file name exactly (update-service is not service)', () => {
    assert.equal(kindFromSchemaRef('file:///a/service.schema.json'), 'service');
    assert.equal(kindFromSchemaRef('./update-service.schema.json#'), 'update-service');
    assert.equal(kindFromSchemaRef('https://x/my-service.schema.json'), undefined);
    assert.equal(kindFromSchemaRef('https://json.schemastore.org/package.json'), undefined);
  });
});
