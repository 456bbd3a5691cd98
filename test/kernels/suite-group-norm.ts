// SPDX-License-Identifier: MIT
// Kernel suite, group normalisation (LayerNorm is the view [rows, M, 1] with one group): the
// forward against per-block two-pass statistics, the backward against direct sums, and the chain
// against central differences of the whole normalisation (statistics recomputed from x), over
// views on both sides of the SIMD width: S = 1 (LayerNorm) and S > 1, groups = 1, = C and between.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { GroupNormView, Kernels } from '../../src/kernels/backend.js';
import { Rng } from '../../src/tensor/rng.js';
import { type DType, Tensor } from '../../src/tensor/tensor.js';
import { expectClose } from '../helpers/close.js';
import { DTYPES, maxAbs, randomTensor, reductionTolerance } from './util.js';

const VIEWS: GroupNormView[] = [
  { N: 3, C: 5, S: 1, groups: 1 }, { N: 2, C: 4, S: 1, groups: 1 }, { N: 1, C: 17, S: 1, groups: 1 },
  { N: 4, C: 33, S: 1, groups: 1 }, { N: 2, C: 65, S: 1, groups: 1 }, { N: 5, C: 1, S: 1, groups: 1 },
  { N: 2, C: 6, S: 9, groups: 2 }, { N: 1, C: 4, S: 7, groups: 1 }, { N: 2, C: 5, S: 5, groups: 5 },
  { N: 3, C: 8, S: 4, groups: 4 }, { N: 2, C: 6, S: 3, groups: 3 }, { N: 2, C: 9, S: 17, groups: 3 },
  { N: 1, C: 3, S: 2, groups: 3 }, { N: 2, C: 4, S: 1, groups: 2 }, { N: 2, C: 16, S: 49, groups: 8 },
];
const EPSILON = 1e-5;

function viewName(v: GroupNormView): string {
  return `N=${v.N} C=${v.C} S=${v.S} groups=${v.groups}`;
}

/** Block and channel of flat index i. */
function blockOf(v: GroupNormView, i: number): { block: number; c: number } {
  const c = Math.floor(i / v.S) % v.C;
  const n = Math.floor(i / (v.C * v.S));
  return { block: n * v.groups + Math.floor(c / (v.C / v.groups)), c };
}

/** Per-block mean and biased variance in float64, two passes. */
function blockStats(x: ArrayLike<number>, v: GroupNormView): { mean: Float64Array; variance: Float64Array; K: number } {
  const blocks = v.N * v.groups;
  const K = x.length / blocks;
  const mean = new Float64Array(blocks);
  const variance = new Float64Array(blocks);
  for (let i = 0; i < x.length; i++) mean[blockOf(v, i).block] += x[i] / K;
  for (let i = 0; i < x.length; i++) variance[blockOf(v, i).block] += (x[i] - mean[blockOf(v, i).block]) ** 2 / K;
  return { mean, variance, K };
}

/** x with per-block offsets, so that a one-pass variance or a wrong block would be visibly wrong. */
function shiftedInput(rng: Rng, v: GroupNormView, dtype: DType): Tensor {
  const x = randomTensor(rng, [v.N * v.C * v.S], dtype, 2);
  for (let i = 0; i < x.size; i++) x.data[i] += (blockOf(v, i).block % 5) - 2;
  return x;
}

/** L = Σ r⊙y of the whole normalisation, by direct loops in float64. */
function naiveLoss(x: Float64Array, v: GroupNormView, gamma: ArrayLike<number>, beta: ArrayLike<number>, r: ArrayLike<number>): number {
  const { mean, variance } = blockStats(x, v);
  let loss = 0;
  for (let i = 0; i < x.length; i++) {
    const { block, c } = blockOf(v, i);
    loss += r[i] * (gamma[c] * (x[i] - mean[block]) / Math.sqrt(variance[block] + EPSILON) + beta[c]);
  }
  return loss;
}

