/**
 * A world for EcsService tests through the real dynamic-provider host and the test engine
 * (test/support/dynamic-host.ts): moto_server behind a counting proxy (every AWS call the
 * provider makes is logged with its body), the provider serialised from the installed package,
 * and a cluster with two task definition revisions.
 */
import { strict as assert } from 'assert';
import { DynamicHost, Engine, requireInstalled, serializeProvider, type Bag, type ResourceOptions, type StepResult } from '../support/dynamic-host';
import { TEST_AWS_ENV, useMoto, type Moto } from '../support/moto';
import { startFaultProxy, type FaultProxy, type Rewrite } from '../provider/support/fault-proxy';

export interface World {
  moto: Moto;
  proxy: FaultProxy;
  host: DynamicHost;
  engine: Engine;
  cluster: string;
  sdk: typeof import('@aws-sdk/client-ecs');
  /** An SDK client straight to moto: changes "made outside Pulumi". */
  ecs: import('@aws-sdk/client-ecs').ECSClient;
  /** A minimal program for service `name` (waiting off: moto plays no rollouts). */
  program(name: string, extra?: Bag): Bag;
  /** A position in the proxy's log (see `proxy.ops(from)`). */
  mark(): number;
  /** `engine.preview`, asserting that it made no AWS call. */
  preview(name: string, program: Bag, opts?: ResourceOptions): Promise<StepResult>;
  /** `engine.up`, with the AWS requests it sent that change something (not Describe / List). */
  up(name: string, program: Bag, opts?: ResourceOptions): Promise<{ step: StepResult; sent: { op: string; body: any }[] }>;
  stop(): Promise<void>;
}

export async function startWorld(ctx: Mocha.Context, options: { rewrite?: Rewrite; env?: Record<string, string> } = {}): Promise<World> {
  const moto = await useMoto(ctx);
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  const proxy = await startFaultProxy(moto.endpoint, options.rewrite);
  const sdk: typeof import('@aws-sdk/client-ecs') = require('@aws-sdk/client-ecs');
  const ecs = new sdk.ECSClient({ endpoint: moto.endpoint, region: 'us-east-1', credentials: { accessKeyId: TEST_AWS_ENV.AWS_ACCESS_KEY_ID, secretAccessKey: TEST_AWS_ENV.AWS_SECRET_ACCESS_KEY } });
  const cluster = `w-${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
  await ecs.send(new sdk.CreateClusterCommand({ clusterName: cluster }));
  for (let i = 0; i < 2; i++) await ecs.send(new sdk.RegisterTaskDefinitionCommand({ family: 'web', containerDefinitions: [{ name: 'app', image: 'nginx', memory: 128 }] }));
  const host = await DynamicHost.start({ ...TEST_AWS_ENV, ECSDEF_MAX_ATTEMPTS: '1', ...options.env });
  const providerText = await serializeProvider(requireInstalled('provider/ecs-service').ecsServiceProvider);
  const engine = new Engine(host, providerText);
  const writesSince = (from: number) => proxy.log.slice(from).filter((l) => !/^Describe|^List/.test(l.op)).map((l) => ({ op: l.op, body: l.body }));
  return {
    moto, proxy, host, engine, cluster, sdk, ecs,
    preview: async (name, program, opts = {}) => {
      const from = proxy.log.length;
      const step = await engine.preview(name, program, opts);
      assert.deepEqual(proxy.ops(from), [], 'a preview makes no AWS call');
      return step;
    },
    up: async (name, program, opts = {}) => {
      const from = proxy.log.length;
      const step = await engine.up(name, program, opts);
      return { step, sent: writesSince(from) };
    },
    program: (name, extra = {}) => ({ serviceName: name, cluster, taskDefinition: 'web:1', desiredCount: 1, endpoint: proxy.endpoint, region: 'us-east-1', waitForDeployment: false, ...extra }),
    mark: () => proxy.log.length,
    stop: async () => {
      ecs.destroy();
      await host.stop();
      await proxy.close();
      await moto.stop();
    },
  };
}
