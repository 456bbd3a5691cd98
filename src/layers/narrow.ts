// SPDX-License-Identifier: MIT
// Narrow: a slice of the input along one dim, as torch.narrow(x, dim, start, length) (Torch7's
// nn.Narrow module). In a Graph it splits one input into parts, e.g. a table row into its
// numeric features and the category index of each categorical column.
import { kernels } from '../kernels/index.js';
import { checkShape, requireSaved, ShapeError } from '../tensor/shape.js';
import { formatShape, Tensor, type Buffer, type Parameter } from '../tensor/tensor.js';
import { checkInteger } from './common.js';
import type { Layer, LayerSpec, Mode } from './layer.js';
import type { LayerDef } from './registry.js';

/**
 * Narrow: y = x[…, start : start + length, …] along `dim` (negative counts from the end).
 * Shapes: x [d₀, …, d_dim, …] → y with d_dim replaced by length (start + length ≤ d_dim).
 * Backward: dx = dy placed at start … start + length − 1 along dim, zeros elsewhere.
 * Derivation: docs/math/embedding.md (section Narrow)
 */
export class Narrow implements Layer {
  readonly name = 'Narrow';
  private inputShape: readonly number[] | null = null;

  constructor(
    readonly dim: number,
    readonly start: number,
    readonly length: number,
  ) {
    if (!Number.isInteger(dim)) throw new Error(`Narrow: dim must be an integer, got ${dim}`);
    checkInteger('Narrow', 'start', start, 0);
    checkInteger('Narrow', 'length', length);
  }

  /** dim as an index into shapes of this rank. */
  private axisFor(shape: readonly number[]): number {
    const axis = this.dim < 0 ? shape.length + this.dim : this.dim;
    if (axis < 0 || axis >= shape.length) throw new ShapeError(`Narrow: dim ${this.dim} is out of range for an input of shape ${formatShape(shape)}`);
    return axis;
  }

  outputShape(inputShape: readonly number[]): number[] {
    const axis = this.axisFor(inputShape);
    if (this.start + this.length > inputShape[axis]) {
      throw new ShapeError(
        `Narrow: entries ${this.start} … ${this.start + this.length - 1} of dim ${this.dim} do not fit an input of shape ${formatShape(inputShape)} (size ${inputShape[axis]})`,
      );
    }
    const out = [...inputShape];
    out[axis] = this.length;
    return out;
  }

  forward(x: Tensor, _mode: Mode): Tensor {
    this.outputShape(x.shape);
    this.inputShape = x.shape;
    return kernels().sliceAxis(x, this.axisFor(x.shape), this.start, this.length); // y = x[…, start : start + length, …]
  }

  backward(dy: Tensor): Tensor {
    const shape = requireSaved('Narrow', this.inputShape);
    checkShape('Narrow', dy, this.outputShape(shape), 'dy');
    const axis = this.axisFor(shape);
    // dx = [0 (start entries), dy, 0 (the rest)] along the axis
    const zeros = (size: number) => {
      const s = [...shape];
      s[axis] = size;
      return Tensor.zeros(s, dy.dtype);
    };
    const after = shape[axis] - this.start - this.length;
    const parts = [...(this.start > 0 ? [zeros(this.start)] : []), dy, ...(after > 0 ? [zeros(after)] : [])];
    return parts.length === 1 ? dy : kernels().concat(parts, axis);
  }

  parameters(): Parameter[] {
    return [];
  }

  buffers(): Buffer[] {
    return [];
  }

  toSpec(): LayerSpec {
    return { type: 'Narrow', dim: this.dim, start: this.start, length: this.length };
  }
}

export const narrowDef: LayerDef<Narrow> = {
  type: 'Narrow',
  options: ['dim', 'start', 'length'],
  fromSpec: (r) => new Narrow(r.int('dim', -8), r.int('start', 0), r.int('length', 1)),
  toOnnx(e, layer, path, [x], [shape]) {
    const axis = layer.dim < 0 ? shape.length + layer.dim : layer.dim;
    const inputs = [x, e.int64s(`${path}.starts`, [layer.start]), e.int64s(`${path}.ends`, [layer.start + layer.length]), e.int64s(`${path}.axes`, [axis])];
    return e.node('Slice', `${path}.Slice`, inputs);
  },
};
