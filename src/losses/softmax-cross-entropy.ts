// SPDX-License-Identifier: MIT
// Softmax and cross-entropy fused into one loss, as PyTorch's nn.CrossEntropyLoss: integer class
// targets, mean or sum reduction, label smoothing, class weights, ignored targets, and spatial
// logits [N, C, H, W] with a target per pixel (segmentation).
import type { CrossEntropyOptions } from '../kernels/backend.js';
import { kernels } from '../kernels/index.js';
import { requireSaved, ShapeError } from '../tensor/shape.js';
import { formatShape, Tensor } from '../tensor/tensor.js';

/** Class indices, one per row of the logits (per position of spatial logits: [N, H, W] flattened, or a Tensor of that shape). */
export type Targets = Int32Array | readonly number[] | Tensor;

export interface SoftmaxCrossEntropyOptions {
  /** 'mean' (default) divides by N (by Σₙ w[tₙ] with class weights, as PyTorch); 'sum' does not. */
  reduction?: 'mean' | 'sum';
  /** ε: the target distribution is (1 − ε)·onehot + ε/K (PyTorch's definition). Default 0. */
  labelSmoothing?: number;
  /** Per-class weights w [K] (default: all 1). */
  weight?: Tensor | ArrayLike<number> | null;
  /**
   * Targets equal to this add no loss and get a zero gradient; 'mean' divides by the targets not
   * ignored (their Σ w[t] with weights). Default −100, as PyTorch. All ignored with 'mean' gives
   * NaN, as PyTorch (0/0), and a zero gradient.
   */
  ignoreIndex?: number;
}

/**
 * SoftmaxCrossEntropy: p = softmax(z) row-wise, q = (1 − ε)·onehot(t) + ε/K,
 *   ℓₙ = −(1 − ε)·w[tₙ]·log p[n, tₙ] − (ε/K)·Σₖ wₖ·log p[n, k],  loss = Σₙ ℓₙ / D
 *   with D = N (mean), Σₙ w[tₙ] (mean with weights) or 1 (sum). Unweighted, ℓₙ = −Σₖ qₙₖ log pₙₖ.
 * Shapes: logits z [N, K], targets [N] integers in [0, K) (or = ignoreIndex) → a number; or spatial
 *   logits [N, K, H, W] (any trailing dims) and targets [N, H, W]: one term per pixel, the mean over pixels.
 * Backward: dz = (p − q) / D without weights; with weights
 *   dz[n, k] = ((1 − ε)·w[tₙ]·(p[n, k] − onehot) + (ε/K)·(p[n, k]·Σⱼ wⱼ − wₖ)) / D.
 * Computed with the row max subtracted, so ±1e4 logits give a finite loss and gradient.
 * Derivation: docs/math/softmax-cross-entropy.md
 */
export class SoftmaxCrossEntropy {
  readonly name = 'SoftmaxCrossEntropy';
  readonly reduction: 'mean' | 'sum';
  readonly labelSmoothing: number;
  readonly weight: Tensor | null;
  readonly ignoreIndex: number;
  private grad: Tensor | null = null; // dz from the last forward (the kernel computes both at once)

  constructor(options: SoftmaxCrossEntropyOptions = {}) {
    const { reduction = 'mean', labelSmoothing = 0, weight = null, ignoreIndex = -100 } = options;
    if (!Number.isInteger(ignoreIndex)) throw new Error(`SoftmaxCrossEntropy: ignoreIndex must be an integer, got ${ignoreIndex}`);
    this.ignoreIndex = ignoreIndex;
    if (reduction !== 'mean' && reduction !== 'sum') {
      throw new Error(`SoftmaxCrossEntropy: reduction must be 'mean' or 'sum', got ${String(reduction)}`);
    }
    if (!(labelSmoothing >= 0 && labelSmoothing <= 1)) {
      throw new Error(`SoftmaxCrossEntropy: labelSmoothing must be in [0, 1], got ${labelSmoothing}`);
    }
    this.reduction = reduction;
    this.labelSmoothing = labelSmoothing;
    this.weight = weight === null ? null : weight instanceof Tensor ? weight : Tensor.from(weight, [weight.length]);
    if (this.weight) {
      if (this.weight.rank !== 1) {
        throw new ShapeError(`SoftmaxCrossEntropy: weight must be [K], got ${formatShape(this.weight.shape)}`);
      }
      this.weight.data.forEach((w, k) => {
        if (!Number.isFinite(w) || w < 0) throw new Error(`SoftmaxCrossEntropy: weight[${k}] = ${w} must be finite and ≥ 0`);
      });
    }
  }

