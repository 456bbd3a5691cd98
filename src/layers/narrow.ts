// SPDX-License-Identifier: MIT
// Narrow: a slice of consecutive entries along one axis, PyTorch's torch.narrow(x, dim, start,
// length) (Torch7's nn.Narrow module). In a Graph, one Narrow per part is `x.chunk(k, dim)` or
// `torch.split` (ShuffleNet's channel split, a table row split into numeric features and category
// indices), and ONNX's Slice and Split import as it.
import { kernels } from '../kernels/index.js';
import { checkShape, requireSaved, ShapeError } from '../tensor/shape.js';
import { formatShape, type Buffer, type Parameter, type Tensor } from '../tensor/tensor.js';
import { checkInteger } from './common.js';
import type { Layer, LayerSpec, Mode } from './layer.js';
import type { LayerDef } from './registry.js';

/**
 * Narrow: y[…, i, …] = x[…, s + i, …] along `dim` for 0 ≤ i < length, s = start (+ the size when negative).
 * Shapes: x [N, …, D, …] → y [N, …, length, …], s + length ≤ D.
 * Backward: dx = dy placed at s … s + length − 1 along `dim`, zeros elsewhere.
 * Derivation: docs/math/narrow.md
 */
export class Narrow implements Layer {
  readonly name = 'Narrow';
  readonly dim: number;
  readonly start: number;
  readonly length: number;
  private inputShape: readonly number[] | null = null; // all backward needs

  /**
   * torch.narrow's arguments: `dim` the axis (negative counts from the end), `start` the first
   * entry (negative counts from the end), `length` how many (≥ 1). In a model, dim 0 (the batch)
   * would change the batch size; Nabla's ONNX import never makes one.
   */
  constructor(dim: number, start: number, length: number) {
    checkInteger('Narrow', 'dim', dim, -Infinity);
    checkInteger('Narrow', 'start', start, -Infinity);
    checkInteger('Narrow', 'length', length, 1);
    this.dim = dim;
    this.start = start;
    this.length = length;
  }

  /** The axis and the first entry as indices for an input of this shape; throws when the slice does not fit. */
  resolve(inputShape: readonly number[]): { axis: number; from: number } {
    const rank = inputShape.length;
    const axis = this.dim < 0 ? this.dim + rank : this.dim;
    const at = `Narrow(dim ${this.dim}, start ${this.start}, length ${this.length})`;
    if (axis < 0 || axis >= rank) throw new ShapeError(`${at}: input ${formatShape(inputShape)} has no axis ${this.dim}`);
    const size = inputShape[axis];
    const from = this.start < 0 ? this.start + size : this.start;
    if (from < 0 || from + this.length > size) {
      throw new ShapeError(`${at}: entries ${from} … ${from + this.length - 1} do not fit axis ${axis} of input ${formatShape(inputShape)} (size ${size})`);
    }
    return { axis, from };
  }

  outputShape(inputShape: readonly number[]): number[] {
    const { axis } = this.resolve(inputShape);
    return inputShape.map((d, i) => (i === axis ? this.length : d));
  }

  forward(x: Tensor, _mode: Mode): Tensor {
    const { axis, from } = this.resolve(x.shape);
    this.inputShape = x.shape;
    return kernels().sliceAxis(x, axis, from, this.length);
  }

  backward(dy: Tensor): Tensor {
    const shape = requireSaved('Narrow', this.inputShape);
    checkShape('Narrow', dy, this.outputShape(shape), 'dy');
    const { axis, from } = this.resolve(shape);
    return kernels().padAxis(dy, axis, from, shape[axis] - from - this.length); // dx = [0, dy, 0] along the axis
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
  fromSpec: (r) => new Narrow(r.int('dim', -Infinity), r.int('start', -Infinity), r.int('length', 1)),
  /** ONNX's Slice with one axis and constant starts and ends (opset 10 on). */
  toOnnx(e, layer, path, [x], [shape]) {
    const { axis, from } = layer.resolve(shape);
    const inputs = [x, e.int64s(`${path}.starts`, [from]), e.int64s(`${path}.ends`, [from + layer.length]), e.int64s(`${path}.axes`, [axis])];
    return e.node('Slice', `${path}.Slice`, inputs);
  },
};
