// SPDX-License-Identifier: MIT
// The convolutions of the `resnet` preset's training step (W5, batch 32, 1×28×28 inputs), each
// timed alone on the wasm backend: the forward pass and the backward pass (dW and dx, as a step
// runs it; the stem's without dx), best of 7, the copies in and out of the wasm heap included
// (a step keeps its tensors resident, so these are upper bounds). Prints one table, with the
// multiply-adds each layer's direct convolution would do, to show where a step's time goes.
//   node --import tsx bench/conv-layers.ts [threads=1]
import { conv2dGeometry, type Conv2dOptions } from '../src/kernels/geometry.js';
import { createWasmKernels } from '../src/kernels/wasm/index.js';
import { Rng } from '../src/tensor/rng.js';
import { Tensor } from '../src/tensor/tensor.js';

const threads = Number(process.argv[2] ?? 1);
const N = 32;
const LAYERS: [string, [number, number, number], Conv2dOptions, boolean][] = [
  ['conv1 (stem)', [1, 28, 28], { outChannels: 32, kernelSize: 3, padding: 1 }, false],
  ['layer1 conv1, conv2 (each)', [32, 28, 28], { outChannels: 32, kernelSize: 3, padding: 1 }, true],
  ['layer2 conv1 (stride 2)', [32, 28, 28], { outChannels: 64, kernelSize: 3, stride: 2, padding: 1 }, true],
  ['layer2 conv2', [64, 14, 14], { outChannels: 64, kernelSize: 3, padding: 1 }, true],
  ['layer2 downsample (1×1, stride 2)', [32, 28, 28], { outChannels: 64, kernelSize: 1, stride: 2 }, true],
  ['layer3 conv1 (stride 2)', [64, 14, 14], { outChannels: 128, kernelSize: 3, stride: 2, padding: 1 }, true],
  ['layer3 conv2', [128, 7, 7], { outChannels: 128, kernelSize: 3, padding: 1 }, true],
  ['layer3 downsample (1×1, stride 2)', [64, 14, 14], { outChannels: 128, kernelSize: 1, stride: 2 }, true],
];

function randomTensor(rng: Rng, shape: number[]): Tensor {
  const t = Tensor.zeros(shape);
  for (let i = 0; i < t.size; i++) t.data[i] = rng.normal(0, 1);
  return t;
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

const k = await createWasmKernels({ threads });
const rng = new Rng(3);
console.log(`wasm backend (${k.runtime.variant}, ${threads} thread${threads === 1 ? '' : 's'}), batch ${N}`);
console.log('| convolution | direct MMACs (fwd) | forward ms | backward ms |');
console.log('|---|---|---|---|');
for (const [label, [C, H, W], options, needDx] of LAYERS) {
  const g = conv2dGeometry('bench', [N, C, H, W], options);
  const x = randomTensor(rng, [N, C, H, W]), w = randomTensor(rng, [g.outC, C, g.kH, g.kW]);
  const dy = randomTensor(rng, [N, g.outC, g.OH, g.OW]);
  const dW = Tensor.zeros(w.shape);
  const forward = bestMs(() => k.conv2d(x, w, null, g));
  const backward = bestMs(() => k.conv2dBackward(x, w, dy, g, { dW, db: null, needDx }));
  const macs = (N * g.outC * g.OH * g.OW * C * g.kH * g.kW) / 1e6;
  console.log(`| ${label} | ${macs.toFixed(0)} | ${forward.toFixed(2)} | ${backward.toFixed(2)} |`);
}
k.close();
