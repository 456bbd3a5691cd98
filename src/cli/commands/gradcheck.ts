// SPDX-License-Identifier: MIT
// `nabla gradcheck`: every layer type's backward pass (and both losses) against central
// differences in float64, printed as a table: the seed notes' derivations, checked live.
import type { Command } from 'commander';
import { type Differentiable, gradcheck, type GradcheckReport } from '../../gradcheck.js';
import { refKernels, setKernels } from '../../kernels/index.js';
import { Dropout } from '../../layers/dropout.js';
import { Embedding } from '../../layers/embedding.js';
import type { Layer, LayerSpec, Merge } from '../../layers/layer.js';
import { layerFromSpec } from '../../layers/spec.js';
import { MSELoss } from '../../losses/mse.js';
import { SoftmaxCrossEntropy } from '../../losses/softmax-cross-entropy.js';
import { Rng } from '../../tensor/rng.js';
import { Tensor } from '../../tensor/tensor.js';
import { CliError, EXIT, positiveNumber } from '../errors.js';
import { print } from '../io.js';

type Fill = 'normal' | 'awayFromZero' | 'distinct';

interface Case {
  name: string;
  make: (rng: Rng) => { target: Layer | Merge | Differentiable; inputs: Tensor[]; beforeForward?: () => void };
}

function input(rng: Rng, shape: number[], fill: Fill = 'normal'): Tensor {
  const t = Tensor.zeros(shape, 'float64');
  if (fill === 'distinct') {
    // distinct values 0.05 apart: no pooling window ties, no winner changes within the step
    const order = rng.permutation(t.size);
    for (let i = 0; i < t.size; i++) t.data[i] = 0.05 * (order[i] - t.size / 2);
  } else {
    for (let i = 0; i < t.size; i++) {
      t.data[i] = fill === 'normal' ? rng.normal() : (rng.next() < 0.5 ? -1 : 1) * (0.1 + rng.next());
    }
  }
  return t;
}

function layerCase(name: string, spec: LayerSpec, shape: number[], fill: Fill = 'normal', randomizeParams = false): Case {
  return mergeCase(name, spec, [shape], fill, randomizeParams);
}

/** A layer with one input per shape (a merge layer takes several). */
function mergeCase(name: string, spec: LayerSpec, shapes: number[][], fill: Fill = 'normal', randomizeParams = false): Case {
  return {
    name,
    make: (rng) => {
      const layer = layerFromSpec(spec, rng);
      if (randomizeParams) for (const p of layer.parameters()) for (let i = 0; i < p.size; i++) p.value.data[i] = rng.normal();
      return { target: layer, inputs: shapes.map((shape) => input(rng, shape, fill)) };
    },
  };
}

/** A ResNet basic block as a Graph: conv-BN-ReLU-conv-BN plus a 1×1 projection shortcut, added, ReLU. */
const BASIC_BLOCK: LayerSpec = {
  type: 'Graph',
  nodes: [
    { name: 'conv1', inputs: ['input'], type: 'Conv2d', inChannels: 2, outChannels: 3, kernelSize: 3, stride: 2, padding: 1, bias: false },
    { name: 'bn1', type: 'BatchNorm2d', numFeatures: 3 },
    { name: 'relu1', type: 'Tanh' }, // smooth, so no kink sits under a finite difference
    { name: 'conv2', type: 'Conv2d', inChannels: 3, outChannels: 3, kernelSize: 3, padding: 1, bias: false },
    { name: 'bn2', type: 'BatchNorm2d', numFeatures: 3 },
    { name: 'downsample', inputs: ['input'], type: 'Conv2d', inChannels: 2, outChannels: 3, kernelSize: 1, stride: 2 },
    { name: 'add', inputs: ['bn2', 'downsample'], type: 'Add' },
    { name: 'out', type: 'Tanh' },
  ],
};

