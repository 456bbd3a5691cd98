// SPDX-License-Identifier: MIT
// Kernel suite, batch normalisation over dim 1: statistics against two-pass sums, the forward
// against its formula, and the training-mode backward against direct sums and against central
// differences of the whole normalisation (statistics recomputed from x).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Kernels } from '../../src/kernels/backend.js';
import { Rng } from '../../src/tensor/rng.js';
import { type DType, Tensor } from '../../src/tensor/tensor.js';
import { expectClose } from '../helpers/close.js';
import { channelOf, naiveBatchNormLoss } from './naive.js';
import { DTYPES, maxAbs, randomTensor, reductionTolerance, shapeName } from './util.js';

const SHAPES: number[][] = [[5, 3], [1, 4], [8, 17], [33, 5], [4, 3, 5, 5], [2, 8, 4, 4], [3, 5, 7, 1], [2, 65, 2, 2], [1, 1, 1, 1]];
const EPSILON = 1e-5;

/** x with per-channel offsets, so that a one-pass variance would be visibly wrong. */
function shiftedInput(rng: Rng, shape: readonly number[], dtype: DType): Tensor {
  const x = randomTensor(rng, shape, dtype, 2);
  for (let i = 0; i < x.size; i++) x.data[i] += channelOf(shape, i) - 1.5;
  return x;
}

/** Per-channel two-pass mean and biased variance in float64. */
function channelStats(x: Tensor): { mean: Float64Array; variance: Float64Array; count: number } {
  const C = x.shape[1];
  const count = x.size / C;
  const mean = new Float64Array(C);
  const variance = new Float64Array(C);
  for (let i = 0; i < x.size; i++) mean[channelOf(x.shape, i)] += x.data[i] / count;
  for (let i = 0; i < x.size; i++) variance[channelOf(x.shape, i)] += (x.data[i] - mean[channelOf(x.shape, i)]) ** 2 / count;
  return { mean, variance, count };
}

