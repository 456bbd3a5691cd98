// SPDX-License-Identifier: MIT
// Reference softmax and losses: row-wise softmax, fused softmax + cross-entropy, mean squared error.
// Every exponent has the row max subtracted first, so ±1e4 logits give finite results.
import type { CrossEntropyOptions, LossResult } from '../backend.js';
import { formatShape, Tensor } from '../../tensor/tensor.js';
import { commonDtype } from './common.js';

function checkRows(kernel: string, x: Tensor): [number, number] {
  if (x.rank !== 2) throw new Error(`${kernel}: expected [N, K], got ${formatShape(x.shape)}`);
  return [x.shape[0], x.shape[1]];
}

/** Writes the log softmax of the row z[offset .. offset + K) into logP: log pₖ = (zₖ − m) − log Σⱼ e^{zⱼ − m}, m = maxⱼ zⱼ. */
function logSoftmaxRow(z: ArrayLike<number>, offset: number, K: number, logP: Float64Array): void {
  let m = -Infinity;
  for (let k = 0; k < K; k++) m = Math.max(m, z[offset + k]);
  let sum = 0;
  for (let k = 0; k < K; k++) sum += Math.exp(z[offset + k] - m);
  const logSum = Math.log(sum);
  for (let k = 0; k < K; k++) logP[k] = z[offset + k] - m - logSum;
}

/** pₙₖ = e^{zₙₖ − mₙ} / Σⱼ e^{zₙⱼ − mₙ}. */
export function softmax(x: Tensor): Tensor {
  const [N, K] = checkRows('softmax', x);
  const p = Tensor.zeros(x.shape, x.dtype);
  const logP = new Float64Array(K);
  for (let n = 0; n < N; n++) {
    logSoftmaxRow(x.data, n * K, K, logP);
    for (let k = 0; k < K; k++) p.data[n * K + k] = Math.exp(logP[k]);
  }
  return p;
}

/**
 * Fused softmax + cross-entropy, as PyTorch's F.cross_entropy(z, t, weight=w, label_smoothing=ε, reduction=r).
 * Per row n with target t = tₙ (w ≡ 1 without weights):
 *   ℓₙ = (1 − ε)·w[t]·(−log p[t]) + (ε/K)·Σₖ w[k]·(−log p[k])
 *   loss = Σₙ ℓₙ / D,  D = Σₙ w[tₙ] for 'mean' with weights, N for 'mean' without, 1 for 'sum'.
 * (PyTorch divides both the NLL term and the smoothing term by Σₙ w[tₙ] when weights are given.)
 * Gradient, with d(−log p[k])/dzⱼ = pⱼ − δₖⱼ:
 *   dℓₙ/dzⱼ = pⱼ·((1 − ε)·w[t] + (ε/K)·Σₖ w[k]) − (1 − ε)·w[t]·δₜⱼ − (ε/K)·w[j],   grad = dℓ/dz / D.
 */
export function softmaxCrossEntropy(logits: Tensor, targets: Int32Array, options: CrossEntropyOptions): LossResult {
  const dtype = commonDtype('softmaxCrossEntropy', logits, options.weight);
  const [N, K] = checkRows('softmaxCrossEntropy', logits);
  if (targets.length !== N) throw new Error(`softmaxCrossEntropy: ${N} rows of logits but ${targets.length} targets`);
  const weight = options.weight?.data ?? null;
  if (weight && weight.length !== K) throw new Error(`softmaxCrossEntropy: weight has ${weight.length} entries, expected ${K}`);
  const eps = options.labelSmoothing;
  const w = (k: number): number => (weight ? weight[k] : 1);
  let weightSum = 0; // Σₖ w[k]
  for (let k = 0; k < K; k++) weightSum += w(k);

  let total = 0;
  let divisor = options.reduction === 'sum' ? 1 : 0;
  const grad = Tensor.zeros(logits.shape, dtype);
  const logP = new Float64Array(K);
  for (let n = 0; n < N; n++) {
    const t = targets[n];
    logSoftmaxRow(logits.data, n * K, K, logP);
    let smooth = 0; // Σₖ w[k]·(−log p[k])
    for (let k = 0; k < K; k++) smooth -= w(k) * logP[k];
    total += (1 - eps) * w(t) * -logP[t] + (eps / K) * smooth;
    if (options.reduction === 'mean') divisor += weight ? w(t) : 1;
    const scale = (1 - eps) * w(t) + (eps / K) * weightSum;
    for (let j = 0; j < K; j++) {
      grad.data[n * K + j] = Math.exp(logP[j]) * scale - (eps / K) * w(j) - (j === t ? (1 - eps) * w(t) : 0);
    }
  }
  for (let i = 0; i < grad.size; i++) grad.data[i] /= divisor;
  return { loss: total / divisor, grad };
}

/** loss = Σᵢ (pᵢ − tᵢ)² / D, grad = 2·(p − t) / D, D = size for 'mean', 1 for 'sum'. */
export function mse(prediction: Tensor, target: Tensor, reduction: 'mean' | 'sum'): LossResult {
  const dtype = commonDtype('mse', prediction, target);
  if (prediction.size !== target.size || prediction.shape.some((d, i) => d !== target.shape[i])) {
    throw new Error(`mse: prediction ${formatShape(prediction.shape)} and target ${formatShape(target.shape)} must have the same shape`);
  }
  const divisor = reduction === 'mean' ? prediction.size : 1;
  const grad = Tensor.zeros(prediction.shape, dtype);
  let total = 0;
  for (let i = 0; i < prediction.size; i++) {
    const diff = prediction.data[i] - target.data[i];
    total += diff * diff;
    grad.data[i] = (2 * diff) / divisor;
  }
  return { loss: total / divisor, grad };
}