/** ShuffleNet v2's stride-1 unit: the channels split in two halves, one kept, one convolved, joined and shuffled. */
const SHUFFLE_UNIT: LayerSpec = {
  type: 'Graph',
  nodes: [
    { name: 'x1', inputs: ['input'], type: 'Narrow', dim: 1, start: 0, length: 2 },
    { name: 'x2', inputs: ['input'], type: 'Narrow', dim: 1, start: 2, length: 2 },
    { name: 'conv', inputs: ['x2'], type: 'Conv2d', inChannels: 2, outChannels: 2, kernelSize: 3, padding: 1 },
    { name: 'act', type: 'Tanh' },
    { name: 'cat', inputs: ['x1', 'act'], type: 'Concat' },
    { name: 'shuffle', type: 'ChannelShuffle', groups: 2 },
  ],
};

/** A loss as a Differentiable: forward gives the scalar as a [1] tensor, backward scales dz by dy. */
function lossCase(name: string, make: (rng: Rng) => { forward: (z: Tensor) => number; backward: () => Tensor; z: Tensor }): Case {
  return {
    name,
    make: (rng) => {
      const loss = make(rng);
      const target: Differentiable = {
        forward: ([z]) => Tensor.from([loss.forward(z)], [1], 'float64'),
        backward: (dy) => {
          const dz = loss.backward();
          const out = Tensor.zeros(dz.shape, 'float64');
          for (let i = 0; i < dz.size; i++) out.data[i] = dz.data[i] * dy.data[0];
          return [out];
        },
      };
      return { target, inputs: [loss.z] };
    },
  };
}

/**
 * An Embedding checked w.r.t. its weight only: its input holds integer indices, which a finite
 * difference cannot perturb (they have no gradient). Each index appears several times, the
 * padding row too, so the check covers the scatter-add and the row that gets nothing (a constant
 * 0 there: it is reset before every forward, so its numeric gradient is 0 as its analytic one).
 */
function embeddingCase(name: string, V: number, D: number, shape: number[], paddingIdx?: number): Case {
  return {
    name,
    make: (rng) => {
      const layer = new Embedding(V, D, { paddingIdx, rng });
      const indices = Tensor.zeros(shape, 'float64');
      for (let i = 0; i < indices.size; i++) indices.data[i] = i < V ? i : rng.int(V); // every row at least once
      const target: Differentiable = {
        forward: () => layer.forward(indices, 'train'),
        backward: (dy) => (layer.backward(dy, { needInputGrad: false }), []),
        parameters: () => layer.parameters(),
      };
      const row = (paddingIdx ?? 0) * D;
      const beforeForward = paddingIdx === undefined ? undefined : () => layer.weight.value.data.fill(0, row, row + D);
      return { target, inputs: [], beforeForward };
    },
  };
}