export function groupNormSuite(k: Kernels): void {
  describe(`${k.name}: group norm`, () => {
    it('groupNormForward gives per-block invStd, xHat = (x − mean)·invStd and y = gamma[c]·xHat + beta[c]', () => {
      const rng = new Rng(601);
      for (const dtype of DTYPES) {
        for (const v of VIEWS) {
          const name = `groupNormForward ${viewName(v)} ${dtype}`;
          const x = shiftedInput(rng, v, dtype);
          const gamma = randomTensor(rng, [v.C], dtype);
          const beta = randomTensor(rng, [v.C], dtype);
          const { y, xHat, invStd } = k.groupNormForward(x, v, EPSILON, gamma, beta);
          assert.deepEqual([y.dtype, xHat.dtype, invStd.dtype], [dtype, dtype, dtype], name);
          assert.deepEqual(invStd.shape, [v.N * v.groups], name);
          const { mean, variance, K } = blockStats(x.data, v);
          const inv = Array.from(variance, (s) => 1 / Math.sqrt(s + EPSILON));
          expectClose(invStd.data, inv, reductionTolerance(dtype, 2 * K + 4, maxAbs(inv), `invStd ${name}`));
          const xHatExpected = Array.from(x.data, (value, i) => (value - mean[blockOf(v, i).block]) * inv[blockOf(v, i).block]);
          const xHatMagnitude = 2 * maxAbs(x.data) * maxAbs(inv);
          expectClose(xHat.data, xHatExpected, reductionTolerance(dtype, 2 * K + 4, xHatMagnitude, `xHat ${name}`));
          const yExpected = xHatExpected.map((h, i) => gamma.data[blockOf(v, i).c] * h + beta.data[blockOf(v, i).c]);
          const yMagnitude = maxAbs(gamma.data) * xHatMagnitude + maxAbs(beta.data);
          expectClose(y.data, yExpected, reductionTolerance(dtype, 2 * K + 6, yMagnitude, `y ${name}`));
        }
      }
    });

    it('groupNormBackward adds dGamma, dBeta and returns dx = invStd·(dxHat − mean(dxHat) − xHat·mean(dxHat⊙xHat))', () => {
      const rng = new Rng(602);
      for (const dtype of DTYPES) {
        for (const v of VIEWS) {
          const name = `groupNormBackward ${viewName(v)} ${dtype}`;
          const size = v.N * v.C * v.S;
          const blocks = v.N * v.groups;
          const K = size / blocks;
          const xHat = randomTensor(rng, [size], dtype);
          const dy = randomTensor(rng, [size], dtype);
          const invStd = Tensor.from(Array.from({ length: blocks }, () => rng.uniform(0.2, 3)), [blocks], dtype);
          const gamma = randomTensor(rng, [v.C], dtype);
          const dGammaStart = randomTensor(rng, [v.C], dtype);
          const dBetaStart = randomTensor(rng, [v.C], dtype);
          const dGamma = dGammaStart.clone();
          const dBeta = dBetaStart.clone();
          const dx = k.groupNormBackward(dy, xHat, invStd, v, gamma, dGamma, dBeta);
          assert.equal(dx.dtype, dtype, name);
          assert.deepEqual(dx.shape, [size], name);
          const sumDy = new Float64Array(v.C);
          const sumDyXHat = new Float64Array(v.C);
          const sumDxHat = new Float64Array(blocks);
          const sumDxHatXHat = new Float64Array(blocks);
          for (let i = 0; i < size; i++) {
            const { block, c } = blockOf(v, i);
            sumDy[c] += dy.data[i];
            sumDyXHat[c] += dy.data[i] * xHat.data[i];
            sumDxHat[block] += gamma.data[c] * dy.data[i];
            sumDxHatXHat[block] += gamma.data[c] * dy.data[i] * xHat.data[i];
          }
          const M = size / v.C; // entries per channel
          const products = maxAbs(dy.data) * Math.max(1, maxAbs(xHat.data));
          expectClose(dGamma.data, sumDyXHat.map((s, c) => s + dGammaStart.data[c]), reductionTolerance(dtype, M + 1, M * products + maxAbs(dGammaStart.data), `dGamma ${name}`));
          expectClose(dBeta.data, sumDy.map((s, c) => s + dBetaStart.data[c]), reductionTolerance(dtype, M + 1, M * products + maxAbs(dBetaStart.data), `dBeta ${name}`));
          const dxExpected = Array.from(dy.data, (g, i) => {
            const { block, c } = blockOf(v, i);
            return invStd.data[block] * (gamma.data[c] * g - sumDxHat[block] / K - xHat.data[i] * (sumDxHatXHat[block] / K));
          });
          const dxMagnitude = maxAbs(invStd.data) * maxAbs(gamma.data) * (products + maxAbs(dy.data) + maxAbs(xHat.data) * products);
          expectClose(dx.data, dxExpected, reductionTolerance(dtype, K + 6, dxMagnitude, `dx ${name}`));
        }
      }
    });

    it('forward and backward together match central differences of the normalisation (float64)', () => {
      const rng = new Rng(603);
      for (const v of [VIEWS[0], VIEWS[6], VIEWS[8], VIEWS[12], { N: 2, C: 4, S: 3, groups: 1 }]) {
        const name = `group norm chain ${viewName(v)}`;
        const size = v.N * v.C * v.S;
        const x = shiftedInput(rng, v, 'float64');
        const gamma = randomTensor(rng, [v.C], 'float64');
        const beta = randomTensor(rng, [v.C], 'float64');
        const r = randomTensor(rng, [size], 'float64');
        const { xHat, invStd } = k.groupNormForward(x, v, EPSILON, gamma, beta);
        const dx = k.groupNormBackward(r, xHat, invStd, v, gamma, Tensor.zeros([v.C], 'float64'), Tensor.zeros([v.C], 'float64'));
        const h = 1e-6;
        const numeric = Array.from(x.data, (_, i) => {
          const plus = Float64Array.from(x.data);
          const minus = Float64Array.from(x.data);
          plus[i] += h;
          minus[i] -= h;
          return (naiveLoss(plus, v, gamma.data, beta.data, r.data) - naiveLoss(minus, v, gamma.data, beta.data, r.data)) / (2 * h);
        });
        expectClose(dx.data, numeric, { rtol: 1e-6, atol: 1e-7, name: `dx ${name}` });
      }
    });

    it('rejects mixed dtypes and views that do not fit, naming the kernel', () => {
      const x = Tensor.zeros([2, 6]);
      const c6 = Tensor.zeros([6]);
      const v: GroupNormView = { N: 2, C: 6, S: 1, groups: 2 };
      assert.throws(() => k.groupNormForward(x, v, EPSILON, Tensor.zeros([6], 'float64'), c6), /groupNormForward.*dtype/);
      assert.throws(() => k.groupNormForward(x, { ...v, groups: 4 }, EPSILON, c6, c6), /groupNormForward: 6 channels do not split into 4 groups/);
      assert.throws(() => k.groupNormForward(x, { ...v, S: 2 }, EPSILON, c6, c6), /groupNormForward: x \[2, 6\] is not \[N=2, C=6, S=2\]/);
      assert.throws(() => k.groupNormForward(x, v, EPSILON, Tensor.zeros([5]), c6), /groupNormForward: gamma must have 6 entries/);
      assert.throws(() => k.groupNormBackward(x, x, Tensor.zeros([3]), v, c6, c6, c6), /groupNormBackward: xHat .* and invStd \[3\] do not fit/);
    });
  });
}
