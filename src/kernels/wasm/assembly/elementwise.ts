// SPDX-License-Identifier: MIT
// ReLU and its derivative, four lanes at a time. Both compare with 0 and mask: −0 maps to 0, and
// NaN passes through the forward (as PyTorch's, so a ReLU never hides a diverged input) exactly as
// the reference's `x > 0 || x !== x ? x : 0` does.

/** y[i] = x[i] > 0 || x[i] is NaN ? x[i] : 0 for n floats. */
export function reluSimd(x: usize, y: usize, n: i32): void {
  const zero = f32x4.splat(0);
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const v = v128.load(x + <usize>i * 4);
    v128.store(y + <usize>i * 4, v128.and(v, v128.or(f32x4.gt(v, zero), f32x4.ne(v, v))));
  }
  for (; i < n; i++) {
    const v = load<f32>(x + <usize>i * 4);
    store<f32>(y + <usize>i * 4, v > 0 || v != v ? v : 0);
  }
}

/** dx[i] = f'(x[i])·dy[i] with f'(x) = x > 0 ? 1 : 0, for n floats (a product, as the reference: 0·dy keeps dy's sign and NaN). */
export function reluBackwardSimd(x: usize, dy: usize, dx: usize, n: i32): void {
  const zero = f32x4.splat(0), one = f32x4.splat(1);
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const derivative = v128.and(one, f32x4.gt(v128.load(x + <usize>i * 4), zero));
    v128.store(dx + <usize>i * 4, f32x4.mul(derivative, v128.load(dy + <usize>i * 4)));
  }
  for (; i < n; i++) {
    const derivative: f32 = load<f32>(x + <usize>i * 4) > 0 ? 1 : 0;
    store<f32>(dx + <usize>i * 4, derivative * load<f32>(dy + <usize>i * 4));
  }
}

/** y[i] = a[i] + b[i] for n floats (a Graph's Add; y may be a or b). */
export function addSimd(a: usize, b: usize, y: usize, n: i32): void {
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    v128.store(y + <usize>i * 4, f32x4.add(v128.load(a + <usize>i * 4), v128.load(b + <usize>i * 4)));
  }
  for (; i < n; i++) store<f32>(y + <usize>i * 4, load<f32>(a + <usize>i * 4) + load<f32>(b + <usize>i * 4));
}

/** y[i] = a[i]·b[i] for n floats (a dropout mask, a Mul layer; one float32 rounding, as the reference's product of two floats). */
export function mulSimd(a: usize, b: usize, y: usize, n: i32): void {
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    v128.store(y + <usize>i * 4, f32x4.mul(v128.load(a + <usize>i * 4), v128.load(b + <usize>i * 4)));
  }
  for (; i < n; i++) store<f32>(y + <usize>i * 4, load<f32>(a + <usize>i * 4) * load<f32>(b + <usize>i * 4));
}

/** y = max(a + b, 0) for n floats in one pass (a residual sum and the ReLU after it; NaN stays NaN, as reluSimd). */
export function addReluSimd(a: usize, b: usize, y: usize, n: i32): void {
  const zero = f32x4.splat(0);
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const v = f32x4.add(v128.load(a + <usize>i * 4), v128.load(b + <usize>i * 4));
    v128.store(y + <usize>i * 4, v128.and(v, v128.or(f32x4.gt(v, zero), f32x4.ne(v, v))));
  }
  for (; i < n; i++) {
    const v = load<f32>(a + <usize>i * 4) + load<f32>(b + <usize>i * 4);
    store<f32>(y + <usize>i * 4, v > 0 || v != v ? v : 0);
  }
}

// ReLU6, Hardsigmoid and Hardswish (the MobileNet activations): piecewise polynomials, compared
// and blended lane by lane. NaN passes through every forward (f32x4.min/max propagate it, as the
// reference's Math.min/max do); in the derivatives comparisons with NaN are false, so NaN takes the
// branch the reference's ternaries give it.

/** y = min(max(x, 0), 6): −0 gives 0 and NaN stays NaN, as the reference. */
export function relu6Simd(x: usize, y: usize, n: i32): void {
  const zero = f32x4.splat(0), six = f32x4.splat(6);
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const v = v128.load(x + <usize>i * 4);
    v128.store(y + <usize>i * 4, f32x4.min(v128.and(v, v128.or(f32x4.gt(v, zero), f32x4.ne(v, v))), six));
  }
  for (; i < n; i++) {
    const v = load<f32>(x + <usize>i * 4);
    store<f32>(y + <usize>i * 4, v > 0 || v != v ? (v < 6 || v != v ? v : 6) : 0);
  }
}

