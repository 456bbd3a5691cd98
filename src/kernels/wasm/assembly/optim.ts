// SPDX-License-Identifier: MIT
// Optimizer updates in place over float32 θ and state, two entries at a time in float64 lanes:
// the same float64 products, sums, square roots and quotients as the reference loops
// (ref/optim.ts, where every JS number is a double), each store rounding to float32 at the same
// points, so the results are bit-identical to the reference. Memory-bound: the float64 lanes cost
// nothing measurable against the loads and stores. No fused multiply-adds here (they would round once less).

/** Flags of sgdStepSimd and adamStepSimd. */
const SGD_WEIGHT_DECAY = 1, SGD_MOMENTUM = 2, SGD_FIRST = 4, SGD_NESTEROV = 8;
const ADAM_DECAY = 1, ADAM_L2 = 2, ADAM_AMSGRAD = 4;

// @ts-ignore: decorator
@inline function load2(p: usize): v128 {
  return f64x2.promote_low_f32x4(v128.load64_zero(p));
}

/** Rounds both lanes to float32, stores them at p and returns the stored values as float64. */
// @ts-ignore: decorator
@inline function store2(p: usize, v: v128): v128 {
  const rounded = f32x4.demote_f64x2_zero(v);
  v128.store64_lane(p, rounded, 0);
  return f64x2.promote_low_f32x4(rounded);
}

/** Loads one float32 at p into both float64 lanes (for the odd last entry). */
// @ts-ignore: decorator
@inline function load1(p: usize): v128 {
  return f64x2.splat(<f64>load<f32>(p));
}

/** Rounds lane 0 to float32, stores it at p and returns it as float64 in both lanes. */
// @ts-ignore: decorator
@inline function store1(p: usize, v: v128): v128 {
  const rounded = <f32>f64x2.extract_lane(v, 0);
  store<f32>(p, rounded);
  return f64x2.splat(<f64>rounded);
}

/** d ← g + λθ;  b ← d (first) or μb + (1 − τ)d;  d ← d + μb (Nesterov) or b;  θ ← θ − ηd, for entries at byte offset o. */
// @ts-ignore: decorator
@inline function sgdAt(theta: usize, g: usize, buf: usize, o: usize, pair: bool, lr: v128, mu: v128, damped: v128, wd: v128, flags: i32): void {
  const t = pair ? load2(theta + o) : load1(theta + o);
  let d = pair ? load2(g + o) : load1(g + o);
  if (flags & SGD_WEIGHT_DECAY) d = f64x2.add(d, f64x2.mul(wd, t));
  if (flags & SGD_MOMENTUM) {
    let b = d;
    if (!(flags & SGD_FIRST)) b = f64x2.add(f64x2.mul(mu, pair ? load2(buf + o) : load1(buf + o)), f64x2.mul(damped, d));
    b = pair ? store2(buf + o, b) : store1(buf + o, b);
    d = flags & SGD_NESTEROV ? f64x2.add(d, f64x2.mul(mu, b)) : b;
  }
  const next = f64x2.sub(t, f64x2.mul(lr, d));
  if (pair) store2(theta + o, next);
  else store1(theta + o, next);
}

/** SGD over n entries; `damped` is 1 − τ (computed in float64 by the caller, as the reference). */
export function sgdStepSimd(theta: usize, g: usize, buf: usize, n: i32, lr: f64, mu: f64, damped: f64, wd: f64, flags: i32): void {
  const vLr = f64x2.splat(lr), vMu = f64x2.splat(mu), vDamped = f64x2.splat(damped), vWd = f64x2.splat(wd);
  let i = 0;
  for (; i + 2 <= n; i += 2) sgdAt(theta, g, buf, <usize>i * 4, true, vLr, vMu, vDamped, vWd, flags);
  if (i < n) sgdAt(theta, g, buf, <usize>i * 4, false, vLr, vMu, vDamped, vWd, flags);
}

/**
 * θ ← θ·decay;  g ← g + λθ;  m ← β₁m + (1 − β₁)g;  v ← β₂v + (1 − β₂)g·g;  vMax ← max(vMax, v);
 * θ ← θ − (stepSize·m) / (√v / √(1 − β₂ᵗ) + ε), for the entries at byte offset o.
 */
// @ts-ignore: decorator
@inline function adamAt(
  theta: usize, g: usize, m: usize, v: usize, vMax: usize, o: usize, pair: bool,
  beta1: v128, oneMinusBeta1: v128, beta2: v128, oneMinusBeta2: v128, eps: v128, stepSize: v128, bc2: v128, l2: v128, decay: v128,
  flags: i32,
): void {
  let t = pair ? load2(theta + o) : load1(theta + o);
  let gk = pair ? load2(g + o) : load1(g + o);
  if (flags & ADAM_DECAY) t = pair ? store2(theta + o, f64x2.mul(t, decay)) : store1(theta + o, f64x2.mul(t, decay));
  if (flags & ADAM_L2) gk = f64x2.add(gk, f64x2.mul(l2, t));
  const mNew = f64x2.add(f64x2.mul(beta1, pair ? load2(m + o) : load1(m + o)), f64x2.mul(oneMinusBeta1, gk));
  const vNew = f64x2.add(f64x2.mul(beta2, pair ? load2(v + o) : load1(v + o)), f64x2.mul(f64x2.mul(oneMinusBeta2, gk), gk));
  const mk = pair ? store2(m + o, mNew) : store1(m + o, mNew);
  let vk = pair ? store2(v + o, vNew) : store1(v + o, vNew);
  if (flags & ADAM_AMSGRAD) {
    // vMax < v ? v : vMax (pmax): a NaN v leaves vMax as it was, as the reference's `if (v > vMax)`.
    vk = f64x2.pmax(pair ? load2(vMax + o) : load1(vMax + o), vk);
    if (pair) store2(vMax + o, vk);
    else store1(vMax + o, vk);
  }
  const next = f64x2.sub(t, f64x2.div(f64x2.mul(stepSize, mk), f64x2.add(f64x2.div(f64x2.sqrt(vk), bc2), eps)));
  if (pair) store2(theta + o, next);
  else store1(theta + o, next);
}

/** Adam / AdamW over n entries; 1 − β₁ and 1 − β₂ come from the caller (float64, as the reference computes them). */
export function adamStepSimd(
  theta: usize, g: usize, m: usize, v: usize, vMax: usize, n: i32,
  beta1: f64, oneMinusBeta1: f64, beta2: f64, oneMinusBeta2: f64, eps: f64, stepSize: f64, bc2: f64, l2: f64, decay: f64,
  flags: i32,
): void {
  const b1 = f64x2.splat(beta1), c1 = f64x2.splat(oneMinusBeta1), b2 = f64x2.splat(beta2), c2 = f64x2.splat(oneMinusBeta2);
  const vEps = f64x2.splat(eps), vStep = f64x2.splat(stepSize), vBc2 = f64x2.splat(bc2), vL2 = f64x2.splat(l2), vDecay = f64x2.splat(decay);
  let i = 0;
  for (; i + 2 <= n; i += 2) adamAt(theta, g, m, v, vMax, <usize>i * 4, true, b1, c1, b2, c2, vEps, vStep, vBc2, vL2, vDecay, flags);
  if (i < n) adamAt(theta, g, m, v, vMax, <usize>i * 4, false, b1, c1, b2, c2, vEps, vStep, vBc2, vL2, vDecay, flags);
}
