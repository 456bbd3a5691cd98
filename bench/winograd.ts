// SPDX-License-Identifier: MIT
// im2col, Winograd F(2×2, 3×3) and F(4×4, 3×3) on the wasm backend, for the 3×3 stride-1
// convolutions of W3 and the `resnet` preset: the error of each (max |difference| ÷ max
// |reference| against the float64 reference kernel) and the best of 7 times of the forward pass,
// the input gradient and the weight gradient, each cell im2col → F(2×2) → F(4×4); then the
// resnet preset's 3×3 stride-2 convolutions, whose forward pass and input gradient go by the
// stride-2 algorithm (winograd-s2.ts; the weight gradient by im2col either way), each cell
// im2col → stride-2 Winograd:
//   node --import tsx bench/winograd.ts [threads=1]
import { conv2dGeometry, type Conv2dGeometry } from '../src/kernels/geometry.js';
import { refKernels } from '../src/kernels/ref/index.js';
import { createWasmKernels, type WasmKernels } from '../src/kernels/wasm/index.js';
import { Rng } from '../src/tensor/rng.js';
import { Tensor } from '../src/tensor/tensor.js';

const threads = Number(process.argv[2] ?? 1);
const SHAPES: [string, [number, number, number, number], number, number][] = [
  ['W3 conv2', [128, 32, 26, 26], 64, 0],
  ['resnet 28×28', [32, 32, 28, 28], 32, 1],
  ['resnet 14×14', [32, 64, 14, 14], 64, 1],
  ['resnet 7×7', [32, 128, 7, 7], 128, 1],
];

function randomTensor(rng: Rng, shape: number[], dtype: 'float32' | 'float64' = 'float32'): Tensor {
  const t = Tensor.zeros(shape, dtype);
  for (let i = 0; i < t.size; i++) t.data[i] = rng.normal(0, 1);
  return t;
}

function relativeError(actual: Tensor, expected: Tensor): number {
  let diff = 0, scale = 0;
  for (let i = 0; i < actual.size; i++) {
    diff = Math.max(diff, Math.abs(actual.data[i] - expected.data[i]));
    scale = Math.max(scale, Math.abs(expected.data[i]));
  }
  return diff / scale;
}

function bestMs(fn: () => void): number {
  fn();
  let best = Infinity;
  for (let r = 0; r < 7; r++) {
    const t0 = performance.now();
    fn();
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

function measure(k: WasmKernels, g: Conv2dGeometry, x: Tensor, w: Tensor, dy: Tensor, ref: { y: Tensor; dx: Tensor; dW: Tensor }) {
  const grads = (needDx: boolean) => ({ dW: Tensor.zeros(w.shape), db: null, needDx });
  const forward = bestMs(() => k.conv2d(x, w, null, g));
  const both = bestMs(() => k.conv2dBackward(x, w, dy, g, grads(true)));
  const dW = bestMs(() => k.conv2dBackward(x, w, dy, g, grads(false)));
  return {
    forward, dx: both - dW, dW,
    yError: relativeError(k.conv2d(x, w, null, g), ref.y),
    dxError: relativeError(k.conv2dBackward(x, w, dy, g, grads(true))!, ref.dx),
    dWError: (() => {
      const dW = Tensor.zeros(w.shape);
      k.conv2dBackward(x, w, dy, g, { dW, db: null, needDx: false });
      return relativeError(dW, ref.dW);
    })(),
  };
}

const engines = [await createWasmKernels({ threads, winograd: false }), await createWasmKernels({ threads, winograd: 2 }),
  await createWasmKernels({ threads, winograd: 4 })];
console.log(`wasm backend (${engines[1].runtime.variant}, ${threads} thread${threads === 1 ? '' : 's'}): im2col → F(2×2, 3×3) → F(4×4, 3×3)`);
console.log('| convolution | forward ms | dx ms | dW ms | forward error | dx error | dW error |');
console.log('|---|---|---|---|---|---|---|');
const rng = new Rng(7);
for (const [label, shape, outC, padding] of SHAPES) {
  const g = conv2dGeometry('bench', shape, { outChannels: outC, kernelSize: 3, padding });
  const x = randomTensor(rng, shape), w = randomTensor(rng, [outC, shape[1], 3, 3]);
  const dy = randomTensor(rng, [g.N, outC, g.OH, g.OW]);
  const [x64, w64, dy64] = [x, w, dy].map((t) => Tensor.from(Float64Array.from(t.data), t.shape, 'float64'));
  const dW64 = Tensor.zeros(w.shape, 'float64');
  const dx64 = refKernels.conv2dBackward(x64, w64, dy64, g, { dW: dW64, db: null, needDx: true })!;
  const ref = { y: refKernels.conv2d(x64, w64, null, g), dx: dx64, dW: dW64 };
  const results = engines.map((k) => measure(k, g, x, w, dy, ref));
  const ms = (key: 'forward' | 'dx' | 'dW') => results.map((r) => r[key].toFixed(1)).join(' → ');
  const err = (key: 'yError' | 'dxError' | 'dWError') => results.map((r) => r[key].toExponential(1)).join(' → ');
  console.log(`| ${label} x=[${shape}] → ${outC} | ${ms('forward')} | ${ms('dx')} | ${ms('dW')} | ` +
    `${err('yError')} | ${err('dxError')} | ${err('dWError')} |`);
}

console.log('\n| stride-2 convolution | forward ms | dx ms | forward error | dx error |');
console.log('|---|---|---|---|---|');
const S2_SHAPES: [string, [number, number, number, number], number][] = [
  ['resnet 28→14', [32, 32, 28, 28], 64],
  ['resnet 14→7', [32, 64, 14, 14], 128],
];
for (const [label, shape, outC] of S2_SHAPES) {
  const g = conv2dGeometry('bench', shape, { outChannels: outC, kernelSize: 3, stride: 2, padding: 1 });
  const x = randomTensor(rng, shape), w = randomTensor(rng, [outC, shape[1], 3, 3]);
  const dy = randomTensor(rng, [g.N, outC, g.OH, g.OW]);
  const [x64, w64, dy64] = [x, w, dy].map((t) => Tensor.from(Float64Array.from(t.data), t.shape, 'float64'));
  const ref = refKernels.conv2d(x64, w64, null, g);
  const dxRef = refKernels.conv2dBackward(x64, w64, dy64, g, { dW: null, db: null, needDx: true })!;
  const pair = [engines[0], engines[1]]; // winograd: 2 takes the stride-2 algorithm for stride 2
  const dx = (k: WasmKernels) => k.conv2dBackward(x, w, dy, g, { dW: null, db: null, needDx: true })!;
  const ms = (f: (k: WasmKernels) => unknown) => pair.map((k) => bestMs(() => f(k)).toFixed(1)).join(' → ');
  const err = (f: (k: WasmKernels) => Tensor, expected: Tensor) => pair.map((k) => relativeError(f(k), expected).toExponential(1)).join(' → ');
  console.log(`| ${label} x=[${shape}] → ${outC} | ${ms((k) => k.conv2d(x, w, null, g))} | ${ms(dx)} | ` +
    `${err((k) => k.conv2d(x, w, null, g), ref)} | ${err(dx, dxRef)} |`);
}
for (const k of engines) k.close();
