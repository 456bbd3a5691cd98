// SPDX-License-Identifier: MIT
// Kernel suite, a Graph's Add: a + b element-wise over sizes on both sides of the SIMD width,
// exact in every dtype (one rounding per entry, the same on every backend), never writing into
// its inputs, and the reference's error for mismatched dtypes. The copies: padAxis (Narrow's
// backward) against its index definition and as the adjoint of sliceAxis, channelShuffle against
// its index definition and undone by the shuffle in C/groups groups.
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

    it('padAxis puts x at `before` along the axis, zeros elsewhere; sliceAxis takes it back out', () => {
      const rng = new Rng(902);
      const cases: [number[], number, number, number][] = [
        [[3], 0, 2, 1], [[2, 5], 1, 0, 3], [[2, 4, 3], 1, 5, 0], [[2, 3, 5, 5], 1, 1, 2], [[1, 2, 3, 7], 3, 4, 5], [[2, 3, 4, 2], 2, 0, 0],
      ];
      for (const dtype of DTYPES) {
        for (const [shape, axis, before, after] of cases) {
          const name = `padAxis ${shapeName(shape)} axis ${axis} +${before}/+${after} ${dtype}`;
          const x = randomTensor(rng, shape, dtype);
          const y = k.padAxis(x, axis, before, after);
          const outShape = shape.map((d, i) => (i === axis ? d + before + after : d));
          assert.deepEqual(y.shape, outShape, name);
          assert.equal(y.dtype, dtype, name);
          forEachIndex(outShape, (index, i) => {
            const at = index[axis] - before;
            const inside = at >= 0 && at < shape[axis];
            const expected = inside ? x.data[flatIndex(shape, index.map((v, d) => (d === axis ? at : v)))] : 0;
            assert.equal(y.data[i], expected, `${name} at ${i}`);
          });
          assert.deepEqual(k.sliceAxis(y, axis, before, shape[axis]).data, x.data, `${name}: sliced back`);
        }
      }
    });

    it('channelShuffle gives y[n, k·G + g] = x[n, g·K + k], and the shuffle in K groups undoes it', () => {
      const rng = new Rng(903);
      const cases: [number[], number][] = [
        [[2, 6, 3, 3], 2], [[1, 6, 2], 3], [[2, 12, 5, 1], 4], [[3, 4, 2, 2, 2], 2], [[2, 5, 3], 1], [[2, 5, 3], 5], [[1, 116, 8, 8], 2],
      ];
      for (const dtype of DTYPES) {
        for (const [shape, G] of cases) {
          const name = `channelShuffle ${shapeName(shape)} groups ${G} ${dtype}`;
          const x = randomTensor(rng, shape, dtype);
          const before = x.clone();
          const y = k.channelShuffle(x, G);
          assert.deepEqual(y.shape, shape, name);
          assert.equal(y.dtype, dtype, name);
          const K = shape[1] / G;
          forEachIndex(shape, (index, i) => {
            const c = index[1];
            const from = index.map((v, d) => (d === 1 ? (c % G) * K + Math.floor(c / G) : v));
            assert.equal(y.data[i], x.data[flatIndex(shape, from)], `${name} at ${i}`);
          });
          assert.deepEqual(k.channelShuffle(y, K).data, x.data, `${name}: undone by ${K} groups`);
          assert.deepEqual(x.data, before.data, `${name}: x unchanged`);
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

/** Calls visit(index, i) for every multi-index of `shape` in row-major order, i its flat index. */
function forEachIndex(shape: readonly number[], visit: (index: number[], i: number) => void): void {
  const size = shape.reduce((p, d) => p * d, 1);
  const index = shape.map(() => 0);
  for (let i = 0; i < size; i++) {
    visit(index, i);
    for (let d = shape.length - 1; d >= 0 && ++index[d] === shape[d]; d--) index[d] = 0;
  }
}

function flatIndex(shape: readonly number[], index: readonly number[]): number {
  return index.reduce((flat, v, d) => flat * shape[d] + v, 0);
}
