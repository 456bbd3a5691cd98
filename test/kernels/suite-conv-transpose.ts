// SPDX-License-Identifier: MIT
// Kernel suite, transposed convolution: convTranspose2d against its direct scatter definition
// (every input pixel adds its kernel-weighted copy into the output), over strides with output
// padding, padding, dilation (output padding up to the dilation), groups, 1×1 kernels and odd
// sizes; and against the input gradient of conv2d, which it is by definition.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Kernels } from '../../src/kernels/backend.js';
import { convTranspose2dGeometry, type Conv2dGeometry, type ConvTranspose2dOptions } from '../../src/kernels/geometry.js';
import { Rng } from '../../src/tensor/rng.js';
import { type DType, Tensor } from '../../src/tensor/tensor.js';
import { expectClose } from '../helpers/close.js';
import { absTensor, DTYPES, maxAbs, randomTensor, reductionTolerance } from './util.js';

interface ConvTransposeCase {
  x: [number, number, number, number];
  options: ConvTranspose2dOptions;
}

const opts = (inChannels: number, outChannels: number, kernelSize: ConvTranspose2dOptions['kernelSize'], rest: Partial<ConvTranspose2dOptions> = {}): ConvTranspose2dOptions =>
  ({ inChannels, outChannels, kernelSize, ...rest });

const FIXED_CASES: ConvTransposeCase[] = [
  { x: [2, 3, 4, 4], options: opts(3, 2, 3) },
  { x: [2, 3, 4, 5], options: opts(3, 4, 3, { stride: 2, padding: 1, outputPadding: 1 }) },
  { x: [1, 4, 7, 7], options: opts(4, 6, 2, { stride: 2 }) }, // the U-Net up-step
  { x: [2, 4, 5, 3], options: opts(4, 6, 3, { groups: 2, padding: 1 }) },
  { x: [1, 3, 5, 5], options: opts(3, 3, 3, { groups: 3, stride: 2 }) }, // depthwise
  { x: [2, 2, 5, 6], options: opts(2, 3, 3, { dilation: 2, padding: 2 }) },
  { x: [1, 2, 4, 4], options: opts(2, 2, 3, { dilation: 3, outputPadding: 2 }) }, // outputPadding ≥ stride: rows with bias only
  { x: [2, 5, 3, 3], options: opts(5, 7, 1) }, // 1×1: no col2im
  { x: [1, 3, 3, 4], options: opts(3, 2, 1, { stride: 3, outputPadding: [2, 1] }) },
  { x: [1, 2, 6, 7], options: opts(2, 5, [2, 3], { stride: [3, 2], padding: [1, 2], outputPadding: [1, 0] }) },
  { x: [1, 1, 1, 1], options: opts(1, 1, 1) },
  { x: [2, 1, 17, 9], options: opts(1, 4, 4, { stride: 2, padding: 1 }) },
  { x: [4, 16, 12, 12], options: opts(16, 8, 4, { stride: 2, padding: 1 }) }, // large enough to split over threads
];

/** Seeded random geometries (retrying until the output size is positive). */
function randomCases(rng: Rng, count: number): ConvTransposeCase[] {
  const pick = <T>(items: readonly T[]): T => items[rng.int(items.length)];
  const cases: ConvTransposeCase[] = [];
  while (cases.length < count) {
    const groups = pick([1, 1, 2, 3]);
    const stride: [number, number] = [pick([1, 2, 3]), pick([1, 2])];
    const dilation: [number, number] = [pick([1, 2]), pick([1, 2])];
    const c: ConvTransposeCase = {
      x: [pick([1, 2]), groups * pick([1, 2, 3]), pick([1, 3, 4, 5, 8]), pick([1, 3, 4, 7])],
      options: {
        inChannels: 0,
        outChannels: groups * pick([1, 2, 3, 5]),
        kernelSize: [pick([1, 2, 3]), pick([1, 2, 3])],
        stride,
        padding: [pick([0, 1, 2]), pick([0, 1])],
        outputPadding: [rng.int(Math.max(stride[0], dilation[0])), rng.int(Math.max(stride[1], dilation[1]))],
        dilation,
        groups,
      },
    };
    c.options.inChannels = c.x[1];
    try {
      convTranspose2dGeometry('test', c.x, c.options);
      cases.push(c);
    } catch {
      // negative output size: draw again
    }
  }
  return cases;
}

