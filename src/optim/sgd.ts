// SPDX-License-Identifier: MIT
// Stochastic gradient descent with momentum, dampening, Nesterov and L2 weight decay,
// in PyTorch's update order (torch.optim.SGD), so the golden fixtures match step for step.
import { kernels } from '../kernels/index.js';
import type { Parameter } from '../tensor/tensor.js';
import { checkCoefficient, Optimizer, type ParamGroup } from './optimizer.js';

export interface SGDOptions {
  lr?: number;
  /** Parameter groups with their own lr (PyTorch's param_groups); the rest use lr. */
  groups?: readonly ParamGroup[];
  momentum?: number;
  dampening?: number;
  nesterov?: boolean;
  weightDecay?: number;
}

/**
 * SGD, per parameter θ with gradient g (μ momentum, τ dampening, λ weight decay, η lr):
 *   g ← g + λθ
 *   b ← g                          on the first step (the buffer starts as a copy, undampened)
 *   b ← μb + (1 − τ)g              afterwards
 *   d ← g + μb  (Nesterov)   or   d ← b        (μ > 0),   d ← g (μ = 0)
 *   θ ← θ − ηd
 */
export class SGD extends Optimizer {
  readonly type = 'SGD';
  private mu: number;
  readonly dampening: number;
  readonly nesterov: boolean;
  readonly weightDecay: number;

  constructor(params: Parameter[], options: SGDOptions = {}) {
    super(params, options.lr ?? 0.01, options.groups);
    this.mu = options.momentum ?? 0;
    this.dampening = options.dampening ?? 0;
    this.nesterov = options.nesterov ?? false;
    this.weightDecay = options.weightDecay ?? 0;
    checkCoefficient('SGD', 'momentum', this.mu, 0, 1);
    checkCoefficient('SGD', 'dampening', this.dampening, 0, 1);
    checkCoefficient('SGD', 'weightDecay', this.weightDecay, 0, Infinity);
    if (this.nesterov && (this.mu <= 0 || this.dampening !== 0)) {
      throw new Error('SGD: Nesterov momentum needs momentum > 0 and dampening 0 (as in PyTorch)');
    }
  }

  get momentum(): number | null {
    return this.mu;
  }

  set momentum(value: number) {
    checkCoefficient('SGD', 'momentum', value, 0, 1);
    this.mu = value;
  }

  /** One step for every parameter that trains; frozen ones (requiresGrad false) are left alone, momentum and decay included. */
  step(): void {
    const { mu: momentum, dampening, weightDecay, nesterov } = this;
    this.params.forEach((p, i) => {
      if (!p.requiresGrad) return; // PyTorch skips a parameter without grad the same way
      const lr = this.lrOf(i); // its group's rate
      const first = momentum !== 0 && this.peek('momentumBuffer', i) === null;
      const buf = momentum !== 0 ? this.buffer('momentumBuffer', i) : null;
      kernels().sgdStep(p.value, p.grad, buf, { lr, momentum, dampening, nesterov, weightDecay, first }); // ref/optim.ts
    });
    this.stepCount++;
  }

  protected options(): Record<string, number | boolean> {
    return { momentum: this.mu, dampening: this.dampening, nesterov: this.nesterov, weightDecay: this.weightDecay };
  }
}
