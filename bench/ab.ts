// SPDX-License-Identifier: MIT
// A/B of two trees in one process: the workload's step from a baseline checkout and from this
// one, on their own wasm backends, timed in alternation (a batch of steps of A, then of B, for
// every round), so that both meet the same load on a shared machine; prints each side's median
// rate and the median and range of the per-round ratio new ÷ base. For changes of a few percent,
// which the noise of separate runs (bench/run.ts --baseline) hides.
//   node --import tsx bench/ab.ts --baseline DIR W2 [threads=1] [rounds=12]
// DIR: a checkout of the baseline with node_modules (git worktree add --detach DIR <commit>;
// ln -s "$PWD/node_modules" DIR/).
import { parseArgs } from 'node:util';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Workload } from './workloads.js';

const { values, positionals } = parseArgs({ options: { baseline: { type: 'string' } }, allowPositionals: true });
const [key = 'W2', threadsArg = '1', roundsArg = '12'] = positionals;
const threads = Number(threadsArg), rounds = Number(roundsArg);
if (!values.baseline || !existsSync(join(values.baseline, 'bench/nabla.ts'))) {
  throw new Error('bench/ab: --baseline DIR must be a checkout with bench/nabla.ts (see the header)');
}
if (!Number.isInteger(threads) || threads < 1 || !Number.isInteger(rounds) || rounds < 1) {
  throw new Error(`bench/ab: threads and rounds must be positive integers, got '${threadsArg}' and '${roundsArg}'`);
}

interface Side { name: string; step: () => void; workload: Workload }

/** One tree's backend (its own module graph, so its own wasm instance and workers) and step. */
async function load(name: string, root: string): Promise<Side> {
  const backend = await import(join(root, 'src/kernels/index.ts'));
  const { nablaStep } = await import(join(root, 'bench/nabla.ts'));
  const { WORKLOADS, workloadKey } = await import(join(root, 'bench/workloads.ts'));
  const workload = (WORKLOADS as Workload[]).find((w) => workloadKey(w) === key);
  if (!workload) throw new Error(`bench/ab: unknown workload '${key}' in ${root}`);
  await backend.initBackend({ backend: 'wasm', threads });
  return { name, step: nablaStep(workload), workload };
}

const here = resolve(fileURLToPath(import.meta.url), '../..');
const base = await load('base', resolve(values.baseline));
const now = await load('new', here);

/** Mean ms per step over `reps` steps. */
function time(side: Side, reps: number): number {
  const t0 = performance.now();
  for (let i = 0; i < reps; i++) side.step();
  return (performance.now() - t0) / reps;
}

const work = (w: Workload): number => (w.id === 'G1' ? (2 * w.n! ** 3) / 1e9 : w.batch); // GFLOP or samples per step
time(base, 5);
time(now, 5);
const reps = Math.max(3, Math.round(400 / time(now, 3))); // about 0.4 s per batch
const [ta, tb, ratios] = [[], [], []] as number[][];
for (let r = 0; r < rounds; r++) {
  const a = time(base, reps), b = time(now, reps);
  ta.push(a);
  tb.push(b);
  ratios.push(a / b);
}
const median = (v: number[]): number => [...v].sort((x, y) => x - y)[Math.floor(v.length / 2)];
const rate = (side: Side, ms: number): string => ((work(side.workload) / ms) * 1000).toFixed(side.workload.id === 'G1' ? 1 : 0);
console.log(`${key}, ${threads} thread(s), ${rounds} rounds of ${reps} steps: base ${rate(base, median(ta))}, new ${rate(now, median(tb))} ` +
  `(${base.workload.id === 'G1' ? 'GFLOP/s' : 'samples/s'}); new ÷ base median ${median(ratios).toFixed(3)} ` +
  `[${Math.min(...ratios).toFixed(3)}–${Math.max(...ratios).toFixed(3)}]`);

