/**
 * The `EcsService` resource class in a Pulumi program (runtime mocks): definition files, argument
 * precedence, the type token, TSDoc on every argument, the inputs only the program side knows
 * (secret arguments, the import option), `EcsService.get`, and the refusal of a symlinked install.
 */
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as pulumi from '@pulumi/pulumi';
// The installed copy (under node_modules, as a user's program has it): a checkout is refused (provider/registration.ts).
import { installEcsdef, requireInstalled } from '../support/dynamic-host';
import { argsMembers } from './support/args-doc';

describe('EcsService resource', function () {
  this.timeout(60_000);
  const registered: { type: string; name: string; inputs: Record<string, unknown>; id?: string }[] = [];
  let dir: string;

  before(() => {
    pulumi.runtime.setMocks(
      {
        newResource: (args) => {
          registered.push({ type: args.type, name: args.name, inputs: args.inputs, id: args.id });
          return { id: `${args.name}-id`, state: { ...args.inputs, serviceArn: `arn:aws:ecs:us-east-1:1:service/prod/${args.name}` } };
        },
        call: () => ({}),
      },
      'project',
      'stack',
      false,
    );
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecsdef-resource-'));
    fs.writeFileSync(path.join(dir, 'web.yaml'), 'serviceName: web\ncluster: prod\ntaskDefinition: web:1\ndesiredCount: 2\n');
    fs.writeFileSync(path.join(dir, 'api.json'), JSON.stringify({ serviceName: 'api', cluster: 'prod', taskDefinition: 'api:3', desiredCount: 1 }));
  });

  const outputOf = <T>(o: pulumi.Output<T>) => new Promise<T>((resolve) => o.apply(resolve));

  it('reads a YAML or JSON definition file; arguments override its fields', async () => {
    const { EcsService } = requireInstalled('provider') as typeof import('../../provider');
    const web = new EcsService('web', { definitionFile: path.join(dir, 'web.yaml'), desiredCount: 5, redeployTriggers: 'sha256:abc' });
    const api = new EcsService('api', { definitionFile: path.join(dir, 'api.json') });
    assert.equal(await outputOf(web.serviceArn), 'arn:aws:ecs:us-east-1:1:service/prod/web');
    await outputOf(api.serviceArn);
    const w = registered.find((r) => r.name === 'web')!;
    assert.equal(w.type, 'pulumi-nodejs:dynamic/ecsdef:EcsService');
    assert.deepEqual(
      { serviceName: w.inputs.serviceName, taskDefinition: w.inputs.taskDefinition, desiredCount: w.inputs.desiredCount, redeployTriggers: w.inputs.redeployTriggers },
      { serviceName: 'web', taskDefinition: 'web:1', desiredCount: 5, redeployTriggers: 'sha256:abc' },
    );
    assert.equal(w.inputs.definitionFile, undefined, 'the path is not an input: the values are');
    assert.equal(typeof w.inputs.__provider, 'string');
    assert.equal(registered.find((r) => r.name === 'api')!.inputs.taskDefinition, 'api:3');
  });

  it('reports an unreadable or malformed definition file clearly', async () => {
    const { readDefinitionFile } = requireInstalled('provider') as typeof import('../../provider');
    assert.throws(() => readDefinitionFile(path.join(dir, 'missing.json')), /cannot read definitionFile .*missing\.json/);
    fs.writeFileSync(path.join(dir, 'bad.yaml'), 'a: [1,');
    assert.throws(() => readDefinitionFile(path.join(dir, 'bad.yaml')), /bad\.yaml:1:\d+: .*\[ECS0\d\d\]/);
    fs.writeFileSync(path.join(dir, 'list.json'), '[1]');
    assert.throws(() => readDefinitionFile(path.join(dir, 'list.json')), /must hold an object/);
  });

  it('reads a file as ecsdef validate does: byte order mark, merge keys, unquoted templates', async () => {
    const { readDefinitionFile } = requireInstalled('provider') as typeof import('../../provider');
    const yamlFile = path.join(dir, 'merged.yaml');
    fs.writeFileSync(
      yamlFile,
      '\ufeffbase: &base\n  cluster: main\n  desiredCount: 2\n<<: *base\nserviceName: web\ndesiredCount: {{ .count }}\n',
    );
    const value = readDefinitionFile(yamlFile);
    assert.equal(value.cluster, 'main', 'the merge key brings the anchored fields');
    assert.equal(value.serviceName, 'web');
    assert.equal(typeof value.desiredCount, 'string', 'an unquoted template reads as its placeholder text');
    assert.equal('<<' in value, false);
  });

  it('names the arguments given as Pulumi secrets in secretFields (the engine strips secrets before the provider sees them)', async () => {
    const { EcsService } = requireInstalled('provider') as typeof import('../../provider');
    const base = { serviceName: 'sec', cluster: 'prod', taskDefinition: 'web:1', desiredCount: 1 };
    const svc = new EcsService('sec', { ...base, tags: [{ key: 'token', value: pulumi.secret('hunter2-value') }] });
    const plainSvc = new EcsService('nosec', { ...base, serviceName: 'nosec' });
    await Promise.all([outputOf(svc.serviceArn), outputOf(plainSvc.serviceArn)]);
    assert.deepEqual(registered.find((r) => r.name === 'sec')!.inputs.secretFields, ['tags']);
    assert.deepEqual(registered.find((r) => r.name === 'nosec')!.inputs.secretFields, []);
  });

  it('moves the import option into the importId input, so the engine never runs its own import read', async () => {
    const { EcsService } = requireInstalled('provider') as typeof import('../../provider');
    const arn = 'arn:aws:ecs:us-east-1:123456789012:service/prod/old';
    const svc = new EcsService('old', { serviceName: 'old', cluster: 'prod', taskDefinition: 'web:1', desiredCount: 1 }, { import: arn });
    await outputOf(svc.serviceArn);
    const r = registered.find((x) => x.name === 'old')!;
    assert.equal(r.inputs.importId, arn);
    assert.ok(!r.id, 'no import id reaches the engine');
  });

  it('EcsService.get registers a read of the service ARN, with the serialised provider in its inputs', async () => {
    const { EcsService } = requireInstalled('provider') as typeof import('../../provider');
    const arn = 'arn:aws:ecs:us-east-1:123456789012:service/prod/existing';
    const svc = EcsService.get('existing', arn);
    await outputOf(svc.serviceArn);
    const r = registered.find((x) => x.name === 'existing')!;
    assert.equal(r.id, arn);
    assert.equal(typeof r.inputs.__provider, 'string');
    assert.equal(r.inputs.serviceName, undefined, 'no definition of its own');
  });

  it('a symlinked install (npm link, file: to a folder) fails at once, saying why', () => {
    const { packageDir } = installEcsdef();
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ecsdef-linked-'));
    try {
      fs.cpSync(packageDir, path.join(root, 'checkout'), { recursive: true });
      fs.symlinkSync(fs.realpathSync(path.join(packageDir, '..', '..', '..', 'node_modules')), path.join(root, 'node_modules'), 'dir');
      fs.mkdirSync(path.join(root, 'program', 'node_modules'), { recursive: true });
      fs.symlinkSync(path.join(root, 'checkout'), path.join(root, 'program', 'node_modules', 'ecsdef'), 'dir');
      const { EcsService } = require(path.join(root, 'program', 'node_modules', 'ecsdef', 'provider'));
      assert.throws(
        () => new EcsService('linked', { serviceName: 'linked', cluster: 'prod', taskDefinition: 'web:1' }),
        /ecsdef: this copy of ecsdef is loaded from .*checkout.*outside node_modules \(a symlinked install.*Install ecsdef from the registry or from an `npm pack` tarball/s,
      );
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('every EcsServiceArgs member has a TSDoc comment, and every CreateService field is an argument', () => {
    const { members, undocumented } = argsMembers(path.join(__dirname, '..', '..', 'provider', 'ecs-service-args.ts'), 'EcsServiceArgs');
    assert.deepEqual(undocumented, []);
    const { SERVICE_DEFINITION_FIELDS } = require('../../provider/service/types');
    assert.deepEqual(SERVICE_DEFINITION_FIELDS.filter((f: string) => !members.includes(f)), []);
    const props: Record<string, Record<string, unknown>> = require('../../schemas').schemaFor('service').properties;
    // Fields CreateService does not take (annotated output-only or not-in-api) are not arguments.
    const schemaFields = Object.keys(props).filter((f) => f !== '$schema' && !props[f]['x-ecsdef-output-only'] && !props[f]['x-ecsdef-not-in-api']);
    assert.deepEqual(schemaFields.filter((f) => !members.includes(f)), [], 'the generated service schema has fields the resource does not take');
  });
});
