// SPDX-License-Identifier: MIT
// Shared pieces of the kernel suite: seeded random tensors, case names and tolerances that
// grow with the length of a reduction.
import type { CloseOptions } from '../helpers/close.js';
import { type DType, Tensor } from '../../src/tensor/tensor.js';
import type { Rng } from '../../src/tensor/rng.js';

export const DTYPES: readonly DType[] = ['float32', 'float64'];

/** Sizes on both sides of the SIMD width (4 lanes of float32) and of common tile sizes. */
export const SIZES = [1, 3, 4, 5, 7, 8, 17, 33, 64, 65] as const;

/** A tensor of normal draws (mean 0, standard deviation `scale`). */
export function randomTensor(rng: Rng, shape: readonly number[], dtype: DType, scale = 1): Tensor {
  const t = Tensor.zeros(shape, dtype);
  for (let i = 0; i < t.size; i++) t.data[i] = rng.normal(0, scale);
  return t;
}

/** A copy with every entry replaced by its absolute value. */
export function absTensor(t: Tensor): Tensor {
  const out = t.clone();
  for (let i = 0; i < out.size; i++) out.data[i] = Math.abs(out.data[i]);
  return out;
}

export function maxAbs(values: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < values.length; i++) m = Math.max(m, Math.abs(values[i]));
  return m;
}

/** Unit roundoff u: half the distance from 1 to the next number of the dtype. */
export function unitRoundoff(dtype: DType): number {
  return dtype === 'float32' ? 2 ** -24 : 2 ** -53;
}

/**
 * Tolerance for outputs that are sums of K terms whose absolute values add up to at most `magnitude`.
 * Any summation order (blocked, SIMD lanes, fused multiply-add) errs by at most γ_K·Σ|terms| with
 * γ_K ≈ K·u (Higham, Accuracy and Stability of Numerical Algorithms, §3.1); the factor 2 covers the
 * reference's own rounding and the final rounding of the result.
 */
export function reductionTolerance(dtype: DType, K: number, magnitude: number, name: string): CloseOptions {
  const u = unitRoundoff(dtype);
  return { rtol: 4 * u, atol: 2 * (K + 2) * u * magnitude + Number.MIN_VALUE, name };
}

/** Tolerance for element-wise functions (exp, log, erf...), which backends may approximate to a few ulps. */
export function elementwiseTolerance(dtype: DType, name: string): CloseOptions {
  return dtype === 'float32' ? { rtol: 4e-6, atol: 1e-7, name } : { rtol: 1e-12, atol: 1e-15, name };
}

export function shapeName(shape: readonly number[]): string {
  return `[${shape.join(',')}]`;
}
