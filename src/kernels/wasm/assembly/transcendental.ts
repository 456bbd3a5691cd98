// SPDX-License-Identifier: MIT
// SiLU, ELU, Mish, GELU (by erf and by tanh), sigmoid, tanh and softplus and their derivatives (and
// leaky ReLU's, which shares the loops), four lanes at a time, on one vector e^x:
// Cephes' expf (range reduction x = n·ln2 + r, a degree-6 polynomial for e^r on |r| ≤ ln2/2, 2^n
// put into the exponent bits), within ~2 ulp of float32. Each function is written so that e^x is
// only ever taken of a non-positive argument (σ(z) from e^{−|z|}), so nothing overflows; below
// −87.3 (where 2^n would leave the normal range) e^x is flushed to 0 — the reference's values
// there are below 1e-37. Tails of the loops go through the same vector code on a padded copy.

// @ts-ignore: decorator
@inline function splat(v: f32): v128 {
  return f32x4.splat(v);
}

/** e^x for x ≤ 0 (larger x is clamped to 0, giving 1); 0 below −87.3. */
// @ts-ignore: decorator
@inline function expNonPositive(x: v128): v128 {
  const lowest = splat(-87.3);
  const clamped = f32x4.max(f32x4.min(x, splat(0)), lowest);
  const n = f32x4.nearest(f32x4.mul(clamped, splat(1.44269504088896341))); // x·log₂e
  let r = f32x4.sub(clamped, f32x4.mul(n, splat(0.693359375))); // ln 2 in two parts (Cephes C1, C2)
  r = f32x4.sub(r, f32x4.mul(n, splat(-2.12194440e-4)));
  let p = splat(1.9875691500e-4);
  p = f32x4.add(f32x4.mul(p, r), splat(1.3981999507e-3));
  p = f32x4.add(f32x4.mul(p, r), splat(8.3334519073e-3));
  p = f32x4.add(f32x4.mul(p, r), splat(4.1665795894e-2));
  p = f32x4.add(f32x4.mul(p, r), splat(1.6666665459e-1));
  p = f32x4.add(f32x4.mul(p, r), splat(5.0000001201e-1));
  const e = f32x4.add(f32x4.mul(f32x4.mul(p, r), r), f32x4.add(r, splat(1))); // e^r
  const pow2 = i32x4.shl(i32x4.add(i32x4.trunc_sat_f32x4_s(n), i32x4.splat(127)), 23); // 2^n
  return v128.andnot(f32x4.mul(e, pow2), f32x4.lt(x, lowest));
}

/** σ(z) = 1/(1 + e^{−z}) for z ≥ 0, e^z/(1 + e^z) for z < 0, from e^{−|z|}. */
// @ts-ignore: decorator
@inline function sigmoidSimd(z: v128): v128 {
  const e = expNonPositive(f32x4.neg(f32x4.abs(z)));
  const one = splat(1);
  // One division: the numerator chosen first (the same quotients as two divisions and a select).
  return f32x4.div(v128.bitselect(e, one, f32x4.lt(z, splat(0))), f32x4.add(one, e));
}

/** e^x − 1 for x ≤ 0: Taylor to x⁸/8! above −0.5 (where e^x − 1 would cancel), e^x − 1 below. */
// @ts-ignore: decorator
@inline function expm1NonPositive(x: v128): v128 {
  let p = splat(<f32>(1.0 / 40320));
  p = f32x4.add(f32x4.mul(p, x), splat(<f32>(1.0 / 5040)));
  p = f32x4.add(f32x4.mul(p, x), splat(<f32>(1.0 / 720)));
  p = f32x4.add(f32x4.mul(p, x), splat(<f32>(1.0 / 120)));
  p = f32x4.add(f32x4.mul(p, x), splat(<f32>(1.0 / 24)));
  p = f32x4.add(f32x4.mul(p, x), splat(<f32>(1.0 / 6)));
  p = f32x4.add(f32x4.mul(p, x), splat(0.5));
  p = f32x4.add(f32x4.mul(p, x), splat(1));
  const taylor = f32x4.mul(p, x);
  return v128.bitselect(taylor, f32x4.sub(expNonPositive(x), splat(1)), f32x4.gt(x, splat(-0.5)));
}

