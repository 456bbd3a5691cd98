// SPDX-License-Identifier: MIT
// Kernel suite, pooling: max pooling (values, first-max argmax on ties, padding as −∞) and its
// scatter backward; average pooling with and without countIncludePad (PyTorch's divisor) and its
// backward, all against direct loops over each window.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Kernels } from '../../src/kernels/backend.js';
import { type Conv2dGeometry, type Padding, pool2dGeometry, type Pair } from '../../src/kernels/geometry.js';
import { Rng } from '../../src/tensor/rng.js';
import { type DType, Tensor } from '../../src/tensor/tensor.js';
import { expectClose } from '../helpers/close.js';
import { naiveAvgPool, naiveMaxPool } from './naive-conv.js';
import { absTensor, DTYPES, maxAbs, randomTensor, reductionTolerance } from './util.js';

interface PoolCase {
  x: [number, number, number, number];
  kernelSize: Pair;
  stride?: Pair;
  padding?: Padding;
  dilation?: Pair;
  ceilMode?: boolean;
}

const CASES: PoolCase[] = [
  { x: [2, 3, 6, 6], kernelSize: 2 },
  { x: [2, 4, 8, 8], kernelSize: 2 },
  { x: [1, 5, 17, 17], kernelSize: 2 }, // odd size: the last row and column are dropped
  { x: [2, 3, 11, 21], kernelSize: 2 }, // 10 windows per row: two blocks of four and a tail of two; odd H and W
  { x: [2, 2, 7, 7], kernelSize: 3, stride: 2 },
  { x: [2, 2, 7, 6], kernelSize: 3, stride: 2, padding: 1 },
  { x: [1, 3, 5, 7], kernelSize: 2, stride: 3 },
  { x: [2, 3, 5, 5], kernelSize: 3, stride: 1, padding: 1 },
  { x: [1, 7, 9, 4], kernelSize: [2, 3], stride: [1, 2], padding: [1, 1] },
  { x: [2, 2, 5, 5], kernelSize: 2, stride: 1, padding: 1 },
  { x: [1, 1, 1, 1], kernelSize: 1 },
  { x: [1, 65, 4, 4], kernelSize: 4 },
  { x: [1, 3, 33, 3], kernelSize: [5, 3], stride: [4, 1], padding: [2, 1] },
];

const DILATED_CASES: PoolCase[] = [
  { x: [2, 3, 9, 9], kernelSize: 3, stride: 2, padding: 1, dilation: 2 },
  { x: [1, 2, 8, 7], kernelSize: 2, stride: 1, dilation: [2, 3] },
  { x: [1, 2, 8, 9], kernelSize: 3, stride: 2, padding: 1, dilation: 2, ceilMode: true },
  { x: [2, 1, 7, 10], kernelSize: [2, 3], stride: [2, 3], padding: [1, 0, 0, 2], dilation: [3, 2], ceilMode: true },
];

/**
 * Ceil mode (ragged last windows, the dropped window that would start in the end padding, a
 * kernel larger than the input), ONNX's four-sided padding and padding up to kernel − 1.
 */
const EDGE_CASES: PoolCase[] = [
  { x: [2, 3, 5, 7], kernelSize: 2, ceilMode: true },
  { x: [1, 4, 9, 9], kernelSize: 2, ceilMode: true }, // the wasm 2×2 path must not read past the input
  { x: [1, 2, 6, 6], kernelSize: 3, stride: 2, padding: 1, ceilMode: true },
  { x: [2, 2, 4, 5], kernelSize: 2, stride: 3, padding: 1, ceilMode: true },
  { x: [1, 2, 3, 3], kernelSize: 4, stride: 2, ceilMode: true },
  { x: [1, 1, 7, 7], kernelSize: 4, stride: 3, padding: 2, ceilMode: true },
  { x: [2, 3, 6, 7], kernelSize: 3, stride: 2, padding: [0, 1, 2, 0] },
  { x: [1, 2, 5, 6], kernelSize: [3, 2], stride: [2, 2], padding: [2, 0, 1, 1], ceilMode: true },
  { x: [1, 3, 6, 6], kernelSize: 3, stride: 1, padding: 2 }, // PyTorch stops at 1, ONNX Runtime at 2
  { x: [1, 1, 4, 9], kernelSize: [4, 5], stride: [3, 2], padding: [3, 4, 3, 2], ceilMode: true },
];

