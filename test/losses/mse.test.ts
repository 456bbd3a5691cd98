// SPDX-License-Identifier: MIT
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { MSELoss } from '../../src/losses/mse.js';
import { Tensor } from '../../src/tensor/tensor.js';
import { expectClose } from '../helpers/close.js';
import { expectGradientsOk, expectThrowsWith, randn, Rng } from '../layers/util.js';
import { lossAsDifferentiable } from './util.js';

describe('MSELoss', () => {
  for (const reduction of ['mean', 'sum'] as const) {
    test(`gradcheck (float64), ${reduction}, shapes [3,4] and [2,3,5]`, () => {
      const rng = new Rng(70);
      for (const shape of [[3, 4], [2, 3, 5]]) {
        const target = randn(rng, shape);
        expectGradientsOk(`MSELoss ${reduction} ${shape}`, lossAsDifferentiable(new MSELoss({ reduction }), target), randn(rng, shape));
      }
    });
  }

  test('matches Σ(ŷ − y)²/M and 2(ŷ − y)/M; 0 when equal; sum = M·mean', () => {
    const rng = new Rng(71);
    const prediction = randn(rng, [4, 5]);
    const target = randn(rng, [4, 5]);
    const mse = new MSELoss();
    const value = mse.forward(prediction, target);
    const diff = prediction.toArray().map((v, i) => v - target.data[i]);
    const expected = diff.reduce((s, d) => s + d * d, 0) / 20;
    assert.ok(Math.abs(value - expected) < 1e-14 * expected);
    expectClose(mse.backward().data, diff.map((d) => (2 * d) / 20), { rtol: 1e-14, atol: 1e-16, name: 'grad' });
    assert.equal(new MSELoss().forward(prediction, prediction.clone()), 0);
    assert.ok(Math.abs(new MSELoss({ reduction: 'sum' }).forward(prediction, target) - 20 * value) < 1e-12);
  });

  test('a float32 target is converted to the prediction dtype', () => {
    const prediction = Tensor.from([1, 2], [2], 'float64');
    const value = new MSELoss().forward(prediction, Tensor.from([0, 0], [2], 'float32'));
    assert.equal(value, 2.5);
  });

  test('errors: shape mismatch names both shapes; bad reduction; backward before forward', () => {
    expectThrowsWith(() => new MSELoss().forward(Tensor.zeros([2, 3]), Tensor.zeros([3, 2])), ['MSELoss', '[2, 3]', '[3, 2]']);
    expectThrowsWith(() => new MSELoss({ reduction: 'none' as 'sum' }), ['MSELoss', 'reduction']);
    expectThrowsWith(() => new MSELoss().backward(), ['MSELoss', 'before forward']);
  });
});
