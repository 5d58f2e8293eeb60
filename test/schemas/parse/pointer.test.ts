import { strict as assert } from 'node:assert';
import { findNode, parseDocument, parsePointer, rangeOf, type Language } from '../../../schemas/parse';

const JSON_TEXT = `{
  "serviceName": "web",
  "deploymentConfiguration": {"maximumPercent": 200},
  "loadBalancers": [{"containerName": "app"}, {"containerName": "b"}],
  "a/b": {"c~d": 1}
}`;

const YAML_TEXT = `serviceName: web
deploymentConfiguration:
  maximumPercent: 200
loadBalancers:
  - containerName: app
  - containerName: b
a/b:
  c~d: 1
empty:
`;

function highlighted(text: string, language: Language, pointer: string, target: 'key' | 'value'): string {
  const doc = parseDocument(text, language);
  const r = rangeOf(doc, pointer, target);
  return text.slice(r.offset, r.offset + r.length);
}

describe('schemas/parse: pointer -> range', () => {
  const cases: Array<[string, 'key' | 'value', string, string]> = [
    // pointer, target, JSON highlight, YAML highlight
    ['/serviceName', 'key', '"serviceName"', 'serviceName'],
    ['/serviceName', 'value', '"web"', 'web'],
    ['/deploymentConfiguration', 'key', '"deploymentConfiguration"', 'deploymentConfiguration'],
    ['/deploymentConfiguration', 'value', '{"maximumPercent": 200}', 'maximumPercent: 200'],
    ['/deploymentConfiguration/maximumPercent', 'value', '200', '200'],
    ['/loadBalancers/1/containerName', 'key', '"containerName"', 'containerName'],
    ['/loadBalancers/1/containerName', 'value', '"b"', 'b'],
    // an array item has no key: its head (the `{` of a flow object, the first key of a block map)
    ['/loadBalancers/1', 'key', '{', 'containerName'],
    ['/a~1b/c~0d', 'value', '1', '1'],
    // missing pointers fall back to the nearest existing ancestor's key
    ['/deploymentConfiguration/minimumHealthyPercent', 'key', '"deploymentConfiguration"', 'deploymentConfiguration'],
    ['/deploymentConfiguration/deploymentCircuitBreaker/rollback', 'value', '"deploymentConfiguration"', 'deploymentConfiguration'],
    ['/loadBalancers/7', 'key', '"loadBalancers"', 'loadBalancers'],
    // the root: its opening brace, or the first key of a YAML block mapping
    ['', 'key', '{', 'serviceName'],
    ['/nope', 'key', '{', 'serviceName'],
  ];
  for (const [pointer, target, json, yaml] of cases) {
    it(`${JSON.stringify(pointer)} ${target}`, () => {
      assert.equal(highlighted(JSON_TEXT, 'json', pointer, target), json);
      assert.equal(highlighted(YAML_TEXT, 'yaml', pointer, target), yaml);
    });
  }

  it('highlights the key of a YAML entry whose value has no text', () => {
    assert.equal(highlighted(YAML_TEXT, 'yaml', '/empty', 'value'), 'empty');
  });

  it('covers the whole document for the root value', () => {
    assert.equal(highlighted(JSON_TEXT, 'json', '', 'value'), JSON_TEXT);
    assert.equal(highlighted(YAML_TEXT, 'yaml', '', 'value'), YAML_TEXT.trimEnd());
  });

  it('resolves a duplicated key to its last occurrence (the value that counts)', () => {
    const text = '{"desiredCount": 1, "desiredCount": 2}';
    assert.equal(highlighted(text, 'json', '/desiredCount', 'value'), '2');
  });

  it('reports whether the lookup was exact', () => {
    const doc = parseDocument(JSON_TEXT, 'json');
    assert.equal(findNode(doc.root, '/serviceName').exact, true);
    assert.equal(findNode(doc.root, '/serviceName/x').exact, false);
    assert.equal(findNode(doc.root, '/loadBalancers/01').exact, false);
  });

  it('gives an empty range at 0 when there is no tree', () => {
    const doc = parseDocument('{', 'json');
    assert.deepEqual(rangeOf(doc, '/a', 'key'), { offset: 0, length: 1 });
    assert.deepEqual(rangeOf(parseDocument('', 'json'), '/a', 'key'), { offset: 0, length: 0 });
  });

  it('parses RFC 6901 pointers', () => {
    assert.deepEqual(parsePointer(''), []);
    assert.deepEqual(parsePointer('/a~1b/~0/0'), ['a/b', '~', '0']);
    assert.deepEqual(parsePointer('/'), ['']);
  });
});
