/**
 * Drives @pulumi/pulumi's Node dynamic-provider host over gRPC the way `pulumi up` does, with
 * no Pulumi CLI: `node <@pulumi/pulumi>/cmd/dynamic-provider/index.js <engine>` prints a port;
 * a `ResourceProviderClient` from `@pulumi/pulumi/proto` then calls configure / check / diff /
 * create / read / update / delete with protobuf Structs.
 *
 * The provider travels as the engine sends it: the `__provider` property holds the text of
 * `pulumi.runtime.serializeFunction(() => provider, { allowSecrets: true })`, exactly what
 * `pulumi.dynamic.Resource` stores. The provider is loaded from an *installed* copy of ecsdef
 * (`installEcsdef`), so the serialiser captures its modules as `require("ecsdef/...")` as it
 * does in a user's program, and the host resolves them from its working directory.
 */
import { spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const REPO = path.resolve(__dirname, '..', '..');
const PULUMI_DIR = path.dirname(require.resolve('@pulumi/pulumi/package.json'));
const grpc = require(require.resolve('@grpc/grpc-js', { paths: [PULUMI_DIR] }));
const provrpc = require('@pulumi/pulumi/proto/provider_grpc_pb');
const provproto = require('@pulumi/pulumi/proto/provider_pb');
const statusproto = require('@pulumi/pulumi/proto/status_pb');
const structproto = require('google-protobuf/google/protobuf/struct_pb');

export type Bag = Record<string, unknown>;

let installed: { root: string; programDir: string; packageDir: string } | undefined;

/**
 * Transpiles the repository's runtime sources (index.ts, provider/, schemas/) with esbuild into
 * `<tmp>/program/node_modules/ecsdef`, copies the generated schema artifacts, and links the
 * repository's node_modules one level up so the installed package resolves its dependencies.
 */
export function installEcsdef(): { programDir: string; packageDir: string } {
  if (installed) return installed;
  const esbuild = require('esbuild');
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ecsdef-host-'));
  const programDir = path.join(root, 'program');
  const packageDir = path.join(programDir, 'node_modules', 'ecsdef');
  fs.mkdirSync(packageDir, { recursive: true });
  fs.symlinkSync(path.join(REPO, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  const copy = (rel: string) => {
    const src = path.join(REPO, rel);
    const stat = fs.statSync(src);
    if (stat.isDirectory()) {
      for (const name of fs.readdirSync(src)) copy(path.join(rel, name));
      return;
    }
    const dest = path.join(packageDir, rel);
    fs.mkdirSync(path.dirname(dest), { recursive: true });
    if (rel.endsWith('.ts') && !rel.endsWith('.d.ts')) {
      const out = esbuild.transformSync(fs.readFileSync(src, 'utf8'), { loader: 'ts', format: 'cjs', target: 'node20', sourcefile: src });
      fs.writeFileSync(dest.replace(/\.ts$/, '.js'), out.code);
    } else if (/\.(js|json)$/.test(rel)) {
      fs.copyFileSync(src, dest);
    }
  };
  for (const rel of ['provider', 'schemas']) copy(rel);
  fs.writeFileSync(path.join(packageDir, 'index.js'), "module.exports = require('./provider');\n");
  fs.writeFileSync(path.join(packageDir, 'package.json'), JSON.stringify({ name: 'ecsdef', version: '0.0.0-test', main: 'index.js' }));
  fs.writeFileSync(path.join(programDir, 'package.json'), JSON.stringify({ name: 'host-test-program', private: true }));
  installed = { root, programDir, packageDir };
  // rmSync removes the node_modules symlink itself, never what it points to.
  process.once('exit', () => fs.rmSync(root, { recursive: true, force: true }));
  return installed;
}

/** Loads a module of the installed package (e.g. `provider/ecs-service`). */
export function requireInstalled<T = any>(rel: string): T {
  return require(path.join(installEcsdef().packageDir, rel));
}

/** The `__provider` text for `provider`, as `pulumi.dynamic.Resource` computes it. */
export async function serializeProvider(provider: object): Promise<string> {
  const pulumi = require('@pulumi/pulumi');
  const sf = await pulumi.runtime.serializeFunction(() => provider, { allowSecrets: true });
  return sf.text;
}

export interface HostError extends Error {
  code?: number;
  details?: string;
  /** Set when the error carries `ErrorResourceInitFailed` (a partial failure kept in state). */
  initFailed?: { id: string; properties: Bag; reasons: string[] };
}

export interface DiffResult {
  changes: 'DIFF_UNKNOWN' | 'DIFF_NONE' | 'DIFF_SOME';
  replaces: string[];
  deleteBeforeReplace: boolean;
  /** What else the engine receives: the host sets none of these today (asserted by tests). */
  detailedDiffCount: number;
  stablesCount: number;
  hasDetailedDiff: boolean;
}

const TYPE = 'pulumi-nodejs:dynamic/ecsdef:EcsService';
const urnOf = (type: string, name: string) => `urn:pulumi:test::ecsdef::${type}::${name}`;
const toStruct = (v: Bag) => structproto.Struct.fromJavaScript(JSON.parse(JSON.stringify(v)));

export class DynamicHost {
  /** What the host answered to configure: whether the engine may send it secret values. */
  acceptsSecrets = false;

  private constructor(
    private readonly child: ChildProcess,
    private readonly client: any,
    private readonly output: { stderr: string; stdout: string },
    /** The resource type in request URNs (`pulumi-nodejs:dynamic/ecsdef:<Resource>`). */
    private readonly type: string,
  ) {}

  /** Starts the host process with `env` (merged over a minimal base environment). */
  static async start(env: Record<string, string>, options: { type?: string } = {}): Promise<DynamicHost> {
    const { programDir } = installEcsdef();
    const entry = path.join(PULUMI_DIR, 'cmd', 'dynamic-provider', 'index.js');
    const base: Record<string, string> = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? os.tmpdir() };
    const child = spawn(process.execPath, [entry, '127.0.0.1:1'], { cwd: programDir, env: { ...base, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const output = { stderr: '', stdout: '' };
    child.stderr!.on('data', (d) => (output.stderr += d.toString()));
    const port = await new Promise<number>((resolve, reject) => {
      child.stdout!.on('data', (d) => {
        output.stdout += d.toString();
        const m = /^(\d+)\s*$/m.exec(output.stdout);
        if (m) resolve(Number(m[1]));
      });
      child.on('exit', (code) => reject(new Error(`dynamic-provider host exited (${code}): ${output.stderr}`)));
    });
    const client = new provrpc.ResourceProviderClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
    const host = new DynamicHost(child, client, output, options.type ?? TYPE);
    const configured = await host.rpc('configure', new provproto.ConfigureRequest().setArgs(toStruct({})).setAcceptsecrets(true).setAcceptresources(true));
    host.acceptsSecrets = configured.getAcceptsecrets();
    return host;
  }

  /** Everything the host wrote to stdout so far (the engine's channel: the port line). */
  get stdout(): string {
    return this.output.stdout;
  }

  /** Everything the host (and so the provider) wrote to stderr so far. */
  get stderr(): string {
    return this.output.stderr;
  }

  /**
   * Resolves once stderr matches `pattern`. The host writes stderr through a pipe and answers
   * over TCP, so a line written before an answer may arrive after it.
   */
  async waitForStderr(pattern: RegExp, attempts = 100): Promise<string> {
    for (let i = 0; i < attempts && !pattern.test(this.output.stderr); i++) await new Promise((r) => setTimeout(r, 20));
    return this.output.stderr;
  }

  async stop(): Promise<void> {
    this.client.close();
    if (this.child.exitCode === null) {
      const exited = new Promise((r) => this.child.once('exit', r));
      this.child.kill('SIGTERM');
      await exited;
    }
  }

  private rpc(method: string, request: unknown): Promise<any> {
    return new Promise((resolve, reject) => {
      this.client[method](request, (err: any, resp: any) => (err ? reject(decodeError(err)) : resolve(resp)));
    });
  }

  async check(name: string, olds: Bag, news: Bag): Promise<{ inputs: Bag; failures: { property: string; reason: string }[] }> {
    const req = new provproto.CheckRequest().setUrn(urnOf(this.type, name)).setName(name).setType(this.type).setOlds(toStruct(olds)).setNews(toStruct(news));
    const resp = await this.rpc('check', req);
    return {
      inputs: resp.getInputs()?.toJavaScript() ?? {},
      failures: resp.getFailuresList().map((f: any) => ({ property: f.getProperty(), reason: f.getReason() })),
    };
  }

  async diff(name: string, id: string, olds: Bag, news: Bag): Promise<DiffResult> {
    const req = new provproto.DiffRequest().setId(id).setUrn(urnOf(this.type, name)).setName(name).setType(this.type).setOlds(toStruct(olds)).setNews(toStruct(news));
    const resp = await this.rpc('diff', req);
    const names = ['DIFF_UNKNOWN', 'DIFF_NONE', 'DIFF_SOME'] as const;
    return {
      changes: names[resp.getChanges()],
      replaces: resp.getReplacesList(),
      deleteBeforeReplace: resp.getDeletebeforereplace(),
      detailedDiffCount: resp.getDetaileddiffMap().getLength(),
      stablesCount: resp.getStablesList().length,
      hasDetailedDiff: resp.getHasdetaileddiff(),
    };
  }

  async create(name: string, properties: Bag): Promise<{ id: string; properties: Bag }> {
    const req = new provproto.CreateRequest().setUrn(urnOf(this.type, name)).setName(name).setType(this.type).setProperties(toStruct(properties));
    const resp = await this.rpc('create', req);
    return { id: resp.getId(), properties: resp.getProperties()?.toJavaScript() ?? {} };
  }

  async read(name: string, id: string, properties: Bag, inputs: Bag): Promise<{ id: string; properties: Bag }> {
    const req = new provproto.ReadRequest().setId(id).setUrn(urnOf(this.type, name)).setName(name).setType(this.type).setProperties(toStruct(properties)).setInputs(toStruct(inputs));
    const resp = await this.rpc('read', req);
    return { id: resp.getId(), properties: resp.getProperties()?.toJavaScript() ?? {} };
  }

  async update(name: string, id: string, olds: Bag, news: Bag): Promise<{ properties: Bag }> {
    const req = new provproto.UpdateRequest().setId(id).setUrn(urnOf(this.type, name)).setName(name).setType(this.type).setOlds(toStruct(olds)).setNews(toStruct(news));
    const resp = await this.rpc('update', req);
    return { properties: resp.getProperties()?.toJavaScript() ?? {} };
  }

  async delete(name: string, id: string, properties: Bag): Promise<void> {
    const req = new provproto.DeleteRequest().setId(id).setUrn(urnOf(this.type, name)).setName(name).setType(this.type).setProperties(toStruct(properties));
    await this.rpc('delete', req);
  }
}

/** Decodes `grpc-status-details-bin` the way the engine does, to find ErrorResourceInitFailed. */
function decodeError(err: any): HostError {
  const out: HostError = new Error(err.details ?? err.message);
  out.code = err.code;
  out.details = err.details;
  const bin = err.metadata?.get?.('grpc-status-details-bin')?.[0];
  if (bin) {
    const status = statusproto.Status.deserializeBinary(new Uint8Array(bin));
    for (const any of status.getDetailsList()) {
      if (any.getTypeName() === 'pulumirpc.ErrorResourceInitFailed') {
        const detail = provproto.ErrorResourceInitFailed.deserializeBinary(any.getValue_asU8());
        out.initFailed = { id: detail.getId(), properties: detail.getProperties()?.toJavaScript() ?? {}, reasons: detail.getReasonsList() };
      }
    }
  }
  return out;
}
