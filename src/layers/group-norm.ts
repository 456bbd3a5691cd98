// SPDX-License-Identifier: MIT
// Group normalisation (Wu & He, 2018): the C channels of each sample are split into numGroups
// groups, and each group of each sample is normalised by its own mean and variance (no running
// statistics, the same in train and eval), then scaled and shifted per channel. numGroups = 1 is
// LayerNorm over [C, H, W] with per-channel γ, β; numGroups = C is instance normalisation.
import type { GroupNormView } from '../kernels/backend.js';
import { kernels } from '../kernels/index.js';
import { checkShape, requireSaved, ShapeError } from '../tensor/shape.js';
import { formatShape, Parameter, Tensor, type Buffer } from '../tensor/tensor.js';
import { checkDtype, checkInteger, gradOrScratch, inferDim } from './common.js';
import type { Layer, LayerSpec, Mode } from './layer.js';
import type { LayerDef, TorchEntry } from './registry.js';

export interface GroupNormOptions {
  /** Added to the variance before the square root (default 1e-5). */
  eps?: number;
  /** Whether the layer learns per-channel γ (weight) and β (bias) (default true). */
  affine?: boolean;
}

interface Saved {
  xHat: Tensor;
  invStd: Tensor; // 1/√(σ² + ε) per (sample, group)
  gamma: Tensor;
  view: GroupNormView;
  inputShape: readonly number[];
}

/**
 * GroupNorm over groups g of C/G channels, K = (C/G)·S entries per (n, g), S = ∏ spatial dims:
 *   μ, σ² = mean and biased var of x[n, g], x̂ = (x − μ)/√(σ² + ε), y = γ[c]·x̂ + β[c]
 * Shapes: x [N, C, *] (any trailing dims, none included) → y of the same shape; γ, β [C].
 * Backward: dγ[c] += Σ dy⊙x̂,  dβ[c] += Σ dy,  dx = 1/√(σ² + ε) · (dx̂ − mean(dx̂) − x̂·mean(dx̂⊙x̂)),
 *           dx̂ = γ[c]·dy, means over the K entries of (n, g).
 * Derivation: docs/math/group-norm.md
 */
export class GroupNorm implements Layer {
  readonly name = 'GroupNorm';
  readonly eps: number;
  readonly weight: Parameter | null;
  readonly bias: Parameter | null;
  private saved: Saved | null = null;

  constructor(
    readonly numGroups: number,
    readonly numChannels: number,
    options: GroupNormOptions = {},
  ) {
    const { eps = 1e-5, affine = true } = options;
    checkInteger('GroupNorm', 'numGroups', numGroups);
    checkInteger('GroupNorm', 'numChannels', numChannels);
    if (numChannels % numGroups !== 0) {
      throw new Error(`GroupNorm: numChannels (${numChannels}) must be divisible by numGroups (${numGroups})`);
    }
    if (!(eps > 0)) throw new Error(`GroupNorm: eps must be > 0, got ${eps}`);
    this.eps = eps;
    this.weight = affine ? new Parameter('weight', Tensor.full([numChannels], 1)) : null;
    this.bias = affine ? new Parameter('bias', Tensor.zeros([numChannels])) : null;
  }

  outputShape(inputShape: readonly number[]): number[] {
    if (inputShape.length < 2 || inputShape[1] !== this.numChannels) {
      throw new ShapeError(`GroupNorm: expected input of shape [N, ${this.numChannels}, *] (numChannels), got ${formatShape(inputShape)}`);
    }
    return [...inputShape];
  }

  forward(x: Tensor, _mode: Mode): Tensor {
    this.outputShape(x.shape);
    if (this.weight) checkDtype(this.name, x, this.weight);
    const C = this.numChannels;
    const view: GroupNormView = { N: x.shape[0], C, S: x.size / (x.shape[0] * C), groups: this.numGroups };
    const gamma = this.weight ? this.weight.value : Tensor.full([C], 1, x.dtype);
    const beta = this.bias ? this.bias.value : Tensor.zeros([C], x.dtype);
    const { y, xHat, invStd } = kernels().groupNormForward(x, view, this.eps, gamma, beta); // y = γ[c]·x̂ + β[c]
    this.saved = { xHat, invStd, gamma, view, inputShape: x.shape };
    return y;
  }

