// SPDX-License-Identifier: MIT
// Reference element-wise kernels: activations, their derivatives, and the product a ⊙ b.
// Each activation is written once as f(x) and once as f'(x) (given x and y = f(x)).
import type { Activation } from '../backend.js';
import { formatShape, Tensor } from '../../tensor/tensor.js';
import { commonDtype } from './common.js';
import { erf, erfc } from './erf.js';

const INV_SQRT2 = Math.SQRT1_2;
const INV_SQRT_2PI = 0.3989422804014327; // 1/√(2π)

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
