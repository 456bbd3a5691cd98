// SPDX-License-Identifier: MIT
// CPU time per step of one workload on the wasm backend, 1 thread: samples (GFLOP for G1) per
// CPU-second of this process (user + system), median and best of the steps. On a machine shared
// with other jobs, wall-clock rates measure the load as much as the code; CPU time of a
// one-thread process is far steadier. --tree DIR runs the bench/ and src/ of another checkout
// (the before tree of an A/B), so alternating calls compare two builds:
//   node --import tsx bench/cpu-time.ts W2 [steps=30] [--tree /tmp/before]
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const treeAt = args.indexOf('--tree');
const tree = treeAt >= 0 ? resolve(args.splice(treeAt, 2)[1]) : join(dirname(fileURLToPath(import.meta.url)), '..');
const [key = 'W2', stepsArg = '30'] = args;
const { initBackend } = await import(join(tree, 'src/kernels/index.ts'));
const { nablaStep } = await import(join(tree, 'bench/nabla.ts'));
const { WORKLOADS, workloadKey, itemsPerRep } = await import(join(tree, 'bench/workloads.ts'));
const workload = WORKLOADS.find((w: { id: string; n?: number }) => workloadKey(w) === key);
if (!workload) throw new Error(`bench/cpu-time: unknown workload '${key}'`);
const k = await initBackend({ backend: 'wasm', threads: 1 });
const step = nablaStep(workload);
for (let i = 0; i < 3; i++) step();
const rates: number[] = [];
for (let i = 0; i < Number(stepsArg); i++) {
  const start = process.cpuUsage();
  step();
  const used = process.cpuUsage(start);
  rates.push(itemsPerRep(workload) / ((used.user + used.system) / 1e6));
}
rates.sort((a, b) => a - b);
console.log(JSON.stringify({ tree, workload: key, median: rates[rates.length >> 1], best: rates[rates.length - 1], steps: rates.length }));
(k as { close?: () => void }).close?.();