export const GRADCHECK_CASES: Case[] = [
  layerCase('Linear 5→4', { type: 'Linear', inFeatures: 5, outFeatures: 4 }, [3, 5]),
  layerCase('Conv2d 2→3 3×3 stride 2 pad 1', { type: 'Conv2d', inChannels: 2, outChannels: 3, kernelSize: 3, stride: 2, padding: 1 }, [2, 2, 6, 6]),
  layerCase('Conv2d 4→4 3×3 groups 2 dilation 2', { type: 'Conv2d', inChannels: 4, outChannels: 4, kernelSize: 3, groups: 2, dilation: 2, padding: 2 }, [1, 4, 7, 7]),
  layerCase('ConvTranspose2d 3→2 3×3 stride 2 pad 1 outputPadding 1', { type: 'ConvTranspose2d', inChannels: 3, outChannels: 2, kernelSize: 3, stride: 2, padding: 1, outputPadding: 1 }, [2, 3, 3, 4]),
  layerCase('ConvTranspose2d 4→6 3×3 groups 2 dilation 2', { type: 'ConvTranspose2d', inChannels: 4, outChannels: 6, kernelSize: 3, groups: 2, dilation: 2 }, [1, 4, 3, 3]),
  layerCase('MaxPool2d 2×2', { type: 'MaxPool2d', kernelSize: 2 }, [2, 2, 4, 4], 'distinct'),
  layerCase('MaxPool2d 3×3 stride 2 pad 1', { type: 'MaxPool2d', kernelSize: 3, stride: 2, padding: 1 }, [1, 2, 5, 5], 'distinct'),
  layerCase('AvgPool2d 2×2', { type: 'AvgPool2d', kernelSize: 2 }, [2, 2, 4, 4]),
  layerCase('AvgPool2d 3×3 pad 1 (no pad count)', { type: 'AvgPool2d', kernelSize: 3, stride: 2, padding: 1, countIncludePad: false }, [1, 2, 5, 5]),
  layerCase('ReLU', { type: 'ReLU' }, [3, 7], 'awayFromZero'),
  layerCase('LeakyReLU 0.1', { type: 'LeakyReLU', negativeSlope: 0.1 }, [3, 7], 'awayFromZero'),
  layerCase('Sigmoid', { type: 'Sigmoid' }, [3, 7]),
  layerCase('Tanh', { type: 'Tanh' }, [3, 7]),
  layerCase('GELU', { type: 'GELU' }, [3, 7]),
  layerCase('Softplus', { type: 'Softplus', beta: 2 }, [3, 7]),
  layerCase('Flatten', { type: 'Flatten' }, [2, 3, 2, 2]),
  {
    name: 'Dropout p=0.3 (one mask)',
    make: (rng) => {
      const maskRng = new Rng(7);
      const state = maskRng.getState();
      return { target: new Dropout(0.3, { rng: maskRng }), inputs: [input(rng, [3, 6])], beforeForward: () => maskRng.setState(state) };
    },
  },
  layerCase('BatchNorm1d 4 (train)', { type: 'BatchNorm1d', numFeatures: 4 }, [6, 4], 'normal', true),
  layerCase('BatchNorm2d 3 (train)', { type: 'BatchNorm2d', numFeatures: 3 }, [4, 3, 3, 3], 'normal', true),
  layerCase(
    'Sequential conv-relu-pool-linear',
    {
      type: 'Sequential',
      layers: [
        { type: 'Conv2d', inChannels: 1, outChannels: 2, kernelSize: 3, padding: 1 },
        { type: 'ReLU' },
        { type: 'MaxPool2d', kernelSize: 2 },
        { type: 'Flatten' },
        { type: 'Linear', inFeatures: 8, outFeatures: 3 },
      ],
    },
    [2, 1, 4, 4],
  ),
  mergeCase('Add 3 inputs', { type: 'Add' }, [[2, 3, 2], [2, 3, 2], [2, 3, 2]]),
  mergeCase('Concat channels', { type: 'Concat' }, [[2, 1, 3], [2, 3, 3]]),
  mergeCase('Mul gate [N, C, 1, 1]', { type: 'Mul' }, [[2, 3, 2, 2], [2, 3, 1, 1]]),
  layerCase('Graph ResNet basic block (fan-out)', BASIC_BLOCK, [2, 2, 5, 5]),
  layerCase('Residual conv 3×3 (identity shortcut)', { type: 'Residual', body: { type: 'Conv2d', inChannels: 2, outChannels: 2, kernelSize: 3, padding: 1 } }, [2, 2, 4, 4]),
  lossCase('SoftmaxCrossEntropy (smoothing 0.1)', (rng) => {
    const loss = new SoftmaxCrossEntropy({ labelSmoothing: 0.1 });
    const labels = Int32Array.from({ length: 4 }, () => rng.int(5));
    return { forward: (z) => loss.forward(z, labels), backward: () => loss.backward(), z: input(rng, [4, 5]) };
  }),
  lossCase('MSELoss', (rng) => {
    const loss = new MSELoss();
    const y = input(rng, [4, 3]);
    return { forward: (z) => loss.forward(z, y), backward: () => loss.backward(), z: input(rng, [4, 3]) };
  }),
  layerCase('MaxPool2d 3×3 stride 2 pad 1 ceil mode', { type: 'MaxPool2d', kernelSize: 3, stride: 2, padding: 1, ceilMode: true }, [1, 2, 6, 6], 'distinct'),
  layerCase('MaxPool2d 2×2 dilation 2 pad [0, 1, 1, 0]', { type: 'MaxPool2d', kernelSize: 2, stride: 1, dilation: 2, padding: [0, 1, 1, 0] }, [1, 2, 5, 5], 'distinct'),
  layerCase('AvgPool2d 3×3 stride 2 pad 1 ceil mode', { type: 'AvgPool2d', kernelSize: 3, stride: 2, padding: 1, ceilMode: true }, [1, 2, 6, 6]),
  layerCase('AvgPool2d 2×2 ceil mode divisorOverride 3', { type: 'AvgPool2d', kernelSize: 2, ceilMode: true, divisorOverride: 3 }, [2, 1, 5, 5]),
  layerCase('AdaptiveAvgPool2d 7×7 → 3×3', { type: 'AdaptiveAvgPool2d', outputSize: 3 }, [2, 2, 7, 7]),
  layerCase('AdaptiveAvgPool2d 3×3 → [4, 5]', { type: 'AdaptiveAvgPool2d', outputSize: [4, 5] }, [1, 2, 3, 3]),
  layerCase('GlobalAvgPool2d', { type: 'GlobalAvgPool2d' }, [2, 3, 5, 7]),
  layerCase('Upsample nearest scaleFactor [2, 3]', { type: 'Upsample', scaleFactor: [2, 3] }, [1, 2, 3, 4]),
  layerCase('Upsample nearest size [7, 5]', { type: 'Upsample', size: [7, 5] }, [2, 1, 3, 4]),
  layerCase('Upsample bilinear scaleFactor 2', { type: 'Upsample', scaleFactor: 2, mode: 'bilinear' }, [2, 2, 3, 4]),
  layerCase('Upsample bilinear size [7, 5] alignCorners', { type: 'Upsample', size: [7, 5], mode: 'bilinear', alignCorners: true }, [1, 2, 3, 4]),
  layerCase('LayerNorm [3, 4]', { type: 'LayerNorm', normalizedShape: [3, 4] }, [2, 3, 4], 'normal', true),
  layerCase('LayerNorm [5] no affine', { type: 'LayerNorm', normalizedShape: [5], elementwiseAffine: false }, [3, 5]),
  layerCase('GroupNorm 2 groups of 3', { type: 'GroupNorm', numGroups: 2, numChannels: 6 }, [2, 6, 3, 3], 'normal', true),
  layerCase('GroupNorm groups = C', { type: 'GroupNorm', numGroups: 3, numChannels: 3 }, [2, 3, 2, 3], 'normal', true),
  layerCase('ReLU6', { type: 'ReLU6' }, [3, 7], 'awayFromZero'),
  layerCase('Hardsigmoid', { type: 'Hardsigmoid' }, [3, 7]),
  layerCase('Hardswish', { type: 'Hardswish' }, [3, 7]),
  layerCase('SiLU', { type: 'SiLU' }, [3, 7]),
  layerCase('ELU 0.5', { type: 'ELU', alpha: 0.5 }, [3, 7], 'awayFromZero'),
  layerCase('Mish', { type: 'Mish' }, [3, 7]),
  layerCase('GELU tanh', { type: 'GELU', approximate: 'tanh' }, [3, 7]),
  layerCase('ChannelShuffle 3 groups', { type: 'ChannelShuffle', groups: 3 }, [2, 6, 2, 3]),
  layerCase('ChannelShuffle 2 groups (rank 3)', { type: 'ChannelShuffle', groups: 2 }, [2, 4, 5]),
  layerCase('Narrow dim 1 start 1 length 3', { type: 'Narrow', dim: 1, start: 1, length: 3 }, [2, 5, 2, 2]),
  layerCase('Narrow dim -1 start -2 length 2', { type: 'Narrow', dim: -1, start: -2, length: 2 }, [2, 3, 5]),
  layerCase('Graph ShuffleNet unit (chunk, conv, concat, shuffle)', SHUFFLE_UNIT, [2, 4, 3, 3]),
  layerCase('ZeroPad2d [left 1, right 0, top 2, bottom 1]', { type: 'ZeroPad2d', padding: [1, 0, 2, 1] }, [2, 2, 3, 4]),
  layerCase('ZeroPad2d [−1, 2, 0, −1] (negative sides crop)', { type: 'ZeroPad2d', padding: [-1, 2, 0, -1] }, [2, 2, 3, 4]),
  layerCase('ZeroPad2d [0, 1, 0, 1] then Conv2d 3×3 stride 2 (TensorFlow SAME)', { type: 'Sequential', layers: [
    { type: 'ZeroPad2d', padding: [0, 1, 0, 1] }, { type: 'Conv2d', inChannels: 2, outChannels: 2, kernelSize: 3, stride: 2 }] }, [1, 2, 5, 6]),
  embeddingCase('Embedding 6×4 (weight; repeated indices)', 6, 4, [3, 5]),
  embeddingCase('Embedding 5×3 paddingIdx 1 (weight)', 5, 3, [4, 3], 1),
  layerCase('Narrow dim 1 start 2 length 3', { type: 'Narrow', dim: 1, start: 2, length: 3 }, [3, 6]),
];

