// SPDX-License-Identifier: MIT
// Short copies and fills as inline SIMD loops: V8 lowers memory.copy / memory.fill to a call
// into the runtime, which costs more than the work for the rows of a few dozen floats that
// im2col moves.

/** dst[0..n) = src[0..n) (floats; the ranges must not overlap). */
// @ts-ignore: decorator
@inline export function copyFloats(dst: usize, src: usize, n: i32): void {
  let i = 0;
  for (; i + 4 <= n; i += 4) v128.store(dst + <usize>i * 4, v128.load(src + <usize>i * 4));
  for (; i < n; i++) store<f32>(dst + <usize>i * 4, load<f32>(src + <usize>i * 4));
}

/** dst[0..n) = 0 (floats). */
// @ts-ignore: decorator
@inline export function zeroFloats(dst: usize, n: i32): void {
  const zero = f32x4.splat(0);
  let i = 0;
  for (; i + 4 <= n; i += 4) v128.store(dst + <usize>i * 4, zero);
  for (; i < n; i++) store<f32>(dst + <usize>i * 4, 0);
}
