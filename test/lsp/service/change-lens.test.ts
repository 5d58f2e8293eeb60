/**
 * findChangeLenses: the edited document against the text committed at HEAD, classified as
 * `ecsdef diff` and the Pulumi provider classify it. One lens per changed top-level field, at its
 * key, plus a summary lens at the top of the document. The service takes HEAD's text as input;
 * reading it from git is the server's job (test/lsp/server/git-head.test.ts).
 */
import { strict as assert } from 'node:assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeLens } from 'vscode-languageserver-types';
import { createLanguageService } from '../../../lsp/service';

const HEAD = {
  cluster: 'production',
  serviceName: 'web',
  taskDefinition: 'web:3',
  desiredCount: 2,
  launchType: 'FARGATE',
  networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-0a1b2c3d4e5f60718'] } },
  tags: [{ key: 'team', value: 'platform' }],
};

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
let version = 0;
const doc = (text: string, language = 'json') => TextDocument.create(`file:///repo/ecs-service.${language}`, language, ++version, text);

/** `line: title` for every lens, in document order. */
function shown(lenses: CodeLens[]): string[] {
  return lenses.map((l) => `${l.range.start.line}: ${l.command?.title}`);
}

describe('change lens (language service)', () => {
  const service = createLanguageService();
  const lenses = (after: unknown, head: unknown = HEAD, kind: 'service' | 'express-service' = 'service') =>
    shown(service.findChangeLenses(doc(json(after)), json(head), { kind }));

  it('a new task definition revision: a new deployment, at the taskDefinition key', () => {
    assert.deepEqual(lenses({ ...HEAD, taskDefinition: 'web:4' }), [
      '0: applying this file: starts a new deployment',
      '3: new deployment: taskDefinition web:3 -> web:4',
    ]);
  });

  it('a new service name: the service is replaced', () => {
    assert.deepEqual(lenses({ ...HEAD, serviceName: 'api' }), [
      '0: applying this file: replaces the service',
      '2: replaces the service: serviceName web -> api',
    ]);
  });

  it('tags only: in place, no new deployment', () => {
    const result = lenses({ ...HEAD, tags: [{ key: 'team', value: 'payments' }] });
    assert.deepEqual(result, [
      '0: applying this file: updates in place, no new deployment',
      '13: in place: tags [{"key":"team","value":"platform"}] -> [{"key":"team","value":"payments"}]',
    ]);
  });

  it('the same definition spelled differently (defaults, ARNs, key order): no change', () => {
    const { tags, ...rest } = HEAD;
    const respelled = { tags, ...rest, cluster: 'arn:aws:ecs:eu-west-1:123456789012:cluster/production', platformVersion: 'LATEST' };
    assert.deepEqual(lenses(respelled), ['0: applying this file: no change']);
  });

  it('several classes: the summary names the strongest; each field its own', () => {
    assert.deepEqual(lenses({ ...HEAD, taskDefinition: 'web:4', desiredCount: 3 }), [
      '0: applying this file: starts a new deployment',
      '3: new deployment: taskDefinition web:3 -> web:4',
      '4: in place: desiredCount 2 -> 3',
    ]);
  });

  it('a removed field is shown at the top of the document', () => {
    const { tags: _tags, ...untagged } = HEAD;
    assert.deepEqual(lenses(untagged), [
      '0: applying this file: updates in place, no new deployment',
      '0: in place: tags [{"key":"team","value":"platform"}] -> (unset)',
    ]);
  });

  it('a change the CODE_DEPLOY controller refuses: refused, with the way out', () => {
    const head = { ...HEAD, deploymentController: { type: 'CODE_DEPLOY' } };
    const [summary, field] = lenses({ ...head, taskDefinition: 'web:4' }, head);
    assert.equal(summary, '0: applying this file: refused by the CODE_DEPLOY deployment controller');
    assert.match(field, /^3: refused: the CODE_DEPLOY deployment controller does not accept a change of taskDefinition through UpdateService: .*CodeDeploy/);
  });

  it('YAML: lenses at the YAML keys', () => {
    const head = 'serviceName: web\ntaskDefinition: web:3\ndesiredCount: 2\n';
    const after = '# the web service\nserviceName: web\ntaskDefinition: web:4\ndesiredCount: 2\n';
    assert.deepEqual(shown(service.findChangeLenses(doc(after, 'yaml'), head, { kind: 'service' })), [
      '0: applying this file: starts a new deployment',
      '2: new deployment: taskDefinition web:3 -> web:4',
    ]);
  });

  it('Express gateway services: a new service revision; environment values masked', () => {
    const head = { serviceName: 'shop', executionRoleArn: 'arn:aws:iam::123456789012:role/exec', infrastructureRoleArn: 'arn:aws:iam::123456789012:role/infra', primaryContainer: { image: 'shop:1', environment: [{ name: 'TOKEN', value: 'hunter2' }] } };
    const after = { ...head, primaryContainer: { image: 'shop:1', environment: [{ name: 'TOKEN', value: 'hunter3' }] } };
    const result = lenses(after, head, 'express-service');
    assert.equal(result[0], '0: applying this file: starts a new service revision');
    assert.match(result[1], /^4: new service revision: primaryContainer /);
    assert.ok(!result.join('\n').includes('hunter'), result.join('\n'));
  });

  it('lenses carry a title-only command (nothing to run) and values cut short', () => {
    const long = `web-${'x'.repeat(200)}:4`;
    const [, field] = service.findChangeLenses(doc(json({ ...HEAD, taskDefinition: long })), json(HEAD), { kind: 'service' });
    assert.equal(field.command?.command, '');
    assert.ok(field.command!.title.length < 120, field.command!.title);
    assert.ok(field.command!.title.includes('…'));
  });

  it('control characters in values are escaped', () => {
    const [, field] = lenses({ ...HEAD, taskDefinition: 'web:4\u001b[2J' });
    assert.equal(field, '3: new deployment: taskDefinition web:3 -> web:4\\u001b[2J');
  });

  describe('no lens', () => {
    const none = (after: string, head: string, kind: 'service' | 'update-service' | 'not a definition' = 'service') =>
      assert.deepEqual(service.findChangeLenses(doc(after), head, { kind: kind === 'not a definition' ? undefined : kind }), []);

    it('when the document is not a definition', () => none(json(HEAD), json(HEAD), 'not a definition'));
    it('when HEAD does not parse', () => none(json(HEAD), '{ "serviceName": "web", '));
    it('when HEAD is not an object', () => none(json(HEAD), '[1, 2]'));
    it('when HEAD is empty', () => none(json(HEAD), ''));
    it('when the edited document does not parse (yet)', () => none('{ "serviceName": "web", "taskDefinition": ', json(HEAD)));
    it('for an UpdateService input (it lists only what changes)', () => none(json({ service: 'web', taskDefinition: 'web:4' }), json({ service: 'web' }), 'update-service'));
    it('when HEAD is another kind of definition', () =>
      none(json(HEAD), json({ serviceName: 'web', infrastructureRoleArn: 'arn:aws:iam::1:role/i', primaryContainer: { image: 'x' } })));
  });

  it('answers the same version and HEAD text from its cache', () => {
    const document = doc(json({ ...HEAD, taskDefinition: 'web:4' }));
    const first = service.findChangeLenses(document, json(HEAD), { kind: 'service' });
    assert.equal(service.findChangeLenses(document, json(HEAD), { kind: 'service' }), first);
    assert.notEqual(service.findChangeLenses(document, json({ ...HEAD, taskDefinition: 'web:4' }), { kind: 'service' }), first);
  });
});
