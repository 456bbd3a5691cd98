// SPDX-License-Identifier: MIT
// Batch normalisation over the channel dimension (dim 1) of [N, C] or [N, C, H, W], with the
// running statistics PyTorch keeps. Loops here run over channels only; the kernels do the rest.
import { kernels } from '../kernels/index.js';
import { ANY, checkShape, requireSaved } from '../tensor/shape.js';
import { formatShape, Parameter, Tensor, type Buffer } from '../tensor/tensor.js';
import { checkDtype, checkInteger, gradOrScratch, inferDim, trainableGrad, withDtype } from './common.js';
import type { BackwardOptions, Layer, LayerSpec, Mode } from './layer.js';
import type { LayerDef, TorchEntry } from './registry.js';

export interface BatchNormOptions {
  /** Added to the variance before the square root (default 1e-5). */
  eps?: number;
  /** Weight of the new batch in the running averages (default 0.1). */
  momentum?: number;
  /** Whether the layer learns γ (weight) and β (bias) (default true). */
  affine?: boolean;
}

/** What backward needs from the last forward. */
interface Saved {
  x: Tensor;
  mean: Tensor; // the batch's (train) or the running mean (eval)
  invStd: Tensor; // 1/√(σ² + ε) per channel
  gamma: Tensor;
  isTrain: boolean;
  inputShape: readonly number[];
}

/**
 * BatchNorm over channel c, with M = N·H·W entries per channel:
 *   train: μ = mean(x), σ² = biased var(x), x̂ = (x − μ)/√(σ² + ε), y = γ·x̂ + β;
 *          runningMean ← (1 − m)·runningMean + m·μ,  runningVar ← (1 − m)·runningVar + m·σ²·M/(M − 1)
 *   eval:  the same y with μ, σ² replaced by runningMean, runningVar.
 * Backward (train): dγ += Σ dy⊙x̂,  dβ += Σ dy,  dx = γ/√(σ² + ε) · (dy − mean(dy) − x̂·mean(dy⊙x̂))
 * Backward (eval):  dγ += Σ dy⊙x̂,  dβ += Σ dy,  dx = γ/√(runningVar + ε) · dy
 * Derivation: docs/math/batch-norm.md
 */
abstract class BatchNorm implements Layer {
  abstract readonly name: string;
  readonly weight: Parameter | null;
  readonly bias: Parameter | null;
  readonly runningMean: Buffer;
  readonly runningVar: Buffer;
  readonly eps: number;
  readonly momentum: number;
  /**
   * true: forward in 'train' mode runs as in 'eval' (the running statistics are used and not
   * updated), as PyTorch's bn.eval() inside a model in train mode; freeze() sets it for a frozen
   * part on request. Not part of the spec: like requiresGrad, a setting of the run.
   */
  useRunningStats = false;
  private saved: Saved | null = null;
  /** Backward reads x and the statistics, not y (a fused ReLU's y comes in as backwardThroughReLU's argument): see Module. */
  readonly backwardReadsOutput = false;

  constructor(
    layer: string,
    readonly numFeatures: number,
    options: BatchNormOptions,
  ) {
    const { eps = 1e-5, momentum = 0.1, affine = true } = options;
    checkInteger(layer, 'numFeatures', numFeatures);
    if (!(eps > 0)) throw new Error(`${layer}: eps must be > 0, got ${eps}`);
    if (!(momentum >= 0 && momentum <= 1)) throw new Error(`${layer}: momentum must be in [0, 1], got ${momentum}`);
    this.eps = eps;
    this.momentum = momentum;
    this.weight = affine ? new Parameter('weight', Tensor.full([numFeatures], 1)) : null;
    this.bias = affine ? new Parameter('bias', Tensor.zeros([numFeatures])) : null;
    this.runningMean = { name: 'runningMean', value: Tensor.zeros([numFeatures]) };
    this.runningVar = { name: 'runningVar', value: Tensor.full([numFeatures], 1) };
  }

  /** Throws unless the input has this layer's rank and numFeatures channels. */
  protected abstract checkInput(inputShape: readonly number[]): void;

  outputShape(inputShape: readonly number[]): number[] {
    this.checkInput(inputShape);
    return [...inputShape];
  }

  forward(x: Tensor, mode: Mode): Tensor {
    return this.run(x, mode, false);
  }

  /** y = max(γ·x̂ + β, 0): a following ReLU in the normalisation's output pass (see Sequential.forward). */
  forwardWithReLU(x: Tensor, mode: Mode): Tensor {
    return this.run(x, mode, true);
  }

