// SPDX-License-Identifier: MIT
// Reference element-wise kernels: activations, their derivatives, and the product a ⊙ b.
// Each activation is written once as f(x) and once as f'(x) (given x and y = f(x)).
import type { Activation } from '../backend.js';
import { formatShape, Tensor } from '../../tensor/tensor.js';
import { commonDtype } from './common.js';
import { erf, erfc } from './erf.js';

const INV_SQRT2 = Math.SQRT1_2;
const INV_SQRT_2PI = 0.3989422804014327; // 1/√(2π)
const SQRT_2_OVER_PI = 0.7978845608028654; // √(2/π), GELU's tanh approximation
const GELU_CUBIC = 0.044715;

/** σ(x) = 1/(1 + e^{−x}), written so that e^{±x} never overflows. */
export function sigmoid(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

/** Φ(x), the standard normal CDF = ½·erfc(−x/√2) (erfc keeps precision in the far left tail). */
function normalCdf(x: number): number {
  return x < 0 ? 0.5 * erfc(-x * INV_SQRT2) : 0.5 * (1 + erf(x * INV_SQRT2));
}

/** log(1 + e^z) without overflow: max(z, 0) + log1p(e^{−|z|}). */
function softplusOf(z: number): number {
  return Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
}

/** relu6(x + 3) = min(max(x + 3, 0), 6), the ramp of hardsigmoid and hardswish. */
function ramp(x: number): number {
  return Math.min(Math.max(x + 3, 0), 6);
}

/** tanh(√(2/π)(x + 0.044715x³)). */
function geluTanhInner(x: number): number {
  return Math.tanh(SQRT_2_OVER_PI * (x + GELU_CUBIC * x * x * x));
}

function forwardOne(f: Activation, x: number): number {
  switch (f.kind) {
    case 'relu':
      return x > 0 || x !== x ? x : 0; // NaN stays NaN, as PyTorch: a ReLU must not hide a diverged input
    case 'leakyRelu':
      return x > 0 ? x : f.negativeSlope * x;
    case 'sigmoid':
      return sigmoid(x);
    case 'tanh':
      return Math.tanh(x);
    case 'gelu':
      return x * normalCdf(x);
    case 'softplus':
      // PyTorch: the identity once β·x > threshold.
      return f.beta * x > f.threshold ? x : softplusOf(f.beta * x) / f.beta;
    case 'geluTanh':
      return 0.5 * x * (1 + geluTanhInner(x));
    case 'relu6':
      return x > 0 || x !== x ? (x < 6 || x !== x ? x : 6) : 0; // NaN stays NaN, as PyTorch's clamp
    case 'hardsigmoid':
      return ramp(x) / 6;
    case 'hardswish':
      return (x * ramp(x)) / 6; // as PyTorch: x·min(max(x + 3, 0), 6)/6, so −0 at x = −3
    case 'silu':
      return x * sigmoid(x);
    case 'elu':
      return x > 0 ? x : f.alpha * Math.expm1(x);
    case 'mish':
      return x * Math.tanh(softplusOf(x));
  }
}

/** f'(x); y = f(x) is used where the derivative is cheapest in terms of it. */
function derivativeOne(f: Activation, x: number, y: number): number {
  switch (f.kind) {
    case 'relu':
      return x > 0 ? 1 : 0; // 0 at x = 0, as PyTorch
    case 'leakyRelu':
      return x > 0 ? 1 : f.negativeSlope;
    case 'sigmoid':
      return y * (1 - y); // σ' = σ(1 − σ)
    case 'tanh':
      return 1 - y * y; // tanh' = 1 − tanh²
    case 'gelu':
      return normalCdf(x) + x * INV_SQRT_2PI * Math.exp(-0.5 * x * x); // Φ(x) + x·φ(x)
    case 'softplus':
      return f.beta * x > f.threshold ? 1 : sigmoid(f.beta * x); // d/dx (1/β)log(1 + e^{βx}) = σ(βx)
    case 'geluTanh': {
      // Beyond |x| = 10 the tanh is ±1 exactly and the derivative 1 or 0 (x²·0 would be NaN for huge x).
      if (Math.abs(x) > 10) return x > 0 ? 1 : 0;
      const t = geluTanhInner(x);
      return 0.5 * (1 + t) + 0.5 * x * (1 - t * t) * SQRT_2_OVER_PI * (1 + 3 * GELU_CUBIC * x * x);
    }
    case 'relu6':
      return x > 0 && x < 6 ? 1 : 0; // 0 at both kinks, as PyTorch
    case 'hardsigmoid':
      return x > -3 && x < 3 ? 1 / 6 : 0; // 0 at both kinks, as PyTorch
    case 'hardswish':
      // PyTorch's: 0 below −3, x/3 + ½ on [−3, 3) (so −½ at −3), 1 from 3 on.
      return x < -3 ? 0 : x < 3 ? x / 3 + 0.5 : 1;
    case 'silu': {
      const s = sigmoid(x);
      return s * (1 + x * (1 - s)); // σ + x·σ(1 − σ)
    }
    case 'elu':
      return x > 0 ? 1 : f.alpha * Math.exp(x); // α at x = 0, as PyTorch
    case 'mish': {
      const t = Math.tanh(softplusOf(x));
      return t + x * sigmoid(x) * (1 - t * t); // tanh(sp) + x·σ(x)·sech²(sp), since sp' = σ
    }
  }
}

function checkSameShape(kernel: string, a: Tensor, b: Tensor, whatA: string, whatB: string): void {
  if (a.size !== b.size || a.rank !== b.rank || a.shape.some((d, i) => d !== b.shape[i])) {
    throw new Error(`${kernel}: ${whatA} ${formatShape(a.shape)} and ${whatB} ${formatShape(b.shape)} must have the same shape`);
  }
}

/** y = f(x) element-wise. */
export function activation(f: Activation, x: Tensor): Tensor {
  const y = Tensor.zeros(x.shape, x.dtype);
  for (let i = 0; i < x.size; i++) y.data[i] = forwardOne(f, x.data[i]);
  return y;
}

/** dx = f'(x) ⊙ dy. */
export function activationBackward(f: Activation, x: Tensor, y: Tensor, dy: Tensor): Tensor {
  const dtype = commonDtype('activationBackward', x, y, dy);
  checkSameShape('activationBackward', x, y, 'x', 'y');
  checkSameShape('activationBackward', x, dy, 'x', 'dy');
  const dx = Tensor.zeros(x.shape, dtype);
  for (let i = 0; i < x.size; i++) dx.data[i] = derivativeOne(f, x.data[i], y.data[i]) * dy.data[i];
  return dx;
}

/** a ⊙ b. */
export function mul(a: Tensor, b: Tensor): Tensor {
  const dtype = commonDtype('mul', a, b);
  checkSameShape('mul', a, b, 'a', 'b');
  const out = Tensor.zeros(a.shape, dtype);
  for (let i = 0; i < a.size; i++) out.data[i] = a.data[i] * b.data[i];
  return out;
}
