/**
 * Jsonnet sources (`ecs-service-def.jsonnet`, as ecspresso writes them) are evaluated with the
 * real Jsonnet implementation, `@hanazuki/node-jsonnet` (libjsonnet as a Node addon, an optional
 * dependency: it compiles at install and may be missing). The rendered JSON is then checked as
 * any definition, and each problem is placed at the best place in the source that can be found.
 *
 * Evaluation never reads the environment or calls out: ecspresso's native functions are bound to
 * stand-ins. `must_env` and the plugin functions (`tfstate`, `ssm`, ...) return a placeholder
 * (an unknown value, as a quoted `{{ must_env `X` }}` is in a JSON file); `env` returns its
 * default, which is what ecspresso renders where the variable is unset. Imports are resolved
 * relative to the file, as the jsonnet command does.
 */
import * as path from 'node:path';

export type Rendered =
  | { status: 'rendered'; json: string; locate(pointer: string): { offset: number; length: number } | undefined }
  | { status: 'failed'; message: string; line?: number; column?: number }
  | { status: 'unavailable'; message: string };

export const JSONNET_PACKAGE = '@hanazuki/node-jsonnet';
export const JSONNET_UNAVAILABLE = `Jsonnet needs an evaluator: install ${JSONNET_PACKAGE} (npm install ${JSONNET_PACKAGE}), or check the output of 'ecspresso render'`;

/** Native functions whose results depend on the deploy environment, by parameter names. */
const UNKNOWN_NATIVES: Readonly<Record<string, readonly string[]>> = {
  must_env: ['name'],
  tfstate: ['address'],
  tfstatef: ['format', 'args'],
  ssm: ['name'],
  ssm_list: ['name', 'index'],
  secretsmanager_arn: ['name'],
  cfn_output: ['stack', 'key'],
  cfn_export: ['name'],
};

interface JsonnetVm {
  extString(key: string, value: string): JsonnetVm;
  addJpath(dir: string): JsonnetVm;
  nativeCallback(name: string, fun: (...args: unknown[]) => unknown, ...params: string[]): JsonnetVm;
  evaluateSnippet(snippet: string, filename?: string): Promise<string>;
}

type JsonnetModule = { Jsonnet: new () => JsonnetVm };

let loaded: JsonnetModule | null | undefined;
function loadJsonnet(): JsonnetModule | undefined {
  if (loaded === undefined) {
    try {
      loaded = require(JSONNET_PACKAGE) as JsonnetModule;
    } catch {
      loaded = null;
    }
  }
  return loaded ?? undefined;
}

export function isJsonnetFile(name: string | undefined): boolean {
  return name !== undefined && /\.jsonnet$/i.test(name);
}

export async function renderJsonnet(source: string, filePath: string, extVars: Readonly<Record<string, string>>): Promise<Rendered> {
  const jsonnet = loadJsonnet();
  if (!jsonnet) return { status: 'unavailable', message: JSONNET_UNAVAILABLE };
  const vm = new jsonnet.Jsonnet();
  for (const [key, value] of Object.entries(extVars)) vm.extString(key, value);
  vm.addJpath(path.dirname(filePath));
  vm.nativeCallback('env', (_name, fallback) => fallback ?? '', 'name', 'default');
  for (const name of nativesCalledIn(source)) {
    if (name === 'env') continue;
    const params = UNKNOWN_NATIVES[name] ?? ['arg'];
    vm.nativeCallback(name, (...args) => `{{ ${name} \`${args.map(String).join('` `')}\` }}`, ...params);
  }
  try {
    const json = await vm.evaluateSnippet(source, filePath);
    return { status: 'rendered', json, locate: (pointer) => locateInSource(source, pointer) };
  } catch (error) {
    return failure(String((error as Error)?.message ?? error), filePath);
  }
}

/** The native functions a file looks up (`std.native('must_env')`), plus ecspresso's usual ones. */
function nativesCalledIn(source: string): Set<string> {
  const names = new Set(Object.keys(UNKNOWN_NATIVES));
  for (const match of source.matchAll(/std\.native\(\s*['"]([\w-]+)['"]\s*\)/g)) names.add(match[1]);
  return names;
}

/** libjsonnet's "STATIC ERROR: file:3:5: ..." / "RUNTIME ERROR: ...\n\tfile:3:5-12 ..." as a place. */
function failure(raw: string, filePath: string): Rendered {
  const message = raw.split('\n')[0].trim();
  const escaped = filePath.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const at = new RegExp(`${escaped}:\\(?(\\d+):(\\d+)`).exec(raw);
  const detail = message.replace(new RegExp(`${escaped}:\\d+:\\d+(-\\d+)?:?\\s*`), '');
  return at ? { status: 'failed', message: detail, line: Number(at[1]), column: Number(at[2]) } : { status: 'failed', message: detail };
}

/**
 * The best source place for a pointer into the rendered value: the member keys of the pointer
 * found one after another in the source (`desiredCount:`, `"desiredCount":` or `'desiredCount':`).
 * Keys computed or imported from elsewhere fall back to the deepest key found.
 */
export function locateInSource(source: string, pointer: string): { offset: number; length: number } | undefined {
  const keys = pointer.split('/').slice(1).map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~')).filter((part) => !/^\d+$/.test(part));
  let found: { offset: number; length: number } | undefined;
  let from = 0;
  for (const key of keys) {
    const escaped = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const pattern = new RegExp(`(["']?)\\b${escaped}\\1\\s*:`, 'g');
    pattern.lastIndex = from;
    const match = pattern.exec(source);
    if (!match) break;
    const offset = match.index + match[1].length;
    found = { offset, length: key.length };
    from = offset + key.length;
  }
  return found;
}
