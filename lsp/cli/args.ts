import { parseArgs } from 'node:util';
import { DEFINITION_KINDS, type DefinitionKind } from '../../schemas/problem';
import { UsageError } from './errors';

/** Parsed `ecsdef validate` command line. */
export interface ValidateArgs {
  command: 'validate';
  operands: string[];
  format: string;
  kind?: DefinitionKind;
  config?: string;
  noConfig: boolean;
  /** --rule id=setting, in order (checked against the catalog later). */
  rules: Array<[string, string]>;
  quiet: boolean;
  maxWarnings: number;
  stdinFilename?: string;
  outputFile?: string;
  errorOnUnmatchedPattern: boolean;
  /** List files a walk skipped as not definitions, with the reason. */
  verbose: boolean;
  /** --ext-str name=value: Jsonnet external variables, in order (later wins). */
  extStr: Array<[string, string]>;
}

export type Command = ValidateArgs | { command: 'help' } | { command: 'version' };

const VALIDATE_OPTIONS = {
  format: { type: 'string', short: 'f' },
  kind: { type: 'string' },
  config: { type: 'string', short: 'c' },
  'no-config': { type: 'boolean' },
  rule: { type: 'string', multiple: true },
  quiet: { type: 'boolean', short: 'q' },
  'max-warnings': { type: 'string' },
  'stdin-filename': { type: 'string' },
  'output-file': { type: 'string', short: 'o' },
  'no-error-on-unmatched-pattern': { type: 'boolean' },
  verbose: { type: 'boolean' },
  'ext-str': { type: 'string', multiple: true },
  help: { type: 'boolean', short: 'h' },
} as const;

export function parseCommandLine(argv: readonly string[], formats: readonly string[]): Command {
  const [first, ...rest] = argv;
  if (first === undefined || first === 'help' || first === '--help' || first === '-h') {
    if (first === undefined) throw new UsageError('missing command');
    return { command: 'help' };
  }
  if (first === '--version' || first === '-v' || first === 'version') return { command: 'version' };
  if (first !== 'validate') throw new UsageError(`unknown command '${first}'`);

  let parsed;
  try {
    parsed = parseArgs({ args: [...rest], options: VALIDATE_OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message.split('\n')[0]);
  }
  const { values, positionals } = parsed;
  if (values.help) return { command: 'help' };

  const format = values.format ?? 'text';
  if (!formats.includes(format)) throw new UsageError(`unknown format '${format}' (expected one of ${formats.join(', ')})`);
  const kind = values.kind;
  if (kind !== undefined && !(DEFINITION_KINDS as readonly string[]).includes(kind)) {
    throw new UsageError(`unknown kind '${kind}' (expected one of ${DEFINITION_KINDS.join(', ')})`);
  }
  if (values.config !== undefined && values['no-config']) throw new UsageError('--config and --no-config exclude each other');
  let maxWarnings = -1;
  if (values['max-warnings'] !== undefined) {
    if (!/^-?\d+$/.test(values['max-warnings'])) throw new UsageError(`--max-warnings takes an integer, got '${values['max-warnings']}'`);
    maxWarnings = Number(values['max-warnings']);
  }
  const rules = (values.rule ?? []).map((spec): [string, string] => {
    const eq = spec.indexOf('=');
    if (eq <= 0) throw new UsageError(`--rule takes <rule id or name>=<off|error|warning|info>, got '${spec}'`);
    return [spec.slice(0, eq), spec.slice(eq + 1)];
  });
  const extStr = (values['ext-str'] ?? []).map((spec): [string, string] => {
    const eq = spec.indexOf('=');
    if (eq <= 0) throw new UsageError(`--ext-str takes <name>=<value>, got '${spec}'`);
    return [spec.slice(0, eq), spec.slice(eq + 1)];
  });
  const operands = positionals.length > 0 ? positionals : ['.'];
  if (operands.filter((o) => o === '-').length > 1) throw new UsageError("stdin ('-') can be given once");
  if (values['stdin-filename'] !== undefined && !operands.includes('-')) throw new UsageError("--stdin-filename needs '-' among the operands");

  return {
    command: 'validate',
    operands,
    format,
    kind: kind as DefinitionKind | undefined,
    config: values.config,
    noConfig: values['no-config'] ?? false,
    rules,
    quiet: values.quiet ?? false,
    maxWarnings,
    stdinFilename: values['stdin-filename'],
    outputFile: values['output-file'],
    errorOnUnmatchedPattern: !values['no-error-on-unmatched-pattern'],
    verbose: values.verbose ?? false,
    extStr,
  };
}

export const USAGE = `Usage: ecsdef validate [options] [file | directory | glob | -]...
       ecsdef diff BEFORE AFTER [options]   (see 'ecsdef diff --help')

Validate Amazon ECS service definitions (JSON, YAML or Jsonnet). Files are recognised by their
content and name: a file that is something else (Kubernetes, CloudFormation, package.json, a
task definition, ...) is skipped with a notice when named here and quietly in a directory or
glob. --kind, a $schema or the config's files decide the kind outright. Without operands: the
current directory. '-' reads stdin.

Options:
  -f, --format <name>        text (default) | json | sarif | github
      --kind <kind>          check every file as: ${DEFINITION_KINDS.join(' | ')}
  -c, --config <file>        config file (default: nearest .ecsdef.json/.ecsdef.yaml upward)
      --no-config            ignore config files
      --rule <id>=<setting>  set a rule (id or name) to off | error | warning | info; repeatable
  -q, --quiet                report errors only
      --max-warnings <n>     exit 1 when more than n warnings
      --stdin-filename <p>   name for '-' (language, kind, overrides)
  -o, --output-file <file>   write the report to a file instead of stdout
      --no-error-on-unmatched-pattern
                             a directory or glob that selects nothing is not an error
      --verbose              list the files a directory or glob skipped, and why
      --ext-str <name>=<v>   a Jsonnet external variable (std.extVar); repeatable
  -h, --help                 show this help
  -v, --version              show the version

Exit codes: 0 no errors, 1 errors (or too many warnings), 2 usage or tool error.
`;