/** dx = f'(x)·dy with f'(x) = 1 on (0, 6), else 0. */
export function relu6BackwardSimd(x: usize, dy: usize, dx: usize, n: i32): void {
  const zero = f32x4.splat(0), six = f32x4.splat(6), one = f32x4.splat(1);
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const v = v128.load(x + <usize>i * 4);
    const derivative = v128.and(one, v128.and(f32x4.gt(v, zero), f32x4.lt(v, six)));
    v128.store(dx + <usize>i * 4, f32x4.mul(derivative, v128.load(dy + <usize>i * 4)));
  }
  for (; i < n; i++) {
    const v = load<f32>(x + <usize>i * 4);
    const derivative: f32 = v > 0 && v < 6 ? 1 : 0;
    store<f32>(dx + <usize>i * 4, derivative * load<f32>(dy + <usize>i * 4));
  }
}

// @ts-ignore: decorator
@inline function rampSimd(v: v128): v128 {
  return f32x4.min(f32x4.max(f32x4.add(v, f32x4.splat(3)), f32x4.splat(0)), f32x4.splat(6));
}

// @ts-ignore: decorator
@inline function ramp(v: f32): f32 {
  return min<f32>(max<f32>(v + 3, 0), 6);
}

/** y = relu6(x + 3)/6 (hardsigmoid), or x·relu6(x + 3)/6 (hardswish) when timesX. */
export function hardSimd(x: usize, y: usize, n: i32, timesX: bool): void {
  const six = f32x4.splat(6);
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const v = v128.load(x + <usize>i * 4);
    const r = rampSimd(v);
    v128.store(y + <usize>i * 4, f32x4.div(timesX ? f32x4.mul(v, r) : r, six));
  }
  for (; i < n; i++) {
    const v = load<f32>(x + <usize>i * 4);
    store<f32>(y + <usize>i * 4, (timesX ? v * ramp(v) : ramp(v)) / 6);
  }
}

/** Hardsigmoid: dx = dy/6 on (−3, 3), else 0·dy. */
export function hardsigmoidBackwardSimd(x: usize, dy: usize, dx: usize, n: i32): void {
  const lo = f32x4.splat(-3), hi = f32x4.splat(3), sixth = f32x4.splat(<f32>(1.0 / 6.0));
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const v = v128.load(x + <usize>i * 4);
    const derivative = v128.and(sixth, v128.and(f32x4.gt(v, lo), f32x4.lt(v, hi)));
    v128.store(dx + <usize>i * 4, f32x4.mul(derivative, v128.load(dy + <usize>i * 4)));
  }
  for (; i < n; i++) {
    const v = load<f32>(x + <usize>i * 4);
    const derivative: f32 = v > -3 && v < 3 ? <f32>(1.0 / 6.0) : 0;
    store<f32>(dx + <usize>i * 4, derivative * load<f32>(dy + <usize>i * 4));
  }
}

/** Hardswish: f'(x) = 0 below −3, x/3 + ½ on [−3, 3), 1 from 3 (and for NaN) — PyTorch's kinks. */
export function hardswishBackwardSimd(x: usize, dy: usize, dx: usize, n: i32): void {
  const lo = f32x4.splat(-3), hi = f32x4.splat(3), half = f32x4.splat(0.5), one = f32x4.splat(1), zero = f32x4.splat(0);
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const v = v128.load(x + <usize>i * 4);
    const middle = f32x4.add(f32x4.div(v, hi), half);
    const upper = v128.bitselect(middle, one, f32x4.lt(v, hi));
    const derivative = v128.bitselect(zero, upper, f32x4.lt(v, lo));
    v128.store(dx + <usize>i * 4, f32x4.mul(derivative, v128.load(dy + <usize>i * 4)));
  }
  for (; i < n; i++) {
    const v = load<f32>(x + <usize>i * 4);
    const derivative: f32 = v < -3 ? 0 : v < 3 ? v / 3 + 0.5 : 1;
    store<f32>(dx + <usize>i * 4, derivative * load<f32>(dy + <usize>i * 4));
  }
}
