/**
 * CLI benchmarks, printed as ratios against a baseline measured in the same run:
 *
 * 1. cold start: `ecsdef validate one.json` (bin/ecsdef, precompiled dist/) vs `node -e 0`;
 *    target under 2x.
 * 2. throughput: 10,000 generated definitions checked in one process (parse, validate, locate),
 *    in files per second, vs a plain `JSON.parse` loop over the same texts; target at least
 *    5,000 files/s on one core. Also the whole command on a directory of those files.
 *
 * Run: `npm run bench:cli` (or `node -r ts-node/register/transpile-only bench/cli-bench.ts`).
 * Uses dist/ (run `npm run build` first; built here when missing). Numbers, not assertions.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const REPO = path.resolve(__dirname, '..');
const BIN = path.join(REPO, 'bin', 'ecsdef');
const DIST_CHECK = path.join(REPO, 'dist', 'lsp', 'cli', 'check.js');
const DIST_PATTERNS = path.join(REPO, 'dist', 'lsp', 'cli', 'patterns.js');

function ensureBuilt(): void {
  if (fs.existsSync(DIST_CHECK)) return;
  console.log('dist/ missing: npm run build');
  const built = spawnSync('npm', ['run', 'build'], { cwd: REPO, stdio: 'inherit' });
  if (built.status !== 0 || !fs.existsSync(DIST_CHECK)) throw new Error('npm run build failed');
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function timeSpawn(args: string[], cwd: string): number {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { cwd, stdio: 'ignore' });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status === null || result.status > 1) throw new Error(`${args.join(' ')} exited ${result.status}`);
  return ms;
}

/** A plausible CreateService definition; every 10th one has a cross-field error. */
function definition(i: number): string {
  const def: Record<string, unknown> = {
    cluster: `cluster-${i % 7}`,
    serviceName: `svc-${i}`,
    taskDefinition: `family-${i % 13}:${1 + (i % 50)}`,
    desiredCount: i % 5,
    launchType: 'FARGATE',
    platformVersion: 'LATEST',
    networkConfiguration: {
      awsvpcConfiguration: {
        subnets: [`subnet-${(i * 7919).toString(16).padStart(17, '0').slice(-17)}`],
        securityGroups: [`sg-${(i * 104729).toString(16).padStart(17, '0').slice(-17)}`],
        assignPublicIp: i % 2 ? 'ENABLED' : 'DISABLED',
      },
    },
    deploymentConfiguration: { maximumPercent: 200, minimumHealthyPercent: 50 + (i % 50), deploymentCircuitBreaker: { enable: true, rollback: i % 3 === 0 } },
    loadBalancers: [{ targetGroupArn: `arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/tg-${i}/0123456789abcdef`, containerName: 'app', containerPort: 8080 }],
    healthCheckGracePeriodSeconds: 30,
    enableECSManagedTags: true,
    propagateTags: 'SERVICE',
    tags: [{ key: 'team', value: `team-${i % 11}` }, { key: 'index', value: String(i) }],
  };
  if (i % 10 === 0) def.capacityProviderStrategy = [{ capacityProvider: 'FARGATE', weight: 1 }];
  return JSON.stringify(def, null, 2);
}

/** CPU time (user + system, ms) of a child, reported on stderr by a preloaded hook at exit. */
function cpuOfSpawn(args: string[], cwd: string, preload: string): number {
  const result = spawnSync(process.execPath, ['-r', preload, ...args], { cwd, encoding: 'utf8' });
  const match = /ECSDEF_BENCH_CPU (\d+(?:\.\d+)?)/.exec(result.stderr ?? '');
  if (!match) throw new Error(`no CPU report from ${args.join(' ')}: ${result.stderr}`);
  return Number(match[1]);
}

function coldStart(workDir: string): void {
  const file = path.join(workDir, 'one-service-def.json');
  fs.writeFileSync(file, definition(1));
  const preload = path.join(workDir, 'cpu-report.js');
  fs.writeFileSync(preload, "process.on('exit', () => { const u = process.cpuUsage(); require('fs').writeSync(2, 'ECSDEF_BENCH_CPU ' + (u.user + u.system) / 1000 + '\\n'); });\n");
  const runs = 25;
  const node: number[] = [];
  const cli: number[] = [];
  const nodeCpu: number[] = [];
  const cliCpu: number[] = [];
  timeSpawn(['-e', '0'], workDir); // warm the file system cache for both
  timeSpawn([BIN, 'validate', file], workDir);
  for (let i = 0; i < runs; i++) {
    node.push(timeSpawn(['-e', '0'], workDir));
    cli.push(timeSpawn([BIN, 'validate', file], workDir));
    nodeCpu.push(cpuOfSpawn(['-e', '0'], workDir, preload));
    cliCpu.push(cpuOfSpawn([BIN, 'validate', file], workDir, preload));
  }
  const ratio = median(cli) / median(node);
  console.log('cold start (median of %d, interleaved)', runs);
  console.log('  node -e 0                   %s ms wall, %s ms CPU', median(node).toFixed(1), median(nodeCpu).toFixed(1));
  console.log('  ecsdef validate one.json    %s ms wall, %s ms CPU', median(cli).toFixed(1), median(cliCpu).toFixed(1));
  console.log('  ratio                       %sx wall (target < 2x: %s), %sx CPU', ratio.toFixed(2), ratio < 2 ? 'met' : 'NOT met', (median(cliCpu) / median(nodeCpu)).toFixed(2));
}