  /** The loss for logits [N, K] (or [N, K, H, W]) and one integer class per row (per pixel); keeps dz for backward. */
  forward(logits: Tensor, targets: Targets): number {
    if (logits.rank < 2) {
      throw new ShapeError(`SoftmaxCrossEntropy: expected logits of shape [N, K] or [N, K, H, W], got ${formatShape(logits.shape)}`);
    }
    const [N, K] = logits.shape;
    const classes = checkTargets(targets, [N, ...logits.shape.slice(2)], K, logits.shape, this.ignoreIndex);
    let weight: Tensor | null = null;
    if (this.weight) {
      if (this.weight.size !== K) {
        throw new ShapeError(
          `SoftmaxCrossEntropy: weight has ${this.weight.size} entries but logits ${formatShape(logits.shape)} have K = ${K} classes`,
        );
      }
      weight = this.weight.dtype === logits.dtype ? this.weight : this.weight.astype(logits.dtype);
    }
    const options: CrossEntropyOptions = { weight, labelSmoothing: this.labelSmoothing, reduction: this.reduction, ignoreIndex: this.ignoreIndex };
    const { loss, grad } = kernels().softmaxCrossEntropy(logits, classes, options);
    this.grad = grad;
    return loss;
  }

  /** dL/dz for the last forward, the logits' shape. */
  backward(): Tensor {
    return requireSaved('SoftmaxCrossEntropy', this.grad);
  }
}

/** Validates targets (shape [N] or [N, H, W], integers in [0, K) or ignoreIndex) and returns them as an Int32Array. */
function checkTargets(targets: Targets, shape: readonly number[], K: number, logitsShape: readonly number[], ignoreIndex: number): Int32Array {
  const where = `logits ${formatShape(logitsShape)}`;
  const count = shape.reduce((a, b) => a * b, 1);
  const per = shape.length === 1 ? 'one class per row' : 'one class per position';
  let values: ArrayLike<number>;
  if (targets instanceof Tensor) {
    if (targets.rank !== shape.length || targets.shape.some((d, i) => d !== shape[i])) {
      throw new ShapeError(
        `SoftmaxCrossEntropy: expected targets of shape ${formatShape(shape)} (${per} of ${where}), got ${formatShape(targets.shape)}`,
      );
    }
    values = targets.data;
  } else if (targets instanceof Int32Array || Array.isArray(targets)) {
    values = targets;
  } else {
    throw new Error('SoftmaxCrossEntropy: targets must be an Int32Array, an array of numbers or a Tensor');
  }
  if (values.length !== count) {
    throw new ShapeError(
      `SoftmaxCrossEntropy: expected ${count} targets (${per} of ${where}, shape ${formatShape(shape)}), got ${values.length}`,
    );
  }
  const classes = new Int32Array(count);
  for (let n = 0; n < count; n++) {
    const t = values[n];
    if (typeof t !== 'number' || !Number.isInteger(t)) {
      throw new Error(`SoftmaxCrossEntropy: target at index ${n} is ${String(t)}, not an integer class index (${where})`);
    }
    if ((t < 0 || t >= K) && t !== ignoreIndex) {
      throw new Error(`SoftmaxCrossEntropy: target at index ${n} is ${t}, outside [0, ${K}) for ${where} (and not ignoreIndex ${ignoreIndex})`);
    }
    classes[n] = t;
  }
  return classes;
}
