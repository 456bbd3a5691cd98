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
