// SPDX-License-Identifier: MIT
// Kernel suite, convolution: im2col against its definition, col2im as its adjoint, conv2d and
// conv2dBackward against the direct seven-loop convolution, over strides, padding, dilation,
// groups, 1×1 kernels and odd sizes; conv is linear in x.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Kernels } from '../../src/kernels/backend.js';
import { conv2dGeometry, type Conv2dGeometry, type Conv2dOptions } from '../../src/kernels/geometry.js';
import { Rng } from '../../src/tensor/rng.js';
import { type DType, Tensor } from '../../src/tensor/tensor.js';
import { expectClose } from '../helpers/close.js';
import { naiveConv2d, naiveConv2dBackward, naiveIm2col } from './naive-conv.js';
import { absTensor, DTYPES, maxAbs, randomTensor, reductionTolerance } from './util.js';

interface ConvCase {
  x: [number, number, number, number];
  options: Conv2dOptions;
}

const FIXED_CASES: ConvCase[] = [
  { x: [2, 3, 7, 7], options: { outChannels: 4, kernelSize: 3, padding: 1 } },
  { x: [2, 3, 8, 8], options: { outChannels: 5, kernelSize: 3, stride: 2, padding: 1 } },
  { x: [1, 5, 17, 17], options: { outChannels: 7, kernelSize: 3 } },
  { x: [2, 4, 5, 5], options: { outChannels: 8, kernelSize: 1 } }, // 1×1, stride 1, no padding: direct path
  { x: [2, 8, 4, 4], options: { outChannels: 4, kernelSize: 1, groups: 2 } },
  { x: [1, 17, 4, 4], options: { outChannels: 5, kernelSize: 1 } },
  { x: [1, 3, 9, 7], options: { outChannels: 3, kernelSize: 1, stride: 2 } }, // 1×1 but strided
  { x: [1, 3, 6, 6], options: { outChannels: 3, kernelSize: 1, padding: 1 } }, // 1×1 but padded
  // 1×1, stride 1, padded only after (ONNX's end pads): the output outgrows x, so x is not its own column matrix.
  { x: [2, 3, 5, 6], options: { outChannels: 4, kernelSize: 1, padding: [0, 0, 1, 2] } },
  { x: [3, 20, 4, 7], options: { outChannels: 24, kernelSize: 1, padding: [0, 0, 2, 0] } },
  { x: [2, 2, 9, 8], options: { outChannels: 3, kernelSize: 3, padding: 2, dilation: 2 } },
  { x: [2, 4, 6, 6], options: { outChannels: 6, kernelSize: 3, padding: 1, groups: 2 } },
  { x: [2, 3, 6, 5], options: { outChannels: 3, kernelSize: 3, padding: 1, groups: 3 } }, // depthwise
  { x: [2, 3, 5, 5], options: { outChannels: 6, kernelSize: 3, groups: 3 } }, // depthwise, multiplier 2
  { x: [2, 3, 7, 9], options: { outChannels: 4, kernelSize: [2, 3], stride: [1, 2], padding: [1, 0] } },
  { x: [1, 1, 1, 1], options: { outChannels: 1, kernelSize: 1 } },
  { x: [1, 2, 3, 3], options: { outChannels: 65, kernelSize: 3, padding: 1 } },
  { x: [1, 4, 33, 5], options: { outChannels: 4, kernelSize: 5, stride: 3, padding: 2 } },
  { x: [2, 1, 64, 1], options: { outChannels: 2, kernelSize: [3, 1], padding: [1, 0] } },
  { x: [3, 4, 5, 5], options: { outChannels: 2, kernelSize: 5 } }, // kernel covers the whole input
  { x: [2, 2, 7, 6], options: { outChannels: 3, kernelSize: 3, stride: 2, padding: [0, 1, 2, 0] } }, // ONNX's four sides
  // 3×3 stride 1 with ≥ 16 channels: the wasm backend's Winograd path (odd and even sizes, every padding it takes,
  // an output of one tile and of less than one, samples grouped into one GEMM when they have few tiles).
  { x: [2, 16, 7, 7], options: { outChannels: 16, kernelSize: 3, padding: 1 } },
  { x: [3, 17, 8, 9], options: { outChannels: 19, kernelSize: 3 } },
  { x: [2, 16, 5, 6], options: { outChannels: 20, kernelSize: 3, padding: 2 } },
  { x: [1, 16, 1, 1], options: { outChannels: 16, kernelSize: 3, padding: 1 } },
  { x: [2, 16, 6, 5], options: { outChannels: 17, kernelSize: 3, padding: [0, 1, 2, 0] } },
  { x: [9, 16, 3, 4], options: { outChannels: 24, kernelSize: 3, padding: 1 } },
  // 3×3 stride 2 with ≥ 16 channels: the wasm backend's stride-2 Winograd forward and input gradient (winograd-s2.ts; odd and even
  // sizes, padding 0, 1, 2 and ONNX's four sides, inputs of one pixel and of one tile, a tile cut by the edge).
  { x: [2, 16, 8, 8], options: { outChannels: 16, kernelSize: 3, stride: 2, padding: 1 } },
  { x: [3, 17, 9, 11], options: { outChannels: 18, kernelSize: 3, stride: 2, padding: 1 } },
  { x: [2, 16, 7, 7], options: { outChannels: 16, kernelSize: 3, stride: 2 } },
  { x: [2, 16, 6, 5], options: { outChannels: 20, kernelSize: 3, stride: 2, padding: 2 } },
  { x: [2, 16, 6, 9], options: { outChannels: 17, kernelSize: 3, stride: 2, padding: [0, 1, 2, 0] } },
  { x: [1, 16, 1, 1], options: { outChannels: 16, kernelSize: 3, stride: 2, padding: 1 } },
  { x: [5, 16, 3, 3], options: { outChannels: 16, kernelSize: 3, stride: 2 } },
  { x: [3, 16, 9, 9], options: { outChannels: 16, kernelSize: 3, stride: 2 } }, // a row's last block reaches the last input column
  { x: [2, 16, 10, 10], options: { outChannels: 16, kernelSize: 3, stride: 2, padding: 1 } },
];

