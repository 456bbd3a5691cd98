// SPDX-License-Identifier: MIT
// Mean squared error, for regression and for tests of the training loop.
import { kernels } from '../kernels/index.js';
import { checkSameShape, requireSaved } from '../tensor/shape.js';
import { Tensor } from '../tensor/tensor.js';

export interface MSELossOptions {
  /** 'mean' (default) divides by the number of elements M; 'sum' does not. */
  reduction?: 'mean' | 'sum';
}

/**
 * MSELoss: loss = Σᵢ (ŷᵢ − yᵢ)² / M (mean) or Σᵢ (ŷᵢ − yᵢ)² (sum), M = number of elements.
 * Shapes: prediction ŷ and target y of the same (any) shape → a number.
 * Backward: dŷ = 2·(ŷ − y) / M (mean) or 2·(ŷ − y) (sum).
 * Derivation: docs/math/mse.md
 */
export class MSELoss {
  readonly name = 'MSELoss';
  readonly reduction: 'mean' | 'sum';
  private grad: Tensor | null = null; // dŷ from the last forward

  constructor(options: MSELossOptions = {}) {
    const { reduction = 'mean' } = options;
    if (reduction !== 'mean' && reduction !== 'sum') {
      throw new Error(`MSELoss: reduction must be 'mean' or 'sum', got ${String(reduction)}`);
    }
    this.reduction = reduction;
  }

  /** `target` may also be a plain array of the prediction's size (a regression batch's targets), read in the prediction's shape. */
  forward(prediction: Tensor, target: Tensor | Float32Array): number {
    if (target instanceof Float32Array) {
      if (target.length !== prediction.size) throw new Error(`MSELoss: ${target.length} targets for a prediction of ${prediction.size} values`);
      target = new Tensor(target, prediction.shape);
    }
    checkSameShape('MSELoss', prediction, target, 'prediction', 'target');
    const y = target.dtype === prediction.dtype ? target : target.astype(prediction.dtype);
    const { loss, grad } = kernels().mse(prediction, y, this.reduction);
    this.grad = grad;
    return loss;
  }

  /** dL/dŷ for the last forward, shaped like the prediction. */
  backward(): Tensor {
    return requireSaved('MSELoss', this.grad);
  }
}
