// SPDX-License-Identifier: MIT
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Dropout } from '../../src/layers/dropout.js';
import { layerFromSpec } from '../../src/layers/spec.js';
import { Tensor } from '../../src/tensor/tensor.js';
import { expectGradientsOk, expectThrowsWith, randn, Rng } from './util.js';

describe('Dropout gradcheck (float64, one mask replayed for every evaluation)', () => {
  for (const p of [0.2, 0.5, 0.8]) {
    test(`p = ${p}, x=[3,4,5]`, () => {
      const rng = new Rng(7);
      const layer = new Dropout(p, { rng });
      const state = rng.getState();
      // Reset the rng before each forward so every perturbed evaluation draws the same mask.
      expectGradientsOk(`Dropout p=${p}`, layer, randn(new Rng(1), [3, 4, 5]), {
        eps: 1e-3, // y = x ⊙ mask is linear in x
        beforeForward: () => rng.setState(state),
      });
    });
  }
  test('eval mode (identity)', () => {
    expectGradientsOk('Dropout eval', new Dropout(0.5), randn(new Rng(2), [4, 6]), { mode: 'eval', eps: 1e-3 });
  });
});

describe('Dropout properties', () => {
  const n = 200_000;
  const ones = Tensor.full([n], 1, 'float64');
  for (const p of [0.1, 0.3, 0.5, 0.8]) {
    test(`train keeps the mean and drops a fraction p, p = ${p}`, () => {
      const y = new Dropout(p, { rng: new Rng(3) }).forward(ones, 'train');
      let sum = 0;
      let zeros = 0;
      for (const v of y.data) {
        sum += v;
        if (v === 0) zeros++;
        else assert.ok(Math.abs(v - 1 / (1 - p)) < 1e-12, `kept value ${v} should be 1/(1 − p)`);
      }
      // Mean of n draws of mask/(1−p): standard deviation √(p/((1−p)n)); allow 5 of them.
      const sd = Math.sqrt(p / ((1 - p) * n));
      assert.ok(Math.abs(sum / n - 1) < 5 * sd, `mean ${sum / n} (sd ${sd})`);
      assert.ok(Math.abs(zeros / n - p) < 5 * Math.sqrt((p * (1 - p)) / n), `dropped ${zeros / n}`);
    });
  }

  test('eval is the identity, and so is p = 0 in train', () => {
    const x = randn(new Rng(4), [3, 5]);
    assert.deepEqual(new Dropout(0.5).forward(x, 'eval').toArray(), x.toArray());
    assert.deepEqual(new Dropout(0).forward(x, 'train').toArray(), x.toArray());
    const layer = new Dropout(0.5);
    layer.forward(x, 'eval');
    const dy = randn(new Rng(5), [3, 5]);
    assert.deepEqual(layer.backward(dy).toArray(), dy.toArray());
  });

  test('backward uses the forward mask: dx = dy ⊙ mask', () => {
    const layer = new Dropout(0.4, { rng: new Rng(6) });
    const x = Tensor.full([50], 1, 'float64');
    const mask = layer.forward(x, 'train');
    const dy = randn(new Rng(7), [50]);
    const dx = layer.backward(dy);
    dx.data.forEach((v, i) => assert.equal(v, dy.data[i] * mask.data[i]));
  });

  test('masks are seeded: same seed, same mask; successive calls differ', () => {
    const x = Tensor.full([64], 1);
    const a = new Dropout(0.5, { rng: new Rng(9) });
    const b = new Dropout(0.5, { rng: new Rng(9) });
    const first = a.forward(x, 'train').toArray();
    assert.deepEqual(b.forward(x, 'train').toArray(), first);
    assert.notDeepEqual(a.forward(x, 'train').toArray(), first);
  });

  test('toSpec round-trips', () => {
    assert.deepEqual(new Dropout(0.25).toSpec(), { type: 'Dropout', p: 0.25 });
    assert.deepEqual(layerFromSpec(new Dropout(0.25).toSpec()).toSpec(), { type: 'Dropout', p: 0.25 });
  });
});

describe('Dropout errors', () => {
  test('p outside [0, 1)', () => {
    for (const p of [1, -0.1, 1.5, Number.NaN]) expectThrowsWith(() => new Dropout(p), ['Dropout', 'p must be a probability in [0, 1)']);
  });
  test('backward before forward, dy of the wrong shape', () => {
    expectThrowsWith(() => new Dropout(0.5).backward(Tensor.zeros([2])), ['Dropout', 'before forward']);
    const layer = new Dropout(0.5);
    layer.forward(Tensor.zeros([2, 3]), 'train');
    expectThrowsWith(() => layer.backward(Tensor.zeros([2, 4])), ['Dropout', 'dy', '[2, 3]', '[2, 4]']);
  });
});