  private run(x: Tensor, givenMode: Mode, relu: boolean): Tensor {
    const mode = this.useRunningStats ? 'eval' : givenMode;
    this.checkInput(x.shape);
    if (this.weight) checkDtype(this.name, x, this.weight);
    const C = this.numFeatures;
    const k = kernels();
    let mean: Tensor;
    let variance: Tensor;
    if (mode === 'train') {
      const M = x.size / C;
      if (M < 2) {
        throw new Error(
          `${this.name}: training needs more than 1 value per channel, got input ${formatShape(x.shape)} (PyTorch: "Expected more than 1 value per channel when training"); ` +
            'a last batch of one sample does this: drop it (fit and DataLoader take dropLast: true; nabla train drops it by itself)',
        );
      }
      ({ mean, variance } = k.batchNormStats(x));
      this.updateRunningStats(mean, variance, M);
    } else {
      mean = withDtype(this.runningMean.value, x.dtype);
      variance = withDtype(this.runningVar.value, x.dtype);
    }
    const invStd = Tensor.zeros([C], x.dtype);
    for (let c = 0; c < C; c++) invStd.data[c] = 1 / Math.sqrt(variance.data[c] + this.eps);
    const gamma = this.weight ? this.weight.value : Tensor.full([C], 1, x.dtype);
    const beta = this.bias ? this.bias.value : Tensor.zeros([C], x.dtype);
    const y = k.batchNormForward(x, mean, invStd, gamma, beta, { relu }); // y = γ·x̂ + β, then max(y, 0)
    // x, not x̂: the backward recomputes x̂ = (x − mean)·invStd, and x is alive anyway (the previous layer's output).
    this.saved = { x, mean, invStd, gamma, isTrain: mode === 'train', inputShape: x.shape };
    return y;
  }

  backward(dy: Tensor): Tensor {
    return this.runBackward(dy, null);
  }

  /** The backward of max(γ·x̂ + β, 0) given its output y: dy ⊙ [y > 0] in the same kernel call in training (see Sequential.backward). */
  backwardThroughReLU(dy: Tensor, y: Tensor, _options: BackwardOptions = {}): Tensor {
    return this.runBackward(dy, y);
  }

  private runBackward(dy: Tensor, reluOutput: Tensor | null): Tensor {
    const { x, mean, invStd, gamma, isTrain, inputShape } = requireSaved(this.name, this.saved);
    checkShape(this.name, dy, inputShape, 'dy');
    const C = this.numFeatures;
    const k = kernels();
    if (isTrain) {
      // Without affine parameters, or frozen ones, the γ and β gradients go to scratch and are
      // dropped: dx needs the same two sums, so the kernel computes them anyway.
      const dGamma = gradOrScratch(this.weight, [C], dy.dtype);
      const dBeta = gradOrScratch(this.bias, [C], dy.dtype);
      // dγ += Σ dy⊙x̂, dβ += Σ dy, dx = γ·invStd·(dy − mean(dy) − x̂·mean(dy⊙x̂))
      return k.batchNormBackward(dy, x, mean, invStd, gamma, dGamma, dBeta, reluOutput);
    }
    if (reluOutput) dy = k.activationBackward({ kind: 'relu' }, reluOutput, reluOutput, dy); // the fused ReLU's dy ⊙ [y > 0]
    const dGamma = trainableGrad(this.weight); // null: absent or frozen, not computed
    const dBeta = trainableGrad(this.bias);
    const ones = Tensor.full([C], 1, dy.dtype), zeros = Tensor.zeros([C], dy.dtype);
    // x̂ = batchNormForward with γ = 1 and β = 0, then dγ += Σ dy⊙x̂.
    if (dGamma) k.addChannelSums(k.mul(dy, k.batchNormForward(x, mean, invStd, ones, zeros)), dGamma);
    if (dBeta) k.addChannelSums(dy, dBeta); // dβ += Σ dy
    // dx = (γ·invStd)[c]·dy: the statistics are constants in eval. batchNormForward with mean 0,
    // a per-channel scale as invStd, γ = 1 and β = 0 is exactly this per-channel scaling.
    const scale = Tensor.zeros([C], dy.dtype);
    for (let c = 0; c < C; c++) scale.data[c] = gamma.data[c] * invStd.data[c];
    return k.batchNormForward(dy, zeros, scale, ones, zeros);
  }

