// SPDX-License-Identifier: MIT
// Reference optimizer updates, in place over θ and the optimizer's state, statement for statement
// as torch.optim.SGD / Adam / AdamW's single-tensor loops (every product and sum in float64, each
// store rounding to the parameter's dtype), so the golden fixtures match step for step. The wasm
// twins compute in float64 lanes with the same operations in the same order: bit-identical.
import type { AdamCoefficients, SgdCoefficients } from '../backend.js';
import type { Tensor } from '../../tensor/tensor.js';
import { commonDtype } from './common.js';

type Values = Float32Array | Float64Array;

/** θ ← θ − ηg: the common case (no momentum, no weight decay) as its own loop without branches. */
function plainSgd(theta: Values, g: Values, lr: number): void {
  for (let k = 0; k < theta.length; k++) theta[k] -= lr * g[k];
}

/**
 * SGD on one parameter θ with gradient g and momentum buffer b (null without momentum):
 *   d ← g + λθ;   b ← d (first step) or μb + (1 − τ)d;   d ← d + μb (Nesterov) or b;   θ ← θ − ηd
 */
export function sgdStep(theta: Tensor, g: Tensor, buf: Tensor | null, c: SgdCoefficients): void {
  commonDtype('sgdStep', theta, g, buf);
  const { lr, momentum: mu, dampening, nesterov, weightDecay, first } = c;
  const t = theta.data, gd = g.data, b = buf?.data ?? null;
  if (!b && weightDecay === 0) return plainSgd(t, gd, lr);
  for (let k = 0; k < t.length; k++) {
    let d = gd[k];
    if (weightDecay !== 0) d += weightDecay * t[k];
    if (b) {
      b[k] = first ? d : mu * b[k] + (1 - dampening) * d;
      d = nesterov ? d + mu * b[k] : b[k];
    }
    t[k] -= lr * d;
  }
}

/** Adam without AMSGrad or L2 decay (θ·decay is θ exactly for decay 1): one branch-free loop. */
function commonAdam(theta: Values, g: Values, m: Values, v: Values, c: AdamCoefficients): void {
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
 * Adam / AdamW on one parameter θ with gradient g, moments m, v and (AMSGrad) vMax:
 *   g ← g + λθ (L2);   θ ← θ·decay (AdamW);   m ← β₁m + (1 − β₁)g;   v ← β₂v + (1 − β₂)g²;
 *   vMax ← max(vMax, v);   θ ← θ − stepSize · m / (√v / √(1 − β₂ᵗ) + ε)   (vMax for v with AMSGrad)
 */
export function adamStep(theta: Tensor, g: Tensor, m: Tensor, v: Tensor, vMax: Tensor | null, c: AdamCoefficients): void {
  commonDtype('adamStep', theta, g, m, v, vMax);
  const { beta1, beta2, eps, l2, decay, stepSize, biasCorrection2Sqrt } = c;
  const t = theta.data, gd = g.data, md = m.data, vd = v.data, vm = vMax?.data ?? null;
  if (!vm && l2 === 0) return commonAdam(t, gd, md, vd, c);
  for (let k = 0; k < t.length; k++) {
    let gk = gd[k];
    if (decay !== 1) t[k] *= decay;
    if (l2 !== 0) gk += l2 * t[k];
    md[k] = beta1 * md[k] + (1 - beta1) * gk;
    vd[k] = beta2 * vd[k] + (1 - beta2) * gk * gk;
    let vk = vd[k];
    if (vm) {
      if (vk > vm[k]) vm[k] = vk;
      vk = vm[k];
    }
    t[k] -= (stepSize * md[k]) / (Math.sqrt(vk) / biasCorrection2Sqrt + eps);
  }
}
