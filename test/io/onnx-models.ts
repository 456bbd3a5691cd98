// SPDX-License-Identifier: MIT
// Small seeded models for the ONNX tests that, between them, use every exportable layer with
// non-default options, and random BatchNorm statistics so eval semantics are really tested.
import { GELU, LeakyReLU, ReLU, Sigmoid, Softplus, Tanh } from '../../src/layers/activations.js';
import { AdaptiveAvgPool2d } from '../../src/layers/adaptive-avg-pool2d.js';
import { AvgPool2d } from '../../src/layers/avg-pool2d.js';
import { BatchNorm1d, BatchNorm2d } from '../../src/layers/batch-norm.js';
import { Conv2d } from '../../src/layers/conv2d.js';
import { Dropout } from '../../src/layers/dropout.js';
import { Flatten } from '../../src/layers/flatten.js';
import { GlobalAvgPool2d } from '../../src/layers/global-avg-pool2d.js';
import { Linear } from '../../src/layers/linear.js';
import { MaxPool2d } from '../../src/layers/max-pool2d.js';
import { walkModules } from '../../src/layers/container.js';
import type { Module } from '../../src/layers/layer.js';
import { Residual } from '../../src/layers/graph-spec.js';
import { Sequential } from '../../src/layers/sequential.js';
import { modelFromSpec } from '../../src/layers/spec.js';
import { Rng } from '../../src/tensor/rng.js';
import { Tensor } from '../../src/tensor/tensor.js';

/** Gives BatchNorm layers random γ, β and running statistics (variance in [0.5, 2]). */
export function randomizeBatchNorm(model: Module, rng: Rng): void {
  for (const { module } of walkModules(model)) {
    if (!(module instanceof BatchNorm1d || module instanceof BatchNorm2d)) continue;
    for (const p of module.parameters()) {
      for (let i = 0; i < p.size; i++) p.value.data[i] = rng.uniform(0.5, 1.5) * (p.name.endsWith('bias') ? 0.5 : 1);
    }
    for (const b of module.buffers()) {
      const isVar = b.name.endsWith('runningVar');
      for (let i = 0; i < b.value.size; i++) b.value.data[i] = isVar ? rng.uniform(0.5, 2) : rng.normal(0, 0.5);
    }
  }
}

/** Every element-wise layer, BatchNorm1d, Dropout and Linear with and without bias: x [N, 8]. */
export function mlpEveryLayer(): { model: Sequential; inputShape: number[] } {
  const rng = new Rng(11);
  const model = new Sequential([
    new Linear(8, 16, { rng }),
    new ReLU(),
    new Dropout(0.3),
    new Linear(16, 12, { rng, init: 'xavierNormal' }),
    new LeakyReLU(0.2),
    new Linear(12, 10, { rng }),
    new Sigmoid(),
    new Linear(10, 6, { rng, bias: false }),
    new Tanh(),
    new BatchNorm1d(6, { eps: 1e-3, momentum: 0.2 }),
    new GELU(),
    new Linear(6, 6, { rng }),
    new Softplus(),
    new Linear(6, 6, { rng }),
    new Softplus({ beta: 2.5 }),
    new BatchNorm1d(6, { affine: false }),
    new Linear(6, 4, { rng }),
  ]);
  randomizeBatchNorm(model, rng);
  return { model, inputShape: [3, 8] };
}

/** Conv (stride, padding, dilation, groups, no bias), BatchNorm2d, both pools with padding, Flatten: x [N, 3, 12, 10]. */
export function cnnEveryLayer(): { model: Sequential; inputShape: number[] } {
  const rng = new Rng(12);
  const model = new Sequential([
    new Conv2d(3, 8, 3, { rng, padding: 1 }),
    new BatchNorm2d(8),
    new ReLU(),
    new MaxPool2d(2),
    new Conv2d(8, 6, [3, 2], { rng, stride: [1, 2], padding: [2, 1], dilation: [2, 1], groups: 2, bias: false }),
    new MaxPool2d(3, { stride: 1, padding: 1 }),
    new AvgPool2d(3, { stride: 2, padding: 1, countIncludePad: false }),
    new GELU(),
    new AvgPool2d(2, { padding: 1 }), // → [N, 6, 2, 2],
    new Dropout(0.5),
    new Flatten(),
    new Linear(6 * 2 * 2, 5, { rng }),
  ]);
  randomizeBatchNorm(model, rng);
  return { model, inputShape: [2, 3, 12, 10] };
}

