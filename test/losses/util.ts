// SPDX-License-Identifier: MIT
// Losses as gradcheck targets: y = [loss] (shape [1]) and dz = dy₀·backward().
import type { Differentiable } from '../../src/gradcheck.js';
import { Tensor } from '../../src/tensor/tensor.js';

export interface LossLike<T> {
  forward(input: Tensor, target: T): number;
  backward(): Tensor;
}

export function lossAsDifferentiable<T>(loss: LossLike<T>, target: T): Differentiable {
  return {
    forward: ([input]) => Tensor.from([loss.forward(input, target)], [1], 'float64'),
    backward: (dy) => {
      const grad = loss.backward().clone();
      for (let i = 0; i < grad.size; i++) grad.data[i] *= dy.data[0];
      return [grad];
    },
  };
}