  backward(dy: Tensor): Tensor {
    const { xHat, invStd, gamma, view, inputShape } = requireSaved(this.name, this.saved);
    checkShape(this.name, dy, inputShape, 'dy');
    const C = this.numChannels;
    // Without affine parameters, or frozen ones, the γ and β gradients go to scratch and are dropped.
    const dGamma = gradOrScratch(this.weight, [C], dy.dtype);
    const dBeta = gradOrScratch(this.bias, [C], dy.dtype);
    // dγ += Σ dy⊙x̂, dβ += Σ dy, dx = invStd·(dx̂ − mean(dx̂) − x̂·mean(dx̂⊙x̂)) with dx̂ = γ[c]·dy
    return kernels().groupNormBackward(dy, xHat, invStd, view, gamma, dGamma, dBeta);
  }

  parameters(): Parameter[] {
    return this.weight && this.bias ? [this.weight, this.bias] : [];
  }

  buffers(): Buffer[] {
    return [];
  }

  toSpec(): LayerSpec {
    const spec: LayerSpec = { type: 'GroupNorm', numGroups: this.numGroups, numChannels: this.numChannels };
    if (this.eps !== 1e-5) spec.eps = this.eps;
    if (!this.weight) spec.affine = false;
    return spec;
  }
}

export const groupNormDef: LayerDef<GroupNorm> = {
  type: 'GroupNorm',
  options: ['numGroups', 'numChannels', 'eps', 'affine'],
  fromSpec: (r, { inputShapes: [shape] }) => {
    const numGroups = r.int('numGroups', 1);
    return new GroupNorm(numGroups, r.int('numChannels', 1, inferDim(shape, 1)), { eps: r.number('eps'), affine: r.bool('affine') });
  },
  /**
   * As PyTorch exports it: Reshape to [N, G, −1], InstanceNormalization with scale 1 and bias 0 per
   * group, Reshape back to x's shape, then Mul γ and Add β per channel (broadcast as [C, 1, …]).
   * ONNX's GroupNormalization is left alone: opset 18 defined its scale per group, 21 per channel.
   */
  toOnnx(e, layer, path, [x], [shape]) {
    const G = layer.numGroups;
    const C = layer.numChannels;
    const grouped = e.node('Reshape', `${path}.Reshape`, [x, e.int64s(`${path}.grouped_shape`, [0, G, -1])]);
    const unitScale = e.initializer(`${path}.group_scale`, Tensor.full([G], 1));
    const zeroBias = e.initializer(`${path}.group_bias`, Tensor.zeros([G]));
    const normalised = e.node('InstanceNormalization', `${path}.InstanceNormalization`, [grouped, unitScale, zeroBias], {
      epsilon: { float: layer.eps },
    });
    const restored = e.node('Reshape', `${path}.Reshape_back`, [normalised, e.node('Shape', `${path}.Shape`, [x])]);
    if (!layer.weight || !layer.bias) return restored;
    const perChannel = [C, ...shape.slice(2).map(() => 1)];
    const gamma = e.initializer(`${path}.weight`, layer.weight.value.reshape(perChannel));
    const beta = e.initializer(`${path}.bias`, layer.bias.value.reshape(perChannel));
    return e.node('Add', `${path}.Add`, [e.node('Mul', `${path}.Mul`, [restored, gamma]), beta]);
  },
  torch(layer) {
    const list: TorchEntry[] = [];
    if (layer.weight) list.push({ local: 'weight', torch: 'weight', tensor: layer.weight.value });
    if (layer.bias) list.push({ local: 'bias', torch: 'bias', tensor: layer.bias.value });
    return list;
  },
};