/** Seeded random geometries (retrying until the kernel fits the padded input). */
function randomCases(rng: Rng, count: number): ConvCase[] {
  const pick = <T>(items: readonly T[]): T => items[rng.int(items.length)];
  const cases: ConvCase[] = [];
  while (cases.length < count) {
    const groups = pick([1, 1, 2, 3]);
    const c: ConvCase = {
      x: [pick([1, 2]), groups * pick([1, 2, 3, 4]), pick([1, 3, 4, 5, 7, 8, 17]), pick([1, 3, 4, 5, 7, 8, 17])],
      options: {
        outChannels: groups * pick([1, 2, 3, 5]),
        kernelSize: [pick([1, 2, 3]), pick([1, 2, 3])],
        stride: [pick([1, 2, 3]), pick([1, 2])],
        padding: [pick([0, 1, 2]), pick([0, 1])],
        dilation: [pick([1, 2]), pick([1, 2])],
        groups,
      },
    };
    try {
      conv2dGeometry('test', c.x, c.options);
      cases.push(c);
    } catch {
      // the kernel does not fit this input: draw again
    }
  }
  return cases;
}

function caseName(g: Conv2dGeometry, dtype: DType): string {
  return (
    `conv x=[${g.N},${g.C},${g.H},${g.W}] outC=${g.outC} k=[${g.kH},${g.kW}] s=[${g.strideH},${g.strideW}] ` +
    `p=[${g.padH},${g.padW}] d=[${g.dilationH},${g.dilationW}] groups=${g.groups} ${dtype}`
  );
}

function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i] * b[i];
  return sum;
}

const allCases = (): ConvCase[] => [...FIXED_CASES, ...randomCases(new Rng(201), 8)];

