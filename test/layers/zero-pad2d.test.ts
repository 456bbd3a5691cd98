// SPDX-License-Identifier: MIT
// ZeroPad2d: float64 gradchecks (one width, every side its own, sides of 0, a one-pixel image,
// negative sides that crop); properties (x sits at [top, left] among zeros; backward drops the
// borders; negative sides crop as PyTorch's; ZeroPad2d(p) then a
// Conv2d equals the Conv2d with padding p); spec and bad-input errors.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Conv2d } from '../../src/layers/conv2d.js';
import { layerFromSpec } from '../../src/layers/spec.js';
import { Sequential } from '../../src/layers/sequential.js';
import { ZeroPad2d } from '../../src/layers/zero-pad2d.js';
import { expectClose } from '../helpers/close.js';
import { expectGradientsOk, expectThrowsWith, randn, Rng, Tensor } from './util.js';

describe('ZeroPad2d gradcheck (float64)', () => {
  const cases: [number | number[], number[]][] = [
    [1, [2, 3, 4, 5]], [[1, 0, 2, 3], [1, 2, 3, 3]], [[0, 1, 0, 1], [2, 2, 5, 4]], [[3, 2, 0, 0], [2, 1, 1, 1]],
    [[-1, 2, 0, -1], [2, 2, 3, 4]], [-1, [1, 2, 4, 5]],
  ];
  cases.forEach(([padding, x], i) => {
    test(`padding ${JSON.stringify(padding)} x=[${x}]`, () => {
      expectGradientsOk(`ZeroPad2d ${JSON.stringify(padding)}`, new ZeroPad2d(padding), randn(new Rng(340 + i), x));
    });
  });
});

describe('ZeroPad2d properties', () => {
  test('x sits at [top, left] among zeros (PyTorch order [left, right, top, bottom]); backward drops the borders', () => {
    const layer = new ZeroPad2d([1, 0, 2, 3]);
    const x = Tensor.from([1, 2, 3, 4], [1, 1, 2, 2], 'float64');
    const y = layer.forward(x, 'train');
    assert.deepEqual([...y.shape], [1, 1, 7, 3]);
    assert.deepEqual([...y.data], [0, 0, 0, 0, 0, 0, 0, 1, 2, 0, 3, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    assert.deepEqual([...layer.backward(Tensor.from(Array.from({ length: 21 }, (_, i) => i), [1, 1, 7, 3], 'float64')).data], [7, 8, 10, 11]);
  });

  test('negative sides crop, as PyTorch: ZeroPad2d([-1, 2, 0, -1]) of arange(12) as [1, 1, 3, 4]', () => {
    const layer = new ZeroPad2d([-1, 2, 0, -1]);
    const y = layer.forward(Tensor.from(Array.from({ length: 12 }, (_, i) => i), [1, 1, 3, 4], 'float64'), 'train');
    assert.deepEqual([...y.shape], [1, 1, 2, 5]);
    assert.deepEqual([...y.data], [1, 2, 3, 0, 0, 5, 6, 7, 0, 0]); // nn.ZeroPad2d((-1, 2, 0, -1)) gives these
    const dx = layer.backward(Tensor.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], [1, 1, 2, 5], 'float64'));
    assert.deepEqual([...dx.data], [0, 1, 2, 3, 0, 6, 7, 8, 0, 0, 0, 0]);
  });

  test('ZeroPad2d(p) then a Conv2d is the Conv2d with padding p', () => {
    const rng = new Rng(35);
    const conv = new Conv2d(2, 3, 3, { rng, stride: 2 });
    const padded = new Conv2d(2, 3, 3, { stride: 2, padding: [1, 2] });
    padded.weight.value.data.set(conv.weight.value.data);
    padded.bias!.value.data.set(conv.bias!.value.data);
    const x = randn(rng, [2, 2, 6, 7], 1, 'float32');
    const ours = new Sequential([new ZeroPad2d([2, 2, 1, 1]), conv]).forward(x, 'eval');
    expectClose(ours.data, padded.forward(x, 'eval').data, { rtol: 1e-6, atol: 1e-6, name: 'pad + conv' });
  });

  test('spec round trip', () => {
    assert.deepEqual(new ZeroPad2d(2).toSpec(), { type: 'ZeroPad2d', padding: 2 });
    assert.deepEqual(layerFromSpec({ type: 'ZeroPad2d', padding: [0, 1, 0, 1] }).toSpec(), { type: 'ZeroPad2d', padding: [0, 1, 0, 1] });
  });
});

describe('ZeroPad2d errors', () => {
  test('padding, rank, dy shape, backward before forward, spec', () => {
    expectThrowsWith(() => new ZeroPad2d(0.5), ['ZeroPad2d', 'padding', '[left, right, top, bottom]', '0.5']);
    expectThrowsWith(() => new ZeroPad2d([-2, -2, 0, 0]).forward(Tensor.zeros([1, 1, 3, 4]), 'eval'), ['ZeroPad2d', '[-2, -2, 0, 0]', 'crops', '[1, 1, 3, 4]', 'to nothing']);
    expectThrowsWith(() => new ZeroPad2d([1, 2]), ['ZeroPad2d', 'padding', '[1,2]']);
    expectThrowsWith(() => new ZeroPad2d(1).forward(Tensor.zeros([2, 3, 4]), 'eval'), ['ZeroPad2d', '[N, C, H, W]', '[2, 3, 4]']);
    expectThrowsWith(() => new ZeroPad2d(1).backward(Tensor.zeros([1, 1, 3, 3])), ['ZeroPad2d', 'before forward']);
    const layer = new ZeroPad2d([1, 0, 0, 0]);
    layer.forward(Tensor.zeros([1, 1, 2, 2]), 'train');
    expectThrowsWith(() => layer.backward(Tensor.zeros([1, 1, 2, 2])), ['ZeroPad2d', 'dy', '[1, 1, 2, 3]', '[1, 1, 2, 2]']);
    expectThrowsWith(() => layerFromSpec({ type: 'ZeroPad2d' }), ['ZeroPad2d', "missing 'padding'"]);
    expectThrowsWith(() => layerFromSpec({ type: 'ZeroPad2d', padding: [1, 1] }), ['ZeroPad2d', "'padding' must be", '[1,1]']);
  });
});