const KIND_SILU = 0;
const KIND_ELU = 1;
const KIND_MISH = 2;
const KIND_GELU_TANH = 3;
/** σ(x); its derivative from y = σ(x): y(1 − y), as the reference's. */
const KIND_SIGMOID = 4;
/** tanh(x); its derivative from y = tanh(x): 1 − y², as the reference's. */
const KIND_TANH = 5;
/** x > 0 ? x : α·x (leaky ReLU, α its negative slope; NaN kept, −0 to α·−0 as the reference). */
const KIND_LEAKY_RELU = 6;
/** GELU, x·Φ(x) with the normal CDF Φ (PyTorch's default, by erf). */
const KIND_GELU = 7;
/** Softplus (1/β)·log(1 + e^{βx}), x itself once βx > threshold (PyTorch's; α = β). */
const KIND_SOFTPLUS = 8;
const INV_SQRT2: f32 = 0.7071067811865476;
const INV_SQRT_2PI: f32 = 0.3989422804014327;
const SQRT_2_OVER_PI: f32 = 0.7978845608028654;
const GELU_CUBIC: f32 = 0.044715;

/** √(2/π)(x + 0.044715x³), GELU's tanh argument. */
// @ts-ignore: decorator
@inline function geluArgument(x: v128): v128 {
  const cube = f32x4.mul(f32x4.mul(x, x), x);
  return f32x4.mul(splat(SQRT_2_OVER_PI), f32x4.add(x, f32x4.mul(splat(GELU_CUBIC), cube)));
}

/** n = e^x(e^x + 2), with e^x from e^{−|x|} (positive x capped at 20): tanh(softplus(x)) = n/(n + 2). */
// @ts-ignore: decorator
@inline function mishN(x: v128): v128 {
  const positive = f32x4.gt(x, splat(0));
  const negAbs = f32x4.neg(f32x4.abs(x));
  const eAbs = expNonPositive(v128.bitselect(f32x4.max(negAbs, splat(-20)), negAbs, positive));
  const ex = v128.bitselect(f32x4.div(splat(1), eAbs), eAbs, positive);
  return f32x4.mul(ex, f32x4.add(ex, splat(2)));
}

/** tanh(softplus(x)) = n/(n + 2); 1 above 20. */
// @ts-ignore: decorator
@inline function mishTanh(x: v128, n: v128): v128 {
  return v128.bitselect(splat(1), f32x4.div(n, f32x4.add(n, splat(2))), f32x4.gt(x, splat(20)));
}

/** 1 − tanh²(softplus(x)) = 4(n + 1)/(n + 2)², without the cancellation of 1 − t²; 0 above 20. */
// @ts-ignore: decorator
@inline function mishSech2(x: v128, n: v128): v128 {
  const nPlus2 = f32x4.add(n, splat(2));
  return v128.andnot(f32x4.div(f32x4.mul(splat(4), f32x4.add(n, splat(1))), f32x4.mul(nPlus2, nPlus2)), f32x4.gt(x, splat(20)));
}

/**
 * tanh(x) = −m/(2 + m) for x ≥ 0 with m = e^{−2x} − 1 (expm1NonPositive: no cancellation near 0),
 * the sign of x put back (tanh is odd; −0 and NaN kept).
 */
// @ts-ignore: decorator
@inline function tanhSimd(x: v128): v128 {
  const m = expm1NonPositive(f32x4.mul(splat(-2), f32x4.abs(x)));
  const t = f32x4.div(f32x4.neg(m), f32x4.add(splat(2), m));
  return v128.or(t, v128.and(x, i32x4.splat(0x80000000)));
}

/**
 * erfc(z) for z ≥ 0 by Numerical Recipes' Chebyshev fit (erfcc, fractional error below 1.2e-7 for
 * every z ≥ 0): t·e^{−z² + P(t)}, t = 1/(1 + z/2), P of degree 9 with P(1) = 0 (erfc 0 = 1).
 */
