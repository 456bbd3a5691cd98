// SPDX-License-Identifier: MIT
// The transforms of Winograd F(4×4, 3×3) (Lavin & Gray 2016, interpolation points 0, ±1, ±2, ∞):
// each 4×4 block of outputs (a tile) from the 6×6 block of inputs that covers it, 36 multiplies
// per tile and channel pair instead of direct convolution's 144 (F(2×2, 3×3): 16 for 36, 2.25×
// fewer; here 4×). winograd.ts runs the GEMMs between them; docs/math/winograd.md derives both.
//   Bᵀ = [4 0 −5 0 1 0; 0 −4 −4 1 1 0; 0 4 −4 −1 1 0; 0 −2 −1 2 1 0; 0 2 −1 −2 1 0; 0 4 0 −5 0 1]
//   G  = [1/4 0 0; −1/6 −1/6 −1/6; −1/6 1/6 −1/6; 1/24 1/12 1/6; 1/24 −1/12 1/6; 0 0 1]
//   Aᵀ = [1 1 1 1 1 0; 0 1 −1 2 −2 0; 0 1 1 4 4 0; 0 1 −1 8 −8 1]
// The vector transforms run four tiles side by side, one per SIMD lane, and stage their first
// pass in `stage` (at most 36 vectors, 576 bytes; the caller's, in L1): written once, read once.

const SIXTH: f32 = 1.0 / 6.0;
const TWELFTH: f32 = 1.0 / 12.0;
const TWENTY_FOURTH: f32 = 1.0 / 24.0;

/** Bytes of the staging area the F(4×4) vector transforms use. */
export const F4_STAGE_BYTES: i32 = 36 * 16;

/** Row r of Bᵀ applied to (d0 … d5): one of the six combinations the input transform makes along each axis. */
// @ts-ignore: decorator
@inline function bt(r: i32, d0: v128, d1: v128, d2: v128, d3: v128, d4: v128, d5: v128): v128 {
  const four = f32x4.splat(4), five = f32x4.splat(5), two = f32x4.splat(2);
  if (r == 0) return f32x4.add(f32x4.sub(f32x4.mul(d0, four), f32x4.mul(d2, five)), d4);
  if (r == 1) return f32x4.sub(f32x4.add(d3, d4), f32x4.mul(f32x4.add(d1, d2), four));
  if (r == 2) return f32x4.add(f32x4.sub(d4, d3), f32x4.mul(f32x4.sub(d1, d2), four));
  if (r == 3) return f32x4.add(f32x4.sub(d4, d2), f32x4.mul(f32x4.sub(d3, d1), two));
  if (r == 4) return f32x4.sub(f32x4.sub(d4, d2), f32x4.mul(f32x4.sub(d3, d1), two));
  return f32x4.add(f32x4.sub(f32x4.mul(d1, four), f32x4.mul(d3, five)), d5);
}

/** Lanes k of a, b, c, d (rows of a 4×4 block) → lane k of the results is column k: a 4×4 transpose. */
// @ts-ignore: decorator
@inline function transpose0(a: v128, b: v128, c: v128, d: v128): v128 {
  return v128.shuffle<f32>(v128.shuffle<f32>(a, b, 0, 4, 1, 5), v128.shuffle<f32>(c, d, 0, 4, 1, 5), 0, 1, 4, 5);
}
// @ts-ignore: decorator
@inline function transpose1(a: v128, b: v128, c: v128, d: v128): v128 {
  return v128.shuffle<f32>(v128.shuffle<f32>(a, b, 0, 4, 1, 5), v128.shuffle<f32>(c, d, 0, 4, 1, 5), 2, 3, 6, 7);
}
// @ts-ignore: decorator
@inline function transpose2(a: v128, b: v128, c: v128, d: v128): v128 {
  return v128.shuffle<f32>(v128.shuffle<f32>(a, b, 2, 6, 3, 7), v128.shuffle<f32>(c, d, 2, 6, 3, 7), 0, 1, 4, 5);
}
// @ts-ignore: decorator
@inline function transpose3(a: v128, b: v128, c: v128, d: v128): v128 {
  return v128.shuffle<f32>(v128.shuffle<f32>(a, b, 2, 6, 3, 7), v128.shuffle<f32>(c, d, 2, 6, 3, 7), 2, 3, 6, 7);
}

