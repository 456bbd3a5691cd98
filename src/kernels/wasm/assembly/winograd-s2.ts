// SPDX-License-Identifier: MIT
// The transforms of a Winograd algorithm for 3×3 convolutions with stride 2, by phases: each
// 2×2 block of outputs (a tile) from the 5×5 block of inputs that covers it (tiles 4 inputs
// apart). Along one axis, y0 = w0·d0 + w1·d1 + w2·d2 and y1 = w0·d2 + w1·d3 + w2·d4: the even
// inputs (d0, d2, d4) meet the kernel's taps (w0, w2) as a 2-tap stride-1 convolution, which
// F(2, 2) computes with 3 multiplies instead of 4, and the odd ones (d1, d3) meet w1 alone (2).
// So 5 multiplies per axis for 6, and 25 per tile and channel pair in two dimensions instead of
// direct convolution's 36 (1.44× fewer), with transforms of additions alone (no rounding beyond
// the sums' own):
//   Bᵀ = [1 0 −1 0 0; 0 0 1 0 0; 0 0 −1 0 1; 0 1 0 0 0; 0 0 0 1 0]
//   G  = [1 0 0; 1 0 1; 0 0 1; 0 1 0; 0 1 0]
//   Aᵀ = [1 1 0 1 0; 0 1 1 0 1]
// winograd.ts runs the GEMMs between them (ξ = 5i + j, i down the tile, j along it), for the
// forward pass (the gradients go by im2col: see kernels.ts' winogradTile);
// docs/math/winograd.md derives it. The vector transforms run four tiles side by side, one per
// SIMD lane.

/** Positions ξ of a transformed tile. */
export const S2_POSITIONS: i32 = 25;

/** Lanes k of a, b, c, d (four consecutive vectors of a row) → lane k of the result is float 4k + j: a 4×4 transpose. */
// @ts-ignore: decorator
@inline function column(a: v128, b: v128, c: v128, d: v128, j: i32): v128 {
  if (j == 0) return v128.shuffle<f32>(v128.shuffle<f32>(a, b, 0, 4, 1, 5), v128.shuffle<f32>(c, d, 0, 4, 1, 5), 0, 1, 4, 5);
  if (j == 1) return v128.shuffle<f32>(v128.shuffle<f32>(a, b, 0, 4, 1, 5), v128.shuffle<f32>(c, d, 0, 4, 1, 5), 2, 3, 6, 7);
  if (j == 2) return v128.shuffle<f32>(v128.shuffle<f32>(a, b, 2, 6, 3, 7), v128.shuffle<f32>(c, d, 2, 6, 3, 7), 0, 1, 4, 5);
  return v128.shuffle<f32>(v128.shuffle<f32>(a, b, 2, 6, 3, 7), v128.shuffle<f32>(c, d, 2, 6, 3, 7), 2, 3, 6, 7);
}

/** Bytes of the staging area inputTransformS2 uses: five rows of five vectors. */
export const S2_STAGE_BYTES: i32 = 25 * 16;

/**
 * Bᵀ d B for four adjacent tiles (lanes) whose 5×5 input blocks start 4 floats apart at src (rows
 * rowBytes apart, 20 floats read per row): the 25 results go to v, one row of V (vStride bytes)
 * apart per ξ = 5i + j. `stage`: S2_STAGE_BYTES of scratch.
 */
export function inputTransformS2(src: usize, rowBytes: usize, v: usize, vStride: usize, stage: usize): void {
  // d·B along each of the five rows (lane k: floats 4k … 4k + 4 of the row): d0 − d2, d2, d4 − d2, d1, d3.
  for (let r = 0; r < 5; r++) {
    const at = src + <usize>r * rowBytes;
    const a = v128.load(at), b = v128.load(at, 16), c = v128.load(at, 32), d = v128.load(at, 48), e = v128.load(at, 64);
    const d0 = column(a, b, c, d, 0), d1 = column(a, b, c, d, 1), d2 = column(a, b, c, d, 2), d3 = column(a, b, c, d, 3);
    const d4 = v128.shuffle<f32>(d0, e, 1, 2, 3, 4); // floats 4k + 4: the next lane's first, the last lane's from e
    const s = stage + <usize>(80 * r);
    v128.store(s, f32x4.sub(d0, d2));
    v128.store(s, d2, 16);
    v128.store(s, f32x4.sub(d4, d2), 32);
    v128.store(s, d1, 48);
    v128.store(s, d3, 64);
  }
  // Bᵀ down the columns: rows r0 − r2, r2, r4 − r2, r1, r3.
  for (let j = 0; j < 5; j++) {
    const s = stage + <usize>(16 * j);
    const r0 = v128.load(s), r1 = v128.load(s, 80), r2 = v128.load(s, 160), r3 = v128.load(s, 240), r4 = v128.load(s, 320);
    const at = v + <usize>j * vStride;
    v128.store(at, f32x4.sub(r0, r2));
    v128.store(at + 5 * vStride, r2);
    v128.store(at + 10 * vStride, f32x4.sub(r4, r2));
    v128.store(at + 15 * vStride, r1);
    v128.store(at + 20 * vStride, r3);
  }
}

