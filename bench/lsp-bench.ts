/**
 * Language server latency: from sending textDocument/didChange to receiving the
 * publishDiagnostics of that version, p50 and p99, for a typical definition and for a
 * 5,000-line YAML file. Both servers run as real processes over stdio in the same run:
 *   - ecsdef-lsp (dist/ when built, else from source), validation delay 0 (the debounce is a
 *     UX setting; this measures the work behind it);
 *   - a minimal vscode-json-languageservice server (bench/lsp-json-baseline-server.ts) with the
 *     same generated schema. It cannot read YAML, so it gets the same document as JSON text.
 * Targets: ecsdef p99 < 10 ms on the typical file, and no slower than the baseline on either.
 * Also prints in-process parse+validate times of both services, and the change lens's added cost
 * per keystroke (lens on vs off, bench/change-lens-bench.ts; target < 1 ms at p50). Numbers,
 * not assertions.
 *
 *   npm run bench:lsp      [ECSDEF_BENCH_ITERATIONS=1000]
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { stringify } from 'yaml';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from 'vscode-json-languageservice';
import { schemaFor } from '../schemas';
import { createLanguageService } from '../lsp/service';
import { LspTestClient, REPO_ROOT } from '../test/lsp/server/lsp-client';
import { benchChangeLens } from './change-lens-bench';

const ITERATIONS = Number(process.env.ECSDEF_BENCH_ITERATIONS ?? 1000);

function typicalDefinition(): Record<string, unknown> {
  return {
    cluster: 'production',
    serviceName: 'web',
    taskDefinition: 'web:42',
    desiredCount: 3,
    launchType: 'FARGATE',
    platformVersion: 'LATEST',
    networkConfiguration: {
      awsvpcConfiguration: {
        subnets: ['subnet-0a1b2c3d4e5f60718', 'subnet-0a1b2c3d4e5f60719'],
        securityGroups: ['sg-0a1b2c3d4e5f60718'],
        assignPublicIp: 'DISABLED',
      },
    },
    loadBalancers: [{ targetGroupArn: 'arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/web/0123456789abcdef', containerName: 'web', containerPort: 8080 }],
    healthCheckGracePeriodSeconds: 60,
    deploymentConfiguration: { maximumPercent: 200, minimumHealthyPercent: 100, deploymentCircuitBreaker: { enable: true, rollback: true } },
    enableExecuteCommand: true,
    propagateTags: 'SERVICE',
    enableECSManagedTags: true,
    tags: [{ key: 'team', value: 'platform' }, { key: 'env', value: 'production' }],
  };
}

/** ~5,000 lines: the typical definition with a very long tag list (one array-size problem). */
function largeDefinition(): Record<string, unknown> {
  const def = typicalDefinition();
  def.tags = Array.from({ length: 2_480 }, (_, i) => ({ key: `tag-${i}`, value: `value-${i}` }));
  return def;
}

interface Case {
  name: string;
  ecsdefLanguage: 'json' | 'yaml';
  ecsdefText: string;
  jsonText: string;
}

function cases(): Case[] {
  const typical = typicalDefinition();
  const large = largeDefinition();
  return [
    { name: 'typical (JSON, ~40 lines)', ecsdefLanguage: 'json', ecsdefText: JSON.stringify(typical, null, 2), jsonText: JSON.stringify(typical, null, 2) },
    { name: 'typical (YAML, ~35 lines)', ecsdefLanguage: 'yaml', ecsdefText: stringify(typical), jsonText: JSON.stringify(typical, null, 2) },
    { name: 'large (YAML, ~5,000 lines)', ecsdefLanguage: 'yaml', ecsdefText: stringify(large), jsonText: JSON.stringify(large, null, 2) },
  ];
}

/** The edit: `desiredCount` flips between 3 and -1 (valid <-> invalid), as incremental changes. */
function editAt(text: string): { offset: number; length: number } {
  const match = /desiredCount"?: (3|-1)/.exec(text)!;
  const offset = match.index + match[0].length - match[1].length;
  return { offset, length: match[1].length };
}

interface Session {
  /** One keystroke: milliseconds from sending didChange to the publishDiagnostics of it. */
  edit(): Promise<number>;
  close(): Promise<void>;
}

async function openSession(command: string[], uri: string, language: string, text: string, settings: Record<string, unknown> | undefined): Promise<Session> {
  const client = await LspTestClient.start({ command, settings });
  let doc = TextDocument.create(uri, language, 1, text);
  await client.open(uri, language, text, 1);
  await client.diagnosticsFor(uri, 1, 60_000);
  return {
    async edit() {
      const { offset, length } = editAt(doc.getText());
      const value = doc.getText().substr(offset, length) === '3' ? '-1' : '3';
      const range = { start: doc.positionAt(offset), end: doc.positionAt(offset + length) };
      doc = TextDocument.update(doc, [{ range, text: value }], doc.version + 1);
      const started = process.hrtime.bigint();
      const published = client.diagnosticsFor(uri, doc.version, 60_000);
      await client.change(uri, doc.version, [{ range, text: value }]);
      await published;
      client.published.length = 0;
      return Number(process.hrtime.bigint() - started) / 1e6;
    },
    async close() {
      try {
        await client.shutdown();
      } finally {
        client.dispose();
      }
    },
  };
}

