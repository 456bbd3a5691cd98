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
  /** Backward reads x and W, not y (a fused ReLU's y comes in as an argument): see Module. */
  readonly backwardReadsOutput = false;
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
    const y = kernels().linear(x2, this.weight.value, this.bias?.value ?? null, { relu }); // y = x·W + b, then max(y, 0)
    return this.isSingle ? y.reshape([this.outFeatures]) : y;
  }

  backward(dy: Tensor): Tensor;
  backward(dy: Tensor, options: BackwardOptions): Tensor | null;
  backward(dy: Tensor, { needInputGrad = true }: BackwardOptions = {}): Tensor | null {
    return this.runBackward(dy, needInputGrad, null);
  }

  /** The backward of max(x·W + b, 0) given its output y: dy ⊙ [y > 0] in the same kernel call (see Sequential.backward). */
  backwardThroughReLU(dy: Tensor, y: Tensor, { needInputGrad = true }: BackwardOptions = {}): Tensor | null {
    return this.runBackward(dy, needInputGrad, y);
  }

  private runBackward(dy: Tensor, needInputGrad: boolean, y: Tensor | null): Tensor | null {
    const x = requireSaved('Linear', this.x);
    const N = x.shape[0];
    checkShape('Linear', dy, this.isSingle ? [this.outFeatures] : [N, this.outFeatures], 'dy');
    const shape = [N, this.outFeatures];
    // dW += xᵀ·dy, db += Σₙ dy, dx = dy·Wᵀ (skipped, with its GEMM, unless needed); dy ⊙ [y > 0] first for a fused ReLU
    const dx = kernels().linearBackward(x, this.weight.value, dy.reshape(shape), {
      dW: trainableGrad(this.weight), // null when frozen: no GEMM for it
      db: trainableGrad(this.bias),
      needDx: needInputGrad,
      reluOutput: y?.reshape(shape) ?? null,
    });
    if (!dx) return null;
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
