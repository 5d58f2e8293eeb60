/**
 * The `ExpressGatewayService` resource class in a Pulumi program (runtime mocks): the type token,
 * definition files and argument precedence, the registration asking the engine to keep
 * `primaryContainer` secret, the program seeing that output as a secret, TSDoc on every argument,
 * and the export from the package root.
 */
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as pulumi from '@pulumi/pulumi';
// The installed copy (under node_modules, as a user's program has it): a checkout is refused (provider/registration.ts).
import { requireInstalled } from '../support/dynamic-host';
import { argsMembers } from './support/args-doc';
import { asSecret, isSecret, unwrapSecrets } from '../../provider/core/secrets';

interface Registration {
  type: string;
  name: string;
  inputs: Record<string, unknown>;
  additionalSecretOutputs: string[];
}

describe('ExpressGatewayService resource', function () {
  this.timeout(60_000);
  const registered: Registration[] = [];
  const mocks = require('@pulumi/pulumi/runtime/mocks');
  const originalRegister = mocks.MockMonitor.prototype.registerResource;
  let dir: string;

  before(() => {
    // The mock monitor does not pass resource options to `newResource`: read them off the request.
    const secretOutputsByName = new Map<string, string[]>();
    mocks.MockMonitor.prototype.registerResource = function (req: any, callback: unknown) {
      secretOutputsByName.set(req.getName(), req.getAdditionalsecretoutputsList());
      return originalRegister.call(this, req, callback);
    };
    pulumi.runtime.setMocks(
      {
        newResource: (args) => {
          registered.push({ type: args.type, name: args.name, inputs: args.inputs, additionalSecretOutputs: secretOutputsByName.get(args.name) ?? [] });
          // What the provider returns: the container wrapped as a secret, the rest plain.
          const { primaryContainer, ...rest } = unwrapSecrets(args.inputs);
          const state = { ...rest, serviceArn: `arn:aws:ecs:us-east-1:1:service/default/${args.name}`, ingressEndpoint: `${args.name}.ecs.us-east-1.on.aws` };
          return { id: `${args.name}-id`, state: primaryContainer === undefined ? state : { ...state, primaryContainer: asSecret(primaryContainer) } };
        },
        call: () => ({}),
      },
      'project',
      'stack',
      false,
    );
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecsdef-express-resource-'));
    fs.writeFileSync(
      path.join(dir, 'hello.yaml'),
      'serviceName: hello\ninfrastructureRoleArn: arn:aws:iam::123456789012:role/infra\nprimaryContainer:\n  image: nginx:1\ncpu: "512"\n',
    );
  });
  after(() => {
    mocks.MockMonitor.prototype.registerResource = originalRegister;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const outputOf = <T>(o: pulumi.Output<T>) => new Promise<T>((resolve) => o.apply(resolve));

  it('is exported from the package root and registers as ecsdef:ExpressGatewayService with the file values under the arguments', async () => {
    const { ExpressGatewayService } = requireInstalled('index') as typeof import('../../index');
    const hello = new ExpressGatewayService('hello', {
      definitionFile: path.join(dir, 'hello.yaml'),
      primaryContainer: { image: 'nginx:2', environment: [{ name: 'DB_PASSWORD', value: pulumi.secret('s3cr3t-value') }] },
      cpu: '1024',
    });
    assert.equal(await outputOf(hello.ingressEndpoint), 'hello.ecs.us-east-1.on.aws');
    const r = registered.find((x) => x.name === 'hello')!;
    assert.equal(r.type, 'pulumi-nodejs:dynamic/ecsdef:ExpressGatewayService');
    assert.ok(isSecret(r.inputs.primaryContainer), 'one secret environment value makes the whole container a secret input');
    const inputs = unwrapSecrets(r.inputs);
    assert.deepEqual([inputs.serviceName, inputs.cpu, (inputs.primaryContainer as { image: string }).image], ['hello', '1024', 'nginx:2']);
    assert.equal(r.inputs.definitionFile, undefined, 'the path is not an input: the values are');
    assert.equal(typeof r.inputs.__provider, 'string');
  });

  it('asks the engine to keep primaryContainer secret (additionalSecretOutputs), keeping options the program gave', async () => {
    const { ExpressGatewayService } = requireInstalled('provider') as typeof import('../../provider');
    const plain = new ExpressGatewayService('plain', { infrastructureRoleArn: 'arn:aws:iam::1:role/infra', primaryContainer: { image: 'nginx' } }, { additionalSecretOutputs: ['ingressEndpoint'] });
    await outputOf(plain.serviceArn);
    assert.deepEqual(registered.find((x) => x.name === 'plain')!.additionalSecretOutputs.sort(), ['ingressEndpoint', 'primaryContainer']);
    assert.deepEqual(registered.find((x) => x.name === 'hello')!.additionalSecretOutputs, ['primaryContainer']);
  });

  it('the program sees primaryContainer as a secret output, other outputs in the clear', async () => {
    const { ExpressGatewayService } = requireInstalled('provider') as typeof import('../../provider');
    const svc = new ExpressGatewayService('visible', { infrastructureRoleArn: 'arn:aws:iam::1:role/infra', primaryContainer: { image: 'nginx', environment: [{ name: 'A', value: 'plain-but-stored-secret' }] } });
    assert.equal(await pulumi.isSecret(svc.primaryContainer), true);
    assert.equal(await pulumi.isSecret(svc.serviceArn), false);
    assert.deepEqual(await outputOf(svc.primaryContainer), { image: 'nginx', environment: [{ name: 'A', value: 'plain-but-stored-secret' }] });
  });

  it('every ExpressGatewayServiceArgs member has a TSDoc comment, and every CreateExpressGatewayService field is an argument', () => {
    const { members, undocumented } = argsMembers(path.join(__dirname, '..', '..', 'provider', 'express-gateway-service-args.ts'), 'ExpressGatewayServiceArgs');
    assert.deepEqual(undocumented, []);
    const { EXPRESS_DEFINITION_FIELDS } = require('../../provider/express/types');
    assert.deepEqual(EXPRESS_DEFINITION_FIELDS.filter((f: string) => !members.includes(f)), []);
    const props: Record<string, unknown> = require('../../schemas').schemaFor('express-service').properties;
    assert.deepEqual(Object.keys(props).filter((f) => f !== '$schema' && !members.includes(f)), [], 'the generated Express schema has fields the resource does not take');
  });
});
