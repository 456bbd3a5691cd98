// SPDX-License-Identifier: MIT
// Reference batch normalisation over dim 1 of [N, C] or [N, C, H, W]: per-channel statistics,
// the normalise-scale-shift forward, and the training-mode backward. A channel has M = N·S
// entries (S = H·W, or 1); sums run in float64.
import type { BatchNormStats, EpilogueOptions } from '../backend.js';
import { reluInPlace } from './bias.js';
import { activationBackward } from './elementwise.js';
import { formatShape, Tensor } from '../../tensor/tensor.js';
import { commonDtype, spatialSize } from './common.js';

function channelDims(kernel: string, x: Tensor): { N: number; C: number; S: number } {
  if (x.rank !== 2 && x.rank !== 4) throw new Error(`${kernel}: expected [N, C] or [N, C, H, W], got ${formatShape(x.shape)}`);
  return { N: x.shape[0], C: x.shape[1], S: spatialSize(x.shape) };
}

/** Σ over channel c of f(value, index), as float64. */
function channelSum(N: number, C: number, S: number, c: number, f: (i: number) => number): number {
  let sum = 0;
  for (let n = 0; n < N; n++) {
    const base = (n * C + c) * S;
    for (let s = 0; s < S; s++) sum += f(base + s);
  }
  return sum;
}

/** mean[c] = Σ x / M, variance[c] = Σ (x − mean[c])² / M (two passes, biased). */
export function batchNormStats(x: Tensor): BatchNormStats {
  const { N, C, S } = channelDims('batchNormStats', x);
  const M = N * S;
  const mean = Tensor.zeros([C], x.dtype);
  const variance = Tensor.zeros([C], x.dtype);
  for (let c = 0; c < C; c++) {
    const mu = channelSum(N, C, S, c, (i) => x.data[i]) / M;
    mean.data[c] = mu;
    variance.data[c] = channelSum(N, C, S, c, (i) => (x.data[i] - mu) ** 2) / M;
  }
  return { mean, variance };
}

/** xHat = (x − mean[c])·invStd[c] stored in the dtype: what the training-mode backward recomputes (the forward keeps no copy). */
function normalise(kernel: string, x: Tensor, mean: Tensor, invStd: Tensor, dtype: Tensor['dtype']): Tensor {
  const { N, C, S } = channelDims(kernel, x);
  const xHat = Tensor.zeros(x.shape, dtype);
  for (let n = 0; n < N; n++) {
    for (let c = 0; c < C; c++) {
      const base = (n * C + c) * S;
      for (let s = 0; s < S; s++) xHat.data[base + s] = (x.data[base + s] - mean.data[c]) * invStd.data[c];
    }
  }
  return xHat;
}

function checkChannels(kernel: string, C: number, vectors: readonly (readonly [string, Tensor])[]): void {
  for (const [what, t] of vectors) {
    if (t.size !== C) throw new Error(`${kernel}: ${what} must have ${C} entries, got ${formatShape(t.shape)}`);
  }
}

/** y = gamma[c]·xHat + beta[c], xHat = (x − mean[c])·invStd[c]. */
export function batchNormForward(
  x: Tensor,
  mean: Tensor,
  invStd: Tensor,
  gamma: Tensor,
  beta: Tensor,
  options: EpilogueOptions = {},
): Tensor {
  const dtype = commonDtype('batchNormForward', x, mean, invStd, gamma, beta);
  const { N, C, S } = channelDims('batchNormForward', x);
  checkChannels('batchNormForward', C, [['mean', mean], ['invStd', invStd], ['gamma', gamma], ['beta', beta]]);
  const y = Tensor.zeros(x.shape, dtype);
  for (let n = 0; n < N; n++) {
    for (let c = 0; c < C; c++) {
      const base = (n * C + c) * S;
      for (let s = 0; s < S; s++) {
        // In float64 here; the backward's xHat (normalise) is this value stored in x's dtype.
        const normalised = (x.data[base + s] - mean.data[c]) * invStd.data[c];
        y.data[base + s] = gamma.data[c] * normalised + beta.data[c];
      }
    }
  }
  if (options.relu) reluInPlace(y.data);
  return y;
}

/**
 * With xHat = (x − mean[c])·invStd[c] (recomputed as the forward pass computes it):
 * dGamma[c] += Σ dy⊙xHat, dBeta[c] += Σ dy,
 * dx = gamma[c]·invStd[c]·(dy − mean(dy) − xHat·mean(dy⊙xHat)), means over the M entries of channel c.
 */
export function batchNormBackward(
  dy: Tensor,
  x: Tensor,
  mean: Tensor,
  invStd: Tensor,
  gamma: Tensor,
  dGamma: Tensor,
  dBeta: Tensor,
  reluOutput: Tensor | null = null,
): Tensor {
  const dtype = commonDtype('batchNormBackward', dy, x, mean, invStd, gamma, dGamma, dBeta, reluOutput);
  if (x.size !== dy.size) throw new Error(`batchNormBackward: x ${formatShape(x.shape)} and dy ${formatShape(dy.shape)} differ in size`);
  if (reluOutput) dy = activationBackward({ kind: 'relu' }, reluOutput, reluOutput, dy); // dy ⊙ [y > 0]: the fused ReLU's backward
  const { N, C, S } = channelDims('batchNormBackward', dy);
  checkChannels('batchNormBackward', C, [['mean', mean], ['invStd', invStd], ['gamma', gamma], ['dGamma', dGamma], ['dBeta', dBeta]]);
  const xHat = normalise('batchNormBackward', x, mean, invStd, dtype);
  const M = N * S;
  const dx = Tensor.zeros(dy.shape, dtype);
  for (let c = 0; c < C; c++) {
    const sumDy = channelSum(N, C, S, c, (i) => dy.data[i]);
    const sumDyXHat = channelSum(N, C, S, c, (i) => dy.data[i] * xHat.data[i]);
    dGamma.data[c] += sumDyXHat;
    dBeta.data[c] += sumDy;
    const scale = gamma.data[c] * invStd.data[c];
    for (let n = 0; n < N; n++) {
      const base = (n * C + c) * S;
      for (let s = 0; s < S; s++) {
        const i = base + s;
        dx.data[i] = scale * (dy.data[i] - sumDy / M - xHat.data[i] * (sumDyXHat / M));
      }
    }
  }
  return dx;
}
