// SPDX-License-Identifier: MIT
// On-demand fuzzing of untrusted inputs (issue 13): mutated safetensors weights, checkpoints and
// JSON model specs (scripts/fuzz-cases.ts) fed through the public API and the CLI (summary, export), one case at a time in a
// worker thread, each with a time limit and a watch on the process's RSS. Prints a table: cases
// tried, wrong-kind errors, silent acceptances, hangs and giant allocations, then examples.
//
//   node --import tsx scripts/fuzz.mjs [--cases 1000] [--seed 1] [--timeout 10] [--rss-mb 256] [--formats weights,checkpoint,spec,cli]
//
// --cases is per format; --rss-mb is how far RSS may grow over its level at the start of a case.
import { Worker } from 'node:worker_threads';
import { parseArgs } from 'node:util';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';

if (!isMainThread) {
  const { register } = await import('tsx/esm/api'); // the cases are TypeScript
  register();
  const { runCase, runCliCase } = await import(workerData.cases);
  parentPort.on('message', async ({ format, seed, index }) => parentPort.postMessage(format === 'cli' ? await runCliCase(seed, index) : runCase(format, seed, index)));
} else {
  const { values } = parseArgs({
    options: {
      cases: { type: 'string', default: '1000' },
      seed: { type: 'string', default: '1' },
      timeout: { type: 'string', default: '10' },
      'rss-mb': { type: 'string', default: '256' },
      formats: { type: 'string', default: 'weights,checkpoint,spec,cli' },
      cases_module: { type: 'string', default: fileURLToPath(new URL('./fuzz-cases.ts', import.meta.url)) },
    },
  });
  const cases = Number(values.cases);
  const seed = Number(values.seed);
  const timeoutMs = Number(values.timeout) * 1000;
  const rssLimit = Number(values['rss-mb']) * 2 ** 20;
  const formats = values.formats.split(',');
  const casesUrl = pathToFileURL(values.cases_module).href;

  let worker = null;
  const startWorker = () => {
    worker = new Worker(fileURLToPath(import.meta.url), { workerData: { cases: casesUrl } });
  };
  startWorker();

  /** Runs one case; resolves with its result, 'hang' after the limit (the worker is replaced). */
  const runOne = (format, index) =>
    new Promise((resolve) => {
      const start = process.memoryUsage.rss();
      let peak = start;
      const sampler = setInterval(() => {
        peak = Math.max(peak, process.memoryUsage.rss());
      }, 5);
      const began = Date.now();
      const finish = (result) => {
        clearInterval(sampler);
        peak = Math.max(peak, process.memoryUsage.rss());
        worker.off('message', onMessage);
        worker.off('error', onError);
        clearTimeout(timer);
        resolve({ ...result, grew: peak - start, ms: Date.now() - began });
      };
      const onMessage = (result) => finish(result);
      const onError = (err) => {
        if (/Cannot find|Unknown file extension|ERR_MODULE/.test(String(err?.message))) throw err; // the harness itself is broken
        startWorker();
        finish({ outcome: 'wrong-kind', mutation: '?', detail: `worker died: ${err?.message}`, bytes: 0 });
      };
      const timer = setTimeout(() => {
        worker.terminate();
        startWorker();
        finish({ outcome: 'hang', mutation: '?', detail: `no answer in ${timeoutMs / 1000} s`, bytes: 0 });
      }, timeoutMs);
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.postMessage({ format, seed, index });
    });

  const table = [];
  const examples = [];
  const began = Date.now();
  for (const format of formats) {
    const row = { format, tried: 0, ok: 0, error: 0, 'wrong-kind': 0, silent: 0, hang: 0, giant: 0, maxRssMb: 0 };
    for (let index = 0; index < cases; index++) {
      const r = await runOne(format, index);
      row.tried++;
      row.maxRssMb = Math.max(row.maxRssMb, Math.round(r.grew / 2 ** 20));
      if (r.grew > Math.max(rssLimit, 50 * r.bytes)) {
        row.giant++;
        examples.push(`${format} #${index} giant (+${Math.round(r.grew / 2 ** 20)} MB): ${r.mutation} → ${r.detail}`);
      }
      row[r.outcome]++;
      if (r.outcome !== 'ok' && r.outcome !== 'error') examples.push(`${format} #${index} ${r.outcome} (${r.ms} ms): ${r.mutation} → ${r.detail}`);
    }
    table.push(row);
  }
  await worker.terminate();
  console.log(`fuzz: ${cases} cases per format, seed ${seed}, limit ${timeoutMs / 1000} s, RSS growth limit ${values['rss-mb']} MB (or 50× the input), ${((Date.now() - began) / 1000).toFixed(0)} s`);
  console.log('| input | tried | loaded | Nabla error | wrong-kind error | silent acceptance | hang | giant allocation | max RSS growth (MB) |');
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const r of table) console.log(`| ${r.format} | ${r.tried} | ${r.ok} | ${r.error} | ${r['wrong-kind']} | ${r.silent} | ${r.hang} | ${r.giant} | ${r.maxRssMb} |`);
  for (const e of examples.slice(0, 40)) console.log(`  ${e.slice(0, 300)}`);
  if (examples.length > 40) console.log(`  … and ${examples.length - 40} more`);
  process.exitCode = examples.length > 0 ? 1 : 0;
}