// @ts-ignore: decorator
@inline function erfcNonNegative(z: v128): v128 {
  const t = f32x4.div(splat(1), f32x4.add(splat(1), f32x4.mul(splat(0.5), z)));
  let p = splat(0.17087277);
  p = f32x4.add(f32x4.mul(p, t), splat(-0.82215223));
  p = f32x4.add(f32x4.mul(p, t), splat(1.48851587));
  p = f32x4.add(f32x4.mul(p, t), splat(-1.13520398));
  p = f32x4.add(f32x4.mul(p, t), splat(0.27886807));
  p = f32x4.add(f32x4.mul(p, t), splat(-0.18628806));
  p = f32x4.add(f32x4.mul(p, t), splat(0.09678418));
  p = f32x4.add(f32x4.mul(p, t), splat(0.37409196));
  p = f32x4.add(f32x4.mul(p, t), splat(1.00002368));
  p = f32x4.add(f32x4.mul(p, t), splat(-1.26551223));
  return f32x4.mul(t, expNonPositive(f32x4.sub(p, f32x4.mul(z, z))));
}

/**
 * log(1 + e^z) = max(z, 0) + log1p(u), u = e^{−|z|} ∈ (0, 1]: log1p(u) = 2·atanh(s) with
 * s = u/(2 + u) ≤ 1/3 (no cancellation for small u), atanh by its series to s¹⁷ (the next term is
 * below 2e-10 of the sum).
 */
// @ts-ignore: decorator
@inline function softplusSimd(z: v128): v128 {
  const u = expNonPositive(f32x4.neg(f32x4.abs(z)));
  const s = f32x4.div(u, f32x4.add(splat(2), u));
  const q = f32x4.mul(s, s);
  let p = splat(<f32>(1.0 / 17));
  p = f32x4.add(f32x4.mul(p, q), splat(<f32>(1.0 / 15)));
  p = f32x4.add(f32x4.mul(p, q), splat(<f32>(1.0 / 13)));
  p = f32x4.add(f32x4.mul(p, q), splat(<f32>(1.0 / 11)));
  p = f32x4.add(f32x4.mul(p, q), splat(<f32>(1.0 / 9)));
  p = f32x4.add(f32x4.mul(p, q), splat(<f32>(1.0 / 7)));
  p = f32x4.add(f32x4.mul(p, q), splat(<f32>(1.0 / 5)));
  p = f32x4.add(f32x4.mul(p, q), splat(<f32>(1.0 / 3)));
  p = f32x4.add(f32x4.mul(p, q), splat(1));
  return f32x4.add(f32x4.max(z, splat(0)), f32x4.mul(f32x4.mul(splat(2), s), p));
}

/** Φ(x) = ½·erfc(−x/√2): 1 − ½·erfc(x/√2) for x ≥ 0, ½·erfc(|x|/√2) below (the left tail keeps its relative precision). */
// @ts-ignore: decorator
@inline function normalCdfSimd(x: v128): v128 {
  const half = f32x4.mul(splat(0.5), erfcNonNegative(f32x4.mul(f32x4.abs(x), splat(INV_SQRT2))));
  return v128.bitselect(half, f32x4.sub(splat(1), half), f32x4.lt(x, splat(0)));
}

/** y = f(x) for the kind. */
// @ts-ignore: decorator
@inline function forwardVector(kind: i32, x: v128, alpha: f32, threshold: f32): v128 {
  if (kind == KIND_SIGMOID) return sigmoidSimd(x);
  if (kind == KIND_TANH) return tanhSimd(x);
  if (kind == KIND_LEAKY_RELU) return v128.bitselect(x, f32x4.mul(splat(alpha), x), f32x4.gt(x, splat(0)));
  if (kind == KIND_GELU) return f32x4.mul(x, normalCdfSimd(x));
  if (kind == KIND_SOFTPLUS) {
    const z = f32x4.mul(splat(alpha), x);
    return v128.bitselect(x, f32x4.div(softplusSimd(z), splat(alpha)), f32x4.gt(z, splat(threshold)));
  }
  if (kind == KIND_SILU) return f32x4.mul(x, sigmoidSimd(x));
  if (kind == KIND_ELU) return v128.bitselect(x, f32x4.mul(splat(alpha), expm1NonPositive(x)), f32x4.gt(x, splat(0)));
  if (kind == KIND_MISH) return f32x4.mul(x, mishTanh(x, mishN(x)));
  return f32x4.mul(x, sigmoidSimd(f32x4.mul(splat(2), geluArgument(x)))); // ½x(1 + tanh u) = x·σ(2u)
}

