// SPDX-License-Identifier: MIT
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { AdaptiveAvgPool2d, type AdaptiveSize } from '../../src/layers/adaptive-avg-pool2d.js';
import { AvgPool2d } from '../../src/layers/avg-pool2d.js';
import { Sequential } from '../../src/layers/sequential.js';
import { layerFromSpec } from '../../src/layers/spec.js';
import { expectClose } from '../helpers/close.js';
import { naiveAdaptiveAvgPool } from '../kernels/naive-conv.js';
import { expectGradientsOk, expectThrowsWith, randn, Rng, Tensor } from './util.js';

const cases: { name: string; size: AdaptiveSize; x: number[]; out: number[] }[] = [
  { name: 'out=1 x=[2,3,5,7] (global)', size: 1, x: [2, 3, 5, 7], out: [1, 1] },
  { name: 'out=3 x=[2,2,7,7] (overlapping windows)', size: 3, x: [2, 2, 7, 7], out: [3, 3] },
  { name: 'out=[2,3] x=[1,3,6,9] (divides)', size: [2, 3], x: [1, 3, 6, 9], out: [2, 3] },
  { name: 'out=[4,5] x=[1,2,3,3] (larger than the input)', size: [4, 5], x: [1, 2, 3, 3], out: [4, 5] },
  { name: 'out=[null,3] x=[2,1,5,7] (keeps H)', size: [null, 3], x: [2, 1, 5, 7], out: [5, 3] },
  { name: 'out=[3,null] x=[1,2,8,6] (keeps W)', size: [3, null], x: [1, 2, 8, 6], out: [3, 6] },
  { name: 'out=7 x=[1,1,1,1] (one element to many)', size: 7, x: [1, 1, 1, 1], out: [7, 7] },
];

describe('AdaptiveAvgPool2d gradcheck (float64)', () => {
  for (const c of cases) {
    test(c.name, () => {
      // Linear in x: a step of 1e-3 has no truncation error.
      expectGradientsOk(`AdaptiveAvgPool2d ${c.name}`, new AdaptiveAvgPool2d(c.size), randn(new Rng(51), c.x), { seed: 3, eps: 1e-3 });
    });
  }
});

describe('AdaptiveAvgPool2d properties', () => {
  test('output shape, and forward equals the means of PyTorch\'s windows (naive, floating-point formula)', () => {
    const rng = new Rng(52);
    for (const c of cases) {
      const layer = new AdaptiveAvgPool2d(c.size);
      assert.deepEqual(layer.outputShape(c.x), [c.x[0], c.x[1], ...c.out], c.name);
      const x = randn(rng, c.x);
      expectClose(layer.forward(x, 'train').data, naiveAdaptiveAvgPool(x, c.out[0], c.out[1]).y, { rtol: 1e-12, atol: 1e-15, name: c.name });
    }
  });

  test('an output size dividing the input is AvgPool2d with kernel = stride = input / output', () => {
    const x = randn(new Rng(53), [2, 3, 12, 10]);
    const adaptive = new AdaptiveAvgPool2d([4, 5]).forward(x, 'eval');
    const plain = new AvgPool2d([3, 2]).forward(x, 'eval');
    expectClose(adaptive.data, plain.data, { rtol: 1e-14, atol: 1e-15, name: 'adaptive vs AvgPool2d' });
  });

  test('windows cover the input: with non-overlapping windows backward conserves the gradient sum, and constants stay constant', () => {
    const layer = new AdaptiveAvgPool2d([2, 5]);
    layer.forward(randn(new Rng(54), [1, 2, 6, 10]), 'train');
    const dy = randn(new Rng(55), [1, 2, 2, 5]);
    const sum = (t: Tensor) => t.toArray().reduce((a, b) => a + b, 0);
    // Windows of 3×2, each dy spread over 6 inputs with 1/6: Σdx = Σdy.
    assert.ok(Math.abs(sum(layer.backward(dy)) - sum(dy)) < 1e-12);
    const constant = new AdaptiveAvgPool2d(3).forward(Tensor.full([1, 1, 7, 5], -1.25, 'float64'), 'eval');
    assert.ok(constant.data.every((v) => Math.abs(v + 1.25) < 1e-15));
  });

  test('toSpec round-trips, writing one number when square; the summary shows it', () => {
    assert.deepEqual(new AdaptiveAvgPool2d(1).toSpec(), { type: 'AdaptiveAvgPool2d', outputSize: 1 });
    assert.deepEqual(new AdaptiveAvgPool2d([2, 2]).toSpec(), { type: 'AdaptiveAvgPool2d', outputSize: 2 });
    assert.deepEqual(new AdaptiveAvgPool2d([null, 3]).toSpec(), { type: 'AdaptiveAvgPool2d', outputSize: [null, 3] });
    assert.deepEqual(new AdaptiveAvgPool2d([null, null]).toSpec(), { type: 'AdaptiveAvgPool2d', outputSize: [null, null] });
    for (const c of cases) {
      const spec = new AdaptiveAvgPool2d(c.size).toSpec();
      assert.deepEqual(layerFromSpec(spec).toSpec(), spec, c.name);
    }
    const row = new Sequential([new AdaptiveAvgPool2d([null, 3])]).summary([2, 4, 9, 9]).rows[0];
    assert.deepEqual([row.layer, row.outputShape], ['AdaptiveAvgPool2d(outputSize=[null, 3])', [2, 4, 9, 3]]);
  });
});

describe('AdaptiveAvgPool2d errors', () => {
  const rng = new Rng(0);
  test('wrong rank, empty planes, dy of the wrong shape, backward before forward', () => {
    expectThrowsWith(() => new AdaptiveAvgPool2d(2).forward(randn(rng, [2, 6, 6]), 'train'), ['AdaptiveAvgPool2d', '[N, C, H, W]', '[2, 6, 6]']);
    expectThrowsWith(() => new AdaptiveAvgPool2d(2).outputShape([2, 3, 0, 4]), ['AdaptiveAvgPool2d', '[2, 3, 0, 4]']);
    expectThrowsWith(() => new AdaptiveAvgPool2d(2).backward(randn(rng, [1, 1, 2, 2])), ['AdaptiveAvgPool2d', 'before forward']);
    const layer = new AdaptiveAvgPool2d([2, 3]);
    layer.forward(randn(rng, [1, 2, 5, 5]), 'train');
    expectThrowsWith(() => layer.backward(randn(rng, [1, 2, 3, 2])), ['AdaptiveAvgPool2d', 'dy', '[1, 2, 2, 3]', '[1, 2, 3, 2]']);
  });
  test('bad output sizes, in code and in specs', () => {
    for (const bad of [0, 1.5, -1, [2], [2, 0], [2, 'a']]) {
      expectThrowsWith(() => new AdaptiveAvgPool2d(bad as AdaptiveSize), ['AdaptiveAvgPool2d', 'outputSize', JSON.stringify(bad)]);
    }
    expectThrowsWith(() => layerFromSpec({ type: 'AdaptiveAvgPool2d' }), ['AdaptiveAvgPool2d', "missing 'outputSize'"]);
    expectThrowsWith(() => layerFromSpec({ type: 'AdaptiveAvgPool2d', outputSize: [3, 3, 3] }), ['AdaptiveAvgPool2d', "'outputSize'", '[3,3,3]']);
    expectThrowsWith(() => layerFromSpec({ type: 'AdaptiveAvgPool2d', outputSize: 2, size: 2 }), ["unknown option 'size'", 'outputSize']);
  });
});
