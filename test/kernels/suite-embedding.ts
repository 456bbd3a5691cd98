// SPDX-License-Identifier: MIT
// Kernel suite, Embedding: the lookup copies rows exactly (any index shape, widths on both sides of
// the SIMD width, both dtypes, the table's dtype out); the scatter-add matches a naive per-row sum,
// skips the padding row, adds into what dW held, and is the lookup's adjoint: ⟨lookup(W), dy⟩ = ⟨W, dW⟩.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Kernels } from '../../src/kernels/backend.js';
import { Rng } from '../../src/tensor/rng.js';
import { type DType, Tensor } from '../../src/tensor/tensor.js';
import { expectClose } from '../helpers/close.js';
import { DTYPES, randomTensor, shapeName } from './util.js';

/** [V, D, index shape]: few rows, many lookups (repeats), D on both sides of 4 and 16. */
const CASES: [number, number, number[]][] = [[1, 1, [3]], [3, 4, [2, 5]], [5, 5, [7]], [4, 17, [3, 2, 2]], [9, 65, [4, 6]], [2, 3, [1]]];

function randomIndices(rng: Rng, shape: number[], V: number, dtype: DType): Tensor {
  const idx = Tensor.zeros(shape, dtype);
  for (let i = 0; i < idx.size; i++) idx.data[i] = i < V ? i : rng.int(V); // every row at least once (when there is room)
  return idx;
}

export function embeddingSuite(k: Kernels): void {
  describe(`${k.name}: embedding kernels`, () => {
    it('lookup copies the rows of W named by the indices, in their shape', () => {
      const rng = new Rng(1201);
      for (const dtype of DTYPES) {
        for (const [V, D, shape] of CASES) {
          const name = `embedding V=${V} D=${D} idx=${shapeName(shape)} ${dtype}`;
          const W = randomTensor(rng, [V, D], dtype);
          const idx = randomIndices(rng, shape, V, 'float32'); // indices may be float32 with a float64 table
          const y = k.embedding(idx, W);
          assert.deepEqual(y.shape, [...shape, D], name);
          assert.equal(y.dtype, dtype, name);
          for (let i = 0; i < idx.size; i++) {
            for (let d = 0; d < D; d++) assert.equal(y.data[i * D + d], W.data[idx.data[i] * D + d], `${name} at [${i}, ${d}]`);
          }
        }
      }
    });

    it('backward is a scatter-add into dW (repeats summed, padding row skipped, added to what dW held)', () => {
      const rng = new Rng(1202);
      for (const dtype of DTYPES) {
        for (const [V, D, shape] of CASES) {
          for (const paddingIdx of [-1, V - 1]) {
            const name = `embeddingBackward V=${V} D=${D} idx=${shapeName(shape)} paddingIdx=${paddingIdx} ${dtype}`;
            const idx = randomIndices(rng, shape, V, dtype);
            const dy = randomTensor(rng, [...shape, D], dtype);
            const dW = randomTensor(rng, [V, D], dtype);
            const expected = Float64Array.from(dW.data);
            for (let i = 0; i < idx.size; i++) {
              if (idx.data[i] === paddingIdx) continue;
              for (let d = 0; d < D; d++) expected[idx.data[i] * D + d] += dy.data[i * D + d];
            }
            const before = Float64Array.from(dW.data);
            k.embeddingBackward(idx, dy, dW, paddingIdx);
            expectClose(dW.data, expected, { rtol: dtype === 'float32' ? 1e-6 : 1e-14, atol: dtype === 'float32' ? 1e-6 : 1e-14, name });
            if (paddingIdx >= 0) {
              for (let d = 0; d < D; d++) assert.equal(dW.data[paddingIdx * D + d], before[paddingIdx * D + d], `${name}: padding row untouched`);
            }
          }
        }
      }
    });

    it('backward is the adjoint of the lookup: ⟨lookup(W), dy⟩ = ⟨W, scatter(dy)⟩', () => {
      const rng = new Rng(1203);
      for (const [V, D, shape] of CASES) {
        const W = randomTensor(rng, [V, D], 'float64');
        const idx = randomIndices(rng, shape, V, 'float64');
        const dy = randomTensor(rng, [...shape, D], 'float64');
        const y = k.embedding(idx, W);
        const dW = Tensor.zeros([V, D], 'float64');
        k.embeddingBackward(idx, dy, dW, -1);
        let left = 0;
        let right = 0;
        for (let i = 0; i < y.size; i++) left += y.data[i] * dy.data[i];
        for (let i = 0; i < W.size; i++) right += W.data[i] * dW.data[i];
        assert.ok(Math.abs(left - right) <= 1e-12 * Math.max(1, Math.abs(left)), `V=${V} D=${D}: ${left} vs ${right}`);
      }
    });
  });
}
