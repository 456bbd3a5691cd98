// SPDX-License-Identifier: MIT
// Kernel suite, upsampling: upsample2d and upsample2dBackward against a naive per-pixel definition
// written from docs/math/upsample.md (its own source coordinates, not upsample-geometry.ts's
// tables), on widths on both sides of the SIMD width, integer (the wasm ×2 fast paths), non-square
// and non-integer factors, sizes, alignCorners, 1×1 inputs and outputs; backward as the adjoint.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Kernels } from '../../src/kernels/backend.js';
import { upsampleGeometry, type UpsampleGeometry, type UpsampleMode } from '../../src/kernels/upsample-geometry.js';
import { Rng } from '../../src/tensor/rng.js';
import { Tensor, type DType } from '../../src/tensor/tensor.js';
import { expectClose } from '../helpers/close.js';
import { DTYPES, maxAbs, randomTensor, reductionTolerance, SIZES } from './util.js';

interface UpsampleCase {
  x: [number, number, number, number];
  mode: UpsampleMode;
  scaleFactor?: [number, number];
  size?: [number, number];
  alignCorners?: boolean;
}

const CASES: UpsampleCase[] = [
  ...SIZES.flatMap((w): UpsampleCase[] => [
    { x: [2, 3, 3, w], mode: 'nearest', scaleFactor: [2, 2] },
    { x: [1, 2, 2, w], mode: 'bilinear', scaleFactor: [2, 2] },
  ]),
  { x: [2, 2, 5, 7], mode: 'nearest', scaleFactor: [3, 3] },
  { x: [1, 3, 4, 9], mode: 'nearest', scaleFactor: [2, 3] },
  { x: [2, 2, 5, 7], mode: 'nearest', scaleFactor: [1.5, 1.5] },
  { x: [1, 2, 5, 3], mode: 'nearest', scaleFactor: [2.1, 2.1] },
  { x: [2, 2, 3, 4], mode: 'nearest', size: [7, 5] },
  { x: [1, 2, 9, 8], mode: 'nearest', size: [4, 3] },
  { x: [1, 1, 1, 1], mode: 'nearest', scaleFactor: [3, 3] },
  { x: [2, 3, 5, 7], mode: 'bilinear', scaleFactor: [2, 2], alignCorners: true },
  { x: [1, 2, 3, 5], mode: 'bilinear', scaleFactor: [3, 2] },
  { x: [1, 2, 5, 4], mode: 'bilinear', scaleFactor: [2.3, 1.75], alignCorners: true },
  { x: [1, 2, 5, 2], mode: 'bilinear', scaleFactor: [1.2, 1.2] },
  { x: [2, 2, 3, 4], mode: 'bilinear', size: [7, 5] },
  { x: [1, 3, 6, 9], mode: 'bilinear', size: [4, 5], alignCorners: true },
  { x: [1, 2, 3, 5], mode: 'bilinear', size: [1, 1] },
  { x: [2, 1, 1, 1], mode: 'bilinear', scaleFactor: [2, 3] },
  { x: [1, 4, 16, 16], mode: 'bilinear', scaleFactor: [2, 2] },
];

function geometryOf(c: UpsampleCase): UpsampleGeometry {
  return upsampleGeometry('test', c.x, { size: c.size ?? null, scaleFactor: c.scaleFactor ?? null, mode: c.mode, alignCorners: c.alignCorners ?? false });
}

function name(kind: string, c: UpsampleCase, dtype: DType): string {
  const how = c.size ? `size=[${c.size.join(',')}]` : `scaleFactor=[${c.scaleFactor!.join(',')}]`;
  return `${kind} ${c.mode} x=[${c.x.join(',')}] ${how}${c.alignCorners ? ' alignCorners' : ''} ${dtype}`;
}

/** For output o of an axis: [input index, weight] pairs, from the formulas of docs/math/upsample.md. */
function taps(o: number, inSize: number, outSize: number, g: UpsampleGeometry, scale: number | null): [number, number][] {
  if (g.mode === 'nearest') {
    const r = Math.fround(scale ? 1 / scale : inSize / outSize);
    return [[Math.min(Math.floor(Math.fround(o * r)), inSize - 1), 1]];
  }
  if (outSize === inSize) return [[o, 1]];
  const r = g.alignCorners ? (outSize > 1 ? (inSize - 1) / (outSize - 1) : 0) : scale ? 1 / scale : inSize / outSize;
  const u = g.alignCorners ? r * o : Math.max(r * (o + 0.5) - 0.5, 0);
  const i0 = Math.min(Math.floor(u), inSize - 1);
  const lambda = Math.min(u - i0, 1);
  return [[i0, 1 - lambda], [Math.min(i0 + 1, inSize - 1), lambda]];
}