export interface GradcheckRow {
  name: string;
  report: GradcheckReport;
}

/** Runs every case on the reference kernels in float64. */
export function runGradchecks(options: { eps: number; tolerance: number; seed: number }): GradcheckRow[] {
  setKernels(refKernels);
  return GRADCHECK_CASES.map((c, i) => {
    const rng = new Rng(options.seed + i);
    const { target, inputs, beforeForward } = c.make(rng);
    const report = gradcheck(target, inputs, { eps: options.eps, tolerance: options.tolerance, seed: options.seed + i, beforeForward });
    return { name: c.name, report };
  });
}

export function formatGradcheckTable(rows: GradcheckRow[], tolerance: number): string {
  const header = ['Layer', 'Max rel error per checked tensor', 'Worst', 'Result'];
  const cells = rows.map(({ name, report }) => [
    name,
    report.entries.map((e) => `${e.name} ${e.maxRelError.toExponential(1)}`).join(', '),
    report.worst.maxRelError.toExponential(2),
    report.ok ? 'ok' : `FAIL (> ${tolerance})`,
  ]);
  const widths = header.map((h, c) => Math.max(h.length, ...cells.map((r) => r[c].length)));
  const line = (r: string[]) => r.map((cell, c) => cell.padEnd(widths[c])).join('  ').trimEnd();
  const rule = '-'.repeat(widths.reduce((a, b) => a + b, 0) + 2 * (widths.length - 1));
  return [line(header), rule, ...cells.map(line)].join('\n');
}

export function registerGradcheck(program: Command): void {
  program
    .command('gradcheck')
    .description('check every layer type\'s backward pass against central differences (float64) and print a table')
    .option('--eps <x>', 'finite-difference step', positiveNumber('--eps'), 1e-5)
    .option('--tolerance <x>', 'largest relative error accepted', positiveNumber('--tolerance'), 1e-6)
    .option('--seed <n>', 'seed of the inputs and upstream gradients', (v) => Number(v), 0)
    .action((opts: { eps: number; tolerance: number; seed: number }) => {
      const rows = runGradchecks(opts);
      print(
        `Gradient check: analytic backward vs (L(θ+ε) − L(θ−ε)) / 2ε, L = Σ r⊙y with random r, float64, ε = ${opts.eps}\n` +
          formatGradcheckTable(rows, opts.tolerance),
      );
      const failed = rows.filter((r) => !r.report.ok);
      if (failed.length > 0) throw new CliError(`gradcheck: ${failed.length} of ${rows.length} failed: ${failed.map((r) => r.name).join(', ')}`, EXIT.failure);
      print(`all ${rows.length} passed (max rel error ≤ ${opts.tolerance})`);
    });
}
