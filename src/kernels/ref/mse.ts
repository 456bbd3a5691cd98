// SPDX-License-Identifier: MIT
// Reference mean squared error (the MSELoss kernel; docs/math/mse.md).
import type { LossResult } from '../backend.js';
import { formatShape, Tensor } from '../../tensor/tensor.js';
import { commonDtype } from './common.js';

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