/**
 * Both servers edited in turn (alternating which goes first), so a busy machine slows both
 * alike and the ratio stays meaningful.
 */
async function measurePair(ours: Session, theirs: Session): Promise<[number[], number[]]> {
  const samples: [number[], number[]] = [[], []];
  const warmup = Math.min(200, ITERATIONS);
  for (let i = 0; i < warmup + ITERATIONS; i++) {
    const order: Array<[Session, number[]]> = i % 2 ? [[ours, samples[0]], [theirs, samples[1]]] : [[theirs, samples[1]], [ours, samples[0]]];
    for (const [session, into] of order) {
      const ms = await session.edit();
      if (i >= warmup) into.push(ms);
    }
  }
  return samples;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function inProcess(c: Case): Promise<{ ecsdef: number; json: number }> {
  const ours = createLanguageService();
  const theirs = getLanguageService({});
  theirs.configure({ validate: true, schemas: [{ uri: 'ecsdef-bench://service.schema.json', fileMatch: ['*'], schema: schemaFor('service') as never }] });
  const time = async (fn: (i: number) => unknown): Promise<number> => {
    const n = Math.max(20, Math.min(ITERATIONS, 300));
    for (let i = 0; i < 20; i++) await fn(i);
    const start = process.hrtime.bigint();
    for (let i = 0; i < n; i++) await fn(i + 20);
    return Number(process.hrtime.bigint() - start) / 1e6 / n;
  };
  // A new version each time, so neither side can reuse a parse.
  const ecsdef = await time((i) => ours.doValidation(TextDocument.create('file:///b/ecs-service.x', c.ecsdefLanguage, i + 1, c.ecsdefText), { kind: 'service' }));
  const json = await time(async (i) => {
    const doc = TextDocument.create('file:///b/ecs-service.json', 'json', i + 1, c.jsonText);
    return theirs.doValidation(doc, theirs.parseJSONDocument(doc));
  });
  return { ecsdef, json };
}

async function main(): Promise<void> {
  const built = fs.existsSync(path.join(REPO_ROOT, 'dist', 'lsp', 'server', 'main.js'));
  const ecsdefCommand = built
    ? [process.execPath, path.join(REPO_ROOT, 'bin', 'ecsdef-lsp'), '--stdio']
    : [process.execPath, '-r', require.resolve('ts-node/register/transpile-only'), path.join(REPO_ROOT, 'lsp/server/main.ts'), '--stdio'];
  const baselineCommand = [process.execPath, '-r', require.resolve('ts-node/register/transpile-only'), path.join(__dirname, 'lsp-json-baseline-server.ts'), '--stdio', 'service'];
  console.log(`ecsdef-lsp from ${built ? 'dist/ (bin/ecsdef-lsp)' : 'source (ts-node; run npm run build for dist/)'}; ${ITERATIONS} edits per case after warm-up; node ${process.version}`);
  console.log('latency didChange -> publishDiagnostics, ms        ecsdef p50 / p99   json-ls p50 / p99   ratio p50 / p99 (ecsdef / json-ls)');
  const rows: string[] = [];
  for (const c of cases()) {
    const lines = c.ecsdefText.split('\n').length;
    const ourSession = await openSession(ecsdefCommand, `file:///bench/ecs-service.${c.ecsdefLanguage}`, c.ecsdefLanguage, c.ecsdefText, { validation: { delay: 0 } });
    const theirSession = await openSession(baselineCommand, 'file:///bench/ecs-service.json', 'json', c.jsonText, undefined);
    const [ours, theirs] = await measurePair(ourSession, theirSession);
    await Promise.all([ourSession.close(), theirSession.close()]);
    const [o50, o99, t50, t99] = [percentile(ours, 50), percentile(ours, 99), percentile(theirs, 50), percentile(theirs, 99)];
    const target = c.name.startsWith('typical') ? (o99 < 10 ? 'p99 < 10 ms: met' : 'p99 < 10 ms: MISSED') : '';
    console.log(
      `${`${c.name} [${lines} lines]`.padEnd(50)} ${o50.toFixed(2).padStart(6)} / ${o99.toFixed(2).padStart(6)}    ${t50.toFixed(2).padStart(6)} / ${t99.toFixed(2).padStart(6)}    ${(o50 / t50).toFixed(2)} / ${(o99 / t99).toFixed(2)}  ${o50 <= t50 && o99 <= t99 ? 'not slower' : 'SLOWER'}  ${target}`,
    );
    const inproc = await inProcess(c);
    rows.push(`${c.name.padEnd(50)} ${inproc.ecsdef.toFixed(3).padStart(8)}   ${inproc.json.toFixed(3).padStart(8)}   ${(inproc.ecsdef / inproc.json).toFixed(2)}`);
  }
  console.log('\nin-process parse + validate, mean ms                  ecsdef    json-ls   ratio');
  for (const row of rows) console.log(row);
  const typical = JSON.stringify(typicalDefinition(), null, 2);
  await benchChangeLens(ecsdefCommand, { text: typical, editAt, values: ['3', '-1'] }, ITERATIONS);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