function geometryOf(c: PoolCase): Conv2dGeometry {
  return pool2dGeometry('test', c.x, { kernelSize: c.kernelSize, stride: c.stride, padding: c.padding, dilation: c.dilation, ceilMode: c.ceilMode });
}

function caseName(kind: string, g: Conv2dGeometry, dtype: DType): string {
  return (
    `${kind} x=[${g.N},${g.C},${g.H},${g.W}] k=[${g.kH},${g.kW}] s=[${g.strideH},${g.strideW}] ` +
    `p=[${g.padH},${g.padW},${g.padBottom},${g.padRight}] d=[${g.dilationH},${g.dilationW}] out=[${g.OH},${g.OW}] ${dtype}`
  );
}

/** Integers in {−2, …, 1}: many ties inside a window, and windows whose real entries are all negative. */
function tiedTensor(rng: Rng, shape: readonly number[], dtype: DType): Tensor {
  const t = Tensor.zeros(shape, dtype);
  for (let i = 0; i < t.size; i++) t.data[i] = rng.int(4) - 2;
  return t;
}

export function poolSuite(k: Kernels): void {
  describe(`${k.name}: maxPool2d`, () => {
    it('returns the window maxima and the flat index of the first maximum, padding never winning', () => {
      const rng = new Rng(301);
      for (const dtype of DTYPES) {
        for (const c of [...CASES, ...DILATED_CASES, ...EDGE_CASES]) {
          const g = geometryOf(c);
          for (const [what, x] of [['random', randomTensor(rng, c.x, dtype)], ['ties', tiedTensor(rng, c.x, dtype)]] as const) {
            const name = `${caseName('maxPool2d', g, dtype)} ${what}`;
            const { y, argmax } = k.maxPool2d(x, g);
            const expected = naiveMaxPool(x, g);
            assert.deepEqual(y.shape, [g.N, g.C, g.OH, g.OW], name);
            assert.equal(y.dtype, dtype, name);
            expectClose(y.data, expected.y, { rtol: 0, atol: 0, name });
            expectClose(argmax, expected.argmax, { rtol: 0, atol: 0, name: `argmax ${name}` });
          }
        }
      }
    });

    it('padded positions count as −∞: an all-negative input keeps negative maxima', () => {
      const g = pool2dGeometry('test', [1, 1, 3, 3], { kernelSize: 3, stride: 1, padding: 1 });
      const x = Tensor.from([-5, -4, -3, -2, -9, -8, -7, -6, -1], [1, 1, 3, 3]);
      const { y, argmax } = k.maxPool2d(x, g);
      // Window of (0, 0) sees rows 0-1, cols 0-1: max −2 at flat index 3; (2, 2) sees rows 1-2, cols 1-2: −1 at 8.
      assert.equal(y.data[0], -2);
      assert.equal(argmax[0], 3);
      assert.equal(y.data[8], -1);
      assert.equal(argmax[8], 8);
      assert.ok(Array.from(y.data).every((v) => v < 0), `maxPool2d: ${Array.from(y.data)}`);
    });

    it('backward scatters dy to the argmax positions, summing where windows overlap', () => {
      const rng = new Rng(302);
      for (const dtype of DTYPES) {
        for (const c of [...CASES, ...DILATED_CASES, ...EDGE_CASES]) {
          const g = geometryOf(c);
          const name = caseName('maxPool2dBackward', g, dtype);
          const x = tiedTensor(rng, c.x, dtype);
          const { argmax } = k.maxPool2d(x, g);
          const dy = randomTensor(rng, [g.N, g.C, g.OH, g.OW], dtype);
          const expected = new Float64Array(x.size);
          for (let i = 0; i < dy.size; i++) expected[argmax[i]] += dy.data[i];
          const dx = k.maxPool2dBackward(dy, argmax, g);
          assert.deepEqual(dx.shape, c.x, name);
          assert.equal(dx.dtype, dtype, name);
          const overlap = g.kH * g.kW;
          expectClose(dx.data, expected, reductionTolerance(dtype, overlap, overlap * maxAbs(dy.data), name));
        }
      }
    });
  });

    it('backward refuses an argmax entry outside its own window, and dy or argmax of the wrong size, writing nowhere', () => {
      // 3×3 at stride 1 (the wasm scatter pass) and 2×2 at stride 2 (its dense pass), two planes each.
      for (const options of [{ kernelSize: 3, stride: 1 }, { kernelSize: 2, stride: 2 }] as const) {
        const g = pool2dGeometry('test', [1, 2, 4, 4], options);
        const x = Tensor.from(Array.from({ length: 32 }, (_, i) => Math.sin(i)), [1, 2, 4, 4]);
        const { argmax } = k.maxPool2d(x, g);
        const dy = Tensor.from(Array.from({ length: argmax.length }, (_, i) => i + 1), [1, 2, g.OH, g.OW]);
        const sentinel = Tensor.full([4096], 7); // memory just below or above a kernel's output, on wasm
        k.keepResident?.([sentinel]);
        const last = argmax.length - 1;
        // Entry `last` (plane 1): before its plane, in plane 0, far below, far above, and (2×2) inside the plane but not the window.
        const wrong = [-1, 0, -(2 ** 20), 2 ** 30, 16 + 5];
        for (const index of wrong) {
          if (options.kernelSize === 3 && index === 16 + 5) continue; // the last 3×3 window covers input 21
          const bad = Int32Array.from(argmax);
          bad[last] = index;
          assert.throws(() => k.maxPool2dBackward(dy, bad, g), /argmax entry is not the index of an input in its own pooling window/,
            `${k.name}: ${options.kernelSize}×${options.kernelSize}, argmax ${index}`);
        }
        assert.ok(sentinel.data.every((v) => v === 7), `${k.name}: nothing written outside dx`);
        assert.throws(() => k.maxPool2dBackward(dy, argmax.subarray(1), g), /dy has 8 entries and argmax 7/);
        const short = Tensor.from(Array.from(dy.data).slice(1), [dy.size - 1]);
        assert.throws(() => k.maxPool2dBackward(short, argmax.subarray(1), g), /pooling's output \[1, 2, 2, 2\] has 8/);
      }
    });

  describe(`${k.name}: pooling input sizes`, () => {
    it('refuses an x or dy whose size is not the geometry\'s, naming it (no read past it), and a divisorOverride of 0', () => {
      const g = pool2dGeometry('test', [1, 2, 4, 4], { kernelSize: 2 });
      const short = Tensor.zeros([1, 2, 4, 2]);
      assert.throws(() => k.maxPool2d(short, g), /maxPool2d: x has shape \[1, 2, 4, 2\] \(16 values\); the geometry needs \[1, 2, 4, 4\] \(32\)/);
      assert.throws(() => k.avgPool2d(short, g, true), /avgPool2d: x has shape \[1, 2, 4, 2\]/);
      assert.throws(() => k.avgPool2d(Tensor.zeros([1, 3, 4, 4]), g, false), /avgPool2d: x has shape \[1, 3, 4, 4\]/);
      assert.throws(() => k.avgPool2dBackward(Tensor.zeros([1, 2, 2, 1]), g, true), /avgPool2dBackward: dy has shape \[1, 2, 2, 1\].*needs \[1, 2, 2, 2\]/);
      assert.throws(() => k.avgPool2d(Tensor.zeros([1, 2, 4, 4]), g, true, 0), /divisorOverride must be a finite number other than 0/);
    });
  });

  describe(`${k.name}: avgPool2d`, () => {
    it('matches window means, dividing as PyTorch with and without countIncludePad', () => {
      const rng = new Rng(303);
      for (const dtype of DTYPES) {
        for (const c of [...CASES, ...EDGE_CASES]) {
          const g = geometryOf(c);
          const x = randomTensor(rng, c.x, dtype);
          for (const countIncludePad of [true, false]) {
            const name = `${caseName('avgPool2d', g, dtype)} countIncludePad=${countIncludePad}`;
            const y = k.avgPool2d(x, g, countIncludePad);
            assert.deepEqual(y.shape, [g.N, g.C, g.OH, g.OW], name);
            assert.equal(y.dtype, dtype, name);
            const magnitude = maxAbs(naiveAvgPool(absTensor(x), g, countIncludePad).y);
            expectClose(y.data, naiveAvgPool(x, g, countIncludePad).y, reductionTolerance(dtype, g.kH * g.kW + 1, magnitude, name));
          }
        }
      }
    });

    it('divisorOverride replaces the divisor of every window, forward and backward', () => {
      const rng = new Rng(305);
      for (const dtype of DTYPES) {
        for (const c of EDGE_CASES) {
          const g = geometryOf(c);
          const name = `${caseName('avgPool2d divisorOverride=3', g, dtype)}`;
          const x = randomTensor(rng, c.x, dtype);
          const magnitude = maxAbs(naiveAvgPool(absTensor(x), g, true, 3).y);
          expectClose(k.avgPool2d(x, g, true, 3).data, naiveAvgPool(x, g, true, 3).y, reductionTolerance(dtype, g.kH * g.kW + 1, magnitude, name));
          const dy = randomTensor(rng, [g.N, g.C, g.OH, g.OW], dtype);
          const expected = new Float64Array(x.size);
          naiveAvgPool(x, g, false, 3).windows.forEach((win, o) => win.indices.forEach((i) => (expected[i] += dy.data[o] / 3)));
          const overlap = g.kH * g.kW;
          expectClose(k.avgPool2dBackward(dy, g, false, 3).data, expected, reductionTolerance(dtype, overlap + 1, overlap * maxAbs(dy.data), `${name} backward`));
        }
      }
    });

    it('ceil mode: a ragged window divides by its positions inside the padding, never past it (PyTorch)', () => {
      // H = W = 5, k = 2, ceil mode: the last row and column of windows hold 1 real row / column.
      const g = pool2dGeometry('test', [1, 1, 5, 5], { kernelSize: 2, ceilMode: true });
      assert.deepEqual([g.OH, g.OW], [3, 3]);
      const ones = Tensor.full([1, 1, 5, 5], 1, 'float64');
      expectClose(k.avgPool2d(ones, g, true).data, Array(9).fill(1), { name: 'no padding: divisor = real elements', rtol: 1e-15 });
      // k = 3, s = 2, p = 1 over 6: windows start at −1, 1, 3, 5; the last covers rows 5, 6 (padding), 7 (past it): divisor 2 per dim.
      const g2 = pool2dGeometry('test', [1, 1, 6, 6], { kernelSize: 3, stride: 2, padding: 1, ceilMode: true });
      const y = k.avgPool2d(Tensor.full([1, 1, 6, 6], 1, 'float64'), g2, true);
      expectClose([y.data[0], y.data[3], y.data[15]], [4 / 9, 2 / 6, 1 / 4], { name: 'corner windows', rtol: 1e-15 });
    });

    it('divides a corner window by 9 with countIncludePad and by its 4 real entries without', () => {
      const g = pool2dGeometry('test', [1, 1, 4, 4], { kernelSize: 3, stride: 2, padding: 1 });
      const ones = Tensor.full([1, 1, 4, 4], 1, 'float64');
      expectClose(k.avgPool2d(ones, g, true).data, [4 / 9, 6 / 9, 6 / 9, 9 / 9], { name: 'countIncludePad=true', rtol: 1e-15 });
      expectClose(k.avgPool2d(ones, g, false).data, [1, 1, 1, 1], { name: 'countIncludePad=false', rtol: 1e-15 });
    });

    it('backward spreads dy / divisor over each window, summing where windows overlap', () => {
      const rng = new Rng(304);
      for (const dtype of DTYPES) {
        for (const c of [...CASES, ...EDGE_CASES]) {
          const g = geometryOf(c);
          for (const countIncludePad of [true, false]) {
            const name = `${caseName('avgPool2dBackward', g, dtype)} countIncludePad=${countIncludePad}`;
            const dy = randomTensor(rng, [g.N, g.C, g.OH, g.OW], dtype);
            const { windows } = naiveAvgPool(Tensor.zeros(c.x, dtype), g, countIncludePad);
            const expected = new Float64Array(g.N * g.C * g.H * g.W);
            windows.forEach((win, o) => {
              for (const i of win.indices) expected[i] += dy.data[o] / win.divisor;
            });
            const dx = k.avgPool2dBackward(dy, g, countIncludePad);
            assert.deepEqual(dx.shape, c.x, name);
            assert.equal(dx.dtype, dtype, name);
            const overlap = g.kH * g.kW;
            expectClose(dx.data, expected, reductionTolerance(dtype, overlap + 1, overlap * maxAbs(dy.data), name));
          }
        }
      }
    });
  });
}