/**
 * y[n, o, ih·s − p + kh·d, iw·s − p + kw·d] += x[n, c, ih, iw]·w[c, o − g·outCg, kh, kw] for every
 * input pixel and tap landing inside y, o in the group g of c: the scatter definition, in float64.
 */
function naiveConvTranspose2d(x: Tensor, w: Tensor, b: Tensor | null, g: Conv2dGeometry): Float64Array {
  const [inC, H, W] = [g.outC, g.OH, g.OW];
  const [outC, outH, outW] = [g.C, g.H, g.W];
  const inCg = inC / g.groups;
  const outCg = outC / g.groups;
  const y = new Float64Array(g.N * outC * outH * outW);
  if (b) for (let i = 0; i < y.length; i++) y[i] = b.data[Math.floor(i / (outH * outW)) % outC];
  for (let n = 0; n < g.N; n++)
    for (let c = 0; c < inC; c++)
      for (let ih = 0; ih < H; ih++)
        for (let iw = 0; iw < W; iw++)
          for (let oc = 0; oc < outCg; oc++)
            for (let kh = 0; kh < g.kH; kh++)
              for (let kw = 0; kw < g.kW; kw++) {
                const oh = ih * g.strideH - g.padH + kh * g.dilationH;
                const ow = iw * g.strideW - g.padW + kw * g.dilationW;
                if (oh < 0 || oh >= outH || ow < 0 || ow >= outW) continue;
                const o = Math.floor(c / inCg) * outCg + oc;
                y[((n * outC + o) * outH + oh) * outW + ow] +=
                  x.data[((n * inC + c) * H + ih) * W + iw] * w.data[((c * outCg + oc) * g.kH + kh) * g.kW + kw];
              }
  return y;
}

function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i] * b[i];
  return sum;
}

function caseName(c: ConvTransposeCase, dtype: DType): string {
  return `convTranspose x=[${c.x.join(',')}] ${JSON.stringify(c.options)} ${dtype}`;
}

const allCases = (): ConvTransposeCase[] => [...FIXED_CASES, ...randomCases(new Rng(401), 10)];

export function convTransposeSuite(k: Kernels): void {
  describe(`${k.name}: convTranspose2d`, () => {
    it('matches the direct scatter definition, with and without bias', () => {
      const rng = new Rng(402);
      for (const dtype of DTYPES) {
        for (const c of allCases()) {
          const g = convTranspose2dGeometry('test', c.x, c.options);
          const x = randomTensor(rng, c.x, dtype);
          const w = randomTensor(rng, [g.outC, g.C / g.groups, g.kH, g.kW], dtype);
          for (const b of [randomTensor(rng, [g.C], dtype), null]) {
            const name = `${caseName(c, dtype)} bias=${b !== null}`;
            const y = k.convTranspose2d(x, w, b, g);
            assert.deepEqual(y.shape, [g.N, g.C, g.H, g.W], name);
            assert.equal(y.dtype, dtype, name);
            const magnitude = maxAbs(naiveConvTranspose2d(absTensor(x), absTensor(w), b && absTensor(b), g));
            const taps = (g.outC / g.groups) * g.kH * g.kW;
            expectClose(y.data, naiveConvTranspose2d(x, w, b, g), reductionTolerance(dtype, taps + 1, magnitude, name));
          }
        }
      }
    });

    it('is the input gradient of conv2d: ⟨conv2d(u), x⟩ = ⟨u, convTranspose2d(x)⟩', () => {
      const rng = new Rng(403);
      for (const c of allCases()) {
        const g = convTranspose2dGeometry('test', c.x, c.options);
        const x = randomTensor(rng, c.x, 'float64');
        const u = randomTensor(rng, [g.N, g.C, g.H, g.W], 'float64');
        const w = randomTensor(rng, [g.outC, g.C / g.groups, g.kH, g.kW], 'float64');
        const lhs = dot(k.conv2d(u, w, null, g).data, x.data);
        const rhs = dot(k.convTranspose2d(x, w, null, g).data, u.data);
        expectClose([rhs], [lhs], { rtol: 1e-12, atol: 1e-12 * (1 + Math.abs(lhs)), name: `adjoint ${caseName(c, 'float64')}` });
      }
    });

    it('rejects mixed dtypes', () => {
      const g = convTranspose2dGeometry('test', [1, 2, 3, 3], opts(2, 3, 3));
      assert.throws(() => k.convTranspose2d(Tensor.zeros([1, 2, 3, 3]), Tensor.zeros([2, 3, 3, 3], 'float64'), null, g), /dtype|float64/);
    });
  });
}
