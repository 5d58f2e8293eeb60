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
 * Transpiles the repository's runtime sources (index.ts, provider/, schemas/) file by file with
 * TypeScript's own emitter (the code shape `npm run build` ships: uses of exported constants
 * become `exports.X`, which matters to the serialiser) into
 * `<tmp>/program/node_modules/ecsdef`, copies the generated schema artifacts, and links the
 * repository's node_modules one level up so the installed package resolves its dependencies.
 */
export function installEcsdef(): { programDir: string; packageDir: string } {
  if (installed) return installed;
  const ts: typeof import('typescript') = require('typescript');
  const compilerOptions = { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true };
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
      const out = ts.transpileModule(fs.readFileSync(src, 'utf8'), { compilerOptions, fileName: src });
      fs.writeFileSync(dest.replace(/\.ts$/, '.js'), out.outputText);
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

  /**
   * Starts the host process with `env` (merged over a minimal base environment). By default the
   * host of this repository's @pulumi/pulumi runs in the program of `installEcsdef`; `program`
   * names another program folder, whose own @pulumi/pulumi then runs the host (as in a user's project).
   */
  static async start(env: Record<string, string>, options: { type?: string; program?: string } = {}): Promise<DynamicHost> {
    const programDir = options.program ?? installEcsdef().programDir;
    const pulumiDir = options.program ? path.join(options.program, 'node_modules', '@pulumi', 'pulumi') : PULUMI_DIR;
    const entry = path.join(pulumiDir, 'cmd', 'dynamic-provider', 'index.js');
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

  /** `inputs` is what the provider returned as the resource's new inputs (undefined: none). */
  async read(name: string, id: string, properties: Bag, inputs: Bag): Promise<{ id: string; properties: Bag; inputs?: Bag }> {
    const req = new provproto.ReadRequest().setId(id).setUrn(urnOf(this.type, name)).setName(name).setType(this.type).setProperties(toStruct(properties)).setInputs(toStruct(inputs));
    const resp = await this.rpc('read', req);
    return { id: resp.getId(), properties: resp.getProperties()?.toJavaScript() ?? {}, inputs: resp.getInputs()?.toJavaScript() };
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

// ---------------------------------------------------------------------------------------------
// The engine: what `pulumi up` / `refresh` / `destroy` do with the host's answers
// (pulumi/pulumi pkg/resource/deploy/step_generator.go and step.go), so provider tests run the
// way a Pulumi user's program runs:
// - `check(oldInputs, news)`, then `diff(id, oldOutputs, checkedInputs)`; DIFF_NONE without init
//   errors is a same step (old outputs kept, the checked inputs stored); init errors force an update;
// - `ignoreChanges` copies the old *input* value into the program's inputs before `check`;
// - a replacement runs `check` again with no olds on the program's inputs (ignoreChanges not
//   applied) and keeps those inputs; delete-before-replace deletes first;
// - `update` that fails with ErrorResourceInitFailed stores the new inputs, the returned
//   properties and the init errors; any other failure keeps the old state;
// - refresh calls `read(id, oldOutputs, oldInputs)`; returned inputs replace the old inputs; an
//   empty id removes the resource;
// - secrets: the host accepts none, so the engine strips them from everything it sends and
//   marks outputs secret by the name of a secret input.
// ---------------------------------------------------------------------------------------------

const SIG = '4dabf18193072939515e22adb298388d';
const SECRET_SIG = '1b47061264138c4ac30d75fd1eb44270';

/** A Pulumi secret value, as the engine holds it. */
export const secret = (value: unknown): Bag => ({ [SIG]: SECRET_SIG, value });
export const isSecretValue = (v: unknown): v is { value: unknown } => !!v && typeof v === 'object' && (v as Bag)[SIG] === SECRET_SIG;

function plain(value: unknown): any {
  if (isSecretValue(value)) return plain(value.value);
  if (Array.isArray(value)) return value.map(plain);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
  return value;
}
const hasSecret = (value: unknown): boolean =>
  isSecretValue(value) || (Array.isArray(value) ? value.some(hasSecret) : !!value && typeof value === 'object' && Object.values(value).some(hasSecret));

export interface EngineResource {
  id: string;
  /** As the engine stores them: secret values wrapped. */
  inputs: Bag;
  outputs: Bag;
  initErrors: string[];
}

export interface ResourceOptions {
  /** Top-level input names whose old value is kept (the `ignoreChanges` resource option). */
  ignoreChanges?: string[];
}

export interface StepResult {
  op: 'create' | 'update' | 'replace' | 'same' | 'failed';
  /** `rolloutPlan` of the inputs the engine keeps for the step (the preview shows it). */
  rolloutPlan: unknown;
  failures: { property: string; reason: string }[];
  diff?: DiffResult;
  /** The failure of the step (check, diff, or the apply of `up`). */
  error?: HostError;
}

export class Engine {
  readonly resources = new Map<string, EngineResource>();

  constructor(
    readonly host: DynamicHost,
    private readonly providerText: string,
  ) {}

  private program(inputs: Bag): Bag {
    return { ...inputs, __provider: this.providerText };
  }

  /** Wraps `outputs[k]` as a secret for every top-level input `k` that holds one. */
  private withSecrets(inputs: Bag, outputs: Bag): Bag {
    const out = { ...outputs };
    for (const [k, v] of Object.entries(inputs)) if (hasSecret(v) && out[k] !== undefined && !isSecretValue(out[k])) out[k] = secret(plain(out[k]));
    return out;
  }

  /** The inputs the engine would keep, with the program's secrets re-applied by name. */
  private keep(program: Bag, checked: Bag): Bag {
    return this.withSecrets(program, checked);
  }

  private async plan(name: string, program0: Bag, opts: ResourceOptions): Promise<StepResult & { inputs?: Bag; program: Bag }> {
    const old = this.resources.get(name);
    const program = this.program(program0);
    let news = program;
    if (old && opts.ignoreChanges) {
      news = { ...news };
      for (const k of opts.ignoreChanges) {
        if (k in old.inputs) news[k] = old.inputs[k];
        else delete news[k];
      }
    }
    const checked = await this.host.check(name, old ? plain(old.inputs) : {}, plain(news));
    if (checked.failures.length) return { op: 'failed', rolloutPlan: checked.inputs.rolloutPlan, failures: checked.failures, program };
    if (!old) return { op: 'create', rolloutPlan: checked.inputs.rolloutPlan, failures: [], inputs: this.keep(news, checked.inputs), program };
    let diff: DiffResult;
    try {
      diff = await this.host.diff(name, old.id, plain(old.outputs), checked.inputs);
    } catch (error) {
      return { op: 'failed', rolloutPlan: checked.inputs.rolloutPlan, failures: [], error: error as HostError, program };
    }
    if (diff.replaces.length) {
      const again = await this.host.check(name, {}, plain(program));
      return { op: 'replace', rolloutPlan: again.inputs.rolloutPlan, failures: again.failures, diff, inputs: this.keep(program, again.inputs), program };
    }
    const op = diff.changes === 'DIFF_SOME' || old.initErrors.length ? 'update' : 'same';
    return { op, rolloutPlan: checked.inputs.rolloutPlan, failures: [], diff, inputs: this.keep(news, checked.inputs), program };
  }

  /** `pulumi preview` of one resource: check and diff only. */
  async preview(name: string, program: Bag, opts: ResourceOptions = {}): Promise<StepResult> {
    const { inputs: _inputs, program: _program, ...step } = await this.plan(name, program, opts);
    return step;
  }

  /** `pulumi up` of one resource. A failed step is reported in `error`, with the state as the engine leaves it. */
  async up(name: string, program: Bag, opts: ResourceOptions = {}): Promise<StepResult> {
    const planned = await this.plan(name, program, opts);
    const { inputs, program: _program, ...step } = planned;
    if (step.op === 'failed' || !inputs) return step;
    const old = this.resources.get(name);
    try {
      if (step.op === 'same') this.resources.set(name, { ...old!, inputs });
      else if (step.op === 'update') {
        try {
          const { properties } = await this.host.update(name, old!.id, plain(old!.outputs), plain(inputs));
          this.resources.set(name, { id: old!.id, inputs, outputs: this.withSecrets(inputs, properties), initErrors: [] });
        } catch (error) {
          const e = error as HostError;
          if (e.initFailed) this.resources.set(name, { id: old!.id, inputs, outputs: this.withSecrets(inputs, e.initFailed.properties), initErrors: e.initFailed.reasons });
          throw e;
        }
      } else {
        if (step.op === 'replace' && step.diff?.deleteBeforeReplace) {
          await this.host.delete(name, old!.id, plain(old!.outputs));
          this.resources.delete(name);
        }
        await this.createStep(name, inputs);
        if (step.op === 'replace' && !step.diff?.deleteBeforeReplace) await this.host.delete(name, old!.id, plain(old!.outputs));
      }
    } catch (error) {
      return { ...step, error: error as HostError };
    }
    return step;
  }

  private async createStep(name: string, inputs: Bag): Promise<void> {
    try {
      const { id, properties } = await this.host.create(name, plain(inputs));
      this.resources.set(name, { id, inputs, outputs: this.withSecrets(inputs, properties), initErrors: [] });
    } catch (error) {
      const e = error as HostError;
      if (e.initFailed) this.resources.set(name, { id: e.initFailed.id, inputs, outputs: this.withSecrets(inputs, e.initFailed.properties), initErrors: e.initFailed.reasons });
      throw e;
    }
  }

  /** `pulumi refresh` of one resource: whether it still exists. */
  async refresh(name: string): Promise<boolean> {
    const old = this.resources.get(name)!;
    const read = await this.host.read(name, old.id, plain(old.outputs), plain(old.inputs));
    if (!read.id) {
      this.resources.delete(name);
      return false;
    }
    // The plugin layer marks secret what had a secret under the same name: inputs by the old inputs, outputs by the old outputs.
    const inputs = read.inputs ? this.withSecrets(old.inputs, read.inputs) : old.inputs;
    this.resources.set(name, { id: read.id, inputs, outputs: this.withSecrets(old.outputs, read.properties), initErrors: old.initErrors });
    return true;
  }

  /** `pulumi destroy` of one resource. */
  async destroy(name: string): Promise<void> {
    const old = this.resources.get(name)!;
    await this.host.delete(name, old.id, plain(old.outputs));
    this.resources.delete(name);
  }

  /** `Resource.get(name, id)`: a read with the program's inputs only (no prior state); the properties, with the inputs the provider returned. */
  async get(name: string, id: string, program: Bag = {}): Promise<Bag & { inputs?: Bag }> {
    const read = await this.host.read(name, id, {}, plain(this.program(program)));
    return { ...read.properties, inputs: read.inputs };
  }

  /** The state of `name` as the engine stores it. */
  stateOf(name: string): EngineResource | undefined {
    return this.resources.get(name);
  }
}
