/**
 * Error recovery in the language service: a document with a syntax error is still validated
 * from the parser's recovered tree, but no finding may come from the broken text itself (a
 * half-written key, a cut-off value, a member the parser lost). The CLI reports the same.
 */
import { strict as assert } from 'node:assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { checkText } from '../../../lsp/cli/check';
import { FilePatterns } from '../../../lsp/cli/patterns';
import { createLanguageService } from '../../../lsp/service';

const service = createLanguageService();
let version = 0;

function validate(language: 'json' | 'yaml', text: string): Diagnostic[] {
  const document = TextDocument.create(`file:///t/ecs-service.${language}`, language, ++version, text);
  return service.doValidation(document, { kind: 'service' });
}

/** `code line:character-line:character`, sorted: what the user sees, in a stable order. */
function summary(diagnostics: Diagnostic[]): string[] {
  return diagnostics
    .map((d) => `${d.code} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`)
    .sort();
}

const codes = (diagnostics: Diagnostic[]): string[] => [...new Set(diagnostics.map((d) => String(d.code)))].sort();

/** A complete, valid CreateService input except for what each case adds. */
const JSON_HEAD = `{
  "serviceName": "web",
  "taskDefinition": "web:12",
  "desiredCount": 2,
`;

describe('error recovery (language service)', () => {
  describe('the rest of a broken document is still checked', () => {
    it('JSON: a syntax error and launchType next to capacityProviderStrategy are both reported', () => {
      const text = `${JSON_HEAD}  "launchType": "FARGATE",
  "capacityProviderStrategy": [{ "capacityProvider": "FARGATE_SPOT", "weight": 1 }],
  "propagateTags": "SERVICE" "enableECSManagedTags": true,
  "networkConfiguration": { "awsvpcConfiguration": { "subnets": ["subnet-0a1b2c3d4e5f60718"] } }
}
`;
      assert.deepEqual(summary(validate('json', text)), ['ECS001 6:29-6:51', 'ECS201 5:2-5:28']);
    });

    it('YAML: a syntax error and launchType next to capacityProviderStrategy are both reported', () => {
      const text = `serviceName: web
taskDefinition: web:12
desiredCount: 2
launchType: FARGATE
capacityProviderStrategy:
  - capacityProvider: FARGATE_SPOT
    weight: 1
networkConfiguration:
  awsvpcConfiguration:
    subnets: [subnet-0a1b2c3d4e5f60718
propagateTags: SERVICE
`;
      const diagnostics = validate('yaml', text);
      assert.deepEqual(codes(diagnostics), ['ECS005', 'ECS201']);
      assert.deepEqual(summary(diagnostics).filter((s) => s.startsWith('ECS201')), ['ECS201 4:0-4:24']);
    });

    it('keeps findings in parts of the document the error is not in (a required member of another object)', () => {
      const text = `${JSON_HEAD}  "launchType": "FARGATE",
  "networkConfiguration": { "awsvpcConfiguration": { "securityGroups": ["sg-1"] } },
  "loadBalancers": [{ "containerName": "web", "containerPort": 80, "targetGroupArn": "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123456789abcdef" ]
}
`;
      const diagnostics = validate('json', text);
      assert.ok(diagnostics.some((d) => d.code === 'ECS001'), JSON.stringify(diagnostics));
      const required = diagnostics.filter((d) => d.code === 'ECS102');
      assert.deepEqual(required.map((d) => d.message), ['Missing required property "subnets".']);
      assert.deepEqual(summary(required), ['ECS102 5:28-5:49']);
    });
  });

  describe('no finding comes from the error itself', () => {
    it('JSON: a half-written key does not make a required member missing', () => {
      // Retyping "subnets": the object it belongs to has lost it while the key is unfinished.
      const text = `${JSON_HEAD}  "launchType": "FARGATE",
  "schedulingStrategy": "replica",
  "networkConfiguration": { "awsvpcConfiguration": { "subn
    "securityGroups": ["sg-1"] } }
}
`;
      // ECS104: "replica" is written in full, two lines above the cut.
      assert.deepEqual(codes(validate('json', text)), ['ECS001', 'ECS104']);
    });

    it('JSON: a half-written top-level key does not make desiredCount or taskDefinition missing', () => {
      const text = `{
  "serviceName": "web",
  "desi
  "launchType": "FARGATE",
  "networkConfiguration": { "awsvpcConfiguration": { "subnets": ["subnet-0a1b2c3d4e5f60718"], "assignPublicIp": "enabled" } }
}
`;
      assert.deepEqual(summary(validate('json', text)), ['ECS001 2:2-2:7', 'ECS001 3:2-3:14', 'ECS104 4:112-4:121']);
    });

    it('YAML: a half-written key does not make a required member missing', () => {
      const text = `serviceName: web
taskDefinition: web:12
desiredCount: 2
launchType: FARGATE
networkConfiguration:
  awsvpcConfiguration:
    subn
    securityGroups: [sg-1]
schedulingStrategy: replica
`;
      assert.deepEqual(codes(validate('yaml', text)), ['ECS005', 'ECS104']);
    });

    it('JSON: a key whose value is not typed yet has no type error, and its neighbour is not misread', () => {
      // jsonc-parser reads the next key as the value, and loses the rest of the object.
      const text = `${JSON_HEAD}  "launchType": "FARGATE",
  "propagateTags": "service",
  "platformVersion":
  "networkConfiguration": { "awsvpcConfiguration": { "subnets": ["subnet-0a1b2c3d4e5f60718"] } }
}
`;
      assert.deepEqual(codes(validate('json', text)), ['ECS001', 'ECS104']);
    });

    it('JSON: a cut-off value is not judged, nor are the rules that read it', () => {
      // "FARG is not a launch type" and "platformVersion needs Fargate" would both come from the cut.
      const text = `${JSON_HEAD}  "platformVersion": "1.4.0",
  "networkConfiguration": { "awsvpcConfiguration": { "subnets": ["subnet-0a1b2c3d4e5f60718"] } },
  "propagateTags": "service",
  "launchType": "FARG
}
`;
      assert.deepEqual(codes(validate('json', text)), ['ECS001', 'ECS104']);
    });

    it('JSON: a number the error cuts into is not range-checked', () => {
      const text = `${JSON_HEAD.replace('"desiredCount": 2', '"desiredCount": -1x')}  "launchType": "FARGATE",
  "healthCheckGracePeriodSeconds": -5,
  "networkConfiguration": { "awsvpcConfiguration": { "subnets": ["subnet-0a1b2c3d4e5f60718"] } }
}
`;
      // -5 is below its minimum as written; -1 may be the start of -10 or of 1x.
      assert.deepEqual(codes(validate('json', text)), ['ECS001', 'ECS105']);
    });

    it('knows every error, also those past the ten the document lists', () => {
      const tags = Array.from({ length: 11 }, (_, i) => `    { "key": "k${i}", "value": "v" x },`).join('\n');
      const text = `${JSON_HEAD.replace('"desiredCount": 2', '"desiredCount": -1')}  "tags": [
${tags}
    { "key": "last", "value": "v" }
  ],
  "networkConfiguration": { "awsvpcConfiguration": { "subnets": ["subnet-0a1b2c3d4e5f60718"] } },
  "launchType": "FARG
}
`;
      const diagnostics = validate('json', text);
      assert.equal(diagnostics.filter((d) => d.code === 'ECS001').length, 10);
      // Not ECS104 for "FARG": the twelfth error, on its line, is not shown but still counts.
      assert.deepEqual(codes(diagnostics), ['ECS001', 'ECS105']);
    });

    it('YAML: an unfinished key at the end of the document is not an unknown property', () => {
      const text = `serviceName: web
taskDefinition: web:12
desiredCount: 2
launchType: FARGATE
propagateTags: service
networkConfiguration:
  awsvpcConfiguration:
    subnets: [subnet-0a1b2c3d4e5f60718]
hea`;
      assert.deepEqual(codes(validate('yaml', text)), ['ECS005', 'ECS104']);
    });
  });

  describe('limits stay fatal: nothing to recover', () => {
    const outOfRange = '"serviceName": "web", "taskDefinition": "web:1", "desiredCount": -1';

    it('a syntax error recovers, nesting too deep does not', () => {
      assert.deepEqual(codes(validate('json', `{ ${outOfRange}, "tags": [[[ }`)), ['ECS001', 'ECS105']);
      const deep = `{ ${outOfRange}, "tags": ${'['.repeat(600)}${']'.repeat(600)} }`;
      assert.deepEqual(codes(validate('json', deep)), ['ECS007']);
    });

    it('a YAML alias that does not resolve recovers, an alias bomb does not', () => {
      const head = 'serviceName: web\ntaskDefinition: web:1\ndesiredCount: -1\n';
      assert.deepEqual(codes(validate('yaml', `${head}tags: *nowhere\n`)), ['ECS005', 'ECS105']);
      const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
      for (let i = 1; i < 8; i++) lines.push(`a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]`);
      assert.deepEqual(codes(validate('yaml', head + lines.join('\n') + '\n')), ['ECS006']);
    });
  });

  it('the CLI reports the same findings at the same places as the editor', () => {
    const text = `${JSON_HEAD}  "launchType": "FARGATE",
  "capacityProviderStrategy": [{ "capacityProvider": "FARGATE_SPOT", "weight": 1 }],
  "networkConfiguration": { "awsvpcConfiguration": { "subn
    "securityGroups": ["sg-1"] } }
}
`;
    const editor = summary(validate('json', text));
    const result = checkText(text, {
      filePath: '/t/ecs-service.json',
      displayPath: 'ecs-service.json',
      namePath: '/t/ecs-service.json',
      kind: 'service',
      rules: {},
      patterns: new FilePatterns('/t'),
      explicit: true,
    });
    const cli = result.messages.map((m) => `${m.ruleId} ${m.line - 1}:${m.column - 1}-${m.endLine - 1}:${m.endColumn - 1}`).sort();
    assert.deepEqual(cli, editor);
    assert.ok(editor.some((s) => s.startsWith('ECS201')), editor.join('\n'));
  });
});
