// SPDX-License-Identifier: MIT
// Initialisers. Each fills a tensor in place from a seeded Rng; the formula is in the doc comment.
// Fans are passed explicitly because Nabla's Linear keeps W as [in, out] (PyTorch: [out, in]):
// use `fans(shape, layout)` to read them off a weight shape.
import type { Rng } from './rng.js';
import type { Tensor } from './tensor.js';

export type FanMode = 'fanIn' | 'fanOut';
export type Nonlinearity = 'linear' | 'sigmoid' | 'tanh' | 'relu' | 'leakyRelu';

export interface Fans {
  fanIn: number;
  fanOut: number;
}

/**
 * Fans of a weight shape.
 * - 'linear' ([in, out], the seed notes' layout): fanIn = in, fanOut = out.
 * - 'conv' ([outC, inC/groups, kH, kW], PyTorch's layout): fanIn = inC/groups·kH·kW, fanOut = outC·kH·kW.
 */
export function fans(shape: readonly number[], layout: 'linear' | 'conv'): Fans {
  if (layout === 'linear') {
    if (shape.length !== 2) throw new Error(`fans: linear weight must be [in, out], got [${shape.join(', ')}]`);
    return { fanIn: shape[0], fanOut: shape[1] };
  }
  if (shape.length < 2) throw new Error(`fans: conv weight must be [outC, inC, ...k], got [${shape.join(', ')}]`);
  let receptive = 1;
  for (let i = 2; i < shape.length; i++) receptive *= shape[i];
  return { fanIn: shape[1] * receptive, fanOut: shape[0] * receptive };
}

/**
 * Recommended gain for a nonlinearity (as torch.nn.init.calculate_gain):
 * linear/sigmoid 1, tanh 5/3, relu √2, leakyRelu √(2 / (1 + a²)).
 */
export function gain(nonlinearity: Nonlinearity, negativeSlope = 0.01): number {
  switch (nonlinearity) {
    case 'linear':
    case 'sigmoid':
      return 1;
    case 'tanh':
      return 5 / 3;
    case 'relu':
      return Math.SQRT2;
    case 'leakyRelu':
      return Math.sqrt(2 / (1 + negativeSlope * negativeSlope));
  }
}

/** t ← 0 */
export function zeros(t: Tensor): Tensor {
  t.data.fill(0);
  return t;
}

/** t ← c */
export function constant(t: Tensor, c: number): Tensor {
  t.data.fill(c);
  return t;
}

/** tᵢ ~ U(low, high) */
export function uniform(t: Tensor, rng: Rng, low = 0, high = 1): Tensor {
  for (let i = 0; i < t.size; i++) t.data[i] = rng.uniform(low, high);
  return t;
}

/** tᵢ ~ N(mean, std²) */
export function normal(t: Tensor, rng: Rng, mean = 0, std = 1): Tensor {
  for (let i = 0; i < t.size; i++) t.data[i] = rng.normal(mean, std);
  return t;
}

/** Xavier/Glorot uniform: U(−a, a) with a = gain·√(6 / (fanIn + fanOut)). */
export function xavierUniform(t: Tensor, rng: Rng, f: Fans, g = 1): Tensor {
  const a = g * Math.sqrt(6 / (f.fanIn + f.fanOut));
  return uniform(t, rng, -a, a);
}

/** Xavier/Glorot normal: N(0, σ²) with σ = gain·√(2 / (fanIn + fanOut)). */
export function xavierNormal(t: Tensor, rng: Rng, f: Fans, g = 1): Tensor {
  return normal(t, rng, 0, g * Math.sqrt(2 / (f.fanIn + f.fanOut)));
}

export interface KaimingOptions {
  /** Which fan keeps the variance: 'fanIn' (forward pass, default) or 'fanOut' (backward pass). */
  mode?: FanMode;
  nonlinearity?: Nonlinearity;
  /** Negative slope for 'leakyRelu'. */
  negativeSlope?: number;
}

/** Kaiming/He uniform: U(−b, b) with b = gain·√(3 / fan). */
export function kaimingUniform(t: Tensor, rng: Rng, f: Fans, options: KaimingOptions = {}): Tensor {
  const { mode = 'fanIn', nonlinearity = 'leakyRelu', negativeSlope = 0 } = options;
  const fan = mode === 'fanIn' ? f.fanIn : f.fanOut;
  const b = gain(nonlinearity, negativeSlope) * Math.sqrt(3 / fan);
  return uniform(t, rng, -b, b);
}

/** Kaiming/He normal: N(0, σ²) with σ = gain / √fan. */
export function kaimingNormal(t: Tensor, rng: Rng, f: Fans, options: KaimingOptions = {}): Tensor {
  const { mode = 'fanIn', nonlinearity = 'leakyRelu', negativeSlope = 0 } = options;
  const fan = mode === 'fanIn' ? f.fanIn : f.fanOut;
  return normal(t, rng, 0, gain(nonlinearity, negativeSlope) / Math.sqrt(fan));
}

/**
 * PyTorch's default for Linear and Conv weights: kaiming_uniform with a = √5, which works out to
 * U(−1/√fanIn, 1/√fanIn); biases use the same bound.
 */
export function defaultUniform(t: Tensor, rng: Rng, fanIn: number): Tensor {
  const bound = fanIn > 0 ? 1 / Math.sqrt(fanIn) : 0;
  return uniform(t, rng, -bound, bound);
}
