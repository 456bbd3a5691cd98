// SPDX-License-Identifier: MIT
// softmax for prediction: class probabilities from logits. Training uses the fused
// SoftmaxCrossEntropy instead, whose gradient is simpler and more stable.
import { kernels } from '../kernels/index.js';
import { ShapeError } from '../tensor/shape.js';
import { formatShape, type Tensor } from '../tensor/tensor.js';

/**
 * softmax(z)ₖ = e^{zₖ − max z} / Σⱼ e^{zⱼ − max z}, row by row (the row max is subtracted so
 * ±1e4 logits neither overflow nor underflow to 0/0).
 * Shapes: z [N, K] → p [N, K], or z [K] → p [K].
 * Derivation: docs/math/softmax-cross-entropy.md
 */
export function softmax(z: Tensor): Tensor {
  if (z.rank === 1) return kernels().softmax(z.reshape([1, z.shape[0]])).reshape(z.shape);
  if (z.rank !== 2) throw new ShapeError(`softmax: expected logits of shape [N, K] or [K], got ${formatShape(z.shape)}`);
  return kernels().softmax(z);
}
