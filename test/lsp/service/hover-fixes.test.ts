/**
 * Hover text and quick fixes of the language service alone (issue 12): a nested field carries
 * the change impact of the top-level field that owns it; defaults only where the API has an
 * unconditional one; doc-text markers as plain emphasis; quoted booleans and numbers unquoted,
 * out-of-range numbers moved to the nearest bound. JSON and YAML alike, fixes read from `data`.
 */
import { strict as assert } from 'node:assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, MarkupContent } from 'vscode-languageserver-types';
import { createLanguageService } from '../../../lsp/service';
import type { DefinitionKind } from '../../../schemas';
import { parseDocument } from '../../../schemas/parse';

const service = createLanguageService();
let version = 0;
const doc = (language: string, text: string) => TextDocument.create(`file:///t/hover-fixes.${language}`, language, ++version, text);

function hoverText(language: string, marked: string, kind: DefinitionKind = 'service'): string {
  const at = marked.indexOf('|');
  const document = doc(language, marked.replace('|', ''));
  const hover = service.doHover(document, document.positionAt(at), { kind });
  assert.ok(hover, `no hover at ${JSON.stringify(marked)}`);
  return (hover.contents as MarkupContent).value;
}

/** Every quick fix for the document's diagnostics of `code`, applied one at a time: title -> text. */
function fixes(language: string, text: string, code: string, kind: DefinitionKind = 'service'): Map<string, string> {
  const document = doc(language, text);
  const diagnostics = service.doValidation(document, { kind }).filter((d) => d.code === code);
  assert.ok(diagnostics.length > 0, `no ${code} in ${text}`);
  const out = new Map<string, string>();
  for (const diagnostic of diagnostics) {
    for (const action of service.doCodeActions(document, diagnostic.range, { diagnostics: [diagnostic] }, { kind })) {
      out.set(action.title, TextDocument.applyEdits(document, action.edit!.changes![document.uri]));
    }
  }
  return out;
}

function codesAfter(language: string, text: string, kind: DefinitionKind = 'service'): string[] {
  assert.equal(parseDocument(text, language === 'json' ? 'json' : 'yaml').fatal, false, `does not parse:\n${text}`);
  return service.doValidation(doc(language, text), { kind }).map((d: Diagnostic) => String(d.code));
}

describe('hover (issue 12)', () => {
  it('gives a nested field the change impact of the top-level field that owns it', () => {
    const json = hoverText('json', '{ "serviceName": "web", "capacityProviderStrategy": [{ "capacityProvider": "FARGATE", "wei|ght": 1 }] }');
    assert.match(json, /\*\*weight\*\*/);
    assert.match(json, /On change \(part of `capacityProviderStrategy`\): \*\*New deployment\*\*: applied by UpdateService with `forceNewDeployment: true`/);
    const yaml = hoverText('yaml', 'serviceName: web\ndeploymentConfiguration:\n  maximumPer|cent: 200\n');
    assert.match(yaml, /On change \(part of `deploymentConfiguration`\): \*\*In place\*\*/);
    // A value deep inside an array of strings: the owner is still the top-level field.
    const subnet = hoverText('yaml', 'serviceName: web\nnetworkConfiguration:\n  awsvpcConfiguration:\n    subnets: [subnet-|1]\n');
    assert.match(subnet, /On change \(part of `networkConfiguration`\): \*\*New deployment\*\*/);
  });

  it('names the owner where the owner-level sentence would otherwise point at the nested field', () => {
    const text = hoverText('yaml', 'serviceName: web\nvolumeConfigurations:\n  - na|me: data\n');
    assert.match(text, /Leaving `volumeConfigurations` out keeps the current value\./);
  });

  it('keeps the top-level line as it was, and says nothing for kinds without change classes', () => {
    const top = hoverText('json', '{ "serviceName": "web", "capacityProvider|Strategy": [] }');
    assert.match(top, /\nOn change: \*\*New deployment\*\*/);
    assert.doesNotMatch(top, /part of/);
    const update = hoverText('json', '{ "service": "web", "deploymentConfiguration": { "maximum|Percent": 200 } }', 'update-service');
    assert.doesNotMatch(update, /On change/);
  });

  it('states a default only where the API has an unconditional one', () => {
    const launchType = hoverText('json', '{ "serviceName": "web", "launch|Type": "FARGATE" }');
    assert.doesNotMatch(launchType, /Default:/);
    const maximumPercent = hoverText('yaml', 'serviceName: web\ndeploymentConfiguration:\n  maximumPer|cent: 200\n');
    assert.doesNotMatch(maximumPercent, /Default:/);
    const minimumHealthy = hoverText('yaml', 'serviceName: web\ndeploymentConfiguration:\n  minimumHealthy|Percent: 100\n');
    assert.doesNotMatch(minimumHealthy, /Default:/);
    const assignPublicIp = hoverText('yaml', 'serviceName: web\nnetworkConfiguration:\n  awsvpcConfiguration:\n    assignPub|licIp: ENABLED\n');
    assert.match(assignPublicIp, /Default: `"DISABLED"`/);
  });

  it('renders "Note:" and "Important:" as plain emphasis, not as a quoted heading', () => {
    const launchType = hoverText('json', '{ "serviceName": "web", "launch|Type": "FARGATE" }');
    assert.doesNotMatch(launchType, /^>/m);
    assert.doesNotMatch(launchType, /\*\*Note:\*\*/);
    assert.match(launchType, /\n\n\*Note:\* If you want to use Amazon ECS Managed Instances/);
    const role = hoverText('json', '{ "serviceName": "web", "ro|le": "r" }');
    assert.match(role, /\n\n\*Important:\* If your account has already created/);
    assert.doesNotMatch(role, /^>/m);
    // Inline in the SDK text already: the words stay on the line.
    const scheduling = hoverText('yaml', 'serviceName: web\nschedulingStrat|egy: REPLICA\n');
    assert.match(scheduling, /\n\n\*Note:\* Tasks using the Fargate launch type/);
  });
});