/** f'(x) for the kind (for sigmoid and tanh, x is the forward's output y). */
// @ts-ignore: decorator
@inline function derivativeVector(kind: i32, x: v128, alpha: f32, threshold: f32): v128 {
  const one = splat(1);
  if (kind == KIND_SIGMOID) return f32x4.mul(x, f32x4.sub(one, x));
  if (kind == KIND_TANH) return f32x4.sub(one, f32x4.mul(x, x));
  if (kind == KIND_LEAKY_RELU) return v128.bitselect(one, splat(alpha), f32x4.gt(x, splat(0)));
  if (kind == KIND_SOFTPLUS) { // σ(βx), 1 past the threshold
    const z = f32x4.mul(splat(alpha), x);
    return v128.bitselect(one, sigmoidSimd(z), f32x4.gt(z, splat(threshold)));
  }
  if (kind == KIND_GELU) { // Φ(x) + x·φ(x), φ(x) = e^{−x²/2}/√(2π)
    const density = f32x4.mul(splat(INV_SQRT_2PI), expNonPositive(f32x4.mul(splat(-0.5), f32x4.mul(x, x))));
    return f32x4.add(normalCdfSimd(x), f32x4.mul(x, density));
  }
  if (kind == KIND_SILU) {
    const s = sigmoidSimd(x);
    return f32x4.mul(s, f32x4.add(one, f32x4.mul(x, f32x4.sub(one, s)))); // σ(1 + x(1 − σ))
  }
  if (kind == KIND_ELU) return v128.bitselect(one, f32x4.mul(splat(alpha), expNonPositive(x)), f32x4.gt(x, splat(0)));
  if (kind == KIND_MISH) {
    const n = mishN(x);
    return f32x4.add(mishTanh(x, n), f32x4.mul(f32x4.mul(x, sigmoidSimd(x)), mishSech2(x, n))); // t + x·σ·(1 − t²)
  }
  // GELU tanh: s = σ(2u), f' = s + 2x·s(1 − s)·u', u' = √(2/π)(1 + 3·0.044715x²); 1 or 0 beyond |x| = 10.
  const s = sigmoidSimd(f32x4.mul(splat(2), geluArgument(x)));
  const du = f32x4.mul(splat(SQRT_2_OVER_PI), f32x4.add(one, f32x4.mul(splat(3 * GELU_CUBIC), f32x4.mul(x, x))));
  const inner = f32x4.add(s, f32x4.mul(f32x4.mul(f32x4.mul(splat(2), x), f32x4.mul(s, f32x4.sub(one, s))), du));
  const far = f32x4.gt(f32x4.abs(x), splat(10));
  return v128.bitselect(v128.and(one, f32x4.gt(x, splat(0))), inner, far);
}

/** y[i] = f(x[i]) for n floats; scratch holds 4 floats for the tail. */
export function transcendentalSimd(kind: i32, x: usize, y: usize, n: i32, alpha: f32, threshold: f32, scratch: usize): void {
  // One copy of the loop per kind (inlined with the kind a constant), so no vector tests the kind.
  if (kind == KIND_SILU) forwardLoop(KIND_SILU, x, y, n, alpha, threshold, scratch);
  else if (kind == KIND_SIGMOID) forwardLoop(KIND_SIGMOID, x, y, n, alpha, threshold, scratch);
  else if (kind == KIND_TANH) forwardLoop(KIND_TANH, x, y, n, alpha, threshold, scratch);
  else if (kind == KIND_GELU) forwardLoop(KIND_GELU, x, y, n, alpha, threshold, scratch);
  else forwardLoop(kind, x, y, n, alpha, threshold, scratch);
}

