// SPDX-License-Identifier: MIT
// Where the time of one workload goes: runs it on the wasm backend under the V8 sampling profiler
// (node:inspector, started after warm-up so start-up is not counted) and prints self time per
// function, with wasm functions named from the .wat of the build.
//   node --import tsx bench/profile.ts W2 [threads=1] [seconds=3]
import { Session } from 'node:inspector/promises';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { initBackend } from '../src/kernels/index.js';
import { nablaStep } from './nabla.js';
import { WORKLOADS, workloadKey } from './workloads.js';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
}

const [key = 'W2', threadsArg = '1', secondsArg = '3'] = process.argv.slice(2);
const workload = WORKLOADS.find((w) => workloadKey(w) === key);
if (!workload) throw new Error(`bench/profile: unknown workload '${key}'`);
const k = await initBackend({ backend: 'wasm', threads: Number(threadsArg) });

const wat = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../src/kernels/wasm/build/nabla-relaxed.wat'), 'utf8');
const wasmNames = [...wat.matchAll(/^ \(func \$(\S+)/gm)].map((m) => m[1].split('/').pop()!);

const step = nablaStep(workload);
for (let i = 0; i < 3; i++) step();
const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 200 });
await session.post('Profiler.start');
let steps = 0;
const end = performance.now() + Number(secondsArg) * 1000;
const t0 = performance.now();
while (performance.now() < end) {
  step();
  steps++;
}
const elapsed = (performance.now() - t0) / 1000;
const { profile } = await session.post('Profiler.stop');
session.disconnect();

const selfTime = new Map<number, number>();
profile.samples!.forEach((id, i) => selfTime.set(id, (selfTime.get(id) ?? 0) + (profile.timeDeltas![i] ?? 0)));
const byName = new Map<string, number>();
let total = 0;
for (const node of profile.nodes as ProfileNode[]) {
  const t = selfTime.get(node.id) ?? 0;
  total += t;
  const wasm = /^wasm-function\[(\d+)\]/.exec(node.callFrame.functionName);
  const file = node.callFrame.url.split('/').slice(-2).join('/');
  const name = wasm ? `wasm ${wasmNames[Number(wasm[1])] ?? node.callFrame.functionName}` : `${node.callFrame.functionName || '(anonymous)'} ${file}`;
  byName.set(name, (byName.get(name) ?? 0) + t);
}
console.log(`${workload.label} on ${k.name}: ${((steps * workload.batch) / elapsed).toFixed(0)} samples/s over ${steps} steps`);
for (const [name, t] of [...byName.entries()].sort((a, b) => b[1] - a[1]).slice(0, 20)) {
  console.log(`${((100 * t) / total).toFixed(1).padStart(5)} %  ${name}`);
}
k.name.startsWith('wasm') && (k as { close?: () => void }).close?.();
