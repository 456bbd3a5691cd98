// SPDX-License-Identifier: MIT
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Flatten } from '../../src/layers/flatten.js';
import { Tensor } from '../../src/tensor/tensor.js';
import { expectGradientsOk, expectThrowsWith, randn, Rng } from './util.js';

describe('Flatten', () => {
  test('gradcheck (float64) on [2,3,4,5] and [1,7]', () => {
    expectGradientsOk('Flatten 4-D', new Flatten(), randn(new Rng(1), [2, 3, 4, 5]), { eps: 1e-3 });
    expectGradientsOk('Flatten 2-D', new Flatten(), randn(new Rng(2), [1, 7]), { eps: 1e-3 });
  });

  test('[N, C, H, W] → [N, C·H·W] in row-major order; backward restores the shape', () => {
    const x = Tensor.from(Array.from({ length: 2 * 3 * 2 * 2 }, (_, i) => i), [2, 3, 2, 2]);
    const layer = new Flatten();
    const y = layer.forward(x, 'train');
    assert.deepEqual([...y.shape], [2, 12]);
    assert.equal(y.get(1, 5), x.get(1, 1, 0, 1));
    const dx = layer.backward(y);
    assert.deepEqual([...dx.shape], [2, 3, 2, 2]);
    assert.deepEqual(dx.toArray(), x.toArray());
  });

  test('errors: rank 1 input, dy of the wrong shape', () => {
    expectThrowsWith(() => new Flatten().forward(Tensor.zeros([5]), 'train'), ['Flatten', '[N, ...]', '[5]']);
    const layer = new Flatten();
    layer.forward(Tensor.zeros([2, 3, 4]), 'train');
    expectThrowsWith(() => layer.backward(Tensor.zeros([2, 10])), ['Flatten', 'dy', '[2, 12]', '[2, 10]']);
  });
});
