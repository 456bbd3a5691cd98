// SPDX-License-Identifier: MIT
// Upsampling kernels, ref vs wasm (one thread): forward and backward of nearest and bilinear ×2 on
// U-Net decoder shapes, reported as milliseconds per call and as output floats per second. The
// wasm times include copying the tensors into and out of the arena, as every call does.
//   node --import tsx bench/upsample.bench.ts [budgetMs=1500]
import { cpus } from 'node:os';
import type { Kernels } from '../src/kernels/backend.js';
import { createWasmKernels, refKernels } from '../src/kernels/index.js';
import { upsampleGeometry, type UpsampleMode } from '../src/kernels/upsample-geometry.js';
import { Rng } from '../src/tensor/rng.js';
import { Tensor } from '../src/tensor/tensor.js';
import { median } from './workloads.js';

const budgetMs = Number(process.argv[2] ?? 1500);
const wasm = await createWasmKernels({ threads: 1 });
const rng = new Rng(1);
const random = (shape: number[]) => {
  const t = Tensor.zeros(shape);
  for (let i = 0; i < t.size; i++) t.data[i] = rng.normal();
  return t;
};

/** Median milliseconds of fn over repetitions filling the budget (after one warm-up call). */
function time(fn: () => void): number {
  fn();
  const times: number[] = [];
  const end = performance.now() + budgetMs;
  while (times.length < 5 || (performance.now() < end && times.length < 200)) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return median(times);
}

console.log(`CPU: ${cpus()[0]?.model ?? 'unknown'} (${cpus().length} cores); wasm ${wasm.runtime.variant}, SIMD128 (4 float32 lanes), 1 thread`);
console.log('case | ref ms | wasm ms | wasm Gfloat/s out | speed-up');
for (const shape of [[8, 64, 32, 32], [8, 32, 64, 64], [2, 16, 128, 128]]) {
  for (const mode of ['nearest', 'bilinear'] as UpsampleMode[]) {
    const g = upsampleGeometry('bench', shape, { size: null, scaleFactor: [2, 2], mode, alignCorners: false });
    const x = random(shape);
    const dy = random([g.N, g.C, g.OH, g.OW]);
    for (const [what, run] of [
      ['forward', (k: Kernels) => k.upsample2d(x, g)],
      ['backward', (k: Kernels) => k.upsample2dBackward(dy, g)],
    ] as const) {
      const ref = time(() => run(refKernels));
      const fast = time(() => run(wasm));
      const floats = g.N * g.C * g.OH * g.OW;
      console.log(`${mode} ×2 ${what} x=[${shape.join(',')}] | ${ref.toFixed(2)} | ${fast.toFixed(2)} | ${(floats / fast / 1e6).toFixed(2)} | ${(ref / fast).toFixed(1)}×`);
    }
  }
}
wasm.close();
