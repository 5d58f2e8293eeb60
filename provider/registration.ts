/**
 * What a resource class hands to `pulumi.dynamic.Resource`: its property bag and options.
 *
 * Besides the definition (file fields, then arguments over them; definition-file.ts) the bag
 * carries two inputs only the program side can know:
 * - `secretFields`: the arguments given as Pulumi secrets. The engine strips secrets before the
 *   provider sees them (the Node dynamic host accepts none), so the provider learns which values
 *   to mask in AWS messages from this list of names.
 * - `importId`: the `import` resource option, taken out of the options. The engine would import
 *   by calling `read` without the serialised provider, which the Node dynamic host cannot serve;
 *   `create` adopts the service instead (service/adopt.ts).
 *
 * And it refuses to run from a symlinked checkout, where the serialised provider cannot work.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as pulumi from '@pulumi/pulumi';
import { resourceProps } from './definition-file';
import { IMPORT_KEY, SECRET_FIELDS_KEY } from './core/inputs';

/**
 * The serialiser stores modules under `node_modules` as `require("ecsdef/...")` and copies any
 * other module's code into state. A symlinked install (`npm link`, `file:` to a folder) resolves
 * to a folder outside `node_modules`: the copied code then cannot find the generated schema files
 * in the provider host. Fail here, with the reason, instead of at the first preview.
 */
export function assertInstalledAsPackage(dir: string = __dirname): void {
  let real: string;
  try {
    real = fs.realpathSync(dir);
  } catch {
    return;
  }
  if (real.split(path.sep).includes('node_modules')) return;
  throw new Error(
    `ecsdef: this copy of ecsdef is loaded from ${real}, outside node_modules (a symlinked install such as npm link or a file: dependency on a folder). ` +
      'Pulumi stores a dynamic provider with its modules referenced by package name only when they are installed under node_modules, and would copy these modules into state, where they cannot load their schema files. ' +
      'Install ecsdef from the registry or from an `npm pack` tarball (npm install ./ecsdef-<version>.tgz).',
  );
}

/** The names of the top-level arguments whose values are (or contain) Pulumi secrets. */
function secretFields(args: Record<string, unknown>): pulumi.Output<string[]> {
  const given = Object.entries(args).filter(([, v]) => v !== undefined);
  const checks = given.map(async ([k, v]) => ((await pulumi.isSecret(pulumi.output(v))) ? k : undefined));
  return pulumi.output(Promise.all(checks).then((ks) => ks.filter((k): k is string => k !== undefined)));
}

/**
 * The bag and options for a resource of type `type` (`EcsService`...); `adopts` says whether its
 * driver can adopt an existing resource (`importId`).
 */
export function registration<O extends pulumi.CustomResourceOptions>(
  type: string,
  args: { definitionFile?: string } & Record<string, unknown>,
  outputKeys: readonly string[],
  opts: O | undefined,
  adopts: boolean,
): { props: Record<string, unknown>; opts: O } {
  assertInstalledAsPackage();
  const { import: importId, ...rest } = (opts ?? {}) as O;
  if (importId !== undefined && !adopts) throw new Error(`ecsdef: ${type} does not support the import resource option`);
  const props = resourceProps(args, outputKeys);
  props[SECRET_FIELDS_KEY] = secretFields(args);
  if (importId !== undefined) props[IMPORT_KEY] = importId;
  return { props, opts: rest as O };
}
