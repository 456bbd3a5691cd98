// SPDX-License-Identifier: MIT
// The fully connected layer of the seed notes, for one instance (a row vector) or a batch.
import { kernels } from '../kernels/index.js';
import { Rng } from '../tensor/rng.js';
import { checkShape, requireSaved, ShapeError } from '../tensor/shape.js';
import { formatShape, Parameter, Tensor, type Buffer } from '../tensor/tensor.js';
import { checkDtype, checkInteger, inferDim, initWeights, trainableGrad, type WeightInit } from './common.js';
import type { BackwardOptions, Layer, LayerSpec, Mode } from './layer.js';
import type { LayerDef } from './registry.js';

export interface LinearOptions {
  /** Whether the layer adds b (default true). */
  bias?: boolean;
  /** Draws the initial weights (default: a fixed seed, new Rng(0)). */
  rng?: Rng;
  /** Weight initialisation (default: PyTorch's U(−1/√in, 1/√in) for W and b). */
  init?: WeightInit;
}

/**
 * Linear: y = x·W + b
 * Shapes: x [N, in] (or [in] for one instance), W [in, out], b [out] → y [N, out] (or [out])
 * Backward: dx = dy·Wᵀ,  dW += xᵀ·dy,  db += Σₙ dy
 * W is [in, out] as in the seed notes (PyTorch stores its transpose, [out, in]).
 * Derivation: docs/math/linear.md
 */
export class Linear implements Layer {
  readonly name = 'Linear';
  readonly weight: Parameter;
  readonly bias: Parameter | null;
  private readonly init: WeightInit;
  private x: Tensor | null = null; // kept by forward as [N, in], needed for dW
  private isSingle = false; // whether forward saw one instance [in]

  constructor(
    readonly inFeatures: number,
    readonly outFeatures: number,
    options: LinearOptions = {},
  ) {
    checkInteger('Linear', 'inFeatures', inFeatures);
    checkInteger('Linear', 'outFeatures', outFeatures);
    const { bias = true, rng = new Rng(0), init = 'default' } = options;
    this.init = init;
    this.weight = new Parameter('weight', Tensor.zeros([inFeatures, outFeatures]));
    this.bias = bias ? new Parameter('bias', Tensor.zeros([outFeatures])) : null;
    initWeights(init, this.weight, this.bias, rng, 'linear');
  }

  outputShape(inputShape: readonly number[]): number[] {
    const rank = inputShape.length;
    if ((rank !== 1 && rank !== 2) || inputShape[rank - 1] !== this.inFeatures) {
      throw new ShapeError(
        `Linear: expected input of shape [N, ${this.inFeatures}] or [${this.inFeatures}], got ${formatShape(inputShape)}`,
      );
    }
    return rank === 1 ? [this.outFeatures] : [inputShape[0], this.outFeatures];
  }

  forward(x: Tensor, _mode: Mode): Tensor {
    return this.run(x, false);
  }

  /** y = max(x·W + b, 0): a following ReLU applied in the bias pass (see Sequential.forward). */
  forwardWithReLU(x: Tensor, _mode: Mode): Tensor {
    return this.run(x, true);
  }

  private run(x: Tensor, relu: boolean): Tensor {
    this.outputShape(x.shape);
    checkDtype('Linear', x, this.weight);
    this.isSingle = x.rank === 1;
    const x2 = this.isSingle ? x.reshape([1, this.inFeatures]) : x;
    this.x = x2;
    let y = kernels().matmul(x2, this.weight.value); // y = x·W
    if (this.bias) kernels().addBias(y, this.bias.value, { relu }); // y += b (broadcast over rows), then max(y, 0)
    else if (relu) y = kernels().activation({ kind: 'relu' }, y);
    return this.isSingle ? y.reshape([this.outFeatures]) : y;
  }

  backward(dy: Tensor): Tensor;
  backward(dy: Tensor, options: BackwardOptions): Tensor | null;
  backward(dy: Tensor, { needInputGrad = true }: BackwardOptions = {}): Tensor | null {
    const x = requireSaved('Linear', this.x);
    const N = x.shape[0];
    checkShape('Linear', dy, this.isSingle ? [this.outFeatures] : [N, this.outFeatures], 'dy');
    const dy2 = dy.reshape([N, this.outFeatures]);
    const k = kernels();
    const dW = trainableGrad(this.weight); // null when frozen: no GEMM for it
    const db = trainableGrad(this.bias);
    if (dW) k.matmul(x, dy2, { transA: true, out: dW, accumulate: true }); // dW += xᵀ·dy
    if (db) k.addChannelSums(dy2, db); // db += Σₙ dy
    if (!needInputGrad) return null; // the caller reads no dx: skip its GEMM
    const dx = k.matmul(dy2, this.weight.value, { transB: true }); // dx = dy·Wᵀ
    return this.isSingle ? dx.reshape([this.inFeatures]) : dx;
  }

  parameters(): Parameter[] {
    return this.bias ? [this.weight, this.bias] : [this.weight];
  }

  buffers(): Buffer[] {
    return [];
  }

  toSpec(): LayerSpec {
    const spec: LayerSpec = { type: 'Linear', inFeatures: this.inFeatures, outFeatures: this.outFeatures };
    if (!this.bias) spec.bias = false;
    if (this.init !== 'default') spec.init = this.init;
    return spec;
  }
}

export const linearDef: LayerDef<Linear> = {
  type: 'Linear',
  options: ['inFeatures', 'outFeatures', 'bias', 'init'],
  fromSpec(r, { rng, inputShapes: [shape] }) {
    const outFeatures = r.int('outFeatures', 1); // the spec's own fields first, then what the input says
    return new Linear(r.int('inFeatures', 1, inferDim(shape, -1)), outFeatures, { bias: r.bool('bias'), init: r.init(), rng });
  },
  toOnnx(e, layer, path, [x], [shape]) {
    if (shape.length !== 2) throw new Error(`Gemm needs a [N, in] input, got ${formatShape(shape)}`);
    // Gemm computes A·op(B) + C. Nabla's W is already [in, out], so transB = 0: no transpose here
    // (PyTorch stores [out, in] and exports transB = 1; importOnnx handles both).
    const inputs = [x, e.initializer(`${path}.weight`, layer.weight.value)];
    if (layer.bias) inputs.push(e.initializer(`${path}.bias`, layer.bias.value));
    return e.node('Gemm', `${path}.Gemm`, inputs, { alpha: { float: 1 }, beta: { float: 1 }, transB: { int: 0 } });
  },
  torch: (layer) => [
    { local: 'weight', torch: 'weight', tensor: layer.weight.value, transposed: true },
    ...(layer.bias ? [{ local: 'bias', torch: 'bias', tensor: layer.bias.value }] : []),
  ],
};