/**
 * Bᵀ d B for four adjacent tiles (lanes) whose 6×6 input blocks start 4 floats apart at src (rows
 * rowBytes apart, 20 floats read per row): the 36 results go to v, one row of V (vStride bytes)
 * apart per ξ = 6i + j.
 */
export function inputTransformF4(src: usize, rowBytes: usize, v: usize, vStride: usize, stage: usize): void {
  // Down the columns first, on the rows as they lie (no lane shuffling): stage[i][c] = (Bᵀ d)_i of column vector c.
  for (let c = 0; c < 5; c++) {
    const at = src + <usize>c * 16;
    const d0 = v128.load(at), d1 = v128.load(at + rowBytes), d2 = v128.load(at + 2 * rowBytes);
    const d3 = v128.load(at + 3 * rowBytes), d4 = v128.load(at + 4 * rowBytes), d5 = v128.load(at + 5 * rowBytes);
    const s = stage + <usize>c * 16;
    v128.store(s, bt(0, d0, d1, d2, d3, d4, d5));
    v128.store(s, bt(1, d0, d1, d2, d3, d4, d5), 80);
    v128.store(s, bt(2, d0, d1, d2, d3, d4, d5), 160);
    v128.store(s, bt(3, d0, d1, d2, d3, d4, d5), 240);
    v128.store(s, bt(4, d0, d1, d2, d3, d4, d5), 320);
    v128.store(s, bt(5, d0, d1, d2, d3, d4, d5), 400);
  }
  // Then along each row: the five vectors hold 20 columns; lane k's six start at column 4k.
  for (let i = 0; i < 6; i++) {
    const s = stage + <usize>i * 80;
    const a = v128.load(s), b = v128.load(s, 16), c = v128.load(s, 32), d = v128.load(s, 48), e = v128.load(s, 64);
    const e0 = transpose0(a, b, c, d), e1 = transpose1(a, b, c, d), e2 = transpose2(a, b, c, d), e3 = transpose3(a, b, c, d);
    const e4 = v128.shuffle<f32>(e0, e, 1, 2, 3, 4), e5 = v128.shuffle<f32>(e1, e, 1, 2, 3, 5);
    const out = v + <usize>(6 * i) * vStride;
    v128.store(out, bt(0, e0, e1, e2, e3, e4, e5));
    v128.store(out + vStride, bt(1, e0, e1, e2, e3, e4, e5));
    v128.store(out + 2 * vStride, bt(2, e0, e1, e2, e3, e4, e5));
    v128.store(out + 3 * vStride, bt(3, e0, e1, e2, e3, e4, e5));
    v128.store(out + 4 * vStride, bt(4, e0, e1, e2, e3, e4, e5));
    v128.store(out + 5 * vStride, bt(5, e0, e1, e2, e3, e4, e5));
  }
}

/** Row r of Aᵀ applied to (m0 … m5). */
// @ts-ignore: decorator
@inline function at4(r: i32, m0: v128, m1: v128, m2: v128, m3: v128, m4: v128, m5: v128): v128 {
  if (r == 0) return f32x4.add(f32x4.add(m0, f32x4.add(m1, m2)), f32x4.add(m3, m4));
  if (r == 1) return f32x4.add(f32x4.sub(m1, m2), f32x4.mul(f32x4.sub(m3, m4), f32x4.splat(2)));
  if (r == 2) return f32x4.add(f32x4.add(m1, m2), f32x4.mul(f32x4.add(m3, m4), f32x4.splat(4)));
  return f32x4.add(f32x4.add(f32x4.sub(m1, m2), f32x4.mul(f32x4.sub(m3, m4), f32x4.splat(8))), m5);
}

/**
 * Aᵀ M A (+ bias, then max(·, 0) with relu) for four adjacent tiles (lanes) of one output
 * channel, M_ξ at m + ξ·mXi: output row i of the four tiles goes, as 16 consecutive floats
 * (tile k's four outputs at 4k), to out + i·64 (out: 64 floats; the caller stores them in y).
 */
