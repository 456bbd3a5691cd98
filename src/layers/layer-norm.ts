// SPDX-License-Identifier: MIT
// Layer normalisation over the last k dims (PyTorch's normalized_shape): every instance (every
// position of the leading dims) is normalised by its own mean and variance, in train and eval
// alike, then scaled and shifted elementwise. The kernels are group normalisation's with one group.
import type { GroupNormView } from '../kernels/backend.js';
import { kernels } from '../kernels/index.js';
import { checkShape, requireSaved, ShapeError } from '../tensor/shape.js';
import { formatShape, Parameter, Tensor, type Buffer } from '../tensor/tensor.js';
import { checkDtype, checkInteger, gradOrScratch } from './common.js';
import type { Layer, LayerSpec, Mode } from './layer.js';
import type { LayerDef, TorchEntry } from './registry.js';

export interface LayerNormOptions {
  /** Added to the variance before the square root (default 1e-5). */
  eps?: number;
  /** Whether the layer learns γ (weight) and β (bias) of normalizedShape (default true). */
  elementwiseAffine?: boolean;
  /** With elementwiseAffine: whether it learns β (default true, PyTorch's `bias`). */
  bias?: boolean;
}

/** What backward needs from the last forward. */
interface Saved {
  xHat: Tensor;
  invStd: Tensor; // 1/√(σ² + ε) per instance
  gamma: Tensor;
  view: GroupNormView;
  inputShape: readonly number[];
}

/**
 * LayerNorm over the last k dims D = normalizedShape (M = ∏D entries per instance):
 *   μ = mean(x), σ² = biased var(x) over those M entries, x̂ = (x − μ)/√(σ² + ε), y = γ⊙x̂ + β  (γ, β of shape D)
 * Shapes: x [..., ...D] → y of the same shape.
 * Backward: dγ += Σ dy⊙x̂,  dβ += Σ dy (over the leading dims),
 *           dx = 1/√(σ² + ε) · (dx̂ − mean(dx̂) − x̂·mean(dx̂⊙x̂)),  dx̂ = γ⊙dy
 * Derivation: docs/math/layer-norm.md
 */
export class LayerNorm implements Layer {
  readonly name = 'LayerNorm';
  readonly normalizedShape: readonly number[];
  readonly eps: number;
  readonly weight: Parameter | null;
  readonly bias: Parameter | null;
  private saved: Saved | null = null;

  constructor(normalizedShape: number | readonly number[], options: LayerNormOptions = {}) {
    const { eps = 1e-5, elementwiseAffine = true, bias = true } = options;
    const dims = typeof normalizedShape === 'number' ? [normalizedShape] : [...normalizedShape];
    if (dims.length === 0) throw new Error('LayerNorm: normalizedShape must name at least one dim');
    for (const d of dims) checkInteger('LayerNorm', 'every dim of normalizedShape', d);
    if (!(eps > 0)) throw new Error(`LayerNorm: eps must be > 0, got ${eps}`);
    this.normalizedShape = dims;
    this.eps = eps;
    this.weight = elementwiseAffine ? new Parameter('weight', Tensor.full(dims, 1)) : null;
    this.bias = elementwiseAffine && bias ? new Parameter('bias', Tensor.zeros(dims)) : null;
  }

  /** Entries per instance, ∏ normalizedShape. */
  get size(): number {
    return this.normalizedShape.reduce((a, b) => a * b, 1);
  }

  outputShape(inputShape: readonly number[]): number[] {
    const k = this.normalizedShape.length;
    const tail = inputShape.slice(inputShape.length - k);
    if (inputShape.length < k + 1 || tail.some((d, i) => d !== this.normalizedShape[i])) {
      throw new ShapeError(
        `LayerNorm: expected input of shape [N, ..., ${this.normalizedShape.join(', ')}] (normalizedShape), got ${formatShape(inputShape)}`,
      );
    }
    return [...inputShape];
  }

  forward(x: Tensor, _mode: Mode): Tensor {
    this.outputShape(x.shape);
    if (this.weight) checkDtype(this.name, x, this.weight);
    const M = this.size;
    const view: GroupNormView = { N: x.size / M, C: M, S: 1, groups: 1 };
    const gamma = this.weight ? this.weight.value : Tensor.full(this.normalizedShape, 1, x.dtype);
    const beta = this.bias ? this.bias.value : Tensor.zeros(this.normalizedShape, x.dtype);
    const { y, xHat, invStd } = kernels().groupNormForward(x, view, this.eps, gamma, beta); // y = γ⊙x̂ + β
    this.saved = { xHat, invStd, gamma, view, inputShape: x.shape };
    return y;
  }

