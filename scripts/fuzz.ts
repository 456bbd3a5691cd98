// SPDX-License-Identifier: MIT
// The hardening campaign of issue 13, run on demand (not in npm test):
//   npx tsx scripts/fuzz.ts --cases 3000 --seed 1 [--cli-cases 600] [--rss-mb 600]
// Mutated safetensors weights, checkpoints and JSON specs (test/helpers/fuzz-cases.ts) go through
// the public API and the `nabla` CLI (summary, export, predict, eval, train --resume/--init-from),
// each case in a child process with a 10 s limit and an RSS watch. Prints a table: tried, clear
// errors, clean loads, wrong-kind errors, silent acceptance, hangs, giant allocations, and the
// first few examples of each failure.
import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const LIMIT_MS = 10_000;

interface Job {
  id: number;
  route: 'api' | 'cli';
  format: 'weights' | 'checkpoint' | 'spec';
  mutation: string;
  command?: string;
  bytes: string; // base64
}

interface Reply {
  id: number;
  kind: 'loaded' | 'refused' | 'wrong-kind' | 'silent';
  detail: string;
  maxRssMb: number;
}


// ---------------------------------------------------------------- child: runs one case at a time
async function child(): Promise<void> {
  const { runApiCase } = await import('../test/helpers/fuzz-cases.js');
  const { main } = await import('../src/cli/main.js');
  const work = process.env.FUZZ_DIR!;
  process.on('message', async (job: Job) => {
    const bytes = new Uint8Array(Buffer.from(job.bytes, 'base64'));
    let kind: Reply['kind'];
    let detail = '';
    if (job.route === 'api') {
      const o = runApiCase({ format: job.format, mutation: job.mutation, bytes });
      kind = o.kind;
      detail = 'error' in o ? o.error : 'detail' in o ? o.detail : '';
    } else {
      const file = join(work, `case-${job.id}.safetensors`);
      writeFileSync(file, bytes);
      const out = join(work, `out-${job.id}`);
      const args = cliArgs(job.command!, file, work, out);
      let text = '';
      let err = '';
      let code: number;
      try {
        code = await main(args, { out: (t) => void (text += t), err: (t) => void (err += t) });
      } catch (e) {
        code = -1;
        err = `thrown: ${(e as Error).name}: ${(e as Error).message}`;
      }
      rmSync(file, { force: true });
      rmSync(out, { recursive: true, force: true });
      rmSync(`${out}.torch.safetensors`, { force: true });
      if (code === 3 || code === 4) [kind, detail] = ['refused', `exit ${code}: ${err.trim().slice(0, 200)}`];
      else if (code === 0) [kind, detail] = /\bNaN\b|Infinity/.test(text) ? ['silent', `exit 0 printing ${text.match(/.*(NaN|Infinity).*/)?.[0].slice(0, 120)}`] : ['loaded', ''];
      else [kind, detail] = ['wrong-kind', `exit ${code}: ${err.trim().slice(0, 200)}`];
    }
    process.send!({ id: job.id, kind, detail, maxRssMb: process.resourceUsage().maxRSS / 1024 } satisfies Reply);
  });
  process.send!({ id: -1, kind: 'loaded', detail: 'ready', maxRssMb: process.resourceUsage().maxRSS / 1024 } satisfies Reply);
}

function cliArgs(command: string, file: string, work: string, out: string): string[] {
  const data = join(work, 'data');
  switch (command) {
    case 'summary':
      return ['summary', file];
    case 'export':
      return ['export', file, '--torch', `${out}.torch.safetensors`];
    case 'predict':
      return ['predict', file, join(work, 'digit.png'), '--backend', 'ref'];
    case 'eval':
      return ['eval', file, '--dataset', data, '--backend', 'ref'];
    case 'resume':
      return ['train', '--resume', file, '--dataset', data, '--epochs', '2', '--out', out, '--backend', 'ref'];
    default:
      return ['train', '--init-from', file, '--dataset', data, '--epochs', '1', '--batch-size', '20', '--out', out, '--backend', 'ref', '--val-split', '0'];
  }
}

