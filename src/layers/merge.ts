// SPDX-License-Identifier: MIT
// Merge layers: the nodes of a Graph that read several tensors. Add (the residual sum), Concat
// (DenseNet's and U-Net's channel joins) and Mul (the squeeze-and-excitation gate, broadcast).
import { kernels } from '../kernels/index.js';
import { checkShape, requireSaved, ShapeError } from '../tensor/shape.js';
import { formatShape, type Buffer, type Parameter, type Tensor } from '../tensor/tensor.js';
import type { LayerSpec, Merge, Mode } from './layer.js';
import type { LayerDef } from './registry.js';

/** Shared body: no parameters, no buffers, a check of the number of inputs. */
abstract class MergeLayer implements Merge {
  readonly isMerge = true;
  abstract readonly name: string;
  abstract forward(inputs: readonly Tensor[], mode: Mode): Tensor;
  abstract backward(dy: Tensor): Tensor[];
  abstract outputShape(inputShapes: readonly (readonly number[])[]): number[];
  abstract toSpec(): LayerSpec;

  protected checkCount(count: number, min: number, max = Infinity): void {
    if (count < min || count > max) {
      const wanted = max === min ? `${min}` : max === Infinity ? `at least ${min}` : `${min} to ${max}`;
      throw new ShapeError(`${this.name}: expected ${wanted} inputs, got ${count}`);
    }
  }

  parameters(): Parameter[] {
    return [];
  }

  buffers(): Buffer[] {
    return [];
  }
}

/**
 * Add: y = x₀ + x₁ + … (every input of one shape).
 * Backward: dxᵢ = dy for every i (∂y/∂xᵢ = I).
 * Derivation: docs/math/graph.md
 */
export class Add extends MergeLayer {
  readonly name = 'Add';
  readonly backwardReadsInput = false; // dy for every input (see Module)
  readonly backwardReadsOutput = false;
  private shape: readonly number[] | null = null;
  private count = 0;

  outputShape(inputShapes: readonly (readonly number[])[]): number[] {
    this.checkCount(inputShapes.length, 2);
    const [first, ...rest] = inputShapes;
    rest.forEach((shape, i) => {
      if (shape.length !== first.length || shape.some((d, j) => d !== first[j])) {
        throw new ShapeError(`Add: input ${i + 1} has shape ${formatShape(shape)} but input 0 has ${formatShape(first)} (Add needs equal shapes)`);
      }
    });
    return [...first];
  }

  forward(inputs: readonly Tensor[], _mode: Mode): Tensor {
    return this.sum(inputs, false);
  }

  /** forward, then max(·, 0), the last sum and the ReLU in one pass (a Graph fuses Add with a following ReLU). */
  forwardWithReLU(inputs: readonly Tensor[], _mode: Mode): Tensor {
    return this.sum(inputs, true);
  }

  private sum(inputs: readonly Tensor[], relu: boolean): Tensor {
    this.shape = this.outputShape(inputs.map((x) => x.shape));
    this.count = inputs.length;
    const last = inputs.length - 1;
    let y = kernels().add(inputs[0], inputs[1], { relu: relu && last === 1 });
    for (let i = 2; i < inputs.length; i++) y = kernels().add(y, inputs[i], { relu: relu && i === last });
    return y;
  }

  backward(dy: Tensor): Tensor[] {
    checkShape('Add', dy, requireSaved('Add', this.shape), 'dy');
    return Array.from({ length: this.count }, () => dy); // dxᵢ = dy (the same tensor; nobody writes into it)
  }

  toSpec(): LayerSpec {
    return { type: 'Add' };
  }
}

export interface ConcatOptions {
  /** The axis to join along (default 1, channels of NCHW; negative counts from the end). */
  axis?: number;
}

/**
 * Concat: y = [x₀, x₁, …] joined along `axis` (every other dim equal).
 * Backward: dxᵢ = the slice of dy that xᵢ filled.
 * Derivation: docs/math/graph.md
 */
export class Concat extends MergeLayer {
  readonly name = 'Concat';
  readonly backwardReadsInput = false; // dy sliced by the inputs' sizes (see Module)
  readonly backwardReadsOutput = false;
  readonly axis: number;
  private sizes: number[] | null = null; // each input's extent along the axis
  private resolvedAxis = 0;

  constructor(options: ConcatOptions = {}) {
    super();
    const axis = options.axis ?? 1;
    if (!Number.isInteger(axis)) throw new Error(`Concat: axis must be an integer, got ${String(axis)}`);
    this.axis = axis;
  }

  /** The axis as an index into shapes of this rank. */
  private axisFor(rank: number): number {
    const axis = this.axis < 0 ? rank + this.axis : this.axis;
    if (axis < 0 || axis >= rank) throw new ShapeError(`Concat: axis ${this.axis} is out of range for inputs of rank ${rank}`);
    return axis;
  }