export function outputTransformF4(m: usize, mXi: usize, bias: v128, relu: bool, out: usize, stage: usize): void {
  // Down the columns: stage[i][c] = (Aᵀ M)_ic.
  for (let c = 0; c < 6; c++) {
    const at = m + <usize>c * mXi;
    const m0 = v128.load(at), m1 = v128.load(at + 6 * mXi), m2 = v128.load(at + 12 * mXi);
    const m3 = v128.load(at + 18 * mXi), m4 = v128.load(at + 24 * mXi), m5 = v128.load(at + 30 * mXi);
    const s = stage + <usize>c * 16;
    v128.store(s, at4(0, m0, m1, m2, m3, m4, m5));
    v128.store(s, at4(1, m0, m1, m2, m3, m4, m5), 96);
    v128.store(s, at4(2, m0, m1, m2, m3, m4, m5), 192);
    v128.store(s, at4(3, m0, m1, m2, m3, m4, m5), 288);
  }
  const zero = f32x4.splat(0);
  for (let i = 0; i < 4; i++) {
    const s = stage + <usize>i * 96;
    const s0 = v128.load(s), s1 = v128.load(s, 16), s2 = v128.load(s, 32);
    const s3 = v128.load(s, 48), s4 = v128.load(s, 64), s5 = v128.load(s, 80);
    let y0 = f32x4.add(at4(0, s0, s1, s2, s3, s4, s5), bias), y1 = f32x4.add(at4(1, s0, s1, s2, s3, s4, s5), bias);
    let y2 = f32x4.add(at4(2, s0, s1, s2, s3, s4, s5), bias), y3 = f32x4.add(at4(3, s0, s1, s2, s3, s4, s5), bias);
    if (relu) {
      y0 = f32x4.max(y0, zero); y1 = f32x4.max(y1, zero); y2 = f32x4.max(y2, zero); y3 = f32x4.max(y3, zero);
    }
    // y_j lane k is column j of tile k: transposed, vector k holds tile k's four columns.
    const o = out + <usize>i * 64;
    v128.store(o, transpose0(y0, y1, y2, y3));
    v128.store(o, transpose1(y0, y1, y2, y3), 16);
    v128.store(o, transpose2(y0, y1, y2, y3), 32);
    v128.store(o, transpose3(y0, y1, y2, y3), 48);
  }
}

/** Row r of A (6×4) applied to (δ0 … δ3). */
// @ts-ignore: decorator
@inline function a4(r: i32, d0: v128, d1: v128, d2: v128, d3: v128): v128 {
  if (r == 0) return d0;
  if (r == 1) return f32x4.add(f32x4.add(d0, d2), f32x4.add(d1, d3));
  if (r == 2) return f32x4.sub(f32x4.add(d0, d2), f32x4.add(d1, d3));
  const four = f32x4.splat(4), two = f32x4.splat(2);
  if (r == 3) return f32x4.add(f32x4.add(d0, f32x4.mul(d2, four)), f32x4.mul(f32x4.add(d1, f32x4.mul(d3, four)), two));
  if (r == 4) return f32x4.sub(f32x4.add(d0, f32x4.mul(d2, four)), f32x4.mul(f32x4.add(d1, f32x4.mul(d3, four)), two));
  return d3;
}

/**
 * A δ Aᵀ of four adjacent 4×4 tiles of δ (lanes) starting 4 floats apart at src (rows rowBytes
 * apart, 16 floats read per row): the 36 results go to z, one row of Z (zStride bytes) apart per ξ.
 */
export function gradientTransformF4(src: usize, rowBytes: usize, z: usize, zStride: usize, stage: usize): void {
  // Along each row first (the four tiles' columns transposed into lanes): stage[i][c] = (δ Aᵀ)_ic.
  for (let i = 0; i < 4; i++) {
    const at = src + <usize>i * rowBytes;
    const a = v128.load(at), b = v128.load(at, 16), c = v128.load(at, 32), d = v128.load(at, 48);
    const h0 = transpose0(a, b, c, d), h1 = transpose1(a, b, c, d), h2 = transpose2(a, b, c, d), h3 = transpose3(a, b, c, d);
    const s = stage + <usize>i * 96;
    v128.store(s, a4(0, h0, h1, h2, h3));
    v128.store(s, a4(1, h0, h1, h2, h3), 16);
    v128.store(s, a4(2, h0, h1, h2, h3), 32);
    v128.store(s, a4(3, h0, h1, h2, h3), 48);
    v128.store(s, a4(4, h0, h1, h2, h3), 64);
    v128.store(s, a4(5, h0, h1, h2, h3), 80);
  }
  for (let c = 0; c < 6; c++) {
    const s = stage + <usize>c * 16;
    const q0 = v128.load(s), q1 = v128.load(s, 96), q2 = v128.load(s, 192), q3 = v128.load(s, 288);
    const out = z + <usize>c * zStride;
    v128.store(out, a4(0, q0, q1, q2, q3));
    v128.store(out + 6 * zStride, a4(1, q0, q1, q2, q3));
    v128.store(out + 12 * zStride, a4(2, q0, q1, q2, q3));
    v128.store(out + 18 * zStride, a4(3, q0, q1, q2, q3));
    v128.store(out + 24 * zStride, a4(4, q0, q1, q2, q3));
    v128.store(out + 30 * zStride, a4(5, q0, q1, q2, q3));
  }
}

