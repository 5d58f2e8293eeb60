/**
 * The `EcsService` resource class in a Pulumi program (runtime mocks): definition files, argument
 * precedence, the type token, and TSDoc on every argument.
 */
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as pulumi from '@pulumi/pulumi';
// The installed copy (under node_modules, as a user's program has it): a checkout is refused (provider/registration.ts).
import { requireInstalled } from '../support/dynamic-host';
import { argsMembers } from './support/args-doc';

describe('EcsService resource', function () {
  this.timeout(60_000);
  const registered: { type: string; name: string; inputs: Record<string, unknown> }[] = [];
  let dir: string;

  before(() => {
    pulumi.runtime.setMocks(
      {
        newResource: (args) => {
          registered.push({ type: args.type, name: args.name, inputs: args.inputs });
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
    assert.throws(() => readDefinitionFile(path.join(dir, 'bad.yaml')), /is not valid YAML/);
    fs.writeFileSync(path.join(dir, 'list.json'), '[1]');
    assert.throws(() => readDefinitionFile(path.join(dir, 'list.json')), /must hold an object/);
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
