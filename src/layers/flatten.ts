// SPDX-License-Identifier: MIT
// Flatten: joins every dimension after the batch into one, so conv features can feed a Linear.
import { checkShape, requireSaved, ShapeError } from '../tensor/shape.js';
import { formatShape, sizeOf, type Buffer, type Parameter, type Tensor } from '../tensor/tensor.js';
import type { Layer, LayerSpec, Mode } from './layer.js';
import type { LayerDef } from './registry.js';

/**
 * Flatten: y[n, i] = x[n, ...] read in row-major order (a view, no copy).
 * Shapes: x [N, d₁, …, dₖ] → y [N, d₁·…·dₖ].
 * Backward: dx = dy reshaped to x's shape.
 * Derivation: docs/math/flatten.md
 */
export class Flatten implements Layer {
  readonly name = 'Flatten';
  private inputShape: readonly number[] | null = null; // x's shape, to restore in backward

  outputShape(inputShape: readonly number[]): number[] {
    if (inputShape.length < 2) {
      throw new ShapeError(`Flatten: expected input of shape [N, ...] (rank ≥ 2), got ${formatShape(inputShape)}`);
    }
    return [inputShape[0], featureSize(inputShape)];
  }

  forward(x: Tensor, _mode: Mode): Tensor {
    const shape = this.outputShape(x.shape);
    this.inputShape = x.shape;
    return x.reshape(shape);
  }

  readonly backwardReadsInput = false; // the input's shape only (see Module)
  readonly backwardReadsOutput = false;

  backward(dy: Tensor): Tensor {
    const shape = requireSaved('Flatten', this.inputShape);
    checkShape('Flatten', dy, [shape[0], featureSize(shape)], 'dy');
    return dy.reshape(shape);
  }

  parameters(): Parameter[] {
    return [];
  }

  buffers(): Buffer[] {
    return [];
  }

  toSpec(): LayerSpec {
    return { type: 'Flatten' };
  }
}

/** d₁·…·dₖ for a shape [N, d₁, …, dₖ]. */
function featureSize(shape: readonly number[]): number {
  return sizeOf(shape.slice(1));
}

export const flattenDef: LayerDef<Flatten> = {
  type: 'Flatten',
  options: [],
  fromSpec: () => new Flatten(),
  toOnnx: (e, _layer, path, [x]) => e.node('Flatten', `${path}.Flatten`, [x], { axis: { int: 1 } }),
};
