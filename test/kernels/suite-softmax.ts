// SPDX-License-Identifier: MIT
// Kernel suite, softmax and losses: softmax against its definition (rows sum to 1, a per-row shift
// changes nothing, ±1e4 stays finite); fused cross-entropy against PyTorch's formula (class weights,
// label smoothing, both reductions) with its gradient checked by central differences; mse.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CrossEntropyOptions, Kernels } from '../../src/kernels/backend.js';
import { Rng } from '../../src/tensor/rng.js';
import { type DType, Tensor } from '../../src/tensor/tensor.js';
import { expectClose } from '../helpers/close.js';
import { naiveCrossEntropy, naiveLogSoftmax } from './naive.js';
import { DTYPES, maxAbs, randomTensor, shapeName, SIZES, unitRoundoff } from './util.js';

/** [N, K] shapes with K on both sides of the SIMD width. */
const SHAPES: [number, number][] = SIZES.map((K, i) => [[1, 3, 8, 5, 2][i % 5], K]);

/** Logits on a grid of 1/8, so adding an integer per row is exact in float32 too. */
function gridLogits(rng: Rng, shape: readonly number[], dtype: DType, scale: number): Tensor {
  const t = Tensor.zeros(shape, dtype);
  for (let i = 0; i < t.size; i++) t.data[i] = Math.round(rng.normal(0, scale) * 8) / 8;
  return t;
}

function naiveSoftmax(x: Tensor): number[] {
  const [N, K] = x.shape;
  const p: number[] = [];
  for (let n = 0; n < N; n++) p.push(...naiveLogSoftmax(Array.from(x.data).slice(n * K, (n + 1) * K)).map(Math.exp));
  return p;
}

/** exp, log and a K-term sum: the relative error grows with K. */
function softmaxTolerance(dtype: DType, K: number, name: string): { rtol: number; atol: number; name: string } {
  return { rtol: 4 * (K + 8) * unitRoundoff(dtype), atol: dtype === 'float32' ? 1e-37 : 1e-300, name };
}

/** Σⱼ t[n, j] for each row n of an [N, K] array. */
function rowSums(data: ArrayLike<number>, N: number, K: number): number[] {
  const sums = new Array<number>(N).fill(0);
  for (let i = 0; i < N * K; i++) sums[Math.floor(i / K)] += data[i];
  return sums;
}

function randomTargets(rng: Rng, N: number, K: number): Int32Array {
  return Int32Array.from({ length: N }, () => rng.int(K));
}

function optionsName(o: CrossEntropyOptions): string {
  return `weight=${o.weight ? 'yes' : 'none'} labelSmoothing=${o.labelSmoothing} reduction=${o.reduction}`;
}

