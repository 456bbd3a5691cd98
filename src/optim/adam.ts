// SPDX-License-Identifier: MIT
// Adam (Kingma & Ba) with optional AMSGrad, and AdamW (decoupled weight decay, Loshchilov &
// Hutter), following torch.optim.Adam / AdamW's single-tensor update so fixtures match.
import { kernels } from '../kernels/index.js';
import type { Parameter } from '../tensor/tensor.js';
import { checkCoefficient, Optimizer, type ParamGroup } from './optimizer.js';

export interface AdamOptions {
  lr?: number;
  /** Parameter groups with their own lr (PyTorch's param_groups); the rest use lr. */
  groups?: readonly ParamGroup[];
  betas?: [number, number];
  eps?: number;
  weightDecay?: number;
  amsgrad?: boolean;
}

/**
 * Adam, per parameter θ with gradient g at step t (1-based):
 *   g ← g + λθ                        (Adam: L2 decay folded into the gradient)
 *   θ ← θ(1 − ηλ)                     (AdamW: decoupled decay, instead of the line above)
 *   m ← β₁m + (1 − β₁)g,   v ← β₂v + (1 − β₂)g²
 *   v̂max ← max(v̂max, v)               (AMSGrad; the denominator then uses v̂max)
 *   θ ← θ − (η / (1 − β₁ᵗ)) · m / (√v / √(1 − β₂ᵗ) + ε)
 * The ε sits outside the bias-corrected square root, exactly where PyTorch puts it.
 */
export class Adam extends Optimizer {
  readonly type: string = 'Adam';
  private beta1: number;
  readonly beta2: number;
  readonly eps: number;
  readonly weightDecay: number;
  readonly amsgrad: boolean;
  /** True for AdamW: weight decay multiplies θ instead of adding to g. */
  protected readonly decoupled: boolean = false;

  constructor(params: Parameter[], options: AdamOptions = {}, defaultWeightDecay = 0) {
    super(params, options.lr ?? 0.001, options.groups);
    const betas = options.betas ?? [0.9, 0.999];
    if (!Array.isArray(betas) || betas.length !== 2) throw new Error(`${new.target.name}: betas must be a pair [β1, β2], got ${String(betas)}`);
    [this.beta1, this.beta2] = betas;
    this.eps = options.eps ?? 1e-8;
    this.weightDecay = options.weightDecay ?? defaultWeightDecay;
    this.amsgrad = options.amsgrad ?? false;
    const name = new.target.name;
    checkCoefficient(name, 'betas[0]', this.beta1, 0, 1, true);
    checkCoefficient(name, 'betas[1]', this.beta2, 0, 1, true);
    checkCoefficient(name, 'eps', this.eps, 0, Infinity);
    checkCoefficient(name, 'weightDecay', this.weightDecay, 0, Infinity);
  }

  get momentum(): number | null {
    return this.beta1;
  }

  set momentum(value: number) {
    checkCoefficient(this.type, 'betas[0]', value, 0, 1, true);
    this.beta1 = value;
  }

  /**
   * One step for every parameter that trains; frozen ones (requiresGrad false) are left alone,
   * moments and decay included. The bias correction uses the optimizer's step count t, so a
   * parameter unfrozen after some steps starts with moments corrected for t (PyTorch counts steps
   * per parameter: its first steps would be larger).
   */
  step(): void {
    const { beta1, beta2, eps, weightDecay, amsgrad, decoupled } = this;
    const t = this.stepCount + 1;
    const biasCorrection2Sqrt = Math.sqrt(1 - beta2 ** t);
    const l2 = decoupled ? 0 : weightDecay;
    this.params.forEach((p, i) => {
      if (!p.requiresGrad) return; // PyTorch skips a parameter without grad the same way
      const lr = this.lrOf(i); // its group's rate
      const stepSize = lr / (1 - beta1 ** t);
      const decay = decoupled && weightDecay !== 0 ? 1 - lr * weightDecay : 1;
      const m = this.buffer('expAvg', i);
      const v = this.buffer('expAvgSq', i);
      const vMax = amsgrad ? this.buffer('maxExpAvgSq', i) : null;
      kernels().adamStep(p.value, p.grad, m, v, vMax, { beta1, beta2, eps, stepSize, biasCorrection2Sqrt, l2, decay }); // ref/optim.ts
    });
    this.stepCount = t;
  }

  protected options(): Record<string, number | boolean> {
    return { beta1: this.beta1, beta2: this.beta2, eps: this.eps, weightDecay: this.weightDecay, amsgrad: this.amsgrad };
  }
}

/** AdamW: Adam with decoupled weight decay θ ← θ(1 − ηλ); λ defaults to 0.01 as in PyTorch. */
export class AdamW extends Adam {
  override readonly type: string = 'AdamW';
  protected override readonly decoupled: boolean = true;

  constructor(params: Parameter[], options: AdamOptions = {}) {
    super(params, options, 0.01);
  }
}
