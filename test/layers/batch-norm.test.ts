// SPDX-License-Identifier: MIT
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { BatchNorm1d, BatchNorm2d } from '../../src/layers/batch-norm.js';
import { layerFromSpec } from '../../src/layers/spec.js';
import { Tensor } from '../../src/tensor/tensor.js';
import { expectClose } from '../helpers/close.js';
import { expectGradientsOk, expectThrowsWith, randn, randomizeParameters, Rng } from './util.js';

/** Per-channel mean and biased variance of [N, C] or [N, C, H, W], by direct loops. */
function channelStats(x: Tensor): { mean: number[]; variance: number[]; count: number } {
  const C = x.shape[1];
  const inner = x.rank === 4 ? x.shape[2] * x.shape[3] : 1;
  const count = x.shape[0] * inner;
  const mean = new Array<number>(C).fill(0);
  const variance = new Array<number>(C).fill(0);
  const channel = (i: number) => Math.floor(i / inner) % C;
  x.data.forEach((v, i) => (mean[channel(i)] += v / count));
  x.data.forEach((v, i) => (variance[channel(i)] += (v - mean[channel(i)]) ** 2 / count));
  return { mean, variance, count };
}

/** A layer in float64 after `steps` train forwards on shifted, scaled inputs (so running stats move). */
function trained<T extends BatchNorm1d | BatchNorm2d>(layer: T, shape: number[], steps: number, rng: Rng): T {
  for (const p of layer.parameters()) p.cast('float64');
  for (let s = 0; s < steps; s++) {
    const x = randn(rng, shape, 2);
    for (let i = 0; i < x.size; i++) x.data[i] += 1.5;
    layer.forward(x, 'train');
  }
  return layer;
}

describe('BatchNorm gradcheck (float64)', () => {
  test('BatchNorm1d train x=[6,4]', () => {
    const rng = new Rng(1);
    const layer = new BatchNorm1d(4);
    randomizeParameters(layer, rng);
    expectGradientsOk('BatchNorm1d train', layer, randn(rng, [6, 4], 2));
  });
  test('BatchNorm1d train, batch of 2 x=[2,3]', () => {
    const rng = new Rng(2);
    const layer = new BatchNorm1d(3);
    randomizeParameters(layer, rng);
    expectGradientsOk('BatchNorm1d N=2', layer, randn(rng, [2, 3]));
  });
  test('BatchNorm2d train x=[3,2,3,5]', () => {
    const rng = new Rng(3);
    const layer = new BatchNorm2d(2);
    randomizeParameters(layer, rng);
    expectGradientsOk('BatchNorm2d train', layer, randn(rng, [3, 2, 3, 5]));
  });
  test('BatchNorm2d train, batch 1 x=[1,3,4,3]', () => {
    const rng = new Rng(4);
    const layer = new BatchNorm2d(3);
    randomizeParameters(layer, rng);
    expectGradientsOk('BatchNorm2d N=1', layer, randn(rng, [1, 3, 4, 3]));
  });
  test('BatchNorm2d train without affine parameters x=[2,3,3,3]', () => {
    const rng = new Rng(5);
    expectGradientsOk('BatchNorm2d affine=false', new BatchNorm2d(3, { affine: false }), randn(rng, [2, 3, 3, 3]));
  });
  test('BatchNorm1d and BatchNorm2d eval, after 3 train steps (running statistics)', () => {
    const rng = new Rng(6);
    const bn1 = trained(new BatchNorm1d(5), [8, 5], 3, rng);
    randomizeParameters(bn1, rng);
    expectGradientsOk('BatchNorm1d eval', bn1, randn(rng, [4, 5]), { mode: 'eval' });
    const bn2 = trained(new BatchNorm2d(2, { momentum: 0.3 }), [4, 2, 3, 3], 3, rng);
    randomizeParameters(bn2, rng);
    expectGradientsOk('BatchNorm2d eval', bn2, randn(rng, [2, 2, 3, 4]), { mode: 'eval' });
  });
});

