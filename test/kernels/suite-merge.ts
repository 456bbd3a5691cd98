// SPDX-License-Identifier: MIT
// Kernel suite, a Graph's Add: a + b element-wise over sizes on both sides of the SIMD width,
// exact in every dtype (one rounding per entry, the same on every backend), never writing into
// its inputs, and the reference's error for mismatched dtypes.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Kernels } from '../../src/kernels/backend.js';
import { Rng } from '../../src/tensor/rng.js';
import { Tensor } from '../../src/tensor/tensor.js';
import { DTYPES, randomTensor, shapeName } from './util.js';

const SHAPES: number[][] = [[1], [3], [4], [5], [2, 7], [3, 4, 5], [2, 3, 5, 5], [1, 65]];

export function mergeSuite(k: Kernels): void {
  describe(`${k.name}: merge kernels`, () => {
    it('add gives a + b with one rounding per entry and leaves a and b as they were', () => {
      const rng = new Rng(901);
      for (const dtype of DTYPES) {
        for (const shape of SHAPES) {
          const name = `add ${shapeName(shape)} ${dtype}`;
          const a = randomTensor(rng, shape, dtype);
          const b = randomTensor(rng, shape, dtype);
          const [aBefore, bBefore] = [a.clone(), b.clone()];
          const y = k.add(a, b);
          assert.deepEqual(y.shape, shape, name);
          assert.equal(y.dtype, dtype, name);
          const round = dtype === 'float32' ? Math.fround : (v: number) => v;
          for (let i = 0; i < y.size; i++) assert.equal(y.data[i], round(a.data[i] + b.data[i]), `${name} at ${i}`);
          assert.deepEqual(a.data, aBefore.data, `${name}: a unchanged`);
          assert.deepEqual(b.data, bBefore.data, `${name}: b unchanged`);
        }
      }
    });

    it('add refuses mixed dtypes', () => {
      const a = Tensor.zeros([5], 'float32');
      const b = Tensor.zeros([5], 'float64');
      assert.throws(() => k.add(a, b), /add/);
    });
  });
}