export function batchNormSuite(k: Kernels): void {
  describe(`${k.name}: batch norm`, () => {
    it('batchNormStats gives per-channel mean and biased variance over N and space', () => {
      const rng = new Rng(501);
      for (const dtype of DTYPES) {
        for (const shape of SHAPES) {
          const name = `batchNormStats x=${shapeName(shape)} ${dtype}`;
          const x = shiftedInput(rng, shape, dtype);
          const { mean, variance } = k.batchNormStats(x);
          const expected = channelStats(x);
          assert.deepEqual(mean.shape, [shape[1]], name);
          assert.equal(mean.dtype, dtype, name);
          assert.equal(variance.dtype, dtype, name);
          const M = expected.count;
          expectClose(mean.data, expected.mean, reductionTolerance(dtype, M + 1, maxAbs(x.data), `mean ${name}`));
          // Variance sums M squares of deviations; bound its error by the largest square.
          expectClose(variance.data, expected.variance, reductionTolerance(dtype, 2 * M + 4, 2 * maxAbs(x.data) ** 2, `variance ${name}`));
        }
      }
    });

    it('batchNormForward gives y = gamma·xHat + beta with xHat = (x − mean)·invStd', () => {
      const rng = new Rng(502);
      for (const dtype of DTYPES) {
        for (const shape of SHAPES) {
          const name = `batchNormForward x=${shapeName(shape)} ${dtype}`;
          const C = shape[1];
          const x = shiftedInput(rng, shape, dtype);
          const mean = randomTensor(rng, [C], dtype);
          const invStd = Tensor.from(Array.from({ length: C }, () => rng.uniform(0.2, 3)), [C], dtype);
          const gamma = randomTensor(rng, [C], dtype);
          const beta = randomTensor(rng, [C], dtype);
          const y = k.batchNormForward(x, mean, invStd, gamma, beta);
          assert.deepEqual(y.shape, shape, name);
          assert.equal(y.dtype, dtype, name);
          const xHatExpected = Array.from(x.data, (v, i) => (v - mean.data[channelOf(shape, i)]) * invStd.data[channelOf(shape, i)]);
          const yExpected = xHatExpected.map((v, i) => gamma.data[channelOf(shape, i)] * v + beta.data[channelOf(shape, i)]);
          const xHatMagnitude = (maxAbs(x.data) + maxAbs(mean.data)) * maxAbs(invStd.data);
          // gamma = 1, beta = 0: y is xHat itself.
          const ones = Tensor.full([C], 1, dtype), zeros = Tensor.zeros([C], dtype);
          expectClose(k.batchNormForward(x, mean, invStd, ones, zeros).data, xHatExpected, reductionTolerance(dtype, 2, xHatMagnitude, `xHat ${name}`));
          const yMagnitude = maxAbs(gamma.data) * xHatMagnitude + maxAbs(beta.data);
          expectClose(y.data, yExpected, reductionTolerance(dtype, 4, yMagnitude, `y ${name}`));
        }
      }
    });

    it('batchNormBackward recomputes xHat from x, adds dGamma, dBeta and returns dx = gamma·invStd·(dy − mean(dy) − xHat·mean(dy⊙xHat))', () => {
      const rng = new Rng(503);
      for (const dtype of DTYPES) {
        for (const shape of SHAPES) {
          const name = `batchNormBackward x=${shapeName(shape)} ${dtype}`;
          const C = shape[1];
          const x = shiftedInput(rng, shape, dtype);
          const mean = randomTensor(rng, [C], dtype);
          const dy = randomTensor(rng, shape, dtype);
          const invStd = Tensor.from(Array.from({ length: C }, () => rng.uniform(0.2, 3)), [C], dtype);
          // The xHat the kernel recomputes, stored in the dtype as a forward pass would have stored it.
          const xHat = Tensor.from(Array.from(x.data, (v, i) => (v - mean.data[channelOf(shape, i)]) * invStd.data[channelOf(shape, i)]), shape, dtype);
          const gamma = randomTensor(rng, [C], dtype);
          const dGammaStart = randomTensor(rng, [C], dtype);
          const dBetaStart = randomTensor(rng, [C], dtype);
          const dGamma = dGammaStart.clone();
          const dBeta = dBetaStart.clone();
          const dx = k.batchNormBackward(dy, x, mean, invStd, gamma, dGamma, dBeta);
          assert.deepEqual(dx.shape, shape, name);
          assert.equal(dx.dtype, dtype, name);

          const M = dy.size / C;
          const sumDy = new Float64Array(C);
          const sumDyXHat = new Float64Array(C);
          for (let i = 0; i < dy.size; i++) {
            sumDy[channelOf(shape, i)] += dy.data[i];
            sumDyXHat[channelOf(shape, i)] += dy.data[i] * xHat.data[i];
          }
          const products = maxAbs(dy.data) * Math.max(1, maxAbs(xHat.data));
          expectClose(dGamma.data, sumDyXHat.map((v, c) => v + dGammaStart.data[c]), reductionTolerance(dtype, M + 1, M * products + maxAbs(dGammaStart.data), `dGamma ${name}`));
          expectClose(dBeta.data, sumDy.map((v, c) => v + dBetaStart.data[c]), reductionTolerance(dtype, M + 1, M * products + maxAbs(dBetaStart.data), `dBeta ${name}`));
          const dxExpected = Array.from(dy.data, (v, i) => {
            const c = channelOf(shape, i);
            return gamma.data[c] * invStd.data[c] * (v - sumDy[c] / M - (xHat.data[i] * sumDyXHat[c]) / M);
          });
          const dxMagnitude = maxAbs(gamma.data) * maxAbs(invStd.data) * (products + maxAbs(dy.data) + maxAbs(xHat.data) * products);
          expectClose(dx.data, dxExpected, reductionTolerance(dtype, M + 4, dxMagnitude, `dx ${name}`));
        }
      }
    });

    it('stats, forward and backward together match central differences of the normalisation (float64)', () => {
      const rng = new Rng(504);
      for (const shape of [[4, 3], [2, 3, 3, 2], [5, 1]]) {
        const name = `batch norm chain x=${shapeName(shape)}`;
        const C = shape[1];
        const x = shiftedInput(rng, shape, 'float64');
        const gamma = randomTensor(rng, [C], 'float64');
        const beta = randomTensor(rng, [C], 'float64');
        const r = randomTensor(rng, shape, 'float64'); // L = Σ r⊙y with a random upstream gradient
        const { mean, variance } = k.batchNormStats(x);
        const invStd = Tensor.from(Array.from(variance.data, (v) => 1 / Math.sqrt(v + EPSILON)), [C], 'float64');
        const dGamma = Tensor.zeros([C], 'float64');
        const dBeta = Tensor.zeros([C], 'float64');
        const dx = k.batchNormBackward(r, x, mean, invStd, gamma, dGamma, dBeta);
        const h = 1e-6;
        const numeric = Array.from(x.data, (_, i) => {
          const plus = Float64Array.from(x.data);
          const minus = Float64Array.from(x.data);
          plus[i] += h;
          minus[i] -= h;
          return (naiveBatchNormLoss(plus, shape, gamma.data, beta.data, r.data, EPSILON) - naiveBatchNormLoss(minus, shape, gamma.data, beta.data, r.data, EPSILON)) / (2 * h);
        });
        expectClose(dx.data, numeric, { rtol: 1e-6, atol: 1e-7, name: `dx ${name}` });
      }
    });

    it('rejects mixed dtypes', () => {
      const x = Tensor.zeros([2, 3]);
      const c32 = Tensor.zeros([3]);
      const c64 = Tensor.zeros([3], 'float64');
      assert.throws(() => k.batchNormForward(x, c32, c64, c32, c32), /dtype|float64/);
      assert.throws(() => k.batchNormBackward(x, x, c32, c32, c32, c64, c32), /dtype|float64/);
    });
  });
}
