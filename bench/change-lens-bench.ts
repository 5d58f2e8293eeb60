/**
 * The change lens's cost per keystroke (part of `npm run bench:lsp`): a typical definition
 * committed in a temporary git repository, opened in two ecsdef-lsp processes, one with
 * `ecsdef.changeLens.enable` on and one with it off. Each keystroke is a didChange followed by
 * the textDocument/codeLens request an editor sends after it; the time is from sending the
 * change to the lens answer. Validation is debounced past the run in both, so the difference is
 * the lens alone: HEAD checked (one read, two stats), the buffer classified against it.
 * Target: < 1 ms added at p50. Also the in-process cost of findChangeLenses on a parsed version.
 */
import { CodeLensRequest } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createLanguageService } from '../lsp/service';
import { LspTestClient, fileUri } from '../test/lsp/server/lsp-client';
import { TempRepo } from '../test/support/git-repo';

export interface LensCase {
  text: string;
  /** Where the keystroke edits: it toggles between two values there. */
  editAt(text: string): { offset: number; length: number };
  values: [string, string];
}

interface LensSession {
  keystroke(): Promise<{ ms: number; lenses: number }>;
  close(): Promise<void>;
}

async function openLensSession(command: string[], file: string, c: LensCase, enable: boolean): Promise<LensSession> {
  const client = await LspTestClient.start({ command, settings: { validation: { delay: 600_000 }, changeLens: { enable } } });
  const uri = fileUri(file);
  let doc = TextDocument.create(uri, 'json', 1, c.text);
  await client.open(uri, 'json', c.text, 1);
  await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } });
  return {
    async keystroke() {
      const { offset, length } = c.editAt(doc.getText());
      const value = doc.getText().substr(offset, length) === c.values[0] ? c.values[1] : c.values[0];
      const range = { start: doc.positionAt(offset), end: doc.positionAt(offset + length) };
      doc = TextDocument.update(doc, [{ range, text: value }], doc.version + 1);
      const started = process.hrtime.bigint();
      await client.change(uri, doc.version, [{ range, text: value }]);
      const lenses = await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } });
      return { ms: Number(process.hrtime.bigint() - started) / 1e6, lenses: lenses?.length ?? 0 };
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

const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};

/** Runs the case and prints its lines; `command` starts ecsdef-lsp. */
export async function benchChangeLens(command: string[], c: LensCase, iterations: number): Promise<void> {
  const repo = new TempRepo('ecsdef-lens-bench-');
  try {
    const file = repo.path('ecs-service.json');
    repo.commit({ 'ecs-service.json': c.text });
    const on = await openLensSession(command, file, c, true);
    const off = await openLensSession(command, file, c, false);
    const samples: [number[], number[]] = [[], []];
    let served = 0;
    const warmup = Math.min(200, iterations);
    // Alternating which goes first, so a busy machine slows both alike.
    for (let i = 0; i < warmup + iterations; i++) {
      const order: Array<[LensSession, number]> = i % 2 ? [[on, 0], [off, 1]] : [[off, 1], [on, 0]];
      for (const [session, into] of order) {
        const { ms, lenses } = await session.keystroke();
        if (session === on) served = Math.max(served, lenses);
        if (i >= warmup) samples[into].push(ms);
      }
    }
    await Promise.all([on.close(), off.close()]);
    const [on50, on99, off50, off99] = [percentile(samples[0], 50), percentile(samples[0], 99), percentile(samples[1], 50), percentile(samples[1], 99)];
    const added = on50 - off50;
    console.log('\nchange lens, didChange + textDocument/codeLens, ms        lens on p50 / p99   lens off p50 / p99   added p50   ratio p50 (on / off)');
    console.log(
      `${'typical (JSON, committed in git)'.padEnd(56)} ${on50.toFixed(3).padStart(7)} / ${on99.toFixed(3).padStart(7)}   ${off50.toFixed(3).padStart(7)} / ${off99.toFixed(3).padStart(7)}   ${added.toFixed(3).padStart(8)}   ${(on50 / off50).toFixed(2)}  ${added < 1 ? '< 1 ms added: met' : '< 1 ms added: MISSED'}`,
    );
    if (served === 0) console.log('  (the lens-on server answered no lenses: a dist/ built before the change lens? run npm run build)');
    const service = createLanguageService();
    const n = Math.max(50, Math.min(iterations, 500));
    let total = 0;
    let text = c.text;
    for (let i = 0; i < n + 20; i++) {
      const { offset, length } = c.editAt(text);
      text = `${text.slice(0, offset)}${text.substr(offset, length) === c.values[0] ? c.values[1] : c.values[0]}${text.slice(offset + length)}`;
      const document = TextDocument.create(fileUri(file), 'json', i + 1, text);
      service.doValidation(document, { kind: 'service' }); // the parse the lens shares with validation
      const started = process.hrtime.bigint();
      service.findChangeLenses(document, c.text, { kind: 'service' });
      if (i >= 20) total += Number(process.hrtime.bigint() - started) / 1e6;
    }
    console.log(`${'in-process findChangeLenses on a parsed version, mean ms'.padEnd(56)} ${(total / n).toFixed(3).padStart(7)}`);
  } finally {
    repo.remove();
  }
}
