// SPDX-License-Identifier: MIT
// Reference softmax and its loss: row-wise softmax, fused softmax + cross-entropy (mean squared error: mse.ts).
// Every exponent has the row max subtracted first, so ±1e4 logits give finite results.
import type { CrossEntropyOptions, LossResult } from '../backend.js';
import { formatShape, Tensor } from '../../tensor/tensor.js';
import { commonDtype } from './common.js';

function checkRows(kernel: string, x: Tensor): [number, number] {
  if (x.rank !== 2) throw new Error(`${kernel}: expected [N, K], got ${formatShape(x.shape)}`);
  return [x.shape[0], x.shape[1]];
}

/**
 * Writes the log softmax of the K logits z[offset + k·stride] into logP:
 * log pₖ = (zₖ − m) − log Σⱼ e^{zⱼ − m}, m = maxⱼ zⱼ, and, when given, pₖ = e^{zₖ − m} / Σⱼ e^{zⱼ − m}
 * into p (the exponentials of the sum, not a second e^x each). stride is 1 for a row of [N, K] and
 * the spatial size H·W for a pixel of [N, K, H, W].
 */
function logSoftmaxRow(z: ArrayLike<number>, offset: number, K: number, logP: Float64Array, stride = 1, p: Float64Array | null = null): void {
  let m = -Infinity;
  for (let k = 0; k < K; k++) m = Math.max(m, z[offset + k * stride]);
  let sum = 0;
  for (let k = 0; k < K; k++) {
    const e = Math.exp(z[offset + k * stride] - m);
    if (p) p[k] = e;
    sum += e;
  }
  const logSum = Math.log(sum);
  for (let k = 0; k < K; k++) logP[k] = z[offset + k * stride] - m - logSum;
  if (p) for (let k = 0; k < K; k++) p[k] /= sum;
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
 * Fused softmax + cross-entropy, as PyTorch's F.cross_entropy(z, t, weight=w, ignore_index=ι,
 * label_smoothing=ε, reduction=r), over logits [N, K] or spatial logits [N, K, d₁, …] (one
 * distribution per position, targets [N, d₁, …] flattened). Per position i with target t = tᵢ ≠ ι
 * (w ≡ 1 without weights):
 *   ℓᵢ = (1 − ε)·w[t]·(−log p[t]) + (ε/K)·Σₖ w[k]·(−log p[k])
 *   loss = Σᵢ ℓᵢ / D,  D = Σᵢ w[tᵢ] for 'mean' with weights, the count for 'mean' without, 1 for 'sum'
 * (sums over the positions not ignored; PyTorch divides both the NLL and the smoothing term by D).
 * Ignored positions add nothing and get a zero gradient; all ignored with 'mean' gives 0/0 = NaN,
 * as PyTorch, with a zero gradient (PyTorch's too).
 * Gradient, with d(−log p[k])/dzⱼ = pⱼ − δₖⱼ:
 *   dℓᵢ/dzⱼ = pⱼ·((1 − ε)·w[t] + (ε/K)·Σₖ w[k]) − (1 − ε)·w[t]·δₜⱼ − (ε/K)·w[j],   grad = dℓ/dz / D.
 */
export function softmaxCrossEntropy(logits: Tensor, targets: Int32Array, options: CrossEntropyOptions): LossResult {
  const dtype = commonDtype('softmaxCrossEntropy', logits, options.weight);
  if (logits.rank < 2) throw new Error(`softmaxCrossEntropy: expected [N, K] or [N, K, ...], got ${formatShape(logits.shape)}`);
  const [N, K] = logits.shape;
  const S = logits.size / Math.max(N * K, 1); // positions per sample (1 for [N, K])
  if (targets.length !== N * S) throw new Error(`softmaxCrossEntropy: ${N * S} positions of logits but ${targets.length} targets`);
  const weight = options.weight?.data ?? null;
  if (weight && weight.length !== K) throw new Error(`softmaxCrossEntropy: weight has ${weight.length} entries, expected ${K}`);
  const eps = options.labelSmoothing;
  const ignoreIndex = options.ignoreIndex ?? null;
  const w = (k: number): number => (weight ? weight[k] : 1);
  let weightSum = 0; // Σₖ w[k]
  for (let k = 0; k < K; k++) weightSum += w(k);

  let total = 0;
  let divisor = options.reduction === 'sum' ? 1 : 0;
  const grad = Tensor.zeros(logits.shape, dtype);
  const logP = new Float64Array(K), p = new Float64Array(K);
  for (let n = 0; n < N; n++) {
    for (let s = 0; s < S; s++) {
      const t = targets[n * S + s];
      if (t === ignoreIndex) continue; // no loss, zero gradient, not counted
      const offset = n * K * S + s; // z[n, k, s] at offset + k·S
      logSoftmaxRow(logits.data, offset, K, logP, S, p);
      let smooth = 0; // Σₖ w[k]·(−log p[k])
      for (let k = 0; k < K; k++) smooth -= w(k) * logP[k];
      total += (1 - eps) * w(t) * -logP[t] + (eps / K) * smooth;
      if (options.reduction === 'mean') divisor += weight ? w(t) : 1;
      const scale = (1 - eps) * w(t) + (eps / K) * weightSum;
      for (let j = 0; j < K; j++) {
        grad.data[offset + j * S] = p[j] * scale - (eps / K) * w(j) - (j === t ? (1 - eps) * w(t) : 0);
      }
    }
  }
  if (divisor !== 0) for (let i = 0; i < grad.size; i++) grad.data[i] /= divisor; // divisor 0: every position ignored, grad stays 0
  return { loss: total / divisor, grad };
}
