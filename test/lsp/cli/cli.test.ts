import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BROKEN_COLUMN, BROKEN_LINE, BROKEN_SERVICE, BROKEN_SERVICE_YAML, CLEAN_SERVICE } from './definitions';
import { assertNoCrash, buildCli, lines, runCli, scratch, type Run } from './harness';

const ECS201 = 'Choose either launchType or capacityProviderStrategy: a service takes one of them, not both.';

function run(args: string[], cwd: string, input?: string | Buffer): Run {
  const result = runCli(args, { cwd, input });
  assertNoCrash(result, args.join(' '));
  return result;
}

describe('ecsdef validate (the built command)', function () {
  this.timeout(120_000);
  before(() => buildCli());

  describe('formats', () => {
    const dir = scratch({ 'broken-service-def.json': BROKEN_SERVICE, 'clean-service-def.json': CLEAN_SERVICE });

    it('text: file:line:col  severity  ruleId  message, exit 1, summary on stderr', () => {
      const r = run(['validate', 'broken-service-def.json', 'clean-service-def.json'], dir);
      assert.equal(r.code, 1);
      assert.deepEqual(lines(r), [`broken-service-def.json:${BROKEN_LINE}:${BROKEN_COLUMN}  error  ECS201  ${ECS201}`]);
      assert.match(r.stderr, /1 problem \(1 error, 0 warnings\) in 2 files checked/);
    });

    it('text: a clean file prints nothing and exits 0', () => {
      const r = run(['validate', 'clean-service-def.json'], dir);
      assert.equal(r.code, 0);
      assert.equal(r.stdout, '');
      assert.equal(r.stderr, '');
    });

    it('json: one entry per file with positions, pointer and kind', () => {
      const r = run(['validate', '--format', 'json', 'broken-service-def.json', 'clean-service-def.json'], dir);
      assert.equal(r.code, 1);
      const results = JSON.parse(r.stdout);
      assert.equal(results.length, 2);
      assert.equal(results[0].filePath, path.join(fs.realpathSync(dir), 'broken-service-def.json'));
      assert.equal(results[0].kind, 'service');
      assert.deepEqual(results[0].messages[0], {
        ruleId: 'ECS201',
        ruleName: 'launch-type-excludes-capacity-provider-strategy',
        severity: 'error',
        message: ECS201,
        line: BROKEN_LINE,
        column: BROKEN_COLUMN,
        endLine: BROKEN_LINE,
        endColumn: BROKEN_COLUMN + '"capacityProviderStrategy"'.length,
        pointer: '/capacityProviderStrategy',
        fix: results[0].messages[0].fix,
      });
      assert.equal(results[0].errorCount, 1);
      assert.deepEqual(results[1].messages, []);
    });

    it('sarif: 2.1.0 with rule metadata, help links and regions', () => {
      const r = run(['validate', '-f', 'sarif', 'broken-service-def.json'], dir);
      assert.equal(r.code, 1);
      const log = JSON.parse(r.stdout);
      assert.equal(log.version, '2.1.0');
      const runEntry = log.runs[0];
      const rules = runEntry.tool.driver.rules as Array<Record<string, any>>;
      assert.equal(runEntry.tool.driver.name, 'ecsdef');
      const rule = rules.find((x) => x.id === 'ECS201')!;
      assert.equal(rule.name, 'launch-type-excludes-capacity-provider-strategy');
      assert.equal(rule.helpUri, 'https://github.com/ecsdef/ecsdef/blob/main/docs/rules/launch-type-excludes-capacity-provider-strategy.md');
      assert.ok(rule.shortDescription.text.length > 0);
      assert.ok(rules.some((x) => x.id === 'ECS001' && x.name === 'json-syntax-error'), 'syntax rules are in the catalog');
      assert.equal(new Set(rules.map((x) => x.id)).size, rules.length);
      const [result] = runEntry.results;
      assert.equal(result.ruleId, 'ECS201');
      assert.equal(rules[result.ruleIndex].id, 'ECS201');
      assert.equal(result.level, 'error');
      assert.deepEqual(result.locations[0].physicalLocation, {
        artifactLocation: { uri: 'broken-service-def.json', uriBaseId: '%SRCROOT%' },
        region: { startLine: 7, startColumn: 3, endLine: 7, endColumn: 29 },
      });
    });

    it('github: workflow-command annotations', () => {
      const r = run(['validate', '--format=github', 'broken-service-def.json'], dir);
      assert.equal(r.code, 1);
      assert.deepEqual(lines(r), [`::error file=broken-service-def.json,line=7,col=3,endLine=7,endColumn=29,title=ECS201::${ECS201}`]);
    });

    it('--output-file writes the report there', () => {
      const r = run(['validate', '-f', 'json', '-o', 'report.json', 'broken-service-def.json'], dir);
      assert.equal(r.code, 1);
      assert.equal(r.stdout, '');
      assert.equal(JSON.parse(fs.readFileSync(path.join(dir, 'report.json'), 'utf8'))[0].messages[0].ruleId, 'ECS201');
    });
  });

  describe('exit codes', () => {
    const dir = scratch({
      'clean-service-def.json': CLEAN_SERVICE,
      // Output-only keys of an ecspresso definition are warnings, not errors.
      'ecs-service-def.json': JSON.stringify({ launchType: 'EC2', platformVersion: '1.4.0', desiredCount: 1, serviceArn: 'arn:aws:ecs:eu-west-1:123456789012:service/prod/web', status: 'ACTIVE' }, null, 2),
    });
    // Sparse: 65 MiB on paper, nothing on disk; over the size limit, so it is refused unread.
    fs.writeFileSync(path.join(dir, 'huge-service-def.json'), '');
    fs.truncateSync(path.join(dir, 'huge-service-def.json'), 65 * 1024 * 1024);

    const usage: Array<[string, string[], RegExp]> = [
      ['an unknown flag', ['validate', '--bogus', 'x.json'], /Unknown option '--bogus'/],
      ['an unknown format', ['validate', '-f', 'xml', 'x.json'], /unknown format 'xml'/],
      ['an unknown kind', ['validate', '--kind', 'task', 'x.json'], /unknown kind 'task'/],
      ['an unknown command', ['lint', 'x.json'], /unknown command 'lint'/],
      ['no command', [], /missing command/],
      ['a bad --max-warnings', ['validate', '--max-warnings', 'many'], /--max-warnings takes an integer/],
      ['a bad --rule', ['validate', '--rule', 'ECS201'], /--rule takes/],
      ['an unknown rule in --rule', ['validate', '--rule', 'ECS999=off', 'clean-service-def.json'], /unknown rule/],
    ];
    for (const [what, args, message] of usage) {
      it(`exits 2 on ${what}`, () => {
        const r = run(args, dir);
        assert.equal(r.code, 2);
        assert.match(r.stderr, message);
        assert.equal(r.stdout, '');
      });
    }

    it('exits 2 on a missing file, with its name', () => {
      const r = run(['validate', 'missing-service-def.json'], dir);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /missing-service-def\.json: no such file or directory/);
    });

    it('exits 2 on a file it cannot check, but still checks the others', () => {
      const r = run(['validate', '.', '--format', 'json'], dir);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /huge-service-def\.json: file is 65 MiB, larger than the 64 MiB limit; not checked/);
      assert.deepEqual(JSON.parse(r.stdout).map((x: { filePath: string }) => path.basename(x.filePath)), ['clean-service-def.json', 'ecs-service-def.json']);
    });

    it('exits 0 with warnings only, 1 past --max-warnings, and --quiet hides them', () => {
      const warned = run(['validate', 'ecs-service-def.json'], dir);
      assert.equal(warned.code, 0);
      // Output-only members (serviceArn, status) are info; the Fargate-only platformVersion warns.
      assert.ok(lines(warned).some((l) => l.includes('  warning  ')), warned.stdout);
      assert.ok(lines(warned).every((l) => l.includes('  warning  ') || l.includes('  info  ')), warned.stdout);
      const strict = run(['validate', '--max-warnings', '0', 'ecs-service-def.json'], dir);
      assert.equal(strict.code, 1);
      assert.match(strict.stderr, /too many warnings/);
      const quiet = run(['validate', '--quiet', 'ecs-service-def.json'], dir);
      assert.equal(quiet.code, 0);
      assert.equal(quiet.stdout, '');
    });

    it('dispatches `ecsdef diff` to its own command', () => {
      const r = run(['diff'], dir);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /Usage: ecsdef diff BEFORE AFTER/);
    });

    it('--help and --version exit 0', () => {
      const help = run(['--help'], dir);
      assert.equal(help.code, 0);
      assert.match(help.stdout, /Usage: ecsdef validate/);
      const version = run(['--version'], dir);
      assert.equal(version.code, 0);
      assert.match(version.stdout, /^\d+\.\d+\.\d+\n$/);
    });
  });

  describe('kind detection', () => {
    const kindOf = (dir: string, file: string, extra: string[] = []): [string, string] => {
      const r = run(['validate', '-f', 'json', ...extra, file], dir);
      const [result] = JSON.parse(r.stdout);
      return [result.kind, result.kindSource];
    };
    const dir = scratch({
      'a.json': JSON.stringify({ $schema: 'https://example.com/schemas/update-service.schema.json', service: 'web' }),
      'b.yaml': '# yaml-language-server: $schema=./schemas/express-service.schema.json\nserviceName: web\n',
      'deploy/ecs-service-def.json': JSON.stringify({ desiredCount: 1 }),
      'web-update-service.json': JSON.stringify({ service: 'web' }),
      'app.express-service.yaml': 'serviceName: web\n',
      'x.json': JSON.stringify({ service: 'web', desiredCount: 1 }),
      'y.json': JSON.stringify({ serviceArn: 'arn:aws:ecs:eu-west-1:123456789012:service/c/web', primaryContainer: { image: 'nginx' } }),
      'z.yml': 'primaryContainer:\n  image: nginx\n',
      'w.json': JSON.stringify({ serviceName: 'web', desiredCount: 2 }),
      'e.json': JSON.stringify({ desiredCount: 2, launchType: 'FARGATE' }),
      'web-service-def.json': JSON.stringify({ serviceName: 'web', taskDefinition: 'web:3', desiredCount: 2 }),
      'n.json': JSON.stringify({ serviceName: 'web' }),
    });
    const expected: Array<[string, string, string]> = [
      ['a.json', 'update-service', '$schema'],
      ['b.yaml', 'express-service', '$schema'],
      ['deploy/ecs-service-def.json', 'ecspresso', 'file name'],
      ['web-update-service.json', 'update-service', 'file name'],
      ['app.express-service.yaml', 'express-service', 'file name'],
      ['x.json', 'update-service', 'content'],
      ['y.json', 'express-update', 'content'],
      ['z.yml', 'express-service', 'content'],
      ['w.json', 'service', 'content'],
      ['e.json', 'ecspresso', 'content'],
      ['web-service-def.json', 'service', 'content'],
      ['n.json', null as unknown as string, null as unknown as string],
    ];
    for (const [file, kind, source] of expected) {
      it(`${file} -> ${kind} (from ${source})`, () => {
        assert.deepEqual(kindOf(dir, file), [kind, source]);
      });
    }
    it('--kind overrides every other source', () => {
      assert.deepEqual(kindOf(dir, 'a.json', ['--kind', 'ecspresso']), ['ecspresso', 'option']);
    });
  });

  describe('file selection', () => {
    const dir = scratch({
      'defs/web-service-def.json': CLEAN_SERVICE,
      'defs/notes.json': '{"not": "a definition"}',
      'defs/nested/api.service.yaml': BROKEN_SERVICE_YAML,
      'defs/node_modules/pkg/x-service-def.json': BROKEN_SERVICE,
      'other/readme.json': '{}',
    });

    type Entry = { filePath: string; skipped: string | null };
    const checked = (stdout: string): Entry[] => (JSON.parse(stdout) as Entry[]).filter((x) => x.skipped === null);

    it('a directory reads every JSON/YAML file, checks the definitions among them and skips node_modules', () => {
      const r = run(['validate', '-f', 'json', 'defs'], dir);
      const all = JSON.parse(r.stdout) as Entry[];
      const rel = (x: Entry): string => path.relative(fs.realpathSync(dir), x.filePath);
      assert.deepEqual(checked(r.stdout).map(rel), ['defs/web-service-def.json', 'defs/nested/api.service.yaml']);
      assert.deepEqual(all.filter((x) => x.skipped !== null).map(rel), ['defs/notes.json'], 'the skipped file is listed in JSON');
      assert.equal(r.code, 1);
      assert.equal(r.stderr.includes('notes.json'), false, 'a walk skips quietly');
      assert.match(run(['validate', '--verbose', 'defs'], dir).stderr, /defs\/notes\.json: skipped, its keys are not those of an ECS service definition/);
    });

    it('a file named on the command line that is not a definition gets one notice and exit 0', () => {
      const r = run(['validate', 'defs/notes.json'], dir);
      assert.equal(r.code, 0);
      assert.equal(r.stdout, '');
      assert.equal(r.stderr, "ecsdef: defs/notes.json: not an ECS service definition (its keys are not those of an ECS service definition), skipped; --kind forces a kind\n");
      const forced = run(['validate', '-f', 'json', '--kind', 'service', 'defs/notes.json'], dir);
      assert.equal(checked(forced.stdout).length, 1);
      assert.equal(forced.code, 1);
    });

    it('a glob selects the definitions among the files matching it', () => {
      const r = run(['validate', '-f', 'json', 'defs/**/*.json'], dir);
      assert.deepEqual(checked(r.stdout).map((x) => path.basename(x.filePath)), ['web-service-def.json']);
    });

    it('a directory or glob with no definition is a tool error, unless allowed', () => {
      const r = run(['validate', 'other'], dir);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /no ECS service definition found in 'other'/);
      const allowed = run(['validate', '--no-error-on-unmatched-pattern', 'other'], dir);
      assert.equal(allowed.code, 0);
    });

    it('without operands checks the working directory', () => {
      const r = run(['validate', '-f', 'json'], path.join(dir, 'defs'));
      assert.equal(checked(r.stdout).length, 2);
    });
  });

  describe('configuration', () => {
    it('finds .ecsdef.json upward and applies rule settings by id or name', () => {
      const dir = scratch({
        '.ecsdef.json': JSON.stringify({ rules: { 'launch-type-excludes-capacity-provider-strategy': 'warning' } }),
        'sub/broken-service-def.json': BROKEN_SERVICE,
      });
      const r = run(['validate', 'broken-service-def.json'], path.join(dir, 'sub'));
      assert.equal(r.code, 0);
      assert.deepEqual(lines(r), [`broken-service-def.json:7:3  warning  ECS201  ${ECS201}`]);
      const off = run(['validate', '--rule', 'ECS201=off', 'broken-service-def.json'], path.join(dir, 'sub'));
      assert.equal(off.code, 0);
      assert.equal(off.stdout, '');
      const ignored = run(['validate', '--no-config', 'broken-service-def.json'], path.join(dir, 'sub'));
      assert.equal(ignored.code, 1);
    });

    it('overrides silence a rule for matching JSON files only; files adds patterns per kind; ignores', () => {
      const dir = scratch({
        '.ecsdef.yaml': [
          'files:',
          '  service: ["deploy/*.json"]',
          'ignores: ["deploy/skip"]',
          'overrides:',
          '  - files: ["deploy/legacy.json"]',
          '    rules:',
          '      ECS201: "off"',
        ].join('\n'),
        'deploy/legacy.json': BROKEN_SERVICE,
        'deploy/current.json': BROKEN_SERVICE,
        'deploy/skip/old-service-def.json': BROKEN_SERVICE,
      });
      const r = run(['validate', 'deploy'], dir);
      assert.equal(r.code, 1);
      assert.deepEqual(lines(r).map((l) => l.split('  ')[0]), ['deploy/current.json:7:3']);
    });

    it('--config names a config file', () => {
      const dir = scratch({ 'conf/strict.json': JSON.stringify({ rules: { ECS201: 'info' } }), 'broken-service-def.json': BROKEN_SERVICE });
      const r = run(['validate', '-c', 'conf/strict.json', 'broken-service-def.json'], dir);
      assert.equal(r.code, 0);
      assert.match(lines(r)[0], /  info  ECS201  /);
    });

    const bad: Array<[string, string, RegExp]> = [
      ['unknown key', JSON.stringify({ rulez: {} }), /at rulez: unknown key/],
      ['unknown rule', JSON.stringify({ rules: { ECS999: 'off' } }), /at rules\.ECS999: unknown rule/],
      ['bad setting', JSON.stringify({ rules: { ECS201: 'warn' } }), /expected one of off, error, warning, info/],
      ['unknown kind', JSON.stringify({ files: { task: ['*.json'] } }), /at files\.task: unknown kind/],
      ['not JSON', '{"rules": ', /\.ecsdef\.json:1:\d+: /],
    ];
    for (const [what, content, message] of bad) {
      it(`a config with ${what} is a tool error (exit 2)`, () => {
        const dir = scratch({ '.ecsdef.json': content, 'clean-service-def.json': CLEAN_SERVICE });
        const r = run(['validate', 'clean-service-def.json'], dir);
        assert.equal(r.code, 2);
        assert.match(r.stderr, message);
      });
    }
  });

  describe('stdin, directives, templates', () => {
    it("reads '-' from stdin (JSON by content)", () => {
      const r = run(['validate', '-'], scratch(), BROKEN_SERVICE);
      assert.equal(r.code, 1);
      assert.deepEqual(lines(r), [`<stdin>:7:3  error  ECS201  ${ECS201}`]);
    });

    it('--stdin-filename names stdin: language, kind and display', () => {
      const r = run(['validate', '-', '--stdin-filename', 'deploy/web.ecs-service.yaml'], scratch(), BROKEN_SERVICE_YAML);
      assert.equal(r.code, 1);
      assert.deepEqual(lines(r), [`deploy/web.ecs-service.yaml:6:1  error  ECS201  ${ECS201}`]);
    });

    it('a YAML comment on the line before silences a rule by id or name', () => {
      const silenced = BROKEN_SERVICE_YAML.replace('capacityProviderStrategy:', '# ecsdef-disable-next-line ECS201 -- migrating\ncapacityProviderStrategy:');
      const byName = BROKEN_SERVICE_YAML.replace('capacityProviderStrategy:', '# ecsdef-disable-next-line launch-type-excludes-capacity-provider-strategy\ncapacityProviderStrategy:');
      const other = BROKEN_SERVICE_YAML.replace('capacityProviderStrategy:', '# ecsdef-disable-next-line ECS202\ncapacityProviderStrategy:');
      const dir = scratch({ 'a.ecs-service.yaml': silenced, 'b.ecs-service.yaml': byName, 'c.ecs-service.yaml': other });
      const r = run(['validate', 'a.ecs-service.yaml', 'b.ecs-service.yaml', 'c.ecs-service.yaml'], dir);
      assert.deepEqual(lines(r).map((l) => l.split('  ')[0]), ['c.ecs-service.yaml:7:1']);
    });

    it('Go-template placeholders inside strings produce no false error; the rest is still checked', () => {
      const templated = JSON.parse(CLEAN_SERVICE);
      templated.cluster = '{{ must_env `CLUSTER` }}';
      templated.taskDefinition = '{{ tfstate `aws_ecs_task_definition.web.arn` }}';
      templated.networkConfiguration.awsvpcConfiguration.subnets = ['{{ tfstate `aws_subnet.a.id` }}', '{{ must_env `SUBNET_B` }}'];
      templated.networkConfiguration.awsvpcConfiguration.securityGroups = ['{{ must_env `SG` }}'];
      const clean = scratch({ 'web-service-def.json': JSON.stringify(templated, null, 2) });
      const r = run(['validate', 'web-service-def.json'], clean);
      assert.equal(r.code, 0, r.stdout);
      templated.desiredCount = -1;
      const broken = scratch({ 'web-service-def.json': JSON.stringify(templated, null, 2) });
      const r2 = run(['validate', 'web-service-def.json'], broken);
      assert.equal(r2.code, 1);
      assert.equal(lines(r2).length, 1, r2.stdout);
      assert.match(lines(r2)[0], /desiredCount|-1/);
    });

    it('syntax problems are reported with positions (comments, trailing commas in .json)', () => {
      const text = '{\n  // prod\n  "cluster": "prod",\n  "serviceName": "web",\n  "desiredCount": 0,\n  "taskDefinition": "web:3",\n}\n';
      const r = run(['validate', 'x-service-def.json'], scratch({ 'x-service-def.json': text }));
      assert.equal(r.code, 1);
      assert.deepEqual(
        lines(r).map((l) => l.split('  ').slice(0, 3).join('  ')),
        ['x-service-def.json:2:3  error  ECS002', 'x-service-def.json:6:28  error  ECS003'],
      );
    });
  });
});