describe('BatchNorm properties', () => {
  test('train with γ = 1, β = 0 gives per-channel mean ≈ 0 and variance ≈ 1 (odd sizes)', () => {
    const rng = new Rng(10);
    for (const [layer, shape] of [
      [new BatchNorm1d(7), [13, 7]],
      [new BatchNorm2d(3), [5, 3, 7, 9]],
    ] as const) {
      const x = randn(rng, shape, 3, 'float32');
      for (let i = 0; i < x.size; i++) x.data[i] += 4;
      const { mean, variance, count } = channelStats(layer.forward(x, 'train'));
      mean.forEach((m) => assert.ok(Math.abs(m) < 1e-5, `${layer.name} mean ${m}`));
      // Variance is σ²/(σ² + ε) ≈ 1 − ε/σ² with σ ≈ 3.
      variance.forEach((v) => assert.ok(Math.abs(v - 1) < 1e-4, `${layer.name} variance ${v} over ${count}`));
    }
  });

  test('running statistics follow PyTorch: (1 − m)·running + m·batch, the variance unbiased', () => {
    const rng = new Rng(11);
    const layer = new BatchNorm2d(3, { momentum: 0.2 });
    const expectedMean = [0, 0, 0];
    const expectedVar = [1, 1, 1];
    for (let step = 0; step < 4; step++) {
      const x = randn(rng, [3, 3, 4, 5], 1 + step, 'float32');
      for (let i = 0; i < x.size; i++) x.data[i] += step;
      layer.forward(x, 'train');
      const { mean, variance, count } = channelStats(x);
      for (let c = 0; c < 3; c++) {
        expectedMean[c] = 0.8 * expectedMean[c] + 0.2 * mean[c];
        expectedVar[c] = 0.8 * expectedVar[c] + 0.2 * variance[c] * (count / (count - 1));
      }
      expectClose(layer.runningMean.value.data, expectedMean, { rtol: 1e-5, atol: 1e-6, name: `runningMean step ${step}` });
      expectClose(layer.runningVar.value.data, expectedVar, { rtol: 1e-5, atol: 1e-6, name: `runningVar step ${step}` });
    }
  });

  test('eval uses the running statistics and does not change them', () => {
    const rng = new Rng(12);
    const layer = trained(new BatchNorm1d(4, { eps: 1e-3 }), [10, 4], 3, rng);
    randomizeParameters(layer, rng);
    const before = [layer.runningMean.value.toArray(), layer.runningVar.value.toArray()];
    const x = randn(rng, [3, 4]);
    const y = layer.forward(x, 'eval');
    assert.deepEqual([layer.runningMean.value.toArray(), layer.runningVar.value.toArray()], before);
    const [mean, variance] = before;
    const gamma = layer.weight!.value.data;
    const beta = layer.bias!.value.data;
    const expected = x.toArray().map((v, i) => {
      const c = i % 4;
      return (gamma[c] * (v - mean[c])) / Math.sqrt(variance[c] + 1e-3) + beta[c];
    });
    expectClose(y.data, expected, { rtol: 1e-12, atol: 1e-12, name: 'eval y' });
  });

  test('starts as PyTorch: γ = 1, β = 0, runningMean = 0, runningVar = 1; names and toSpec', () => {
    const layer = new BatchNorm2d(3, { eps: 1e-3 });
    assert.deepEqual(layer.weight!.value.toArray(), [1, 1, 1]);
    assert.deepEqual(layer.bias!.value.toArray(), [0, 0, 0]);
    assert.deepEqual(layer.runningMean.value.toArray(), [0, 0, 0]);
    assert.deepEqual(layer.runningVar.value.toArray(), [1, 1, 1]);
    assert.deepEqual(layer.parameters().map((p) => p.name), ['weight', 'bias']);
    assert.deepEqual(layer.buffers().map((b) => b.name), ['runningMean', 'runningVar']);
    assert.deepEqual(new BatchNorm1d(3, { affine: false }).parameters(), []);
    assert.deepEqual(layer.toSpec(), { type: 'BatchNorm2d', numFeatures: 3, eps: 1e-3 });
    for (const l of [layer, new BatchNorm1d(2, { momentum: 0.5, affine: false })]) {
      assert.deepEqual(layerFromSpec(l.toSpec()).toSpec(), l.toSpec());
    }
  });
});

describe('BatchNorm errors', () => {
  test('wrong channels and wrong rank name the layer and both shapes', () => {
    expectThrowsWith(() => new BatchNorm2d(3).forward(Tensor.zeros([2, 4, 5, 5]), 'train'), [
      'BatchNorm2d: expected input of shape [N, 3, *, *], got [2, 4, 5, 5]',
    ]);
    expectThrowsWith(() => new BatchNorm1d(3).forward(Tensor.zeros([2, 3, 5]), 'train'), ['BatchNorm1d', '[N, 3]', '[2, 3, 5]']);
  });
  test('training on one value per channel', () => {
    expectThrowsWith(() => new BatchNorm1d(3).forward(Tensor.zeros([1, 3]), 'train'), ['BatchNorm1d', 'more than 1 value per channel', '[1, 3]']);
    // Eval needs no batch statistics, so a batch of one is fine there.
    assert.deepEqual([...new BatchNorm1d(3).forward(Tensor.zeros([1, 3]), 'eval').shape], [1, 3]);
  });
  test('dy of the wrong shape, backward before forward, bad options', () => {
    expectThrowsWith(() => new BatchNorm1d(2).backward(Tensor.zeros([2, 2])), ['BatchNorm1d', 'before forward']);
    const layer = new BatchNorm1d(2);
    layer.forward(randn(new Rng(1), [4, 2], 1, 'float32'), 'train');
    expectThrowsWith(() => layer.backward(Tensor.zeros([3, 2])), ['BatchNorm1d', 'dy', '[4, 2]', '[3, 2]']);
    expectThrowsWith(() => new BatchNorm1d(2, { momentum: 1.5 }), ['BatchNorm1d', 'momentum']);
    expectThrowsWith(() => new BatchNorm2d(0), ['BatchNorm2d', 'numFeatures']);
  });
});