describe('quick fixes (issue 12)', () => {
  it('unquotes a quoted boolean in JSON and YAML', () => {
    const json = fixes('json', '{ "serviceName": "web", "enableExecuteCommand": "true" }', 'ECS103');
    assert.equal(json.get('Change to the boolean true'), '{ "serviceName": "web", "enableExecuteCommand": true }');
    const yaml = fixes('yaml', "serviceName: web\nenableExecuteCommand: 'False'\npropagateTags: SERVICE\n", 'ECS103');
    const fixed = yaml.get('Change to the boolean false');
    assert.equal(fixed, 'serviceName: web\nenableExecuteCommand: false\npropagateTags: SERVICE\n');
    assert.ok(!codesAfter('yaml', fixed!).includes('ECS103'));
    // UpdateService takes `boolean | null` there: still a boolean fix.
    const update = fixes('yaml', 'service: web\nenableExecuteCommand: "true"\n', 'ECS103', 'update-service');
    assert.equal(update.get('Change to the boolean true'), 'service: web\nenableExecuteCommand: true\n');
  });

  it('unquotes a quoted number where the schema wants an integer or a number, in JSON and YAML', () => {
    const yaml = fixes('yaml', 'serviceName: web\ncapacityProviderStrategy:\n  - capacityProvider: FARGATE\n    weight: "2"\n', 'ECS103');
    assert.equal(yaml.get('Change to the number 2'), 'serviceName: web\ncapacityProviderStrategy:\n  - capacityProvider: FARGATE\n    weight: 2\n');
    const exponent = fixes('json', '{ "serviceName": "web", "desiredCount": "1e1" }', 'ECS103');
    assert.equal(exponent.get('Change to the number 10'), '{ "serviceName": "web", "desiredCount": 10 }');
    const percent = fixes('yaml', 'serviceName: web\ndeploymentConfiguration:\n  strategy: LINEAR\n  linearConfiguration:\n    stepPercent: "12.5"\n', 'ECS103');
    assert.ok(percent.has('Change to the number 12.5'), [...percent.keys()].join());
  });

  it('offers nothing for a quoted value that is not what the schema wants', () => {
    const document = doc('json', '{ "serviceName": "web", "desiredCount": "1.5", "enableExecuteCommand": "yes" }');
    const diagnostics = service.doValidation(document, { kind: 'service' }).filter((d) => d.code === 'ECS103');
    assert.deepEqual(diagnostics.map((d) => (d.data as { pointer: string }).pointer), ['/desiredCount', '/enableExecuteCommand']);
    assert.deepEqual(service.doCodeActions(document, diagnostics[0].range, { diagnostics }, { kind: 'service' }), []);
  });

  it('moves an out-of-range number to the nearest bound, in JSON and YAML', () => {
    const below = fixes('json', '{ "serviceName": "web", "desiredCount": -3 }', 'ECS105');
    assert.equal(below.get('Change to 0 (the minimum)'), '{ "serviceName": "web", "desiredCount": 0 }');
    const above = fixes('yaml', 'serviceName: web\ncapacityProviderStrategy:\n  - capacityProvider: FARGATE\n    weight: 5000\n', 'ECS105');
    const fixed = above.get('Change to 1000 (the maximum)');
    assert.equal(fixed, 'serviceName: web\ncapacityProviderStrategy:\n  - capacityProvider: FARGATE\n    weight: 1000\n');
    assert.ok(!codesAfter('yaml', fixed!).includes('ECS105'));
  });

  it('bounds an integer to 32 bits where no narrower range is stated', () => {
    const huge = fixes('yaml', 'serviceName: web\ndesiredCount: 1e20\n', 'ECS105');
    assert.equal(huge.get('Change to 2147483647 (the maximum)'), 'serviceName: web\ndesiredCount: 2147483647\n');
    const port = fixes('json', '{ "serviceName": "web", "loadBalancers": [{ "containerPort": -2147483649 }] }', 'ECS105');
    assert.equal(port.get('Change to -2147483648 (the minimum)'), '{ "serviceName": "web", "loadBalancers": [{ "containerPort": -2147483648 }] }');
  });

  it('reads the fix from data, never from the message', () => {
    const document = doc('json', '{ "serviceName": "web", "desiredCount": -3 }');
    const [diagnostic] = service.doValidation(document, { kind: 'service' });
    const reworded = { ...diagnostic, message: 'something else entirely' };
    const [action] = service.doCodeActions(document, diagnostic.range, { diagnostics: [reworded] }, { kind: 'service' });
    assert.equal(action.title, 'Change to 0 (the minimum)');
  });
});