// @ts-ignore: decorator
@inline function m(at: usize, mXi: usize, xi: i32): v128 {
  return v128.load(at + <usize>xi * mXi);
}

/** Row i of Aᵀ M applied along the tile: (t0 + t1 + t3, t1 + t2 + t4) of row i's five vectors, lanes y_i0 and y_i1. */
// @ts-ignore: decorator
@inline function outputRow(t0: v128, t1: v128, t2: v128, t3: v128, t4: v128, bias: v128, relu: bool, out: usize): void {
  let a = f32x4.add(f32x4.add(f32x4.add(t0, t1), t3), bias);
  let b = f32x4.add(f32x4.add(f32x4.add(t1, t2), t4), bias);
  if (relu) {
    a = f32x4.max(a, f32x4.splat(0));
    b = f32x4.max(b, f32x4.splat(0));
  }
  v128.store(out, a);
  v128.store(out, b, 16);
}

/**
 * Aᵀ M A + bias (relu: then max(·, 0)) for four tiles (lanes) from M at `at` (ξ rows mXi bytes
 * apart): the 2×2 outputs to out as four vectors y00, y01, y10, y11 (lane k: tile k).
 */
export function outputTransformS2(at: usize, mXi: usize, bias: v128, relu: bool, out: usize): void {
  // Aᵀ down the tile: rows m0 + m1 + m3 and m1 + m2 + m4, column by column; then along each.
  for (let a = 0; a < 2; a++) {
    const t0 = f32x4.add(f32x4.add(m(at, mXi, 5 * a), m(at, mXi, 5 * a + 5)), m(at, mXi, 15 + 5 * a));
    const t1 = f32x4.add(f32x4.add(m(at, mXi, 5 * a + 1), m(at, mXi, 5 * a + 6)), m(at, mXi, 16 + 5 * a));
    const t2 = f32x4.add(f32x4.add(m(at, mXi, 5 * a + 2), m(at, mXi, 5 * a + 7)), m(at, mXi, 17 + 5 * a));
    const t3 = f32x4.add(f32x4.add(m(at, mXi, 5 * a + 3), m(at, mXi, 5 * a + 8)), m(at, mXi, 18 + 5 * a));
    const t4 = f32x4.add(f32x4.add(m(at, mXi, 5 * a + 4), m(at, mXi, 5 * a + 9)), m(at, mXi, 19 + 5 * a));
    outputRow(t0, t1, t2, t3, t4, bias, relu, out + <usize>(32 * a));
  }
}

/** Row i of u = t Gᵀ from row i of t = G g: t0, t0 + t2, t2, t1, t1 into u_5i … u_5i+4 (xiBytes apart). */
// @ts-ignore: decorator
@inline function kernelRow(at: usize, xiBytes: usize, i: i32, t0: f32, t1: f32, t2: f32): void {
  store<f32>(at + <usize>(5 * i) * xiBytes, t0);
  store<f32>(at + <usize>(5 * i + 1) * xiBytes, t0 + t2);
  store<f32>(at + <usize>(5 * i + 2) * xiBytes, t2);
  store<f32>(at + <usize>(5 * i + 3) * xiBytes, t1);
  store<f32>(at + <usize>(5 * i + 4) * xiBytes, t1);
}

/** U = G g Gᵀ of the 3×3 kernel g (row-major floats): the 25 values to at, xiBytes apart per ξ. */
export function kernelTransformS2(g: usize, at: usize, xiBytes: usize): void {
  const g00 = load<f32>(g), g01 = load<f32>(g, 4), g02 = load<f32>(g, 8);
  const g10 = load<f32>(g, 12), g11 = load<f32>(g, 16), g12 = load<f32>(g, 20);
  const g20 = load<f32>(g, 24), g21 = load<f32>(g, 28), g22 = load<f32>(g, 32);
  // t = G g (5×3): rows g0, g0 + g2, g2, g1, g1.
  kernelRow(at, xiBytes, 0, g00, g01, g02);
  kernelRow(at, xiBytes, 1, g00 + g20, g01 + g21, g02 + g22);
  kernelRow(at, xiBytes, 2, g20, g21, g22);
  kernelRow(at, xiBytes, 3, g10, g11, g12);
  kernelRow(at, xiBytes, 4, g10, g11, g12);
}