  backward(dy: Tensor): Tensor {
    const { xHat, invStd, gamma, view, inputShape } = requireSaved(this.name, this.saved);
    checkShape(this.name, dy, inputShape, 'dy');
    // Without affine parameters, or frozen ones, the γ and β gradients go to scratch and are dropped.
    const dGamma = gradOrScratch(this.weight, this.normalizedShape, dy.dtype);
    const dBeta = gradOrScratch(this.bias, this.normalizedShape, dy.dtype);
    // dγ += Σ dy⊙x̂, dβ += Σ dy, dx = invStd·(dx̂ − mean(dx̂) − x̂·mean(dx̂⊙x̂)) with dx̂ = γ⊙dy
    return kernels().groupNormBackward(dy, xHat, invStd, view, gamma, dGamma, dBeta);
  }

  parameters(): Parameter[] {
    return [this.weight, this.bias].filter((p): p is Parameter => p !== null);
  }

  buffers(): Buffer[] {
    return [];
  }

  toSpec(): LayerSpec {
    const spec: LayerSpec = { type: 'LayerNorm', normalizedShape: [...this.normalizedShape] };
    if (this.eps !== 1e-5) spec.eps = this.eps;
    if (!this.weight) spec.elementwiseAffine = false;
    else if (!this.bias) spec.bias = false;
    return spec;
  }
}

export const layerNormDef: LayerDef<LayerNorm> = {
  type: 'LayerNorm',
  options: ['normalizedShape', 'eps', 'elementwiseAffine', 'bias'],
  fromSpec(r) {
    const normalizedShape = r.has('normalizedShape') && typeof r.spec.normalizedShape === 'number'
      ? r.int('normalizedShape', 1)
      : r.ints('normalizedShape', 1) ?? r.fail("missing 'normalizedShape' (the last dims to normalise, e.g. [C] or [C, H, W])");
    return new LayerNorm(normalizedShape, { eps: r.number('eps'), elementwiseAffine: r.bool('elementwiseAffine'), bias: r.bool('bias') });
  },
  toOnnx(e, layer, path, [x], [shape]) {
    const k = layer.normalizedShape.length;
    const scale = layer.weight?.value ?? Tensor.full(layer.normalizedShape, 1);
    const shift = layer.bias?.value ?? Tensor.zeros(layer.normalizedShape);
    if (e.opset >= 17) {
      const inputs = [x, e.initializer(`${path}.weight`, scale), e.initializer(`${path}.bias`, shift)];
      return e.node('LayerNormalization', `${path}.LayerNormalization`, inputs, { axis: { int: -k }, epsilon: { float: layer.eps } });
    }
    // Before opset 17: (x − mean)/√(var + ε)·γ + β with ReduceMean over the last k axes (attributes before 18).
    const axes = { ints: Array.from({ length: k }, (_, i) => shape.length - k + i) };
    const mean = e.node('ReduceMean', `${path}.ReduceMean`, [x], { axes, keepdims: { int: 1 } });
    const centred = e.node('Sub', `${path}.Sub`, [x, mean]);
    const squared = e.node('Mul', `${path}.Mul_square`, [centred, centred]);
    const variance = e.node('ReduceMean', `${path}.ReduceMean_var`, [squared], { axes, keepdims: { int: 1 } });
    const std = e.node('Sqrt', `${path}.Sqrt`, [e.node('Add', `${path}.Add_eps`, [variance, e.scalar(`${path}.eps`, layer.eps)])]);
    const normalised = e.node('Div', `${path}.Div`, [centred, std]);
    const scaled = e.node('Mul', `${path}.Mul`, [normalised, e.initializer(`${path}.weight`, scale)]);
    return e.node('Add', `${path}.Add`, [scaled, e.initializer(`${path}.bias`, shift)]);
  },
  torch(layer) {
    const list: TorchEntry[] = [];
    if (layer.weight) list.push({ local: 'weight', torch: 'weight', tensor: layer.weight.value });
    if (layer.bias) list.push({ local: 'bias', torch: 'bias', tensor: layer.bias.value });
    return list;
  },
};
