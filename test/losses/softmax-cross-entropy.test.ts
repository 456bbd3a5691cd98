// SPDX-License-Identifier: MIT
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { SoftmaxCrossEntropy, type SoftmaxCrossEntropyOptions } from '../../src/losses/softmax-cross-entropy.js';
import { softmax } from '../../src/losses/softmax.js';
import { Tensor } from '../../src/tensor/tensor.js';
import { expectClose } from '../helpers/close.js';
import { naiveCrossEntropy } from '../kernels/naive.js';
import { expectGradientsOk, expectThrowsWith, randn, Rng } from '../layers/util.js';
import { lossAsDifferentiable } from './util.js';

function randomTargets(rng: Rng, N: number, K: number): Int32Array {
  return Int32Array.from({ length: N }, () => rng.int(K));
}

function positiveWeights(rng: Rng, K: number): Tensor {
  return Tensor.from(Array.from({ length: K }, () => rng.uniform(0.2, 2)), [K], 'float64');
}

interface Case {
  name: string;
  N: number;
  K: number;
  scale?: number;
  options: (rng: Rng, K: number) => SoftmaxCrossEntropyOptions;
  eps?: number;
}

const cases: Case[] = [
  { name: 'mean x=[5,7]', N: 5, K: 7, options: () => ({}) },
  { name: 'sum x=[4,6]', N: 4, K: 6, options: () => ({ reduction: 'sum' }) },
  { name: 'batch 1 x=[1,4]', N: 1, K: 4, options: () => ({}) },
  { name: 'label smoothing 0.1 x=[5,7]', N: 5, K: 7, options: () => ({ labelSmoothing: 0.1 }) },
  { name: 'class weights, mean x=[6,5]', N: 6, K: 5, options: (rng, K) => ({ weight: positiveWeights(rng, K) }) },
  { name: 'class weights + smoothing 0.2, sum x=[4,5]', N: 4, K: 5, options: (rng, K) => ({ weight: positiveWeights(rng, K), labelSmoothing: 0.2, reduction: 'sum' }) },
  { name: 'class weights + smoothing 0.3, mean x=[4,5]', N: 4, K: 5, options: (rng, K) => ({ weight: positiveWeights(rng, K), labelSmoothing: 0.3 }) },
  // |z| ≈ 1e3: L rounds at ~1e3·2⁻⁵³ ≈ 1e-13, so the step is 1e-4 (rounding/step ≈ 1e-9, truncation ≈ step² ≈ 1e-8·f‴ small).
  { name: '±1e3 logits x=[4,6]', N: 4, K: 6, scale: 1e3, options: () => ({ labelSmoothing: 0.1 }), eps: 1e-4 },
  // 1000 classes: most gradients are ~1e-6 while L ≈ 20 rounds at ~4e-15; at a step of 1e-6 that rounding
  // alone is 2e-9 in a numeric gradient (2e-6 against the floor 1e-3). A step of 1e-4 keeps it at 2e-11;
  // truncation, step²·f‴/6 with f‴ ≲ p ≈ 1e-3, stays below 1e-11.
  { name: '1000 classes x=[3,1000]', N: 3, K: 1000, scale: 3, options: () => ({}), eps: 1e-4 },
];

/** Logits N(0, 1); with scale ≥ 100 each logit is ±scale plus N(0, 1), so rows mix saturated and live classes. */
function logits(rng: Rng, N: number, K: number, scale = 1): Tensor {
  const z = randn(rng, [N, K]);
  if (scale >= 100) for (let i = 0; i < z.size; i++) z.data[i] += rng.next() < 0.5 ? -scale : scale;
  else for (let i = 0; i < z.size; i++) z.data[i] *= scale;
  return z;
}

describe('SoftmaxCrossEntropy gradcheck (float64)', () => {
  for (const c of cases) {
    test(c.name, () => {
      const rng = new Rng(50);
      const loss = new SoftmaxCrossEntropy(c.options(rng, c.K));
      const targets = randomTargets(rng, c.N, c.K);
      expectGradientsOk(`SoftmaxCrossEntropy ${c.name}`, lossAsDifferentiable(loss, targets), logits(rng, c.N, c.K, c.scale), {
        eps: c.eps,
      });
    });
  }
});