  outputShape(inputShapes: readonly (readonly number[])[]): number[] {
    this.checkCount(inputShapes.length, 1);
    const first = inputShapes[0];
    const axis = this.axisFor(first.length);
    inputShapes.forEach((shape, i) => {
      if (shape.length !== first.length || shape.some((d, j) => j !== axis && d !== first[j])) {
        throw new ShapeError(
          `Concat: input ${i} has shape ${formatShape(shape)} and input 0 has ${formatShape(first)}: along axis ${this.axis} they may differ, nowhere else`,
        );
      }
    });
    const out = [...first];
    out[axis] = inputShapes.reduce((total, shape) => total + shape[axis], 0);
    return out;
  }

  forward(inputs: readonly Tensor[], _mode: Mode): Tensor {
    this.outputShape(inputs.map((x) => x.shape));
    this.resolvedAxis = this.axisFor(inputs[0].rank);
    this.sizes = inputs.map((x) => x.shape[this.resolvedAxis]);
    return inputs.length === 1 ? inputs[0] : kernels().concat(inputs, this.resolvedAxis);
  }

  backward(dy: Tensor): Tensor[] {
    const sizes = requireSaved('Concat', this.sizes);
    if (sizes.length === 1) return [dy];
    let start = 0;
    return sizes.map((size) => {
      const dx = kernels().sliceAxis(dy, this.resolvedAxis, start, size); // dxᵢ = dy[…, start : start + size, …]
      start += size;
      return dx;
    });
  }

  toSpec(): LayerSpec {
    return this.axis === 1 ? { type: 'Concat' } : { type: 'Concat', axis: this.axis };
  }
}

/**
 * Mul: y = a ⊙ b with broadcasting (one rank; each dim equal, or 1 in one input), e.g. features
 * [N, C, H, W] times a gate [N, C, 1, 1].
 * Backward: da = Σ_broadcast (dy ⊙ b),  db = Σ_broadcast (dy ⊙ a) (summed over the dims each was broadcast along).
 * Derivation: docs/math/graph.md
 */
export class Mul extends MergeLayer {
  readonly name = 'Mul';
  private a: Tensor | null = null; // both kept: each one's gradient is the other
  private b: Tensor | null = null;

  outputShape(inputShapes: readonly (readonly number[])[]): number[] {
    this.checkCount(inputShapes.length, 2, 2);
    const [a, b] = inputShapes;
    const fits = a.length === b.length && a.every((d, i) => d === b[i] || d === 1 || b[i] === 1);
    if (!fits) {
      throw new ShapeError(`Mul: inputs ${formatShape(a)} and ${formatShape(b)} do not broadcast (one rank, each dim equal or 1 in one of them)`);
    }
    return a.map((d, i) => (d === 1 ? b[i] : d)); // a dim of 1 takes the other's: [0] with [1] is [0], as in PyTorch
  }

  forward(inputs: readonly Tensor[], _mode: Mode): Tensor {
    this.outputShape(inputs.map((x) => x.shape));
    const [a, b] = inputs;
    this.a = a;
    this.b = b;
    return sameShape(a, b) ? kernels().mul(a, b) : kernels().mulBroadcast(a, b);
  }

  backward(dy: Tensor): Tensor[] {
    const a = requireSaved('Mul', this.a);
    const b = requireSaved('Mul', this.b);
    checkShape('Mul', dy, this.outputShape([a.shape, b.shape]), 'dy');
    const k = kernels();
    if (sameShape(a, b)) return [k.mul(dy, b), k.mul(dy, a)]; // da = dy ⊙ b, db = dy ⊙ a
    // da = Σ_broadcast dy ⊙ b, db = Σ_broadcast dy ⊙ a; an input of the output's shape sums over nothing.
    const gradient = (other: Tensor, shape: readonly number[]): Tensor => {
      const product = sameShape(dy, other) ? k.mul(dy, other) : k.mulBroadcast(dy, other);
      return shape.every((d, i) => d === dy.shape[i]) ? product : k.sumToShape(product, shape);
    };
    return [gradient(b, a.shape), gradient(a, b.shape)];
  }

  toSpec(): LayerSpec {
    return { type: 'Mul' };
  }
}

function sameShape(a: Tensor, b: Tensor): boolean {
  return a.rank === b.rank && a.shape.every((d, i) => d === b.shape[i]);
}

export const addDef: LayerDef<Add> = {
  type: 'Add',
  options: [],
  fromSpec: () => new Add(),
  toOnnx(e, _layer, path, inputs) {
    if (inputs.length === 2) return e.node('Add', `${path}.Add`, inputs);
    return e.node('Sum', `${path}.Sum`, inputs);
  },
};

export const concatDef: LayerDef<Concat> = {
  type: 'Concat',
  options: ['axis'],
  fromSpec: (r) => new Concat({ axis: r.number('axis') }),
  toOnnx: (e, layer, path, inputs) => e.node('Concat', `${path}.Concat`, inputs, { axis: { int: layer.axis } }),
};

export const mulDef: LayerDef<Mul> = {
  type: 'Mul',
  options: [],
  fromSpec: () => new Mul(),
  toOnnx: (e, _layer, path, inputs) => e.node('Mul', `${path}.Mul`, inputs), // ONNX Mul broadcasts the same way
};
