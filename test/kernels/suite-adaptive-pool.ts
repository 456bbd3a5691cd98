// SPDX-License-Identifier: MIT
// Kernel suite, adaptive average pooling: adaptiveAvgPool2d (and its 1×1 case, global average
// pooling, which the wasm backend sums with SIMD) and its backward against PyTorch's window
// formula evaluated independently (naiveAdaptiveAvgPool), on plane sizes on both sides of the SIMD
// width, output sizes that divide the input, do not, are 1 or larger than the input.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Kernels } from '../../src/kernels/backend.js';
import { Rng } from '../../src/tensor/rng.js';
import { Tensor, type DType } from '../../src/tensor/tensor.js';
import { expectClose } from '../helpers/close.js';
import { naiveAdaptiveAvgPool } from './naive-conv.js';
import { absTensor, DTYPES, maxAbs, randomTensor, reductionTolerance, SIZES } from './util.js';

interface AdaptiveCase {
  x: [number, number, number, number];
  out: [number, number];
}

const CASES: AdaptiveCase[] = [
  // Global pooling over planes of 1, 3, 4, 5, 7, 8, 9, 16, 17, 49, 64, 65, 196 floats (the SIMD main loop takes 8).
  ...SIZES.map((s): AdaptiveCase => ({ x: [2, 3, s, 1], out: [1, 1] })),
  { x: [1, 5, 3, 3], out: [1, 1] },
  { x: [3, 2, 7, 7], out: [1, 1] },
  { x: [1, 4, 14, 14], out: [1, 1] },
  { x: [2, 2, 7, 7], out: [3, 3] },
  { x: [1, 3, 6, 9], out: [2, 3] },
  { x: [1, 2, 3, 3], out: [4, 5] },
  { x: [2, 1, 10, 13], out: [5, 5] },
  { x: [1, 2, 5, 5], out: [5, 5] },
  { x: [1, 1, 1, 1], out: [7, 7] },
  { x: [1, 3, 17, 4], out: [6, 1] },
];

function name(kind: string, c: AdaptiveCase, dtype: DType): string {
  return `${kind} x=[${c.x.join(',')}] out=[${c.out.join(',')}] ${dtype}`;
}

export function adaptivePoolSuite(k: Kernels): void {
  describe(`${k.name}: adaptiveAvgPool2d`, () => {
    it('refuses an x that is not [N, C, H, W] and a dy that is not of the input given', () => {
      assert.throws(() => k.adaptiveAvgPool2d(Tensor.zeros([2, 3, 4]), 1, 1), /adaptiveAvgPool2d: x must be \[N, C, H, W\], got \[2, 3, 4\]/);
      assert.throws(() => k.adaptiveAvgPool2dBackward(Tensor.zeros([1, 3, 1, 1]), [2, 3, 4, 4]), /dy \[1, 3, 1, 1\] is not the output of an input \[2, 3, 4, 4\]/);
      assert.throws(() => k.adaptiveAvgPool2dBackward(Tensor.zeros([2, 2, 1, 1]), [2, 3, 4, 4]), /not the output/);
    });

    it('averages PyTorch\'s windows (⌊i·H/OH⌋ … ⌈(i+1)·H/OH⌉ − 1), global pooling included', () => {
      const rng = new Rng(321);
      for (const dtype of DTYPES) {
        for (const c of CASES) {
          const at = name('adaptiveAvgPool2d', c, dtype);
          const x = randomTensor(rng, c.x, dtype);
          const y = k.adaptiveAvgPool2d(x, c.out[0], c.out[1]);
          assert.deepEqual(y.shape, [c.x[0], c.x[1], ...c.out], at);
          assert.equal(y.dtype, dtype, at);
          const window = Math.ceil(c.x[2] / c.out[0] + 1) * Math.ceil(c.x[3] / c.out[1] + 1);
          const magnitude = maxAbs(naiveAdaptiveAvgPool(absTensor(x), c.out[0], c.out[1]).y);
          expectClose(y.data, naiveAdaptiveAvgPool(x, c.out[0], c.out[1]).y, reductionTolerance(dtype, window + 1, magnitude, at));
        }
      }
    });

    it('backward adds dy / |window| over each window (overlapping windows sum)', () => {
      const rng = new Rng(322);
      for (const dtype of DTYPES) {
        for (const c of CASES) {
          const at = name('adaptiveAvgPool2dBackward', c, dtype);
          const dy = randomTensor(rng, [c.x[0], c.x[1], ...c.out], dtype);
          const { windows } = naiveAdaptiveAvgPool(Tensor.zeros(c.x, dtype), c.out[0], c.out[1]);
          const expected = new Float64Array(c.x.reduce((a, b) => a * b, 1));
          windows.forEach((indices, o) => indices.forEach((i) => (expected[i] += dy.data[o] / indices.length)));
          const dx = k.adaptiveAvgPool2dBackward(dy, c.x);
          assert.deepEqual(dx.shape, c.x, at);
          assert.equal(dx.dtype, dtype, at);
          expectClose(dx.data, expected, reductionTolerance(dtype, 4, 4 * maxAbs(dy.data), at));
        }
      }
    });

    it('global pooling is exact on constant planes and backward is its adjoint: ⟨pool(x), dy⟩ = ⟨x, pool′(dy)⟩', () => {
      const rng = new Rng(323);
      for (const c of CASES) {
        const x = Tensor.full(c.x, 0.75);
        assert.ok(k.adaptiveAvgPool2d(x, c.out[0], c.out[1]).data.every((v) => v === 0.75), name('constant', c, 'float32'));
        const xr = randomTensor(rng, c.x, 'float64');
        const dy = randomTensor(rng, [c.x[0], c.x[1], ...c.out], 'float64');
        const y = k.adaptiveAvgPool2d(xr, c.out[0], c.out[1]);
        const dx = k.adaptiveAvgPool2dBackward(dy, c.x);
        const dot = (a: Tensor, b: Tensor) => Array.from(a.data).reduce((s, v, i) => s + v * b.data[i], 0);
        assert.ok(Math.abs(dot(y, dy) - dot(xr, dx)) < 1e-12 * (1 + Math.abs(dot(y, dy))), name('adjoint', c, 'float64'));
      }
    });
  });
}