describe('SoftmaxCrossEntropy properties', () => {
  test('matches the definition (PyTorch semantics) for every option combination', () => {
    const rng = new Rng(51);
    for (const c of cases) {
      const options = c.options(rng, c.K);
      const z = logits(rng, c.N, c.K, c.scale);
      const targets = randomTargets(rng, c.N, c.K);
      const value = new SoftmaxCrossEntropy(options).forward(z, targets);
      const expected = naiveCrossEntropy(z.data, c.N, c.K, targets, {
        weight: (options.weight as Tensor | undefined) ?? null,
        labelSmoothing: options.labelSmoothing ?? 0,
        reduction: options.reduction ?? 'mean',
      });
      assert.ok(Math.abs(value - expected) <= 1e-12 * Math.max(1, Math.abs(expected)), `${c.name}: ${value} vs ${expected}`);
    }
  });

  test('loss ≥ 0, and log K for uniform logits (any smoothing)', () => {
    const rng = new Rng(52);
    for (let trial = 0; trial < 20; trial++) {
      const N = 1 + rng.int(6);
      const K = 2 + rng.int(9);
      const options = { labelSmoothing: rng.next() * 0.5, weight: rng.next() < 0.5 ? positiveWeights(rng, K) : null };
      assert.ok(new SoftmaxCrossEntropy(options).forward(logits(rng, N, K, 5), randomTargets(rng, N, K)) >= 0);
      const uniform = new SoftmaxCrossEntropy({ labelSmoothing: options.labelSmoothing }).forward(
        Tensor.full([N, K], 2.5, 'float64'),
        randomTargets(rng, N, K),
      );
      assert.ok(Math.abs(uniform - Math.log(K)) < 1e-12, `uniform ${uniform} vs log ${K}`);
    }
  });

  test('gradient is (softmax − onehot)/N, its rows sum to 0, and sum = N·mean', () => {
    const rng = new Rng(53);
    const [N, K] = [7, 9];
    const z = logits(rng, N, K, 2);
    const targets = randomTargets(rng, N, K);
    const ce = new SoftmaxCrossEntropy();
    const mean = ce.forward(z, targets);
    const dz = ce.backward();
    const p = softmax(z);
    const expected = p.toArray().map((v, i) => (v - (targets[Math.floor(i / K)] === i % K ? 1 : 0)) / N);
    expectClose(dz.data, expected, { rtol: 1e-12, atol: 1e-15, name: 'dz' });
    for (let n = 0; n < N; n++) {
      const rowSum = dz.toArray().slice(n * K, (n + 1) * K).reduce((a, b) => a + b, 0);
      assert.ok(Math.abs(rowSum) < 1e-15, `row ${n} sums to ${rowSum}`);
    }
    const sum = new SoftmaxCrossEntropy({ reduction: 'sum' }).forward(z, targets);
    assert.ok(Math.abs(sum - N * mean) < 1e-12 * sum);
  });

  test('targets as number[], Int32Array and Tensor give the same loss', () => {
    const rng = new Rng(54);
    const z = logits(rng, 4, 3);
    const values = [2, 0, 1, 2];
    const ce = new SoftmaxCrossEntropy();
    const a = ce.forward(z, values);
    assert.equal(ce.forward(z, Int32Array.from(values)), a);
    assert.equal(ce.forward(z, Tensor.from(values, [4])), a);
  });

  test('±1e4 logits give a finite loss and gradient, in float32 and float64', () => {
    for (const dtype of ['float32', 'float64'] as const) {
      const z = Tensor.from([1e4, -1e4, 0, -1e4, 1e4, 5e3], [2, 3], dtype);
      const ce = new SoftmaxCrossEntropy({ labelSmoothing: 0.1 });
      const value = ce.forward(z, [1, 1]);
      assert.ok(Number.isFinite(value), `${dtype} loss ${value}`);
      assert.ok(ce.backward().data.every(Number.isFinite), `${dtype} gradient finite`);
      // Row 0 is confidently wrong: its loss grows like the logit gap (≈ 0.9·2e4 / 2 rows ≈ 9e3 in the mean).
      assert.ok(value > 8e3);
    }
  });
});

describe('SoftmaxCrossEntropy errors', () => {
  const z = Tensor.zeros([3, 4]);
  test('target class out of range names the index, the value and the logits shape', () => {
    expectThrowsWith(() => new SoftmaxCrossEntropy().forward(z, [0, 4, 1]), ['SoftmaxCrossEntropy', 'index 1', 'is 4', '[0, 4)', '[3, 4]']);
    expectThrowsWith(() => new SoftmaxCrossEntropy().forward(z, Int32Array.from([0, 1, -1])), ['SoftmaxCrossEntropy', 'index 2', 'is -1']);
  });
  test('non-integer targets', () => {
    expectThrowsWith(() => new SoftmaxCrossEntropy().forward(z, [0, 2.5, 1]), ['SoftmaxCrossEntropy', 'index 1', '2.5', 'not an integer']);
    expectThrowsWith(() => new SoftmaxCrossEntropy().forward(z, Tensor.from([0, 1, Number.NaN], [3])), ['index 2', 'NaN', 'not an integer']);
  });
  test('wrong number of targets, wrong logits rank', () => {
    expectThrowsWith(() => new SoftmaxCrossEntropy().forward(z, [0, 1]), ['SoftmaxCrossEntropy', 'expected 3 targets', '[3, 4]', 'got 2']);
    expectThrowsWith(() => new SoftmaxCrossEntropy().forward(Tensor.zeros([4]), [0]), ['SoftmaxCrossEntropy', '[N, K]', 'got [4]']);
    expectThrowsWith(() => new SoftmaxCrossEntropy().forward(z, Tensor.zeros([3, 1])), ['SoftmaxCrossEntropy', '[3]', '[3, 1]']);
  });
  test('bad options and backward before forward', () => {
    expectThrowsWith(() => new SoftmaxCrossEntropy({ weight: [1, 1] }).forward(z, [0, 1, 1]), ['SoftmaxCrossEntropy', 'weight has 2 entries', '[3, 4]']);
    expectThrowsWith(() => new SoftmaxCrossEntropy({ labelSmoothing: 1.5 }), ['SoftmaxCrossEntropy', 'labelSmoothing']);
    expectThrowsWith(() => new SoftmaxCrossEntropy({ reduction: 'none' as 'sum' }), ['SoftmaxCrossEntropy', 'reduction']);
    expectThrowsWith(() => new SoftmaxCrossEntropy({ weight: [1, -1] }), ['SoftmaxCrossEntropy', 'weight[1]']);
    expectThrowsWith(() => new SoftmaxCrossEntropy().backward(), ['SoftmaxCrossEntropy', 'before forward']);
  });
});