function throughput(workDir: string): void {
  const count = 10_000;
  const texts = Array.from({ length: count }, (_, i) => definition(i));
  const defsDir = path.join(workDir, 'defs');
  fs.mkdirSync(defsDir);
  texts.forEach((text, i) => fs.writeFileSync(path.join(defsDir, `svc-${String(i).padStart(5, '0')}-service-def.json`), text));

  const { checkText } = require(DIST_CHECK) as typeof import('../lsp/cli/check');
  const { FilePatterns } = require(DIST_PATTERNS) as typeof import('../lsp/cli/patterns');
  const patterns = new FilePatterns(defsDir);
  const options = (i: number) => {
    const file = path.join(defsDir, `svc-${i}-service-def.json`);
    return { filePath: file, displayPath: file, namePath: file, rules: {}, patterns };
  };

  // Warm-up so both loops run optimised code, then the measured passes.
  for (let i = 0; i < 500; i++) {
    JSON.parse(texts[i]);
    checkText(texts[i], options(i));
  }
  let sink = 0;
  let start = process.hrtime.bigint();
  for (let i = 0; i < count; i++) sink += Object.keys(JSON.parse(texts[i]) as object).length;
  const parseMs = Number(process.hrtime.bigint() - start) / 1e6;
  let errors = 0;
  start = process.hrtime.bigint();
  for (let i = 0; i < count; i++) errors += checkText(texts[i], options(i)).errorCount;
  const checkMs = Number(process.hrtime.bigint() - start) / 1e6;
  if (errors !== count / 10) console.log(`  (note: ${errors} errors found, ${count / 10} expected)`);

  recognitionCost(texts, defsDir, patterns, checkText);

  const cliMs = timeSpawn([BIN, 'validate', '--format', 'json', '--output-file', path.join(workDir, 'report.json'), defsDir], workDir);
  const perSecond = (ms: number): number => Math.round((count / ms) * 1000);
  console.log('throughput over %d generated definitions (one process, one core; sink %d)', count, sink);
  console.log('  JSON.parse loop (baseline)  %s files/s', perSecond(parseMs).toLocaleString('en-US'));
  console.log('  ecsdef check, in process    %s files/s  (%sx slower than JSON.parse; target >= 5,000: %s)', perSecond(checkMs).toLocaleString('en-US'), (checkMs / parseMs).toFixed(1), perSecond(checkMs) >= 5000 ? 'met' : 'NOT met');
  console.log('  ecsdef validate <dir>       %s files/s  (whole command: start, walk, read, check, report)', perSecond(cliMs).toLocaleString('en-US'));
}

/**
 * What recognition by content costs: the same 10,000 texts checked with the kind forced
 * (`--kind service`: recognition decides nothing) and under names that say nothing (`svc-N.json`
 * found by a walk: prefilter, fit to every kind's shape, then the check).
 */
function recognitionCost(texts: string[], dir: string, patterns: unknown, checkText: typeof import('../lsp/cli/check').checkText): void {
  const pass = (named: (i: number) => Parameters<typeof checkText>[1]): number => {
    const start = process.hrtime.bigint();
    for (let i = 0; i < texts.length; i++) checkText(texts[i], named(i));
    return Number(process.hrtime.bigint() - start) / 1e6;
  };
  const base = (i: number) => ({ filePath: path.join(dir, `svc-${i}.json`), displayPath: `svc-${i}.json`, namePath: path.join(dir, `svc-${i}.json`), rules: {}, patterns: patterns as never });
  // Interleaved, best of five each, so load and warm-up fall on both sides alike.
  let forcedMs = Infinity;
  let recognisedMs = Infinity;
  for (let round = 0; round < 5; round++) {
    forcedMs = Math.min(forcedMs, pass((i) => ({ ...base(i), kind: 'service' })));
    recognisedMs = Math.min(recognisedMs, pass(base));
  }
  console.log('recognition by content over %d definitions whose names say nothing', texts.length);
  console.log('  --kind service (baseline)   %s ms', forcedMs.toFixed(0));
  console.log('  recognised by content       %s ms  (%sx the baseline; target: no measurable cost, < 1.05x)', recognisedMs.toFixed(0), (recognisedMs / forcedMs).toFixed(3));
}

function main(): void {
  ensureBuilt();
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecsdef-bench-'));
  try {
    coldStart(workDir);
    throughput(workDir);
  } finally {
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}

main();
