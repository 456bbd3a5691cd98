// SPDX-License-Identifier: MIT
// Embedding: a learned table of vectors looked up by integer index (a category, a token), as
// PyTorch's nn.Embedding. Indices are integers stored in the input tensor's floats; anything else
// (a fraction, a negative or too large index) is refused, naming the index, its position and the
// range. The padding row (paddingIdx) starts at zero and gets no gradient.
import { kernels } from '../kernels/index.js';
import { normal } from '../tensor/init.js';
import { Rng } from '../tensor/rng.js';
import { checkShape, requireSaved, ShapeError } from '../tensor/shape.js';
import { formatShape, Parameter, Tensor, type Buffer } from '../tensor/tensor.js';
import { checkInteger } from './common.js';
import type { BackwardOptions, Layer, LayerSpec, Mode } from './layer.js';
import type { LayerDef } from './registry.js';

export interface EmbeddingOptions {
  /** The row that stays zero and gets no gradient (negative counts from the end, as PyTorch); default none. */
  paddingIdx?: number;
  /** Draws the initial weights (default: a fixed seed, new Rng(0)). */
  rng?: Rng;
}

/**
 * Embedding: y[i, :] = W[idx[i], :]
 * Shapes: idx of any shape [*] (integers 0 … V−1 stored as floats), W [V, D] → y [*, D]
 * Backward: dW[v, :] += Σ_{i: idx[i] = v} dy[i, :] (a scatter-add; none into the paddingIdx row);
 *           the indices get no gradient (dx = 0, or null when nobody reads it).
 * Init: W ~ N(0, 1), the paddingIdx row 0 (PyTorch's reset_parameters).
 * Derivation: docs/math/embedding.md
 */
export class Embedding implements Layer {
  readonly name = 'Embedding';
  readonly weight: Parameter;
  /** The padding row, normalised to 0 … V−1; null for none. */
  readonly paddingIdx: number | null;
  private indices: Tensor | null = null; // kept by forward, needed for dW

  constructor(
    readonly numEmbeddings: number,
    readonly embeddingDim: number,
    options: EmbeddingOptions = {},
  ) {
    checkInteger('Embedding', 'numEmbeddings', numEmbeddings);
    checkInteger('Embedding', 'embeddingDim', embeddingDim);
    const { paddingIdx, rng = new Rng(0) } = options;
    if (paddingIdx !== undefined && (!Number.isInteger(paddingIdx) || paddingIdx < -numEmbeddings || paddingIdx >= numEmbeddings)) {
      throw new Error(`Embedding: paddingIdx must be an integer in −${numEmbeddings} … ${numEmbeddings - 1} (numEmbeddings ${numEmbeddings}), got ${paddingIdx}`);
    }
    this.paddingIdx = paddingIdx === undefined ? null : paddingIdx < 0 ? paddingIdx + numEmbeddings : paddingIdx;
    this.weight = new Parameter('weight', normal(Tensor.zeros([numEmbeddings, embeddingDim]), rng)); // N(0, 1) as PyTorch
    if (this.paddingIdx !== null) this.weight.value.data.fill(0, this.paddingIdx * embeddingDim, (this.paddingIdx + 1) * embeddingDim);
  }

  outputShape(inputShape: readonly number[]): number[] {
    return [...inputShape, this.embeddingDim];
  }

  forward(x: Tensor, _mode: Mode): Tensor {
    this.checkIndices(x);
    this.indices = x;
    return kernels().embedding(x, this.weight.value); // y[i, :] = W[idx[i], :]
  }

  backward(dy: Tensor): Tensor;
  backward(dy: Tensor, options: BackwardOptions): Tensor | null;
  backward(dy: Tensor, { needInputGrad = true }: BackwardOptions = {}): Tensor | null {
    const indices = requireSaved('Embedding', this.indices);
    checkShape('Embedding', dy, this.outputShape(indices.shape), 'dy');
    kernels().embeddingBackward(indices, dy, this.weight.grad, this.paddingIdx ?? -1); // dW[idx[i], :] += dy[i, :]
    return needInputGrad ? Tensor.zeros(indices.shape, dy.dtype) : null; // indices are not differentiable
  }

  /** Every entry must be an integer index 0 … V−1 (the lookup would read outside W otherwise). */
  private checkIndices(x: Tensor): void {
    const V = this.numEmbeddings;
    for (let i = 0; i < x.size; i++) {
      const v = x.data[i];
      if (!Number.isInteger(v) || v < 0 || v >= V) {
        const what = Number.isInteger(v) ? 'is out of range' : 'is not an integer index';
        throw new ShapeError(`Embedding: index ${v} at position ${i} of the input ${formatShape(x.shape)} ${what} (0 … ${V - 1}, numEmbeddings ${V})`);
      }
    }
  }

  parameters(): Parameter[] {
    return [this.weight];
  }

  buffers(): Buffer[] {
    return [];
  }

  toSpec(): LayerSpec {
    const spec: LayerSpec = { type: 'Embedding', numEmbeddings: this.numEmbeddings, embeddingDim: this.embeddingDim };
    if (this.paddingIdx !== null) spec.paddingIdx = this.paddingIdx;
    return spec;
  }
}

/** ONNX's TensorProto.DataType INT64, the index type Gather reads. */
const ONNX_INT64 = 7;

export const embeddingDef: LayerDef<Embedding> = {
  type: 'Embedding',
  options: ['numEmbeddings', 'embeddingDim', 'paddingIdx'],
  fromSpec(r, { rng }) {
    const numEmbeddings = r.int('numEmbeddings', 1);
    const paddingIdx = r.has('paddingIdx') ? r.int('paddingIdx', -numEmbeddings) : undefined;
    return new Embedding(numEmbeddings, r.int('embeddingDim', 1), { paddingIdx, rng });
  },
  toOnnx(e, layer, path, [x]) {
    // The model's tensors are floats: cast the indices to int64, then gather rows of W (axis 0).
    const indices = e.node('Cast', `${path}.Cast`, [x], { to: { int: ONNX_INT64 } });
    return e.node('Gather', `${path}.Gather`, [e.initializer(`${path}.weight`, layer.weight.value), indices], { axis: { int: 0 } });
  },
  torch: (layer) => [{ local: 'weight', torch: 'weight', tensor: layer.weight.value }],
};
