// SPDX-License-Identifier: MIT
// Adam (Kingma & Ba) with optional AMSGrad, and AdamW (decoupled weight decay, Loshchilov &
// Hutter), following torch.optim.Adam / AdamW's single-tensor update so fixtures match.
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

type Values = Float32Array | Float64Array;

/**
 * One Adam step without AMSGrad or L2 decay: θ ← θ·decay (decoupled decay, 1 for none), then the
 * moment updates and θ ← θ − stepSize·m / (√v / √(1 − β₂ᵗ) + ε), statement for statement as the
 * general loop in Adam.step (each store rounds to the parameter's dtype at the same points).
 */
function adamStep(theta: Values, g: Values, m: Values, v: Values, c: {
  beta1: number; beta2: number; eps: number; decay: number; stepSize: number; biasCorrection2Sqrt: number;
}): void {
  const { beta1, beta2, eps, decay, stepSize, biasCorrection2Sqrt } = c;
  for (let k = 0; k < theta.length; k++) {
    const gk = g[k];
    theta[k] *= decay;
    m[k] = beta1 * m[k] + (1 - beta1) * gk;
    v[k] = beta2 * v[k] + (1 - beta2) * gk * gk;
    theta[k] -= (stepSize * m[k]) / (Math.sqrt(v[k]) / biasCorrection2Sqrt + eps);
  }
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
    [this.beta1, this.beta2] = options.betas ?? [0.9, 0.999];
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
    const biasCorrection1 = 1 - beta1 ** t;
    const biasCorrection2Sqrt = Math.sqrt(1 - beta2 ** t);
    this.params.forEach((p, i) => {
      if (!p.requiresGrad) return; // PyTorch skips a parameter without grad the same way
      const lr = this.lrOf(i);
      const stepSize = lr / biasCorrection1;
      const theta = p.value.data;
      const g = p.grad.data;
      const m = this.buffer('expAvg', i).data;
      const v = this.buffer('expAvgSq', i).data;
      const vMax = amsgrad ? this.buffer('maxExpAvgSq', i).data : null;
      if (!vMax && (weightDecay === 0 || decoupled)) {
        // The common cases (Adam without decay, AdamW) as one branch-free loop: θ·1 is θ exactly.
        const decay = weightDecay === 0 ? 1 : 1 - lr * weightDecay;
        adamStep(theta, g, m, v, { beta1, beta2, eps, decay, stepSize, biasCorrection2Sqrt });
        return;
      }
      for (let k = 0; k < theta.length; k++) {
        let gk = g[k];
        if (weightDecay !== 0) {
          if (decoupled) theta[k] *= 1 - lr * weightDecay;
          else gk += weightDecay * theta[k];
        }
        m[k] = beta1 * m[k] + (1 - beta1) * gk;
        v[k] = beta2 * v[k] + (1 - beta2) * gk * gk;
        let vk = v[k];
        if (vMax) {
          if (vk > vMax[k]) vMax[k] = vk;
          vk = vMax[k];
        }
        const denom = Math.sqrt(vk) / biasCorrection2Sqrt + eps;
        theta[k] -= (stepSize * m[k]) / denom;
      }
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