/** Row r of G (6×3) applied to (g0, g1, g2), four kernels at a time (one per lane). */
// @ts-ignore: decorator
@inline function gRow(r: i32, g0: v128, g1: v128, g2: v128): v128 {
  if (r == 0) return f32x4.mul(g0, f32x4.splat(0.25));
  if (r == 1) return f32x4.mul(f32x4.add(f32x4.add(g0, g1), g2), f32x4.splat(-SIXTH));
  if (r == 2) return f32x4.mul(f32x4.add(f32x4.sub(g0, g1), g2), f32x4.splat(-SIXTH));
  const a = f32x4.add(f32x4.mul(g0, f32x4.splat(TWENTY_FOURTH)), f32x4.mul(g2, f32x4.splat(SIXTH)));
  if (r == 3) return f32x4.add(a, f32x4.mul(g1, f32x4.splat(TWELFTH)));
  if (r == 4) return f32x4.sub(a, f32x4.mul(g1, f32x4.splat(TWELFTH)));
  return g2;
}

/** Row r of u = (G g) Gᵀ from row r of t = G g: its six vectors to stage + (6r + j)·16. */
// @ts-ignore: decorator
@inline function stageKernelRowF4(stage: usize, r: i32, t0: v128, t1: v128, t2: v128): void {
  const at = stage + <usize>(96 * r);
  v128.store(at, gRow(0, t0, t1, t2));
  v128.store(at, gRow(1, t0, t1, t2), 16);
  v128.store(at, gRow(2, t0, t1, t2), 32);
  v128.store(at, gRow(3, t0, t1, t2), 48);
  v128.store(at, gRow(4, t0, t1, t2), 64);
  v128.store(at, gRow(5, t0, t1, t2), 80);
}

/**
 * U = G g Gᵀ of four 3×3 kernels g (lanes; g00 … g22 their taps row by row): the 36 vectors,
 * ξ = 6r + j, to stage + ξ·16 (576 bytes).
 */
export function kernelTransformF4(
  stage: usize, g00: v128, g01: v128, g02: v128, g10: v128, g11: v128, g12: v128, g20: v128, g21: v128, g22: v128,
): void {
  stageKernelRowF4(stage, 0, gRow(0, g00, g10, g20), gRow(0, g01, g11, g21), gRow(0, g02, g12, g22));
  stageKernelRowF4(stage, 1, gRow(1, g00, g10, g20), gRow(1, g01, g11, g21), gRow(1, g02, g12, g22));
  stageKernelRowF4(stage, 2, gRow(2, g00, g10, g20), gRow(2, g01, g11, g21), gRow(2, g02, g12, g22));
  stageKernelRowF4(stage, 3, gRow(3, g00, g10, g20), gRow(3, g01, g11, g21), gRow(3, g02, g12, g22));
  stageKernelRowF4(stage, 4, gRow(4, g00, g10, g20), gRow(4, g01, g11, g21), gRow(4, g02, g12, g22));
  stageKernelRowF4(stage, 5, gRow(5, g00, g10, g20), gRow(5, g01, g11, g21), gRow(5, g02, g12, g22));
}

/** Row a of Gᵀ (3×6) applied to (x0 … x5). */
// @ts-ignore: decorator
@inline function gtRow(a: i32, x0: f32, x1: f32, x2: f32, x3: f32, x4: f32, x5: f32): f32 {
  if (a == 0) return 0.25 * x0 - SIXTH * (x1 + x2) + TWENTY_FOURTH * (x3 + x4);
  if (a == 1) return SIXTH * (x2 - x1) + TWELFTH * (x3 - x4);
  return SIXTH * ((x3 + x4) - (x1 + x2)) + x5;
}

