// SPDX-License-Identifier: MIT
// SoftmaxCrossEntropy over spatial logits [N, C, H, W] with targets [N, H, W], and ignoreIndex:
// float64 gradient checks, the identity with the [N·H·W, C] rows it is, ignored targets, the
// all-ignored batch (NaN with mean, as PyTorch; zero gradient), errors.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { SoftmaxCrossEntropy, type SoftmaxCrossEntropyOptions } from '../../src/losses/softmax-cross-entropy.js';
import { Tensor } from '../../src/tensor/tensor.js';
import { expectClose } from '../helpers/close.js';
import { expectGradientsOk, expectThrowsWith, randn, Rng } from '../layers/util.js';
import { lossAsDifferentiable } from './util.js';

/** Targets [N·H·W] in [0, K), a fraction of them set to ignoreIndex. */
function targets(rng: Rng, count: number, K: number, ignored = 0, ignoreIndex = -100): Int32Array {
  return Int32Array.from({ length: count }, () => (rng.uniform(0, 1) < ignored ? ignoreIndex : rng.int(K)));
}

/** [N, K, H, W] → [N·H·W, K]: one row per pixel. */
function pixelsAsRows(z: Tensor): Tensor {
  const [N, K, H, W] = z.shape;
  const rows = Tensor.zeros([N * H * W, K], z.dtype);
  for (let n = 0; n < N; n++) for (let k = 0; k < K; k++) for (let p = 0; p < H * W; p++) rows.data[(n * H * W + p) * K + k] = z.data[(n * K + k) * H * W + p];
  return rows;
}

const cases: { name: string; shape: number[]; ignored: number; options: SoftmaxCrossEntropyOptions }[] = [
  { name: 'mean x=[2,3,4,5]', shape: [2, 3, 4, 5], ignored: 0, options: {} },
  { name: 'sum x=[1,4,3,3] (batch 1)', shape: [1, 4, 3, 3], ignored: 0, options: { reduction: 'sum' } },
  { name: 'mean 30% ignored x=[2,3,5,7]', shape: [2, 3, 5, 7], ignored: 0.3, options: {} },
  { name: 'mean smoothing 0.1 + weights + 30% ignored (ignoreIndex 255) x=[2,4,3,3]', shape: [2, 4, 3, 3], ignored: 0.3,
    options: { labelSmoothing: 0.1, weight: [0.5, 1.5, 1, 2], ignoreIndex: 255 } },
];

describe('SoftmaxCrossEntropy over [N, C, H, W]: gradcheck (float64)', () => {
  for (const c of cases) {
    test(c.name, () => {
      const rng = new Rng(61);
      const loss = new SoftmaxCrossEntropy(c.options);
      const count = c.shape[0] * c.shape[2] * c.shape[3];
      const t = targets(rng, count, c.shape[1], c.ignored, c.options.ignoreIndex ?? -100);
      expectGradientsOk(`spatial CE ${c.name}`, lossAsDifferentiable(loss, t), randn(rng, c.shape));
    });
  }
});

describe('SoftmaxCrossEntropy over [N, C, H, W]: properties', () => {
  test('equals the loss over the [N·H·W, C] rows of its pixels, gradient included', () => {
    for (const c of cases) {
      const rng = new Rng(62);
      const z = randn(rng, c.shape);
      const t = targets(rng, c.shape[0] * c.shape[2] * c.shape[3], c.shape[1], c.ignored, c.options.ignoreIndex ?? -100);
      const spatial = new SoftmaxCrossEntropy(c.options);
      const rows = new SoftmaxCrossEntropy(c.options);
      expectClose([spatial.forward(z, t)], [rows.forward(pixelsAsRows(z), t)], { rtol: 1e-12, atol: 0, name: c.name });
      expectClose(pixelsAsRows(spatial.backward()).data, rows.backward().data, { rtol: 1e-12, atol: 1e-15, name: c.name });
    }
  });

  test('ignored targets add nothing: the mean is over the rest, their gradient is 0', () => {
    const rng = new Rng(63);
    const z = randn(rng, [2, 3, 2, 2]);
    const t = Int32Array.from([0, -100, 2, 1, -100, -100, 1, 0]);
    const loss = new SoftmaxCrossEntropy();
    const value = loss.forward(z, t);
    const grad = loss.backward();
    let sum = 0;
    t.forEach((k, i) => {
      if (k === -100) return;
      const [n, p] = [Math.floor(i / 4), i % 4];
      const logits = [0, 1, 2].map((c) => z.data[(n * 3 + c) * 4 + p]);
      sum += Math.log(logits.reduce((a, v) => a + Math.exp(v), 0)) - logits[k];
    });
    expectClose([value], [sum / 5], { rtol: 1e-12, atol: 0, name: 'mean over the 5 kept' });
    for (const i of [1, 4, 5]) for (let c = 0; c < 3; c++) assert.equal(grad.data[(Math.floor(i / 4) * 3 + c) * 4 + (i % 4)], 0);
  });

  test('every target ignored: mean is NaN (0/0, as PyTorch), sum is 0, the gradient is 0 in both', () => {
    const z = randn(new Rng(64), [2, 3, 2, 2]);
    const t = new Int32Array(8).fill(-100);
    const mean = new SoftmaxCrossEntropy();
    assert.ok(Number.isNaN(mean.forward(z, t)));
    assert.ok(mean.backward().data.every((v) => v === 0));
    const sum = new SoftmaxCrossEntropy({ reduction: 'sum' });
    assert.equal(sum.forward(z, t), 0);
    assert.ok(sum.backward().data.every((v) => v === 0));
  });

  test('targets as a Tensor [N, H, W]', () => {
    const z = randn(new Rng(65), [2, 3, 2, 2]);
    const flat = Int32Array.from([0, 1, 2, 1, 0, 0, 1, 2]);
    const a = new SoftmaxCrossEntropy().forward(z, flat);
    const b = new SoftmaxCrossEntropy().forward(z, Tensor.from(Array.from(flat), [2, 2, 2]));
    assert.equal(a, b);
  });
});

describe('SoftmaxCrossEntropy over [N, C, H, W]: errors', () => {
  const z = randn(new Rng(66), [2, 3, 2, 2]);
  test('wrong target count or shape names both shapes', () => {
    expectThrowsWith(() => new SoftmaxCrossEntropy().forward(z, new Int32Array(2)), ['SoftmaxCrossEntropy', 'expected 8 targets', '[2, 2, 2]', '[2, 3, 2, 2]']);
    expectThrowsWith(() => new SoftmaxCrossEntropy().forward(z, Tensor.zeros([2, 4])), ['SoftmaxCrossEntropy', 'targets of shape [2, 2, 2]', 'got [2, 4]']);
  });
  test('a target outside [0, C) that is not ignoreIndex', () => {
    expectThrowsWith(() => new SoftmaxCrossEntropy({ ignoreIndex: 255 }).forward(z, Int32Array.from([0, 1, 2, 3, 0, 0, 0, 0])), [
      'target at index 3 is 3', 'outside [0, 3)', 'ignoreIndex 255',
    ]);
    expectThrowsWith(() => new SoftmaxCrossEntropy({ ignoreIndex: 1.5 }), ['ignoreIndex must be an integer']);
  });
});
