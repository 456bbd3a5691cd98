// SPDX-License-Identifier: MIT
// Independent naive definitions the kernel suite checks every backend against: written from the
// formulas, in float64, sharing no code with any backend. (Convolution and pooling: naive-conv.ts.)
import type { Activation, CrossEntropyOptions } from '../../src/kernels/backend.js';
import type { Tensor } from '../../src/tensor/tensor.js';
import { normalCdf } from './normal-cdf.js';

/** C[i, j] = Σₖ op(A)[i, k]·op(B)[k, j], triple loop. */
export function naiveMatmul(a: Tensor, b: Tensor, transA: boolean, transB: boolean): Float64Array {
  const M = transA ? a.shape[1] : a.shape[0];
  const K = transA ? a.shape[0] : a.shape[1];
  const N = transB ? b.shape[0] : b.shape[1];
  const A = (i: number, k: number): number => (transA ? a.data[k * M + i] : a.data[i * K + k]);
  const B = (k: number, j: number): number => (transB ? b.data[j * K + k] : b.data[k * N + j]);
  const c = new Float64Array(M * N);
  for (let i = 0; i < M; i++) {
    for (let j = 0; j < N; j++) {
      let sum = 0;
      for (let k = 0; k < K; k++) sum += A(i, k) * B(k, j);
      c[i * N + j] = sum;
    }
  }
  return c;
}

/** Channel index (dim 1) of flat index i in a tensor of shape [N, C, ...]. */
export function channelOf(shape: readonly number[], i: number): number {
  let inner = 1;
  for (let d = 2; d < shape.length; d++) inner *= shape[d];
  return Math.floor(i / inner) % shape[1];
}

export function naiveActivation(f: Activation, x: number): number {
  switch (f.kind) {
    case 'relu':
      return Math.max(x, 0);
    case 'leakyRelu':
      return x >= 0 ? x : f.negativeSlope * x;
    case 'sigmoid':
      return 1 / (1 + Math.exp(-x));
    case 'tanh':
      return Math.tanh(x);
    case 'gelu':
      return x * normalCdf(x);
    case 'softplus':
      return f.beta * x > f.threshold ? x : Math.log(1 + Math.exp(f.beta * x)) / f.beta;
    case 'geluTanh':
      return 0.5 * x * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (x + 0.044715 * x ** 3)));
    case 'relu6':
      return Math.min(Math.max(x, 0), 6);
    case 'hardsigmoid':
      return x <= -3 ? 0 : x >= 3 ? 1 : x / 6 + 0.5;
    case 'hardswish':
      return x <= -3 ? 0 : x >= 3 ? x : (x * (x + 3)) / 6;
    case 'silu':
      return x / (1 + Math.exp(-x));
    case 'elu':
      return x > 0 ? x : f.alpha * (Math.exp(x) - 1);
    case 'mish':
      return x * Math.tanh(Math.log1p(Math.exp(x))); // log1p: log(1 + e^x) would lose e^x ≪ 1
  }
}

/** f'(x) from x alone; at x = 0 ReLU and leaky ReLU take the left-hand value (0, the slope), as PyTorch. */
export function naiveDerivative(f: Activation, x: number): number {
  switch (f.kind) {
    case 'relu':
      return x > 0 ? 1 : 0;
    case 'leakyRelu':
      return x > 0 ? 1 : f.negativeSlope;
    case 'sigmoid': {
      const s = 1 / (1 + Math.exp(-x));
      return s * (1 - s);
    }
    case 'tanh':
      return 1 / Math.cosh(x) ** 2;
    case 'gelu':
      return normalCdf(x) + (x * Math.exp(-0.5 * x * x)) / Math.sqrt(2 * Math.PI);
    case 'softplus':
      return f.beta * x > f.threshold ? 1 : 1 / (1 + Math.exp(-f.beta * x));
    case 'geluTanh': {
      const u = Math.sqrt(2 / Math.PI) * (x + 0.044715 * x ** 3);
      const du = Math.sqrt(2 / Math.PI) * (1 + 3 * 0.044715 * x ** 2);
      return 0.5 * (1 + Math.tanh(u)) + (0.5 * x * du) / Math.cosh(u) ** 2;
    }
    case 'relu6':
      return x > 0 && x < 6 ? 1 : 0;
    case 'hardsigmoid':
      return x > -3 && x < 3 ? 1 / 6 : 0;
    case 'hardswish':
      return x < -3 ? 0 : x < 3 ? (2 * x + 3) / 6 : 1;
    case 'silu': {
      const s = 1 / (1 + Math.exp(-x));
      return s + x * s * (1 - s);
    }
    case 'elu':
      return x > 0 ? 1 : f.alpha * Math.exp(x);
    case 'mish': {
      const sp = Math.log1p(Math.exp(x));
      return Math.tanh(sp) + (x / Math.cosh(sp) ** 2) / (1 + Math.exp(-x));
    }
  }
}

/** log of the softmax of one row, with the row max subtracted. */
export function naiveLogSoftmax(row: ArrayLike<number>): number[] {
  const m = Math.max(...Array.from(row));
  const logSum = Math.log(Array.from(row).reduce((s, z) => s + Math.exp(z - m), 0));
  return Array.from(row, (z) => z - m - logSum);
}

/**
 * PyTorch's F.cross_entropy(z, t, weight, label_smoothing=ε, reduction):
 * row loss (1 − ε)·w[t]·(−log p[t]) + (ε/K)·Σₖ w[k]·(−log p[k]); 'mean' divides the total by Σₙ w[tₙ]
 * (by N without weights), 'sum' does not divide.
 */
export function naiveCrossEntropy(logits: ArrayLike<number>, N: number, K: number, targets: ArrayLike<number>, options: CrossEntropyOptions): number {
  const w = (k: number): number => (options.weight ? options.weight.data[k] : 1);
  const eps = options.labelSmoothing;
  let total = 0;
  let weightOfTargets = 0;
  for (let n = 0; n < N; n++) {
    const logP = naiveLogSoftmax(Array.from(logits).slice(n * K, (n + 1) * K));
    const t = targets[n];
    let smooth = 0;
    for (let k = 0; k < K; k++) smooth += w(k) * -logP[k];
    total += (1 - eps) * w(t) * -logP[t] + (eps / K) * smooth;
    weightOfTargets += w(t);
  }
  return options.reduction === 'sum' ? total : total / weightOfTargets;
}

/**
 * Training-mode batch norm output for L = Σ r⊙y as a function of x (statistics recomputed from x),
 * used to check batchNormBackward by finite differences.
 */
export function naiveBatchNormLoss(
  x: ArrayLike<number>,
  shape: readonly number[],
  gamma: ArrayLike<number>,
  beta: ArrayLike<number>,
  r: ArrayLike<number>,
  epsilon: number,
): number {
  const C = shape[1];
  const count = new Float64Array(C);
  const mean = new Float64Array(C);
  const squares = new Float64Array(C);
  for (let i = 0; i < x.length; i++) {
    const c = channelOf(shape, i);
    count[c]++;
    mean[c] += x[i];
  }
  for (let c = 0; c < C; c++) mean[c] /= count[c];
  for (let i = 0; i < x.length; i++) squares[channelOf(shape, i)] += (x[i] - mean[channelOf(shape, i)]) ** 2;
  let loss = 0;
  for (let i = 0; i < x.length; i++) {
    const c = channelOf(shape, i);
    const y = (gamma[c] * (x[i] - mean[c])) / Math.sqrt(squares[c] / count[c] + epsilon) + beta[c];
    loss += r[i] * y;
  }
  return loss;
}
