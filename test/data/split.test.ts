// The validation split: seeded, stratified by class, disjoint from training, never a whole class.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validationSplit } from '../../src/data/split.js';
import { Rng } from '../../src/tensor/rng.js';

function countsOf(labels: ArrayLike<number>, indices: Int32Array, K: number): number[] {
  const counts = new Array<number>(K).fill(0);
  for (const i of indices) counts[labels[i]]++;
  return counts;
}

describe('validationSplit', () => {
  it('holds back each class in proportion, rounds to round(f·n) in all, and the two sides partition the samples', () => {
    const rng = new Rng(3);
    for (const [n, K, f] of [[1000, 10, 0.1], [257, 7, 0.2], [31, 3, 0.5], [10, 10, 0.3]] as const) {
      const labels = Int32Array.from({ length: n }, () => rng.int(K));
      const { train, validation } = validationSplit(n, f, 0, labels);
      const all = [...train, ...validation].sort((a, b) => a - b);
      assert.deepEqual(all, Array.from({ length: n }, (_, i) => i), `n=${n}: every sample on exactly one side`);
      const perClass = countsOf(labels, validation, K);
      const sizes = countsOf(labels, Int32Array.from({ length: n }, (_, i) => i), K);
      perClass.forEach((v, k) => {
        assert.ok(Math.abs(v - f * sizes[k]) < 1, `n=${n} class ${k}: ${v} held back of ${sizes[k]} (share ${f})`);
        if (sizes[k] > 0) assert.ok(v < sizes[k], `class ${k} keeps a training sample`);
      });
      // Each class can give at most ceil(f·n_k) (within one of its share) and never its last sample.
      const most = sizes.reduce((a, s) => a + Math.min(Math.max(0, s - 1), Math.ceil(f * s)), 0);
      assert.equal(validation.length, Math.min(Math.round(f * n), most), `n=${n} f=${f}: total held back`);
    }
  });

  it('is seeded: the same seed gives the same split, another seed another one', () => {
    const labels = Int32Array.from({ length: 500 }, (_, i) => i % 5);
    const a = validationSplit(500, 0.1, 7, labels);
    const b = validationSplit(500, 0.1, 7, labels);
    const c = validationSplit(500, 0.1, 8, labels);
    assert.deepEqual(a.validation, b.validation);
    assert.notDeepEqual(a.validation, c.validation);
  });

  it('a class of one sample stays in training; a missing class is no error', () => {
    const labels = Int32Array.from([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2]); // class 1 absent, class 2 one sample
    const { train, validation } = validationSplit(labels.length, 0.5, 0, labels);
    assert.ok(train.includes(10), 'the single sample of class 2 is trained on');
    assert.equal(validation.length, 5);
    assert.deepEqual(countsOf(labels, validation, 3), [5, 0, 0]);
  });

  it('without labels (regression) draws round(f·n) samples from one permutation', () => {
    const { train, validation } = validationSplit(101, 0.25, 1);
    assert.equal(validation.length, 25);
    assert.equal(train.length, 76);
  });

  it('fraction 0 holds back nothing; a fraction outside [0, 1) or a bad label is refused', () => {
    assert.equal(validationSplit(10, 0, 0, new Int32Array(10)).validation.length, 0);
    assert.throws(() => validationSplit(10, 1, 0), /fraction must be in \[0, 1\), got 1/);
    assert.throws(() => validationSplit(10, -0.1, 0), /got -0.1/);
    assert.throws(() => validationSplit(2, 0.5, 0, [0, 1.5]), /label 1.5 of sample 1/);
    assert.throws(() => validationSplit(3, 0.5, 0, [0, 1]), /2 labels for 3 samples/);
  });
});
