/**
 * Faults through a loopback proxy in front of moto_server: throttling, 500s and dropped
 * connections (before the request reaches ECS, and after ECS applied it). Invariant for every
 * row: the operation ends applied, or with a clear error naming the operation, and no service
 * exists in ECS without being tracked (a failed create leaves no service, or reports its id).
 */
import { strict as assert } from 'assert';
import { makeProvider } from '../../provider/core/resource-provider';
import { serviceDriver } from '../../provider/service/driver';
import { FAKE_CREDENTIALS, TEST_AWS_ENV, useMoto, type Moto } from '../support/moto';
import { startFaultProxy, type Fault, type FaultProxy } from './support/fault-proxy';

const provider = makeProvider(serviceDriver);
const ATTEMPTS = 3;

type Op = 'create' | 'update' | 'delete';
interface Row {
  op: Op;
  target: string;
  faults: Fault[];
  expect: 'applied' | 'error';
}

const all = (f: Fault): Fault[] => Array.from({ length: ATTEMPTS }, () => f);
const rows: Row[] = [
  { op: 'create', target: 'CreateService', faults: ['throttle', 'throttle'], expect: 'applied' },
  { op: 'create', target: 'CreateService', faults: ['500'], expect: 'applied' },
  { op: 'create', target: 'CreateService', faults: ['drop-before'], expect: 'applied' },
  { op: 'create', target: 'CreateService', faults: ['drop-after'], expect: 'applied' },
  { op: 'create', target: 'CreateService', faults: all('drop-after'), expect: 'applied' },
  { op: 'create', target: 'CreateService', faults: all('drop-before'), expect: 'error' },
  { op: 'create', target: 'CreateService', faults: all('throttle'), expect: 'error' },
  { op: 'update', target: 'UpdateService', faults: ['throttle', '500'], expect: 'applied' },
  { op: 'update', target: 'UpdateService', faults: ['drop-after'], expect: 'applied' },
  { op: 'update', target: 'UpdateService', faults: all('500'), expect: 'error' },
  { op: 'update', target: 'TagResource', faults: all('throttle'), expect: 'error' },
  { op: 'delete', target: 'DeleteService', faults: ['drop-before', 'throttle'], expect: 'applied' },
  { op: 'delete', target: 'UpdateService', faults: ['500'], expect: 'applied' },
  { op: 'delete', target: 'DescribeServices', faults: all('500'), expect: 'error' },
];

describe('provider under injected faults (proxy in front of moto_server)', function () {
  this.timeout(120_000);
  let moto: Moto;
  let proxy: FaultProxy;
  let sdk: typeof import('@aws-sdk/client-ecs');
  let direct: import('@aws-sdk/client-ecs').ECSClient;
  const cluster = `faults-${Date.now()}`;
  const savedEnv = { ...process.env };
  let n = 0;

  before(async function () {
    moto = await useMoto(this);
    Object.assign(process.env, TEST_AWS_ENV, { ECSDEF_MAX_ATTEMPTS: String(ATTEMPTS), ECSDEF_PROGRESS: 'false' });
    proxy = await startFaultProxy(moto.endpoint);
    sdk = require('@aws-sdk/client-ecs');
    direct = new sdk.ECSClient({ endpoint: moto.endpoint, region: 'us-east-1' });
    await direct.send(new sdk.CreateClusterCommand({ clusterName: cluster }));
    await direct.send(new sdk.RegisterTaskDefinitionCommand({ family: 'app', containerDefinitions: [{ name: 'app', image: 'nginx', memory: 128 }] }));
  });
  after(async () => {
    direct?.destroy();
    await proxy?.close();
    await moto?.stop();
    process.env = { ...savedEnv };
  });

  const live = async (name: string) => (await direct.send(new sdk.DescribeServicesCommand({ cluster, services: [name], include: ['TAGS'] }))).services?.find((s) => s.status !== 'INACTIVE');
  const inputs = (name: string) => ({ serviceName: name, cluster, taskDefinition: 'app:1', desiredCount: 1, endpoint: proxy.endpoint, region: 'us-east-1', waitForDeployment: false, pollIntervalSeconds: 0.01, timeouts: { delete: 5 } });

  for (const row of rows) {
    it(`${row.op}: ${row.target} ${row.faults.join(', ')} -> ${row.expect}`, async () => {
      const name = `f${n++}-${row.op}`;
      let state: Record<string, unknown> | undefined;
      let id = '';
      if (row.op !== 'create') ({ id, outs: state } = await provider.create(inputs(name)));
      proxy.inject(row.target, ...row.faults);
      const news = { ...inputs(name), desiredCount: 2, tags: [{ key: 'k', value: 'v' }] };
      const run =
        row.op === 'create' ? provider.create(inputs(name)) : row.op === 'update' ? provider.update!(id, state!, news) : provider.delete!(id, state!);
      const outcome = await run.then(
        (value) => ({ ok: true as const, value }),
        (error: Error & { id?: string }) => ({ ok: false as const, error }),
      );
      proxy.inject(row.target); // nothing left queued for the next row
      const service = await live(name);

      if (row.expect === 'applied') {
        assert.ok(outcome.ok, `expected success, got ${!outcome.ok && outcome.error.message}`);
        if (row.op === 'create') assert.equal(service?.serviceArn, (outcome.value as { id: string }).id);
        if (row.op === 'update') assert.deepEqual([service?.desiredCount, service?.tags], [2, [{ key: 'k', value: 'v' }]]);
        if (row.op === 'delete') assert.equal(service, undefined);
      } else {
        assert.ok(!outcome.ok, 'expected a failure');
        assert.match(outcome.error.message, new RegExp(`^Amazon ECS ${row.target} failed for service '${name}' in cluster '${cluster}': \\w+`));
        for (const v of Object.values(FAKE_CREDENTIALS).filter((x) => x.length > 12)) assert.ok(!outcome.error.message.includes(v));
        if (row.op === 'create') assert.ok(outcome.error.id || !service, 'a service exists that the failed create did not report');
        if (row.op !== 'create') assert.ok(service, 'the service is still there (and still in state: update and delete errors keep it)');
      }
      assert.ok(proxy.log.some((l) => l.op === row.target && l.fault !== 'ok'), 'the fault was injected');
    });
  }
});