/** A seeded normal input of the given shape. */
export function randomInput(shape: readonly number[], seed: number): Tensor {
  const rng = new Rng(seed);
  const x = Tensor.zeros(shape);
  for (let i = 0; i < x.size; i++) x.data[i] = rng.normal(0, 1);
  return x;
}

/** One model per layer and setting, so a wrong attribute cannot hide behind later layers. */
export function singleLayerCases(): { name: string; model: Sequential; inputShape: number[] }[] {
  const rng = new Rng(13);
  const image = [2, 4, 7, 6];
  const cases: [string, Sequential, number[]][] = [
    ['Linear', new Sequential([new Linear(5, 3, { rng })]), [3, 5]],
    ['Linear bias=false', new Sequential([new Linear(5, 3, { rng, bias: false })]), [3, 5]],
    ['Conv2d k=3 p=1', new Sequential([new Conv2d(4, 5, 3, { rng, padding: 1 })]), image],
    [
      'Conv2d k=[3,2] s=[2,1] p=[1,0] d=[1,2] groups=2 bias=false',
      new Sequential([new Conv2d(4, 6, [3, 2], { rng, stride: [2, 1], padding: [1, 0], dilation: [1, 2], groups: 2, bias: false })]),
      image,
    ],
    ['Conv2d depthwise', new Sequential([new Conv2d(4, 4, 3, { rng, groups: 4 })]), image],
    ['MaxPool2d k=2', new Sequential([new MaxPool2d(2)]), image],
    ['MaxPool2d k=3 s=2 p=1', new Sequential([new MaxPool2d(3, { stride: 2, padding: 1 })]), image],
    ['AvgPool2d k=3 s=2 p=1 countIncludePad', new Sequential([new AvgPool2d(3, { stride: 2, padding: 1 })]), image],
    [
      'AvgPool2d k=3 s=2 p=1 countIncludePad=false',
      new Sequential([new AvgPool2d(3, { stride: 2, padding: 1, countIncludePad: false })]),
      image,
    ],
    ['BatchNorm1d', new Sequential([new BatchNorm1d(5, { eps: 1e-2 })]), [3, 5]],
    ['BatchNorm2d', new Sequential([new BatchNorm2d(4)]), image],
    ['BatchNorm2d affine=false', new Sequential([new BatchNorm2d(4, { affine: false })]), image],
    ['ReLU', new Sequential([new ReLU()]), image],
    ['LeakyReLU 0.01', new Sequential([new LeakyReLU()]), [3, 5]],
    ['LeakyReLU 0.3', new Sequential([new LeakyReLU(0.3)]), [3, 5]],
    ['Sigmoid', new Sequential([new Sigmoid()]), [3, 5]],
    ['Tanh', new Sequential([new Tanh()]), [3, 5]],
    ['GELU', new Sequential([new GELU()]), image],
    ['Softplus', new Sequential([new Softplus()]), [3, 5]],
    ['Softplus beta=3', new Sequential([new Softplus({ beta: 3 })]), [3, 5]],
    ['Softplus beta=0.5 threshold=15', new Sequential([new Softplus({ beta: 0.5, threshold: 15 })]), [3, 5]],
    ['Flatten', new Sequential([new Flatten()]), image],
    ['Dropout', new Sequential([new Dropout(0.4)]), [3, 5]],
    ['nested Sequential', new Sequential([new Sequential([new Linear(5, 4, { rng }), new ReLU()]), new Linear(4, 2, { rng })]), [3, 5]],
  ];
  return cases.map(([name, model, inputShape]) => {
    randomizeBatchNorm(model, rng);
    return { name, model, inputShape };
  });
}

/**
 * A residual network in small: a stem, a Residual, a basic block as a Graph with a projection
 * shortcut, a squeeze-and-excitation gate (Mul broadcast), a DenseNet-style Concat and a 3-input
 * Add, nested in a Sequential: x [N, 2, 8, 8] (N ≥ 2: batch norm).
 */
