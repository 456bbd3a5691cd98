// SPDX-License-Identifier: MIT
// Short copies and fills as inline SIMD loops: V8 lowers memory.copy / memory.fill to a call
// into the runtime, which costs more than the work for the rows of a few dozen floats that
// im2col moves. Sources and destinations must not overlap.

/** dst[0..n) = src[0..n) (floats; the ranges must not overlap). */
// @ts-ignore: decorator
@inline export function copyFloats(dst: usize, src: usize, n: i32): void {
  if (n < 4) {
    for (let i = 0; i < n; i++) store<f32>(dst + <usize>i * 4, load<f32>(src + <usize>i * 4));
    return;
  }
  let i = 0;
  for (; i + 4 <= n; i += 4) v128.store(dst + <usize>i * 4, v128.load(src + <usize>i * 4));
  // The last four floats again (overlapping what is done): one vector instead of a scalar tail.
  if (i < n) v128.store(dst + <usize>(n - 4) * 4, v128.load(src + <usize>(n - 4) * 4));
}

/** dst[0..n) = 0 (floats). */
// @ts-ignore: decorator
@inline export function zeroFloats(dst: usize, n: i32): void {
  const zero = f32x4.splat(0);
  let i = 0;
  for (; i + 4 <= n; i += 4) v128.store(dst + <usize>i * 4, zero);
  for (; i < n; i++) store<f32>(dst + <usize>i * 4, 0);
}

/** The first n floats (or int32s: the bits are moved, not read as numbers) at src in the low lanes, zeros above; n ≥ 4: all four. */
// @ts-ignore: decorator
@inline export function loadLanes(src: usize, n: i32): v128 {
  if (n >= 4) return v128.load(src);
  let v = i32x4.splat(0);
  if (n > 0) v = i32x4.replace_lane(v, 0, load<i32>(src));
  if (n > 1) v = i32x4.replace_lane(v, 1, load<i32>(src, 4));
  if (n > 2) v = i32x4.replace_lane(v, 2, load<i32>(src, 8));
  return v;
}

/** The first n (0–4) lanes of v at dst. */
// @ts-ignore: decorator
@inline export function storeLanes(dst: usize, v: v128, n: i32): void {
  if (n >= 4) {
    v128.store(dst, v);
    return;
  }
  if (n > 0) store<i32>(dst, i32x4.extract_lane(v, 0));
  if (n > 1) store<i32>(dst, i32x4.extract_lane(v, 1), 4);
  if (n > 2) store<i32>(dst, i32x4.extract_lane(v, 2), 8);
}