/** g [3×3, row by row at g] += Gᵀ X G for X = the 36 floats at at + ξ·plane (ξ = 6r + c). */
export function addKernelGradientF4(at: usize, plane: usize, g: usize): void {
  // Row a of t = Gᵀ X (3×6), then that row times G: row a of the kernel's gradient.
  for (let a = 0; a < 3; a++) {
    const t0 = gtColumn(a, at, plane), t1 = gtColumn(a, at + plane, plane), t2 = gtColumn(a, at + 2 * plane, plane);
    const t3 = gtColumn(a, at + 3 * plane, plane), t4 = gtColumn(a, at + 4 * plane, plane), t5 = gtColumn(a, at + 5 * plane, plane);
    const row = g + <usize>(12 * a);
    store<f32>(row, load<f32>(row) + gtRow(0, t0, t1, t2, t3, t4, t5));
    store<f32>(row, load<f32>(row, 4) + gtRow(1, t0, t1, t2, t3, t4, t5), 4);
    store<f32>(row, load<f32>(row, 8) + gtRow(2, t0, t1, t2, t3, t4, t5), 8);
  }
}

/** gtRow for four kernels at once (lanes), the same operations in the same order (the same bits). */
// @ts-ignore: decorator
@inline function gtRow4(a: i32, x0: v128, x1: v128, x2: v128, x3: v128, x4: v128, x5: v128): v128 {
  if (a == 0) {
    return f32x4.add(f32x4.sub(f32x4.mul(f32x4.splat(0.25), x0), f32x4.mul(f32x4.splat(SIXTH), f32x4.add(x1, x2))),
      f32x4.mul(f32x4.splat(TWENTY_FOURTH), f32x4.add(x3, x4)));
  }
  if (a == 1) return f32x4.add(f32x4.mul(f32x4.splat(SIXTH), f32x4.sub(x2, x1)), f32x4.mul(f32x4.splat(TWELFTH), f32x4.sub(x3, x4)));
  return f32x4.add(f32x4.mul(f32x4.splat(SIXTH), f32x4.sub(f32x4.add(x3, x4), f32x4.add(x1, x2))), x5);
}

// @ts-ignore: decorator
@inline function gtColumn4(a: i32, x: usize, plane: usize): v128 {
  return gtRow4(a, v128.load(x), v128.load(x + 6 * plane), v128.load(x + 12 * plane), v128.load(x + 18 * plane),
    v128.load(x + 24 * plane), v128.load(x + 30 * plane));
}

/** Adds lane l of v to the float at p + 36·l: one entry of each of four consecutive kernels' 3×3 gradients. */
// @ts-ignore: decorator
@inline function addLanes(p: usize, v: v128): void {
  store<f32>(p, load<f32>(p) + f32x4.extract_lane(v, 0));
  store<f32>(p, load<f32>(p, 36) + f32x4.extract_lane(v, 1), 36);
  store<f32>(p, load<f32>(p, 72) + f32x4.extract_lane(v, 2), 72);
  store<f32>(p, load<f32>(p, 108) + f32x4.extract_lane(v, 3), 108);
}

/**
 * addKernelGradientF4 for four consecutive kernels (lanes: X's floats at at … at + 12, the
 * kernels' gradients at g … g + 143), with the same bits: one vector load per ξ and row of Gᵀ
 * where the scalar form loads each kernel's 36 floats, a cache line apart, three times over.
 */
export function addKernelGradientsF4(at: usize, plane: usize, g: usize): void {
  for (let a = 0; a < 3; a++) {
    const t0 = gtColumn4(a, at, plane), t1 = gtColumn4(a, at + plane, plane), t2 = gtColumn4(a, at + 2 * plane, plane);
    const t3 = gtColumn4(a, at + 3 * plane, plane), t4 = gtColumn4(a, at + 4 * plane, plane), t5 = gtColumn4(a, at + 5 * plane, plane);
    const row = g + <usize>(12 * a);
    addLanes(row, gtRow4(0, t0, t1, t2, t3, t4, t5));
    addLanes(row + 4, gtRow4(1, t0, t1, t2, t3, t4, t5));
    addLanes(row + 8, gtRow4(2, t0, t1, t2, t3, t4, t5));
  }
}

/** (Gᵀ X)_a,c for the column of X whose first entry (ξ = c) is at x: its six are 6·plane bytes apart. */
// @ts-ignore: decorator
@inline function gtColumn(a: i32, x: usize, plane: usize): f32 {
  return gtRow(a, load<f32>(x), load<f32>(x + 6 * plane), load<f32>(x + 12 * plane), load<f32>(x + 18 * plane),
    load<f32>(x + 24 * plane), load<f32>(x + 30 * plane));
}