// ---------------------------------------------------------------- parent: makes cases, watches children
async function parent(): Promise<void> {
  const { values } = parseArgs({
    options: { cases: { type: 'string', default: '3000' }, 'cli-cases': { type: 'string' }, seed: { type: 'string', default: '1' }, 'rss-mb': { type: 'string', default: '600' } },
  });
  const total = Number(values.cases);
  const seed = Number(values.seed);
  const rssLimitMb = Number(values['rss-mb']);
  const cliTotal = Number(values['cli-cases'] ?? Math.round(total / 5));
  const work = mkdtempSync(join(tmpdir(), 'nabla-fuzz-'));
  const { baseFiles, makeCases } = await import('../test/helpers/fuzz-cases.js');
  const bases = baseFiles();
  const cliBases = await trainedFiles(work);

  const jobs: Job[] = [];
  const apiEach = Math.floor((total - cliTotal) / 3);
  for (const [k, format] of (['weights', 'checkpoint', 'spec'] as const).entries()) {
    for (const c of makeCases(format, apiEach, seed * 10 + k, bases)) jobs.push({ id: jobs.length, route: 'api', format, mutation: c.mutation, bytes: Buffer.from(c.bytes).toString('base64') });
  }
  const commands = [['summary', 'weights'], ['export', 'weights'], ['predict', 'weights'], ['eval', 'weights'], ['resume', 'checkpoint'], ['init-from', 'weights']] as const;
  for (const [k, [command, format]] of commands.entries()) {
    const n = Math.floor(cliTotal / commands.length);
    for (const c of makeCases(format, n, seed * 10 + 5 + k, { ...bases, ...cliBases })) {
      jobs.push({ id: jobs.length, route: 'cli', format, command, mutation: c.mutation, bytes: Buffer.from(c.bytes).toString('base64') });
    }
  }

  const rows = new Map<string, Record<string, number>>();
  const examples = new Map<string, string[]>();
  const note = (row: string, kind: string, example?: string) => {
    const r = rows.get(row) ?? { tried: 0, refused: 0, loaded: 0, 'wrong-kind': 0, silent: 0, hang: 0, giant: 0 };
    r.tried++;
    r[kind]++;
    rows.set(row, r);
    if (example && kind !== 'refused' && kind !== 'loaded') {
      const list = examples.get(`${row} / ${kind}`) ?? [];
      if (list.length < 4) list.push(example);
      examples.set(`${row} / ${kind}`, list);
    }
  };
  const rowOf = (job: Job) => (job.route === 'api' ? `API ${job.format}` : `CLI ${job.command}`);

  const workers = Math.max(1, Number(process.env.FUZZ_WORKERS ?? 2));
  let next = 0;
  let peakGrowth = 0;
  const started = Date.now();
  await Promise.all(Array.from({ length: workers }, () => worker()));
  rmSync(work, { recursive: true, force: true });

  async function worker(): Promise<void> {
    let proc: Runner | null = null;
    while (next < jobs.length) {
      const job = jobs[next++];
      proc ??= await Runner.start(work);
      const result = await proc.run(job, rssLimitMb);
      const growth = Math.max(proc.grownMb, result.maxRssMb - proc.baseMb);
      peakGrowth = Math.max(peakGrowth, growth);
      if (result.kind === 'hang' || result.kind === 'giant' || growth > rssLimitMb) {
        note(rowOf(job), result.kind === 'hang' ? 'hang' : 'giant', `${job.mutation}: ${result.detail || `peak RSS +${growth.toFixed(0)} MB`}`);
        proc.kill();
        proc = null;
      } else {
        note(rowOf(job), result.kind, `${job.mutation}: ${result.detail}`);
        if (result.maxRssMb > proc.baseMb + 200) {
          proc.kill(); // keep each child's peak RSS meaningful for the next case
          proc = null;
        }
      }
      if ((next & 255) === 0) process.stderr.write(`  ${next}/${jobs.length} cases, ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
    }
    proc?.kill();
  }

  const header = '| input | tried | clear error | clean load | wrong-kind error | silent acceptance | hang (> 10 s) | giant allocation |';
  console.log(`\nnpx tsx scripts/fuzz.ts --cases ${total} --seed ${seed} --cli-cases ${cliTotal} --rss-mb ${rssLimitMb}  (${((Date.now() - started) / 1000).toFixed(0)} s)\n`);
  console.log(header);
  console.log('|---|---|---|---|---|---|---|---|');
  for (const [row, r] of rows) console.log(`| ${row} | ${r.tried} | ${r.refused} | ${r.loaded} | ${r['wrong-kind']} | ${r.silent} | ${r.hang} | ${r.giant} |`);
  console.log(`\npeak RSS growth of one case: ${peakGrowth.toFixed(0)} MB (limit ${rssLimitMb} MB)`);
  for (const [key, list] of examples) {
    console.log(`\n${key}:`);
    for (const e of list) console.log(`  - ${e}`);
  }
}

/** One child process running cases, with its RSS polled from /proc while a case runs. */
class Runner {
  /** How far the RSS rose above its value at the start of the last case. */
  grownMb = 0;
  private pending: ((reply: Reply | { kind: 'hang' | 'giant'; detail: string; maxRssMb: number }) => void) | null = null;

  private constructor(
    private readonly proc: ChildProcess,
    readonly baseMb: number,
  ) {}

  static start(work: string): Promise<Runner> {
    const proc = fork(fileURLToPath(import.meta.url), ['--child'], { env: { ...process.env, FUZZ_DIR: work }, stdio: ['ignore', 'ignore', 'ignore', 'ipc'] });
    return new Promise((resolve) => {
      proc.once('message', (ready: Reply) => {
        const runner = new Runner(proc, ready.maxRssMb);
        proc.on('message', (reply: Reply) => runner.pending?.(reply));
        proc.on('exit', () => runner.pending?.({ kind: 'giant', detail: 'child died (out of memory?)', maxRssMb: 0 }));
        resolve(runner);
      });
    });
  }

  run(job: Job, rssLimitMb: number): Promise<Reply | { kind: 'hang' | 'giant'; detail: string; maxRssMb: number }> {
    return new Promise((resolve) => {
      const finish = (r: Reply | { kind: 'hang' | 'giant'; detail: string; maxRssMb: number }) => {
        clearTimeout(timer);
        clearInterval(poll);
        this.pending = null;
        resolve(r);
      };
      this.pending = finish;
      const timer = setTimeout(() => finish({ kind: 'hang', detail: 'no answer in 10 s', maxRssMb: 0 }), LIMIT_MS);
      // RSS polled from /proc while the case runs: the child's own maxRSS is dominated by its start-up
      const startRss = rssMb(this.proc.pid!);
      this.grownMb = 0;
      const poll = setInterval(() => {
        const rss = rssMb(this.proc.pid!);
        this.grownMb = Math.max(this.grownMb, rss - startRss);
        if (this.grownMb > rssLimitMb) finish({ kind: 'giant', detail: `RSS grew by ${this.grownMb.toFixed(0)} MB while running`, maxRssMb: rss });
      }, 20);
      this.proc.send(job);
    });
  }

  kill(): void {
    this.proc.removeAllListeners('exit');
    this.proc.kill('SIGKILL');
  }
}

function rssMb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

/** A model file and checkpoint written by `nabla train` on a tiny IDX folder, and a PNG to predict. */
async function trainedFiles(work: string): Promise<{ weights: Uint8Array; checkpoint: Uint8Array }> {
  const { writeIdxFolder } = await import('../test/cli/helpers.js');
  const { main } = await import('../src/cli/main.js');
  const { PNG } = await import('pngjs');
  const data = join(work, 'data');
  writeIdxFolder(data, 28, 100, 40);
  const run = join(work, 'base-run');
  mkdirSync(run, { recursive: true });
  let err = '';
  const code = await main(['train', '--dataset', data, '--model', 'mlp', '--epochs', '1', '--batch-size', '20', '--backend', 'ref', '--out', run, '--val-split', '0'], { out: () => undefined, err: (t) => void (err += t) });
  if (code !== 0) throw new Error(`fuzz: training the base model failed: ${err}`);
  const png = new PNG({ width: 28, height: 28 });
  png.data.fill(255);
  writeFileSync(join(work, 'digit.png'), PNG.sync.write(png));
  return { weights: new Uint8Array(readFileSync(join(run, 'model.safetensors'))), checkpoint: new Uint8Array(readFileSync(join(run, 'checkpoint.safetensors'))) };
}

if (process.argv.includes('--child')) await child();
else await parent();
