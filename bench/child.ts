// SPDX-License-Identifier: MIT
// Runs one workload on one engine in a process of its own (so its peak RSS is its own) and
// prints one JSON Measurement line. Started by bench/run.ts:
//   node --import tsx bench/child.ts <engine> <workload> [--quick]
// engines: nabla-ref, nabla-wasm-<threads>t, tfjs-cpu, tfjs-wasm-<threads>t.
import { initBackend } from '../src/kernels/index.js';
import { nablaStep } from './nabla.js';
import { itemsPerRep, median, timeSteps, timingPlan, WORKLOADS, workloadKey, type Measurement } from './workloads.js';

const [engine, key] = process.argv.slice(2);
const quick = process.argv.includes('--quick');
const workload = WORKLOADS.find((w) => workloadKey(w) === key);
if (!workload) throw new Error(`bench/child: unknown workload '${key}'`);

async function makeStep(): Promise<() => void> {
  const wasm = /^nabla-wasm-(\d+)t$/.exec(engine);
  if (engine === 'nabla-ref') {
    await initBackend({ backend: 'ref' });
    return nablaStep(workload!);
  }
  if (wasm) {
    await initBackend({ backend: 'wasm', threads: Number(wasm[1]) });
    return nablaStep(workload!);
  }
  const tfjs = /^tfjs-(cpu|wasm)(?:-(\d+)t)?$/.exec(engine);
  if (tfjs) {
    const { tfjsStep, useTfjsBackend } = await import('./tfjs.js');
    await useTfjsBackend(tfjs[1] as 'cpu' | 'wasm', Number(tfjs[2] ?? 1));
    return tfjsStep(workload!);
  }
  throw new Error(`bench/child: unknown engine '${engine}'`);
}

const result: Measurement = {
  engine, workload: key, unit: workload.unit, rates: [], median: NaN, min: NaN, max: NaN, peakRssBytes: 0,
};
try {
  const step = await makeStep();
  result.rates = await timeSteps(step, itemsPerRep(workload), timingPlan(quick));
  result.median = median(result.rates);
  result.min = Math.min(...result.rates);
  result.max = Math.max(...result.rates);
} catch (error) {
  result.unsupported = (error as Error).message.split('\n')[0];
}
result.peakRssBytes = process.resourceUsage().maxRSS * 1024;
console.log(JSON.stringify(result));
process.exit(0); // TF.js keeps handles open; the measurement is done
