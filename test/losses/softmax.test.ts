// SPDX-License-Identifier: MIT
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { softmax } from '../../src/losses/softmax.js';
import { Tensor } from '../../src/tensor/tensor.js';
import { expectClose } from '../helpers/close.js';
import { expectThrowsWith, randn, Rng } from '../layers/util.js';

describe('softmax', () => {
  test('rows sum to 1 and entries lie in [0, 1], over random odd shapes, float32 and float64', () => {
    const rng = new Rng(60);
    for (const dtype of ['float32', 'float64'] as const) {
      for (let trial = 0; trial < 10; trial++) {
        const [N, K] = [1 + rng.int(9), 1 + rng.int(33)];
        const p = softmax(randn(rng, [N, K], 4, dtype));
        for (let n = 0; n < N; n++) {
          const row = Array.from(p.data.slice(n * K, (n + 1) * K));
          assert.ok(row.every((v) => v >= 0 && v <= 1));
          assert.ok(Math.abs(row.reduce((a, b) => a + b, 0) - 1) < (dtype === 'float32' ? 1e-6 : 1e-14), `${dtype} row ${n}`);
        }
      }
    }
  });

  test('matches e^{zₖ}/Σ e^{zⱼ} and ignores a per-row shift', () => {
    const rng = new Rng(61);
    const z = randn(rng, [5, 7]);
    const p = softmax(z);
    const expected = z.toArray().map((v, i) => {
      const n = Math.floor(i / 7);
      const row = z.toArray().slice(n * 7, n * 7 + 7);
      return Math.exp(v) / row.reduce((s, w) => s + Math.exp(w), 0);
    });
    expectClose(p.data, expected, { rtol: 1e-14, atol: 1e-16, name: 'softmax' });
    const shifted = z.clone();
    for (let i = 0; i < shifted.size; i++) shifted.data[i] += [3, -100, 1e3, 0.5, -7][Math.floor(i / 7)];
    expectClose(softmax(shifted).data, p.data, { rtol: 1e-12, atol: 1e-15, name: 'shifted' });
  });

  test('±1e4 logits stay finite (the row max is subtracted)', () => {
    const p = softmax(Tensor.from([1e4, -1e4, 1e4 - 1, -1e4, -1e4, -1e4], [2, 3]));
    assert.ok(p.data.every(Number.isFinite));
    assert.ok(Math.abs(p.get(0, 0) - 1 / (1 + Math.exp(-1))) < 1e-6);
    assert.ok(Math.abs(p.get(1, 0) - 1 / 3) < 1e-6);
  });

  test('a 1-D input is one row', () => {
    const p = softmax(Tensor.from([1, 2, 3], [3], 'float64'));
    assert.deepEqual([...p.shape], [3]);
    expectClose(p.data, softmax(Tensor.from([1, 2, 3], [1, 3], 'float64')).data, { rtol: 0, atol: 0 });
  });

  test('rank 3 is an error naming both shapes', () => {
    expectThrowsWith(() => softmax(Tensor.zeros([2, 3, 4])), ['softmax', '[N, K]', '[2, 3, 4]']);
  });
});
