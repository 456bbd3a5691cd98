// SPDX-License-Identifier: MIT
// Broadcasting: y = a ⊙ b where one rank holds both and each dim is equal or 1 in one of them
// (a squeeze-and-excitation gate: features [N, C, H, W] times a gate [N, C, 1, 1]), and its
// adjoint, summing x back to a shape it was broadcast from. The TS side (../kernels-broadcast.ts)
// collapses the shapes first: dims of 1 dropped, neighbours merged where every operand steps
// through them as one, so the output is `rows` contiguous rows of L floats, the last (row) dim
// read with stride 1 or 0 (broadcast) in each operand, the R outer dims with any strides. A row's
// offsets come from its index by division, dim by dim: R is small (1 for the gate) and a row is
// usually long. Products are one float32 multiply each (the reference's bits); sums are float64.
import { sumAsF64 } from './conv';

// @ts-ignore: decorator
@inline function word(desc: usize, i: i32): i32 {
  return load<i32>(desc + <usize>i * 4);
}

/** Offset (in floats) of row m in the operand whose outer strides start at word `strides` of desc. */
// @ts-ignore: decorator
@inline function rowOffset(desc: usize, m: i32, R: i32, dims: i32, strides: i32): i32 {
  let rest = m, offset = 0;
  for (let d = R - 1; d >= 0; d--) {
    const size = word(desc, dims + d);
    const i = rest % size;
    rest /= size;
    offset += i * word(desc, strides + d);
  }
  return offset;
}

/** y[j] = s · a[j] for j < n. */
// @ts-ignore: decorator
@inline function scaleRow(a: usize, s: f32, y: usize, n: i32): void {
  const splat = f32x4.splat(s);
  let j = 0;
  for (; j + 4 <= n; j += 4) v128.store(y + <usize>j * 4, f32x4.mul(v128.load(a + <usize>j * 4), splat));
  for (; j < n; j++) store<f32>(y + <usize>j * 4, load<f32>(a + <usize>j * 4) * s);
}

/**
 * Rows [item·per, min(rows, (item + 1)·per)) of y = a ⊙ b. Words: [kind, per, rows, L, a's and
 * b's row stride (1 or 0), a, b, y, R, dims[R], a's strides[R], b's strides[R]].
 * Each float is a·b in float32 (in the reference's order, a first), so any split gives the same bits.
 */
export function mulBroadcastItem(desc: usize, item: i32): void {
  const per = word(desc, 1), rows = word(desc, 2), L = word(desc, 3), sa = word(desc, 4), sb = word(desc, 5);
  const a = <usize>word(desc, 6), b = <usize>word(desc, 7), y = <usize>word(desc, 8), R = word(desc, 9);
  const m1 = min(rows, (item + 1) * per);
  for (let m = item * per; m < m1; m++) {
    const pa = a + <usize>rowOffset(desc, m, R, 10, 10 + R) * 4;
    const pb = b + <usize>rowOffset(desc, m, R, 10, 10 + 2 * R) * 4;
    const py = y + <usize>m * <usize>L * 4;
    if (sa != 0 && sb != 0) {
      let j = 0;
      for (; j + 4 <= L; j += 4) v128.store(py + <usize>j * 4, f32x4.mul(v128.load(pa + <usize>j * 4), v128.load(pb + <usize>j * 4)));
      for (; j < L; j++) store<f32>(py + <usize>j * 4, load<f32>(pa + <usize>j * 4) * load<f32>(pb + <usize>j * 4));
    } else if (sa != 0) {
      scaleRow(pa, load<f32>(pb), py, L); // a's row times one b (the gate)
    } else {
      scaleRow(pb, load<f32>(pa), py, L); // a·b = b·a exactly: one rounding of the same product
    }
  }
}

/**
 * Rows [item·per, min(rows, (item + 1)·per)) of a sum to shape whose row dim is summed: the
 * float64 sum of each row of x (L floats, contiguous) into sums[m]. Words: [kind, per, rows, L, x, sums].
 * A row's sum does not depend on the split.
 */
export function sumRowsItem(desc: usize, item: i32): void {
  const per = word(desc, 1), rows = word(desc, 2), L = word(desc, 3);
  const x = <usize>word(desc, 4), sums = <usize>word(desc, 5);
  const m1 = min(rows, (item + 1) * per);
  for (let m = item * per; m < m1; m++) store<f64>(sums + <usize>m * 8, sumAsF64(x + <usize>m * <usize>L * 4, L));
}

/**
 * The serial rest of a sum to shape out (`size` floats, overwritten) from x: acc (size float64s)
 * gathers, row by row in order, either the row sums at `sums` (row dim summed: acc[o(m)] += sums[m])
 * or x's rows themselves (row dim kept: acc[o(m) + j] += x[m·L + j]); then out = float32(acc).
 * Words: [kind, 0, rows, L, x, sums (0: row dim kept), acc, out, size, R, dims[R], out's strides[R]].
 */
export function sumToShapeFinish(desc: usize): void {
  const rows = word(desc, 2), L = word(desc, 3);
  const x = <usize>word(desc, 4), sums = <usize>word(desc, 5), acc = <usize>word(desc, 6), out = <usize>word(desc, 7);
  const size = word(desc, 8), R = word(desc, 9);
  memory.fill(acc, 0, <usize>size * 8);
  for (let m = 0; m < rows; m++) {
    const at = acc + <usize>rowOffset(desc, m, R, 10, 10 + R) * 8;
    if (sums != 0) {
      store<f64>(at, load<f64>(at) + load<f64>(sums + <usize>m * 8));
      continue;
    }
    const row = x + <usize>m * <usize>L * 4;
    let j = 0;
    for (; j + 2 <= L; j += 2) {
      const p = at + <usize>j * 8;
      v128.store(p, f64x2.add(v128.load(p), f64x2.promote_low_f32x4(v128.load64_zero(row + <usize>j * 4))));
    }
    for (; j < L; j++) store<f64>(at + <usize>j * 8, load<f64>(at + <usize>j * 8) + <f64>load<f32>(row + <usize>j * 4));
  }
  for (let i = 0; i < size; i++) store<f32>(out + <usize>i * 4, <f32>load<f64>(acc + <usize>i * 8));
}