export function graphEveryMerge(): { model: Sequential; inputShape: number[] } {
  const rng = new Rng(17);
  const block = modelFromSpec({
    type: 'Graph',
    nodes: [
      { name: 'conv1', type: 'Conv2d', outChannels: 6, kernelSize: 3, stride: 2, padding: 1, bias: false },
      { name: 'bn1', type: 'BatchNorm2d' },
      { name: 'relu1', type: 'ReLU' },
      { name: 'conv2', type: 'Conv2d', outChannels: 6, kernelSize: 3, padding: 1, bias: false },
      { name: 'bn2', type: 'BatchNorm2d' },
      { name: 'downsample', inputs: ['input'], type: 'Sequential', layers: [{ type: 'Conv2d', outChannels: 6, kernelSize: 1, stride: 2, bias: false }, { type: 'BatchNorm2d' }] },
      { name: 'pool', inputs: ['bn2'], type: 'AvgPool2d', kernelSize: 4 },
      { name: 'fc', type: 'Conv2d', outChannels: 6, kernelSize: 1 },
      { name: 'gate', type: 'Sigmoid' },
      { name: 'se', inputs: ['bn2', 'gate'], type: 'Mul' },
      { name: 'add', inputs: ['se', 'downsample', 'bn2'], type: 'Add' },
      { name: 'relu2', type: 'ReLU' },
      { name: 'cat', inputs: ['relu2', 'downsample'], type: 'Concat' },
    ],
    output: 'cat',
  }, { rng, inputShape: [1, 4, 8, 8] });
  const model = new Sequential([
    new Conv2d(2, 4, 3, { padding: 1, rng }),
    new Residual(new Sequential([new BatchNorm2d(4), new ReLU(), new Conv2d(4, 4, 3, { padding: 1, rng })])),
    block,
    new Flatten(),
    new Linear(12 * 16, 5, { rng }),
  ]);
  randomizeBatchNorm(model, rng);
  return { model, inputShape: [2, 2, 8, 8] };
}

/**
 * The pools with the options PyTorch has (ceil mode, dilation, divisor override, adaptive sizes
 * that do not divide, null sizes, global pooling) between convolutions: x [N, 2, 13, 11].
 */
export function cnnPools(): { model: Sequential; inputShape: number[] } {
  const rng = new Rng(14);
  const model = new Sequential([
    new Conv2d(2, 4, 3, { rng, padding: 1 }),
    new MaxPool2d(3, { stride: 2, padding: 1, ceilMode: true }), // → 7×6
    new Conv2d(4, 4, 3, { rng, padding: 1 }),
    new MaxPool2d(2, { stride: 1, dilation: 2 }), // → 5×4
    new AvgPool2d(2, { ceilMode: true, countIncludePad: false }), // → 3×2
    new Conv2d(4, 6, 1, { rng }),
    new AvgPool2d(2, { stride: 1, padding: 1, ceilMode: true, divisorOverride: 3 }), // → 4×3
    new AdaptiveAvgPool2d([3, null]), // → 3×3, windows overlapping
    new Conv2d(6, 5, 1, { rng }),
    new GlobalAvgPool2d(),
    new Flatten(),
    new Linear(5, 3, { rng }),
  ]);
  return { model, inputShape: [2, 2, 13, 11] };
}

/**
 * ShuffleNet's pieces between a stem and a head: a stride-1 unit (x.chunk(2) as two Narrows, a
 * branch with a ZeroPad2d before a depthwise conv, Concat, ChannelShuffle): x [N, 2, 7, 7].
 */
export function shuffleNetPieces(): { model: Sequential; inputShape: number[] } {
  const rng = new Rng(19);
  const unit = modelFromSpec({
    type: 'Graph',
    nodes: [
      { name: 'x1', type: 'Narrow', dim: 1, start: 0, length: 4 },
      { name: 'x2', inputs: ['input'], type: 'Narrow', dim: 1, start: 4, length: 4 },
      { name: 'branch2', type: 'Sequential', layers: [
        { type: 'Conv2d', outChannels: 4, kernelSize: 1, bias: false }, { type: 'BatchNorm2d' }, { type: 'ReLU' },
        { type: 'ZeroPad2d', padding: [0, 1, 0, 1] }, { type: 'Conv2d', outChannels: 4, kernelSize: 2, groups: 4, bias: false }, { type: 'BatchNorm2d' },
      ] },
      { name: 'cat', inputs: ['x1', 'branch2'], type: 'Concat' },
      { name: 'shuffle', type: 'ChannelShuffle', groups: 2 },
    ],
    output: 'shuffle',
  }, { rng, inputShape: [1, 8, 7, 7] });
  const model = new Sequential([new Conv2d(2, 8, 3, { padding: 1, rng }), unit, new GlobalAvgPool2d(), new Flatten(), new Linear(8, 3, { rng })]);
  randomizeBatchNorm(model, rng);
  return { model, inputShape: [2, 2, 7, 7] };
}