export function convSuite(k: Kernels): void {
  describe(`${k.name}: im2col / col2im`, () => {
    it('im2col copies x[n, c, ih, iw] to row (c, kh, kw), column (oh, ow), zero in the padding', () => {
      const rng = new Rng(202);
      for (const dtype of DTYPES) {
        for (const c of allCases()) {
          const g = conv2dGeometry('test', c.x, c.options);
          const x = randomTensor(rng, c.x, dtype);
          const cols = k.im2col(x, g);
          assert.deepEqual(cols.shape, [g.N, g.C * g.kH * g.kW, g.OH * g.OW], caseName(g, dtype));
          assert.equal(cols.dtype, dtype);
          expectClose(cols.data, naiveIm2col(x, g), { rtol: 0, atol: 0, name: `im2col ${caseName(g, dtype)}` });
        }
      }
    });

    it('col2im is the adjoint of im2col: ⟨im2col(x), c⟩ = ⟨x, col2im(c)⟩', () => {
      const rng = new Rng(203);
      for (const dtype of DTYPES) {
        for (const c of allCases()) {
          const g = conv2dGeometry('test', c.x, c.options);
          const x = randomTensor(rng, c.x, dtype);
          const cols = randomTensor(rng, [g.N, g.C * g.kH * g.kW, g.OH * g.OW], dtype);
          const back = k.col2im(cols, g);
          assert.deepEqual(back.shape, c.x, caseName(g, dtype));
          assert.equal(back.dtype, dtype);
          const lhs = dot(naiveIm2col(x, g), cols.data);
          const rhs = dot(x.data, back.data);
          // col2im sums up to kH·kW entries per element of x.
          const magnitude = dot(absTensor(x).data, k.col2im(absTensor(cols), g).data);
          expectClose([rhs], [lhs], reductionTolerance(dtype, g.kH * g.kW, magnitude, `col2im adjoint ${caseName(g, dtype)}`));
        }
      }
    });
  });

  describe(`${k.name}: conv2d`, () => {
    it('forward matches the direct seven-loop convolution, with and without bias', () => {
      const rng = new Rng(204);
      for (const dtype of DTYPES) {
        for (const c of allCases()) {
          const g = conv2dGeometry('test', c.x, c.options);
          const x = randomTensor(rng, c.x, dtype);
          const w = randomTensor(rng, [g.outC, g.C / g.groups, g.kH, g.kW], dtype);
          const taps = (g.C / g.groups) * g.kH * g.kW;
          for (const b of [randomTensor(rng, [g.outC], dtype), null]) {
            const name = `${caseName(g, dtype)} bias=${b !== null}`;
            const y = k.conv2d(x, w, b, g);
            assert.deepEqual(y.shape, [g.N, g.outC, g.OH, g.OW], name);
            assert.equal(y.dtype, dtype, name);
            const magnitude = maxAbs(naiveConv2d(absTensor(x), absTensor(w), b && absTensor(b), g));
            expectClose(y.data, naiveConv2d(x, w, b, g), reductionTolerance(dtype, taps + 1, magnitude, name));
          }
        }
      }
    });

    it('backward adds dW and db into the given tensors and returns dx, all matching direct loops', () => {
      const rng = new Rng(205);
      for (const dtype of DTYPES) {
        for (const c of allCases()) {
          const g = conv2dGeometry('test', c.x, c.options);
          const name = caseName(g, dtype);
          const x = randomTensor(rng, c.x, dtype);
          const w = randomTensor(rng, [g.outC, g.C / g.groups, g.kH, g.kW], dtype);
          const dy = randomTensor(rng, [g.N, g.outC, g.OH, g.OW], dtype);
          const dWStart = randomTensor(rng, w.shape, dtype);
          const dbStart = randomTensor(rng, [g.outC], dtype);
          const dW = dWStart.clone();
          const db = dbStart.clone();
          const dx = k.conv2dBackward(x, w, dy, g, { dW, db, needDx: true });
          const expected = naiveConv2dBackward(x, w, dy, g);
          const bound = naiveConv2dBackward(absTensor(x), absTensor(w), absTensor(dy), g);
          const positions = g.N * g.OH * g.OW;
          const dWExpected = expected.dW.map((v, i) => v + dWStart.data[i]);
          const dbExpected = expected.db.map((v, i) => v + dbStart.data[i]);
          expectClose(dW.data, dWExpected, reductionTolerance(dtype, positions + 1, maxAbs(bound.dW) + maxAbs(dWStart.data), `dW ${name}`));
          expectClose(db.data, dbExpected, reductionTolerance(dtype, positions + 1, maxAbs(bound.db) + maxAbs(dbStart.data), `db ${name}`));
          assert.ok(dx, `dx ${name}`);
          assert.deepEqual(dx.shape, c.x, `dx shape ${name}`);
          assert.equal(dx.dtype, dtype);
          const dxTaps = (g.outC / g.groups) * g.kH * g.kW;
          expectClose(dx.data, expected.dx, reductionTolerance(dtype, dxTaps, maxAbs(bound.dx), `dx ${name}`));

          // needDx = false and no bias: only dW is accumulated.
          const dWOnly = Tensor.zeros(w.shape, dtype);
          assert.equal(k.conv2dBackward(x, w, dy, g, { dW: dWOnly, db: null, needDx: false }), null, `needDx=false ${name}`);
          expectClose(dWOnly.data, expected.dW, reductionTolerance(dtype, positions, maxAbs(bound.dW), `dW (needDx=false) ${name}`));

          // dW = null (a frozen weight): the same dx bit for bit, db still added.
          const dbFrozen = dbStart.clone();
          const dxFrozen = k.conv2dBackward(x, w, dy, g, { dW: null, db: dbFrozen, needDx: true });
          assert.ok(dxFrozen, `dx (dW=null) ${name}`);
          assert.deepEqual(Array.from(dxFrozen.data), Array.from(dx.data), `dx (dW=null) ${name}`);
          assert.deepEqual(Array.from(dbFrozen.data), Array.from(db.data), `db (dW=null) ${name}`);
        }
      }
    });

    it('is linear in x: conv(αx₁ + βx₂) = α·conv(x₁) + β·conv(x₂)', () => {
      const rng = new Rng(206);
      for (const c of allCases()) {
        const g = conv2dGeometry('test', c.x, c.options);
        const x1 = randomTensor(rng, c.x, 'float64');
        const x2 = randomTensor(rng, c.x, 'float64');
        const w = randomTensor(rng, [g.outC, g.C / g.groups, g.kH, g.kW], 'float64');
        const [alpha, beta] = [rng.uniform(-2, 2), rng.uniform(-2, 2)];
        const mixed = Tensor.from(x1.data.map((v, i) => alpha * v + beta * x2.data[i]), c.x, 'float64');
        const y1 = k.conv2d(x1, w, null, g).data;
        const y2 = k.conv2d(x2, w, null, g).data;
        const expected = y1.map((v, i) => alpha * v + beta * y2[i]);
        const magnitude = 4 * maxAbs(naiveConv2d(absTensor(x1), absTensor(w), null, g)) + 4 * maxAbs(naiveConv2d(absTensor(x2), absTensor(w), null, g));
        const taps = (g.C / g.groups) * g.kH * g.kW;
        expectClose(k.conv2d(mixed, w, null, g).data, expected, reductionTolerance('float64', 2 * taps + 4, magnitude, `linearity ${caseName(g, 'float64')}`));
      }
    });

    it('rejects mixed dtypes', () => {
      const g = conv2dGeometry('test', [1, 2, 4, 4], { outChannels: 3, kernelSize: 3 });
      const x = Tensor.zeros([1, 2, 4, 4]);
      const w64 = Tensor.zeros([3, 2, 3, 3], 'float64');
      assert.throws(() => k.conv2d(x, w64, null, g), /dtype|float64/);
      assert.throws(() => k.conv2d(x, Tensor.zeros([3, 2, 3, 3]), Tensor.zeros([3], 'float64'), g), /dtype|float64/);
      const dy = Tensor.zeros([1, 3, 2, 2]);
      assert.throws(
        () => k.conv2dBackward(x, Tensor.zeros([3, 2, 3, 3]), dy, g, { dW: w64, db: null, needDx: true }),
        /dtype|float64/,
      );
    });
  });
}