export function softmaxSuite(k: Kernels): void {
  describe(`${k.name}: softmax`, () => {
    it('matches exp(x − max)/Σ exp(x − max); rows sum to 1; a per-row shift changes nothing', () => {
      const rng = new Rng(601);
      for (const dtype of DTYPES) {
        for (const shape of SHAPES) {
          const name = `softmax x=${shapeName(shape)} ${dtype}`;
          const [N, K] = shape;
          const x = gridLogits(rng, shape, dtype, 3);
          const p = k.softmax(x);
          assert.deepEqual(p.shape, shape, name);
          assert.equal(p.dtype, dtype, name);
          const tolerance = softmaxTolerance(dtype, K, name);
          expectClose(p.data, naiveSoftmax(x), tolerance);
          expectClose(rowSums(p.data, N, K), new Array(N).fill(1), { ...tolerance, name: `row sums ${name}` });
          const shifted = x.clone();
          for (let n = 0; n < N; n++) {
            const shift = rng.int(101) - 50;
            for (let j = 0; j < K; j++) shifted.data[n * K + j] += shift;
          }
          expectClose(k.softmax(shifted).data, p.data, { ...tolerance, name: `shifted ${name}` });
        }
      }
    });

    it('stays finite with ±1e4 logits', () => {
      for (const dtype of DTYPES) {
        const x = Tensor.from([1e4, -1e4, 0, 3, -1e4, -1e4, -1e4, -1e4, 1e4, 1e4, 1e4, 1e4], [3, 4], dtype);
        const p = k.softmax(x);
        assert.ok(Array.from(p.data).every(Number.isFinite), `softmax ±1e4 ${dtype}: ${Array.from(p.data)}`);
        expectClose(p.data, naiveSoftmax(x), softmaxTolerance(dtype, 4, `softmax ±1e4 ${dtype}`));
      }
    });
  });

  describe(`${k.name}: softmaxCrossEntropy`, () => {
    it("matches PyTorch's cross_entropy (weights, label smoothing, mean/sum) and its gradient", () => {
      const rng = new Rng(602);
      for (const dtype of DTYPES) {
        for (const [N, K] of [[1, 3], [3, 4], [8, 5], [5, 7], [4, 8], [17, 17], [2, 33], [3, 65]]) {
          for (const hasWeight of [false, true]) {
            for (const labelSmoothing of [0, 0.1, 0.3]) {
              for (const reduction of ['mean', 'sum'] as const) {
                const weight = hasWeight ? Tensor.from(Array.from({ length: K }, () => rng.uniform(0.2, 2)), [K], dtype) : null;
                const options: CrossEntropyOptions = { weight, labelSmoothing, reduction };
                const name = `cross-entropy x=[${N},${K}] ${optionsName(options)} ${dtype}`;
                const logits = randomTensor(rng, [N, K], dtype, 3);
                const targets = randomTargets(rng, N, K);
                const { loss, grad } = k.softmaxCrossEntropy(logits, targets, options);
                assert.deepEqual(grad.shape, [N, K], name);
                assert.equal(grad.dtype, dtype, name);
                assert.ok(loss >= 0, `${name}: loss ${loss} < 0`);
                const u = unitRoundoff(dtype);
                const expected = naiveCrossEntropy(logits.data, N, K, targets, options);
                expectClose([loss], [expected], { rtol: 8 * (N + K + 8) * u, atol: 8 * (N + K) * u, name: `loss ${name}` });
                // The gradient against central differences of the naive loss, in float64.
                const h = 1e-5;
                const numeric = Array.from(logits.data, (_, i) => {
                  const plus = Float64Array.from(logits.data);
                  const minus = Float64Array.from(logits.data);
                  plus[i] += h;
                  minus[i] -= h;
                  return (naiveCrossEntropy(plus, N, K, targets, options) - naiveCrossEntropy(minus, N, K, targets, options)) / (2 * h);
                });
                expectClose(grad.data, numeric, { rtol: 1e-6, atol: 1e-9 + 16 * (K + 8) * u * 2, name: `grad ${name}` });
                expectClose(rowSums(grad.data, N, K), new Array(N).fill(0), { rtol: 0, atol: 8 * (K + 8) * u * 2, name: `grad rows sum to 0 ${name}` });
              }
            }
          }
        }
      }
    });

    it('gives finite loss and gradient (p − onehot)/N at ±1e4 logits', () => {
      const rng = new Rng(603);
      for (const dtype of DTYPES) {
        for (const [N, K] of [[4, 6], [3, 65]]) {
          const logits = Tensor.zeros([N, K], dtype);
          for (let i = 0; i < logits.size; i++) logits.data[i] = (rng.int(3) - 1) * 1e4;
          const targets = randomTargets(rng, N, K);
          const name = `cross-entropy ±1e4 x=[${N},${K}] ${dtype}`;
          const options: CrossEntropyOptions = { weight: null, labelSmoothing: 0, reduction: 'mean' };
          const { loss, grad } = k.softmaxCrossEntropy(logits, targets, options);
          assert.ok(Number.isFinite(loss) && loss >= 0, `${name}: loss ${loss}`);
          assert.ok(Array.from(grad.data).every(Number.isFinite), `${name}: non-finite gradient`);
          expectClose([loss], [naiveCrossEntropy(logits.data, N, K, targets, options)], { rtol: 1e-6, atol: 1e-6, name: `loss ${name}` });
          const p = naiveSoftmax(logits);
          const expected = p.map((v, i) => (v - (i % K === targets[Math.floor(i / K)] ? 1 : 0)) / N);
          expectClose(grad.data, expected, { rtol: 1e-6, atol: 1e-7, name: `grad ${name}` });
          const smoothed = k.softmaxCrossEntropy(logits, targets, { weight: null, labelSmoothing: 0.1, reduction: 'sum' });
          assert.ok(Number.isFinite(smoothed.loss) && Array.from(smoothed.grad.data).every(Number.isFinite), `${name} smoothed`);
        }
      }
    });

    it('rejects mixed dtypes', () => {
      const options: CrossEntropyOptions = { weight: Tensor.zeros([3], 'float64'), labelSmoothing: 0, reduction: 'mean' };
      assert.throws(() => k.softmaxCrossEntropy(Tensor.zeros([2, 3]), new Int32Array([0, 1]), options), /dtype|float64/);
    });
  });

  describe(`${k.name}: mse`, () => {
    it('gives Σ(p − t)²/D and 2(p − t)/D, D = size for mean, 1 for sum', () => {
      const rng = new Rng(604);
      for (const dtype of DTYPES) {
        for (const shape of [[1], [5, 3], [2, 3, 4, 4], [65], [8, 17]]) {
          for (const reduction of ['mean', 'sum'] as const) {
            const name = `mse x=${shapeName(shape)} ${reduction} ${dtype}`;
            const prediction = randomTensor(rng, shape, dtype);
            const target = randomTensor(rng, shape, dtype);
            const D = reduction === 'mean' ? prediction.size : 1;
            const diff = Array.from(prediction.data, (v, i) => v - target.data[i]);
            const { loss, grad } = k.mse(prediction, target, reduction);
            assert.deepEqual(grad.shape, shape, name);
            assert.equal(grad.dtype, dtype, name);
            const u = unitRoundoff(dtype);
            const squares = diff.reduce((s, d) => s + d * d, 0);
            expectClose([loss], [squares / D], { rtol: 4 * (prediction.size + 4) * u, atol: 0, name: `loss ${name}` });
            expectClose(grad.data, diff.map((d) => (2 * d) / D), { rtol: 8 * u, atol: 4 * u * maxAbs(diff), name: `grad ${name}` });
          }
        }
      }
    });

    it('rejects mixed dtypes', () => {
      assert.throws(() => k.mse(Tensor.zeros([3]), Tensor.zeros([3], 'float64'), 'mean'), /dtype|float64/);
    });
  });
}
