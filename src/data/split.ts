// SPDX-License-Identifier: MIT
// The validation split: a seeded share of the training samples held back, stratified by class
// (each class gives the same share, as scikit-learn's train_test_split(stratify=y)), so a rare
// class is not left out of one side by chance. Regression targets (no classes) are split plainly.
import { Rng } from '../tensor/rng.js';

export interface SplitIndices {
  /** Indices of the samples kept for training, ascending. */
  train: Int32Array;
  /** Indices of the samples held back for validation, ascending. */
  validation: Int32Array;
}

/**
 * Splits samples 0..n−1 into train and validation. With `labels` (integer classes 0..K−1) the
 * validation count of class k is its share `fraction · n_k`, rounded so that the total is
 * round(fraction · n) (largest remainders first), and never all of a class: a class with one
 * sample stays in training. Within each class a seeded permutation picks the samples. Without
 * labels the samples are drawn from one permutation of all n.
 */
export function validationSplit(n: number, fraction: number, seed: number, labels?: ArrayLike<number>): SplitIndices {
  if (!(fraction >= 0 && fraction < 1)) throw new Error(`validation split: the fraction must be in [0, 1), got ${fraction}`);
  if (labels && labels.length !== n) throw new Error(`validation split: ${labels.length} labels for ${n} samples`);
  const rng = new Rng(seed);
  const groups = labels ? groupByClass(labels) : [Int32Array.from({ length: n }, (_, i) => i)];
  const counts = shareCounts(groups.map((g) => g.length), fraction, Math.round(fraction * n));
  const isValidation = new Uint8Array(n);
  groups.forEach((members, k) => {
    const order = rng.permutation(members.length);
    for (let i = 0; i < counts[k]; i++) isValidation[members[order[i]]] = 1;
  });
  const validation: number[] = [];
  const train: number[] = [];
  for (let i = 0; i < n; i++) (isValidation[i] ? validation : train).push(i);
  return { train: Int32Array.from(train), validation: Int32Array.from(validation) };
}

/** Sample indices per class, ascending; classes 0..max label (an absent class is an empty group). */
function groupByClass(labels: ArrayLike<number>): Int32Array[] {
  let K = 0;
  for (let i = 0; i < labels.length; i++) {
    const y = labels[i];
    if (!Number.isInteger(y) || y < 0) throw new Error(`validation split: label ${y} of sample ${i} is not a class index`);
    K = Math.max(K, y + 1);
  }
  const members: number[][] = Array.from({ length: K }, () => []);
  for (let i = 0; i < labels.length; i++) members[labels[i]].push(i);
  return members.map((m) => Int32Array.from(m));
}

/**
 * Per-group counts summing to `total` (as far as the caps allow): floor(fraction · size) each, then
 * one more to the groups with the largest remainders (ties: the earlier group). Each group keeps at
 * least one sample for training.
 */
function shareCounts(sizes: number[], fraction: number, total: number): number[] {
  const cap = (size: number) => Math.max(0, size - 1);
  const counts = sizes.map((size) => Math.min(cap(size), Math.floor(fraction * size)));
  let left = total - counts.reduce((a, b) => a + b, 0);
  const byRemainder = sizes
    .map((size, k) => ({ k, remainder: fraction * size - Math.floor(fraction * size) }))
    .sort((a, b) => b.remainder - a.remainder || a.k - b.k);
  for (const { k } of byRemainder) {
    if (left <= 0) break;
    if (counts[k] < cap(sizes[k]) && byRemainderWorth(fraction, sizes[k], counts[k])) {
      counts[k]++;
      left--;
    }
  }
  return counts;
}

/** A group takes one more only while it stays within one sample of its exact share. */
function byRemainderWorth(fraction: number, size: number, count: number): boolean {
  return count + 1 - fraction * size < 1;
}