// @ts-ignore: decorator
@inline function forwardLoop(kind: i32, x: usize, y: usize, n: i32, alpha: f32, threshold: f32, scratch: usize): void {
  let i = 0;
  for (; i + 4 <= n; i += 4) v128.store(y + <usize>i * 4, forwardVector(kind, v128.load(x + <usize>i * 4), alpha, threshold));
  if (i == n) return;
  v128.store(scratch, f32x4.splat(0));
  for (let j = i; j < n; j++) store<f32>(scratch + <usize>(j - i) * 4, load<f32>(x + <usize>j * 4));
  v128.store(scratch, forwardVector(kind, v128.load(scratch), alpha, threshold));
  for (let j = i; j < n; j++) store<f32>(y + <usize>j * 4, load<f32>(scratch + <usize>(j - i) * 4));
}

/** dx[i] = f'(x[i])·dy[i] for n floats (x: the forward's y for sigmoid and tanh); scratch holds 4 floats for the tail. */
export function transcendentalBackwardSimd(kind: i32, x: usize, dy: usize, dx: usize, n: i32, alpha: f32, threshold: f32, scratch: usize): void {
  if (kind == KIND_SILU) backwardLoop(KIND_SILU, x, dy, dx, n, alpha, threshold, scratch);
  else if (kind == KIND_SIGMOID) backwardLoop(KIND_SIGMOID, x, dy, dx, n, alpha, threshold, scratch);
  else if (kind == KIND_TANH) backwardLoop(KIND_TANH, x, dy, dx, n, alpha, threshold, scratch);
  else if (kind == KIND_GELU) backwardLoop(KIND_GELU, x, dy, dx, n, alpha, threshold, scratch);
  else backwardLoop(kind, x, dy, dx, n, alpha, threshold, scratch);
}

// @ts-ignore: decorator
@inline function backwardLoop(kind: i32, x: usize, dy: usize, dx: usize, n: i32, alpha: f32, threshold: f32, scratch: usize): void {
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const at = <usize>i * 4;
    v128.store(dx + at, f32x4.mul(derivativeVector(kind, v128.load(x + at), alpha, threshold), v128.load(dy + at)));
  }
  if (i == n) return;
  v128.store(scratch, f32x4.splat(0));
  for (let j = i; j < n; j++) store<f32>(scratch + <usize>(j - i) * 4, load<f32>(x + <usize>j * 4));
  const d = derivativeVector(kind, v128.load(scratch), alpha, threshold);
  v128.store(scratch, d);
  for (let j = i; j < n; j++) store<f32>(dx + <usize>j * 4, load<f32>(scratch + <usize>(j - i) * 4) * load<f32>(dy + <usize>j * 4));
}

/**
 * Floats [item·per, min(n, (item + 1)·per)) of an activation job (per a multiple of 4, so only the
 * last item has a tail; each float's value does not depend on the split). Words: [kind, per,
 * function kind, backward, x, dy, y (dx), n, alpha and threshold (float32 bits), scratch (4 floats)].
 */
export function transcendentalItem(desc: usize, item: i32): void {
  const per = load<i32>(desc + 4), f = load<i32>(desc + 8), backward = load<i32>(desc + 12) != 0;
  const n = load<i32>(desc + 28), alpha = load<f32>(desc + 32), threshold = load<f32>(desc + 36);
  const start = item * per, count = min(n, start + per) - start, at = <usize>start * 4;
  const x = <usize>load<i32>(desc + 16) + at, dy = <usize>load<i32>(desc + 20) + at, y = <usize>load<i32>(desc + 24) + at;
  const scratch = <usize>load<i32>(desc + 40);
  if (backward) transcendentalBackwardSimd(f, x, dy, y, count, alpha, threshold, scratch);
  else transcendentalSimd(f, x, y, count, alpha, threshold, scratch);
}