  /** running ← (1 − m)·running + m·batch, the variance unbiased (·M/(M − 1)) as PyTorch keeps it. */
  private updateRunningStats(mean: Tensor, variance: Tensor, M: number): void {
    const m = this.momentum;
    const runningMean = this.runningMean.value.data;
    const runningVar = this.runningVar.value.data;
    for (let c = 0; c < this.numFeatures; c++) {
      runningMean[c] = (1 - m) * runningMean[c] + m * mean.data[c];
      runningVar[c] = (1 - m) * runningVar[c] + m * variance.data[c] * (M / (M - 1));
    }
  }

  parameters(): Parameter[] {
    return this.weight && this.bias ? [this.weight, this.bias] : [];
  }

  buffers(): Buffer[] {
    return [this.runningMean, this.runningVar];
  }

  toSpec(): LayerSpec {
    const spec: LayerSpec = { type: this.name, numFeatures: this.numFeatures };
    if (this.eps !== 1e-5) spec.eps = this.eps;
    if (this.momentum !== 0.1) spec.momentum = this.momentum;
    if (!this.weight) spec.affine = false;
    return spec;
  }
}

/**
 * BatchNorm1d: batch normalisation of features, x [N, C] → y [N, C] (see BatchNorm above).
 * Derivation: docs/math/batch-norm.md
 */
export class BatchNorm1d extends BatchNorm {
  readonly name = 'BatchNorm1d';
  constructor(numFeatures: number, options: BatchNormOptions = {}) {
    super('BatchNorm1d', numFeatures, options);
  }
  protected checkInput(inputShape: readonly number[]): void {
    checkShape('BatchNorm1d', inputShape, [ANY, this.numFeatures]);
  }
}

/**
 * BatchNorm2d: batch normalisation of image channels, x [N, C, H, W] → y [N, C, H, W], statistics
 * over N, H and W (see BatchNorm above).
 * Derivation: docs/math/batch-norm.md
 */
export class BatchNorm2d extends BatchNorm {
  readonly name = 'BatchNorm2d';
  constructor(numFeatures: number, options: BatchNormOptions = {}) {
    super('BatchNorm2d', numFeatures, options);
  }
  protected checkInput(inputShape: readonly number[]): void {
    checkShape('BatchNorm2d', inputShape, [ANY, this.numFeatures, ANY, ANY]);
  }
}

function batchNormDef<B extends BatchNorm>(type: string, BN: new (numFeatures: number, options: BatchNormOptions) => B): LayerDef<B> {
  return {
    type,
    options: ['numFeatures', 'eps', 'momentum', 'affine'],
    fromSpec: (r, { inputShapes: [shape] }) =>
      new BN(r.int('numFeatures', 1, inferDim(shape, 1)), { eps: r.number('eps'), momentum: r.number('momentum'), affine: r.bool('affine') }),
    toOnnx(e, layer, path, [x]) {
      const C = layer.numFeatures;
      // Without affine parameters γ = 1 and β = 0 are written out, since ONNX requires them.
      const scale = e.initializer(`${path}.weight`, layer.weight?.value ?? Tensor.full([C], 1));
      const bias = e.initializer(`${path}.bias`, layer.bias?.value ?? Tensor.zeros([C]));
      const mean = e.initializer(`${path}.runningMean`, layer.runningMean.value);
      const variance = e.initializer(`${path}.runningVar`, layer.runningVar.value);
      // ONNX's momentum weighs the old running value (PyTorch's weighs the new batch): 1 − m.
      // It only matters to a runtime that trains; inference uses the running statistics.
      return e.node('BatchNormalization', `${path}.BatchNormalization`, [x, scale, bias, mean, variance], {
        epsilon: { float: layer.eps },
        momentum: { float: 1 - layer.momentum },
      });
    },
    torch(layer) {
      const list: TorchEntry[] = [];
      if (layer.weight) list.push({ local: 'weight', torch: 'weight', tensor: layer.weight.value });
      if (layer.bias) list.push({ local: 'bias', torch: 'bias', tensor: layer.bias.value });
      list.push({ local: 'runningMean', torch: 'running_mean', tensor: layer.runningMean.value });
      list.push({ local: 'runningVar', torch: 'running_var', tensor: layer.runningVar.value });
      return list;
    },
  };
}

export const batchNorm1dDef = batchNormDef('BatchNorm1d', BatchNorm1d);
export const batchNorm2dDef = batchNormDef('BatchNorm2d', BatchNorm2d);
