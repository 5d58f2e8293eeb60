/**
 * The language service alone (no server): validation options, hover content, completion
 * contexts in JSON and YAML, code-action selection, symbols, and flat memory.
 */
import { strict as assert } from 'node:assert';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { MarkupContent, TextEdit } from 'vscode-languageserver-types';
import { createLanguageService } from '../../../lsp/service';
import { BROKEN_JSON, BROKEN_YAML } from '../server/fixtures';

const service = createLanguageService();
let version = 0;
const doc = (language: string, text: string) => TextDocument.create(`file:///t/ecs-service.${language}`, language, ++version, text);
const service_ = { kind: 'service' as const };

function cursor(language: string, marked: string): { document: TextDocument; position: { line: number; character: number } } {
  const at = marked.indexOf('|');
  const document = doc(language, marked.replace('|', ''));
  return { document, position: document.positionAt(at) };
}

describe('language service', () => {
  describe('doValidation', () => {
    it('returns nothing for documents that are not definitions', () => {
      assert.deepEqual(service.doValidation(doc('json', BROKEN_JSON), { kind: undefined }), []);
    });

    it('honours per-rule settings by id and by name', () => {
      const codes = service
        .doValidation(doc('json', BROKEN_JSON), { kind: 'service', rules: { ECS105: 'off', 'invalid-enum-value': 'info' } })
        .map((d) => `${d.code}:${d.severity}`)
        .sort();
      assert.deepEqual(codes, ['ECS104:3', 'ECS201:1']);
    });

    it('honours ecsdef-disable-next-line and skips templated values', () => {
      const text = 'serviceName: web\ntaskDefinition: web:1\n# ecsdef-disable-next-line ECS105\ndesiredCount: -1\nplatformVersion: "{{ must_env `PV` }}"\nschedulingStrategy: "{{ must_env `S` }}"\n';
      assert.deepEqual(service.doValidation(doc('yaml', text), service_).map((d) => d.code), []);
    });

    it('reports syntax errors instead of validating broken text', () => {
      const diagnostics = service.doValidation(doc('json', '{ "serviceName": "web", "desiredCount": -1'), service_);
      assert.deepEqual([...new Set(diagnostics.map((d) => d.code))], ['ECS001']);
    });

    it('parses once per version: the same diagnostics object for the same version', () => {
      const d = doc('json', BROKEN_JSON);
      assert.equal(service.doValidation(d, service_), service.doValidation(d, service_));
    });
  });

  describe('doHover', () => {
    it('documents an array item with its owner and index', () => {
      const { document, position } = cursor('yaml', 'serviceName: web\nplacementStrategy:\n  - type: spr|ead\n');
      const hover = service.doHover(document, position, service_);
      assert.match((hover!.contents as MarkupContent).value, /\*\*type\*\*/);
      assert.match((hover!.contents as MarkupContent).value, /`spread`/);
    });

    it('says what a change does under each deployment controller', () => {
      const { document, position } = cursor('json', '{ "serviceName": "web", "enableExecute|Command": true }');
      const text = (service.doHover(document, position, service_)!.contents as MarkupContent).value;
      assert.match(text, /In place/);
      assert.match(text, /`CODE_DEPLOY` deployment controller: start a CodeDeploy deployment/);
      assert.match(text, /`EXTERNAL` deployment controller: create a new task set/);
    });

    it('is silent on whitespace and unknown properties', () => {
      const a = cursor('json', '{ "serviceName": "web",  |  "nope": 1 }');
      assert.equal(service.doHover(a.document, a.position, service_), null);
      const b = cursor('json', '{ "serviceName": "web", "no|pe": 1 }');
      assert.equal(service.doHover(b.document, b.position, service_), null);
    });
  });

  describe('doComplete', () => {
    const labels = (language: string, marked: string) => {
      const { document, position } = cursor(language, marked);
      return service.doComplete(document, position, service_).items;
    };

    it('JSON: completes a half-typed quoted key and adds the value snippet', () => {
      const items = labels('json', '{\n  "serviceName": "web",\n  "desi|"\n}');
      const item = items.find((i) => i.label === 'desiredCount')!;
      assert.equal((item.textEdit as TextEdit).newText, '"desiredCount": ${1:0}');
      assert.equal(item.filterText, '"desiredCount"');
      assert.deepEqual((item.textEdit as TextEdit).range, { start: { line: 2, character: 2 }, end: { line: 2, character: 8 } });
    });

    it('JSON: inserts the missing comma before and after', () => {
      const items = labels('json', '{\n  "serviceName": "web"\n  |\n  "cluster": "c"\n}');
      const item = items.find((i) => i.label === 'desiredCount')!;
      assert.equal((item.textEdit as TextEdit).newText, '"desiredCount": ${1:0},');
      assert.deepEqual(item.additionalTextEdits, [{ range: { start: { line: 1, character: 22 }, end: { line: 1, character: 22 } }, newText: ',' }]);
      assert.ok(!items.some((i) => i.label === 'cluster'));
    });

    it('JSON: objects open with their required members', () => {
      const items = labels('json', '{ "serviceName": "web", | }');
      const item = items.find((i) => i.label === 'deploymentController')!;
      assert.equal((item.textEdit as TextEdit).newText, '"deploymentController": {\n\t"type": ${1|"CODE_DEPLOY","ECS","EXTERNAL"|}\n}');
    });

    it('JSON: completes booleans and nested keys', () => {
      assert.deepEqual(labels('json', '{ "enableExecuteCommand": | }').map((i) => i.label), ['true', 'false']);
      const nested = labels('json', '{ "deploymentConfiguration": { | } }').map((i) => i.label);
      assert.ok(nested.includes('maximumPercent') && nested.includes('deploymentCircuitBreaker'));
    });

    it('YAML: completes keys inside a sequence item mapping', () => {
      const items = labels('yaml', 'serviceName: web\nloadBalancers:\n  - containerName: web\n    |\n');
      const names = items.map((i) => i.label);
      assert.ok(names.includes('containerPort'));
      assert.ok(!names.includes('containerName'));
    });

    it('YAML: object snippets indent their members', () => {
      const items = labels('yaml', 'serviceName: web\ndeploymentC|\n');
      const item = items.find((i) => i.label === 'deploymentController')!;
      assert.equal((item.textEdit as TextEdit).newText, 'deploymentController:\n  type: ${1|CODE_DEPLOY,ECS,EXTERNAL|}');
    });

    it('never offers keys that conflict with the document', () => {
      const names = labels('yaml', 'serviceName: web\nschedulingStrategy: DAEMON\n|\n').map((i) => i.label);
      assert.ok(!names.includes('placementStrategy'), 'DAEMON excludes placementStrategy');
      assert.ok(names.includes('placementConstraints'));
    });

    it('offers nothing for documents that are not definitions', () => {
      const { document, position } = cursor('json', '{ | }');
      assert.deepEqual(service.doComplete(document, position, { kind: undefined }).items, []);
    });
  });

  describe('doCodeActions', () => {
    it('selects fixes by code and range when a client drops data', () => {
      const d = doc('yaml', BROKEN_YAML);
      const diagnostics = service.doValidation(d, service_).map(({ data: _data, ...rest }) => rest);
      const actions = service.doCodeActions(d, diagnostics[0].range, { diagnostics }, service_);
      // desiredCount: -1 gets the nearest bound.
      assert.deepEqual(actions.map((a) => a.title).sort(), ['Change to "REPLICA"', 'Change to 0 (the minimum)', 'Remove launchType']);
    });

    it('ignores diagnostics of other sources and other code action kinds', () => {
      const d = doc('yaml', BROKEN_YAML);
      const diagnostics = service.doValidation(d, service_).map((x) => ({ ...x, source: 'json' }));
      assert.deepEqual(service.doCodeActions(d, diagnostics[0].range, { diagnostics }, service_), []);
      const ours = service.doValidation(d, service_);
      assert.deepEqual(service.doCodeActions(d, ours[0].range, { diagnostics: ours, only: ['refactor'] }, service_), []);
    });
  });

  it('findDocumentSymbols nests objects and arrays', () => {
    const symbols = service.findDocumentSymbols(doc('yaml', BROKEN_YAML), service_);
    const cps = symbols.find((s) => s.name === 'capacityProviderStrategy')!;
    assert.equal(cps.kind, 18);
    assert.deepEqual(cps.children!.map((c) => c.name), ['0']);
    assert.deepEqual(cps.children![0].children!.map((c) => `${c.name}=${c.detail}`), ['capacityProvider=FARGATE_SPOT', 'weight=1']);
  });

  it('keeps heap flat over 10,000 edits of one document', () => {
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    const local = createLanguageService();
    let d = TextDocument.create('file:///t/ecs-service-mem.yaml', 'yaml', 1, BROKEN_YAML);
    const step = (i: number) => {
      const line = d.getText().split('\n')[2];
      d = TextDocument.update(d, [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: line.length } }, text: `desiredCount: ${i % 2 ? -1 : i % 97}` }], d.version + 1);
      local.doValidation(d, service_);
      if (i % 10 === 0) local.doHover(d, { line: 2, character: 3 }, service_);
    };
    for (let i = 0; i < 1_000; i++) step(i);
    gc();
    const before = process.memoryUsage().heapUsed;
    for (let i = 1_000; i < 11_000; i++) step(i);
    gc();
    const growth = (process.memoryUsage().heapUsed - before) / 1024 / 1024;
    assert.ok(growth < 8, `heap grew by ${growth.toFixed(1)} MB over 10,000 edits`);
  });
});
