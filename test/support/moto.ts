/**
 * A real ECS API on loopback for a test run: starts `moto_server` on a free 127.0.0.1 port and
 * stops it afterwards, or reuses the one named by `ECSDEF_MOTO_ENDPOINT` (e.g. started by .ci/run).
 *
 * `useMoto(this)` in a mocha `before` hook: outside CI a missing `moto_server` skips the suite
 * with a message; under `CI=true` it fails, so CI can never pass by skipping.
 */
import { spawn, spawnSync, type ChildProcess } from 'child_process';
import * as net from 'net';

export interface Moto {
  endpoint: string;
  stop(): Promise<void>;
}

/** Fake credentials: moto accepts any; tests assert these never leak into outputs or errors. */
export const FAKE_CREDENTIALS = {
  AWS_ACCESS_KEY_ID: 'AKIAECSDEFTESTKEY123',
  AWS_SECRET_ACCESS_KEY: 'ecsdef-test-secret-must-never-leak-0123456789',
  AWS_SESSION_TOKEN: 'ecsdef-test-session-token-must-never-leak',
  AWS_REGION: 'us-east-1',
};

/** The environment tests give the SDK: fake credentials, and no Node-version notice on stderr. */
export const TEST_AWS_ENV = { ...FAKE_CREDENTIALS, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' };

export function useFakeCredentials(): void {
  Object.assign(process.env, TEST_AWS_ENV);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
  });
}

async function waitUntilUp(endpoint: string, child: ChildProcess, log: () => string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`moto_server exited with ${child.exitCode}: ${log()}`);
    try {
      const res = await fetch(`${endpoint}/moto-api/`);
      if (res.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`moto_server did not answer on ${endpoint}: ${log()}`);
}

export function motoAvailable(): boolean {
  return spawnSync('moto_server', ['--help'], { stdio: 'ignore' }).status === 0;
}

export async function startMoto(): Promise<Moto> {
  const shared = process.env.ECSDEF_MOTO_ENDPOINT;
  if (shared) return { endpoint: shared.replace(/\/$/, ''), stop: async () => undefined };
  const port = await freePort();
  let output = '';
  const child = spawn('moto_server', ['-H', '127.0.0.1', '-p', String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.on('data', (d) => (output += d.toString()));
  child.stderr!.on('data', (d) => (output += d.toString()));
  const endpoint = `http://127.0.0.1:${port}`;
  await waitUntilUp(endpoint, child, () => output.slice(-2000));
  return {
    endpoint,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/**
 * For a mocha `before` hook: the moto endpoint, or a skip (outside CI) / failure (CI=true) when
 * neither `ECSDEF_MOTO_ENDPOINT` nor `moto_server` is available.
 */
export async function useMoto(ctx: Mocha.Context): Promise<Moto> {
  if (!process.env.ECSDEF_MOTO_ENDPOINT && !motoAvailable()) {
    const message = 'moto_server is not on PATH and ECSDEF_MOTO_ENDPOINT is not set';
    if (process.env.CI === 'true') throw new Error(`${message} (required under CI=true)`);
    console.warn(`      skipped: ${message}`);
    ctx.skip();
  }
  return startMoto();
}

/**
 * EC2 query calls against moto (no EC2 SDK client is installed): a VPC with `count` subnets and
 * one security group, for definitions with awsvpc network configuration.
 */
export async function createNetwork(endpoint: string, count: number): Promise<{ subnets: string[]; securityGroups: string[] }> {
  const call = async (params: Record<string, string>): Promise<string> => {
    const body = new URLSearchParams({ Version: '2016-11-15', ...params }).toString();
    const res = await fetch(endpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `AWS4-HMAC-SHA256 Credential=${FAKE_CREDENTIALS.AWS_ACCESS_KEY_ID}/20240101/us-east-1/ec2/aws4_request, SignedHeaders=host, Signature=0`,
      },
      body,
    });
    const text = await res.text();
    if (res.status !== 200) throw new Error(`EC2 ${params.Action} failed: ${text.slice(0, 300)}`);
    return text;
  };
  const vpc = /<vpcId>([^<]+)<\/vpcId>/.exec(await call({ Action: 'CreateVpc', CidrBlock: '10.0.0.0/16' }))![1];
  const subnets: string[] = [];
  for (let i = 0; i < count; i++) {
    const xml = await call({ Action: 'CreateSubnet', VpcId: vpc, CidrBlock: `10.0.${i}.0/24` });
    subnets.push(/<subnetId>([^<]+)<\/subnetId>/.exec(xml)![1]);
  }
  const sg = await call({ Action: 'CreateSecurityGroup', GroupName: `ecsdef-${Date.now()}-${Math.random()}`.slice(0, 60), GroupDescription: 'ecsdef tests', VpcId: vpc });
  return { subnets, securityGroups: [/<groupId>([^<]+)<\/groupId>/.exec(sg)![1]] };
}
