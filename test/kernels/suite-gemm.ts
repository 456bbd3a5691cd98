// SPDX-License-Identifier: MIT
// Kernel suite, GEMM and channel bias: matmul in all four transpose layouts, with out and accumulate,
// against a naive triple loop; addBias and addChannelSums against direct loops.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Kernels } from '../../src/kernels/backend.js';
import { Rng } from '../../src/tensor/rng.js';
import { Tensor } from '../../src/tensor/tensor.js';
import { expectClose } from '../helpers/close.js';
import { channelOf, naiveMatmul } from './naive.js';
import { absTensor, DTYPES, maxAbs, randomTensor, reductionTolerance, shapeName, SIZES } from './util.js';

const LAYOUTS = [
  { transA: false, transB: false },
  { transA: true, transB: false },
  { transA: false, transB: true },
  { transA: true, transB: true },
] as const;

/** [M, K, N] triples: every size in every position, plus seeded random picks. */
function matmulShapes(rng: Rng): [number, number, number][] {
  const shapes: [number, number, number][] = [];
  for (let i = 0; i < SIZES.length; i++) shapes.push([SIZES[i], SIZES[(i + 3) % SIZES.length], SIZES[(i + 7) % SIZES.length]]);
  for (let i = 0; i < 6; i++) shapes.push([SIZES[rng.int(SIZES.length)], SIZES[rng.int(SIZES.length)], SIZES[rng.int(SIZES.length)]]);
  return shapes;
}

export function gemmSuite(k: Kernels): void {
  describe(`${k.name}: matmul`, () => {
    it('matches a naive triple loop for every transpose layout, size and dtype', () => {
      const rng = new Rng(101);
      for (const dtype of DTYPES) {
        for (const [M, K, N] of matmulShapes(rng)) {
          for (const { transA, transB } of LAYOUTS) {
            const a = randomTensor(rng, transA ? [K, M] : [M, K], dtype);
            const b = randomTensor(rng, transB ? [N, K] : [K, N], dtype);
            const name = `matmul M=${M} K=${K} N=${N} transA=${transA} transB=${transB} ${dtype}`;
            const c = k.matmul(a, b, { transA, transB });
            assert.deepEqual(c.shape, [M, N], name);
            assert.equal(c.dtype, dtype, name);
            const magnitude = maxAbs(naiveMatmul(absTensor(a), absTensor(b), transA, transB));
            expectClose(c.data, naiveMatmul(a, b, transA, transB), reductionTolerance(dtype, K, magnitude, name));
          }
        }
      }
    });

    it('writes into out, or adds into it with accumulate', () => {
      const rng = new Rng(102);
      for (const dtype of DTYPES) {
        for (const [M, K, N] of [[5, 17, 7], [8, 4, 65], [1, 33, 3]]) {
          for (const { transA, transB } of LAYOUTS) {
            const a = randomTensor(rng, transA ? [K, M] : [M, K], dtype);
            const b = randomTensor(rng, transB ? [N, K] : [K, N], dtype);
            const start = randomTensor(rng, [M, N], dtype);
            const product = naiveMatmul(a, b, transA, transB);
            const magnitude = maxAbs(naiveMatmul(absTensor(a), absTensor(b), transA, transB)) + maxAbs(start.data);
            const name = `matmul out M=${M} K=${K} N=${N} transA=${transA} transB=${transB} ${dtype}`;

            const out = start.clone();
            assert.equal(k.matmul(a, b, { transA, transB, out }), out, `${name}: returns out`);
            expectClose(out.data, product, reductionTolerance(dtype, K, magnitude, `${name} overwrite`));

            const acc = start.clone();
            k.matmul(a, b, { transA, transB, out: acc, accumulate: true });
            const expected = product.map((v, i) => v + start.data[i]);
            expectClose(acc.data, expected, reductionTolerance(dtype, K + 1, magnitude, `${name} accumulate`));
          }
        }
      }
    });

    it('rejects mismatched inner dimensions naming both shapes, and mixed dtypes', () => {
      const a = Tensor.zeros([3, 4]);
      assert.throws(() => k.matmul(a, Tensor.zeros([5, 2])), /\[3, 4\][\s\S]*\[5, 2\]/);
      assert.throws(() => k.matmul(a, Tensor.zeros([4, 2]), { transA: true }), /inner|\[3, 4\]/);
      assert.throws(() => k.matmul(a, Tensor.zeros([4, 2], 'float64')), /dtype|float64/);
    });
  });

  describe(`${k.name}: channel bias`, () => {
    const shapes = [[1, 1], [3, 5], [4, 17], [2, 3, 4, 5], [3, 8, 1, 7], [2, 65, 3, 3], [1, 4, 8, 8]];

    it('addBias adds b[c] to every element of channel c, in place', () => {
      const rng = new Rng(103);
      for (const dtype of DTYPES) {
        for (const shape of shapes) {
          const y = randomTensor(rng, shape, dtype);
          const b = randomTensor(rng, [shape[1]], dtype);
          const expected = Array.from(y.data, (v, i) => v + b.data[channelOf(shape, i)]);
          k.addBias(y, b);
          expectClose(y.data, expected, reductionTolerance(dtype, 1, 10, `addBias ${shapeName(shape)} ${dtype}`));
        }
      }
    });

    it('addChannelSums adds Σ over every dim but 1 into out', () => {
      const rng = new Rng(104);
      for (const dtype of DTYPES) {
        for (const shape of shapes) {
          const dy = randomTensor(rng, shape, dtype);
          const out = randomTensor(rng, [shape[1]], dtype);
          const expected = Array.from(out.data);
          for (let i = 0; i < dy.size; i++) expected[channelOf(shape, i)] += dy.data[i];
          const count = dy.size / shape[1];
          k.addChannelSums(dy, out);
          const magnitude = count * maxAbs(dy.data) + maxAbs(expected);
          expectClose(out.data, expected, reductionTolerance(dtype, count + 1, magnitude, `addChannelSums ${shapeName(shape)} ${dtype}`));
        }
      }
    });

    it('rejects mixed dtypes', () => {
      assert.throws(() => k.addBias(Tensor.zeros([2, 3]), Tensor.zeros([3], 'float64')), /dtype|float64/);
      assert.throws(() => k.addChannelSums(Tensor.zeros([2, 3], 'float64'), Tensor.zeros([3])), /dtype|float64/);
    });
  });
}