/** The matrix of the map as (output index, input index, weight) triples. */
function naiveEntries(g: UpsampleGeometry): [number, number, number][] {
  const entries: [number, number, number][] = [];
  for (let plane = 0; plane < g.N * g.C; plane++) {
    for (let i = 0; i < g.OH; i++) {
      for (let j = 0; j < g.OW; j++) {
        for (const [h, a] of taps(i, g.H, g.OH, g, g.scaleH)) {
          for (const [w, b] of taps(j, g.W, g.OW, g, g.scaleW)) entries.push([(plane * g.OH + i) * g.OW + j, (plane * g.H + h) * g.W + w, a * b]);
        }
      }
    }
  }
  return entries;
}

export function upsampleSuite(k: Kernels): void {
  describe(`${k.name}: upsample2d`, () => {
    it('refuses an x or dy whose size is not the geometry\'s, naming it (no read past it)', () => {
      for (const mode of ['nearest', 'bilinear'] as const) {
        const g = upsampleGeometry('test', [1, 2, 3, 3], { size: null, scaleFactor: [2, 2], mode, alignCorners: false });
        assert.throws(() => k.upsample2d(Tensor.zeros([1, 2, 3, 2]), g), /upsample2d: x has shape \[1, 2, 3, 2\] \(12 values\); the geometry needs \[1, 2, 3, 3\]/);
        assert.throws(() => k.upsample2dBackward(Tensor.zeros([1, 2, 6, 5]), g), /upsample2dBackward: dy has shape \[1, 2, 6, 5\].*needs \[1, 2, 6, 6\]/);
      }
    });

    it('forward reads the pixels and weights of the naive definition', () => {
      const rng = new Rng(331);
      for (const dtype of DTYPES) {
        for (const c of CASES) {
          const at = name('upsample2d', c, dtype);
          const g = geometryOf(c);
          const x = randomTensor(rng, c.x, dtype);
          const expected = new Float64Array(g.N * g.C * g.OH * g.OW);
          for (const [o, i, weight] of naiveEntries(g)) expected[o] += weight * x.data[i];
          const y = k.upsample2d(x, g);
          assert.deepEqual(y.shape, [g.N, g.C, g.OH, g.OW], at);
          assert.equal(y.dtype, dtype, at);
          expectClose(y.data, expected, reductionTolerance(dtype, 4, maxAbs(x.data), at));
          if (c.mode === 'nearest') assert.deepEqual([...y.data], [...expected], `${at}: a copy, exactly`);
        }
      }
    });

    it('backward adds weight·dy at each pixel read (the transpose of the same matrix)', () => {
      const rng = new Rng(332);
      for (const dtype of DTYPES) {
        for (const c of CASES) {
          const at = name('upsample2dBackward', c, dtype);
          const g = geometryOf(c);
          const dy = randomTensor(rng, [g.N, g.C, g.OH, g.OW], dtype);
          const expected = new Float64Array(g.N * g.C * g.H * g.W);
          for (const [o, i, weight] of naiveEntries(g)) expected[i] += weight * dy.data[o];
          const dx = k.upsample2dBackward(dy, g);
          assert.deepEqual(dx.shape, c.x, at);
          assert.equal(dx.dtype, dtype, at);
          // Each pixel gathers from at most ⌈OH/H + 1⌉·⌈OW/W + 1⌉ outputs.
          const reads = Math.ceil(g.OH / g.H + 2) * Math.ceil(g.OW / g.W + 2);
          expectClose(dx.data, expected, reductionTolerance(dtype, reads, maxAbs(dy.data), at));
        }
      }
    });

    it('is exact on constants (bilinear weights sum to 1) and backward is its adjoint in float64', () => {
      const rng = new Rng(333);
      for (const c of CASES) {
        const g = geometryOf(c);
        const y = k.upsample2d(Tensor.full(c.x, 0.75), g);
        // A few float32 roundings (wasm mixes two rows, then two columns, with float32 weights).
        assert.ok(y.data.every((v) => Math.abs(v - 0.75) <= 0.75 * 2 ** -21), name('constant', c, 'float32'));
        const x = randomTensor(rng, c.x, 'float64');
        const dy = randomTensor(rng, [g.N, g.C, g.OH, g.OW], 'float64');
        const dot = (a: Tensor, b: Tensor) => Array.from(a.data).reduce((s, v, i) => s + v * b.data[i], 0);
        const lhs = dot(k.upsample2d(x, g), dy);
        assert.ok(Math.abs(lhs - dot(x, k.upsample2dBackward(dy, g))) < 1e-12 * (1 + Math.abs(lhs)), name('adjoint', c, 'float64'));
      }
    });
  });
}
