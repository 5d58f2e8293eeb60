import { strict as assert } from 'node:assert';
import { parseDocument, pointerOf, type AnyNode, type AstNode } from '../../../schemas/parse';

/** The tree without offsets: what must be identical between JSON and YAML. */
function shape(node: AstNode | undefined): unknown {
  if (!node) return undefined;
  switch (node.type) {
    case 'object':
      return { object: node.properties.map((p) => [p.key.value, shape(p.value)]) };
    case 'array':
      return { array: node.items.map(shape) };
    default:
      return { [node.type]: node.value };
  }
}

/** Every node's parent link agrees with the containment, and every range lies in the text. */
function checkLinks(node: AstNode, text: string): void {
  assert.ok(node.offset >= 0 && node.offset + node.length <= text.length, `range of ${node.type}`);
  if (node.type === 'object') {
    for (const p of node.properties) {
      assert.equal(p.parent, node);
      assert.equal(p.key.parent, p);
      if (p.value) {
        assert.equal(p.value.parent, p);
        checkLinks(p.value, text);
      }
    }
  } else if (node.type === 'array') {
    for (const item of node.items) {
      assert.equal(item.parent, node);
      checkLinks(item, text);
    }
  }
}

const JSON_TEXT = `{
  "serviceName": "web",
  "desiredCount": 2,
  "enableExecuteCommand": false,
  "platformVersion": null,
  "loadBalancers": [{"targetGroupArn": "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/web/0123456789abcdef", "containerPort": 8080}],
  "tags": [],
  "deploymentConfiguration": {"maximumPercent": 200.5}
}`;

const YAML_TEXT = `# the same definition in YAML
serviceName: web
desiredCount: 2
enableExecuteCommand: false
platformVersion: null
loadBalancers:
  - targetGroupArn: "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/web/0123456789abcdef"
    containerPort: 8080
tags: []
deploymentConfiguration:
  maximumPercent: 200.5
`;

describe('schemas/parse: one AST for JSON and YAML', () => {
  it('reads equivalent JSON and YAML into the same tree and value', () => {
    const json = parseDocument(JSON_TEXT, 'json');
    const yaml = parseDocument(YAML_TEXT, 'yaml');
    assert.deepEqual(json.problems, []);
    assert.deepEqual(yaml.problems, []);
    assert.deepEqual(shape(yaml.root), shape(json.root));
    assert.deepEqual(yaml.value, json.value);
    assert.deepEqual(json.value, JSON.parse(JSON_TEXT));
  });

  it('links parents and keeps every range inside the text', () => {
    for (const [text, language] of [[JSON_TEXT, 'json'], [YAML_TEXT, 'yaml']] as const) {
      const doc = parseDocument(text, language);
      checkLinks(doc.root as AstNode, text);
    }
  });

  it('gives key and value nodes the exact text of the key and the value', () => {
    const json = parseDocument(JSON_TEXT, 'json');
    const yaml = parseDocument(YAML_TEXT, 'yaml');
    const slice = (text: string, n: { offset: number; length: number }): string => text.slice(n.offset, n.offset + n.length);
    const jRoot = json.root as Extract<AstNode, { type: 'object' }>;
    const yRoot = yaml.root as Extract<AstNode, { type: 'object' }>;
    assert.equal(slice(JSON_TEXT, jRoot.properties[1].key), '"desiredCount"');
    assert.equal(slice(JSON_TEXT, jRoot.properties[1].value!), '2');
    assert.equal(slice(YAML_TEXT, yRoot.properties[1].key), 'desiredCount');
    assert.equal(slice(YAML_TEXT, yRoot.properties[1].value!), '2');
    assert.equal(slice(YAML_TEXT, yRoot.properties[6].value!), 'maximumPercent: 200.5');
    assert.equal(slice(JSON_TEXT, jRoot.properties[6].value!), '{"maximumPercent": 200.5}');
  });

  it('computes pointers from nodes, escaping / and ~', () => {
    const doc = parseDocument('{"a/b": [{"c~d": 1}]}', 'json');
    const root = doc.root as Extract<AstNode, { type: 'object' }>;
    const array = root.properties[0].value as Extract<AstNode, { type: 'array' }>;
    const inner = array.items[0] as Extract<AstNode, { type: 'object' }>;
    assert.equal(pointerOf(inner.properties[0].value as AnyNode), '/a~1b/0/c~0d');
    assert.equal(pointerOf(inner.properties[0].key), '/a~1b/0/c~0d');
    assert.equal(pointerOf(root), '');
  });

  it('keeps __proto__ as an ordinary key, as JSON.parse does', () => {
    const doc = parseDocument('{"__proto__": {"polluted": true}}', 'json');
    const value = doc.value as Record<string, unknown>;
    assert.equal(Object.getPrototypeOf(value), Object.prototype);
    assert.deepEqual(Object.keys(value), ['__proto__']);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });

  it('expands YAML aliases and merge keys, explicit keys winning', () => {
    const doc = parseDocument('base: &b {x: 1, y: 2}\nm:\n  <<: *b\n  y: 3\nn: *b\n', 'yaml');
    assert.deepEqual(doc.problems, []);
    assert.deepEqual(doc.value, { base: { x: 1, y: 2 }, m: { y: 3, x: 1 }, n: { x: 1, y: 2 } });
  });

  it('reads YAML scalars with the core schema (numbers, booleans, null) and keys as strings', () => {
    const doc = parseDocument('a: 0x10\nb: true\nc: ~\nd: "1"\n1: one\ne: 2001-01-01\n', 'yaml');
    assert.deepEqual(doc.value, { a: 16, b: true, c: null, d: '1', 1: 'one', e: '2001-01-01' });
  });

  it('tolerates a byte order mark without moving offsets', () => {
    const doc = parseDocument('\ufeff{"a": 1}', 'json');
    assert.deepEqual(doc.problems, []);
    assert.deepEqual(doc.value, { a: 1 });
    assert.equal(doc.root?.offset, 1);
  });
});
