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
// forward pass and, by the adjoint transforms at the end of this file, the input gradient (the
// weight gradient goes by im2col: see kernels.ts' winogradTile);
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

// The input gradient, by the adjoint of the forward map (docs/math/winograd.md, "Stride 2"): for
// each tile, dL/dd = B [Σ_o U_o,c ⊙ (A δ_o Aᵀ)] Bᵀ, scattered into the 5×5 input block and summed
// where adjacent blocks share a row or column. A is Aᵀ's transpose (rows [1 0], [1 1], [0 1],
// [1 0], [0 1]), B is Bᵀ's.

/**
 * Z = A δ Aᵀ has 9 distinct positions of its 25: A's rows 0 and 3 are both [1 0], rows 2 and 4
 * both [0 1], so Z_ξ for ξ = 5i + j is Z at (type(i), type(j)) with type = (0, 1, 2, 0, 2): δ's
 * row (or column) 0, the sum of both, or 1. The GEMMs read the shared one (zSlotS2).
 */
export const S2_Z_SLOTS: i32 = 9;

/** The slot 3·type(i) + type(j) of Z that position ξ = 5i + j of the stride-2 tile reads. */
export function zSlotS2(xi: i32): i32 {
  const i = xi / 5, j = xi % 5;
  const ti = i == 3 ? 0 : i == 4 ? 2 : i, tj = j == 3 ? 0 : j == 4 ? 2 : j;
  return 3 * ti + tj;
}

/** Row type a of Z for one (column 0, column 1) pair of A δ: c0, c0 + c1, c1 at slots 3a … 3a + 2. */
// @ts-ignore: decorator
@inline function gradientRowS2(c0: v128, c1: v128, z: usize, zStride: usize): void {
  v128.store(z, c0);
  v128.store(z + zStride, f32x4.add(c0, c1));
  v128.store(z + 2 * zStride, c1);
}

/**
 * The 9 distinct positions of Z = A δ Aᵀ (S2_Z_SLOTS) for four adjacent tiles (lanes) from their
 * 2×2 blocks of δ (d_ab: row a, column b; winograd.ts' gradientTransform2 loads them), to z,
 * zStride bytes apart per slot.
 */
export function gradientTransformS2(d00: v128, d01: v128, d10: v128, d11: v128, z: usize, zStride: usize): void {
  gradientRowS2(d00, d01, z, zStride);
  gradientRowS2(f32x4.add(d00, d10), f32x4.add(d01, d11), z + 3 * zStride, zStride);
  gradientRowS2(d10, d11, z + 6 * zStride, zStride);
}

/** B applied to (v0 … v4), read `step` bytes apart and written outStep apart: (v0, v3, (v1 − v0) − v2, v4, v2). */
// @ts-ignore: decorator
@inline function bColumn(at: usize, step: usize, out: usize, outStep: usize): void {
  const v0 = v128.load(at), v1 = v128.load(at + step), v2 = v128.load(at + 2 * step);
  const v3 = v128.load(at + 3 * step), v4 = v128.load(at + 4 * step);
  v128.store(out, v0);
  v128.store(out + outStep, v3);
  v128.store(out + 2 * outStep, f32x4.sub(f32x4.sub(v1, v0), v2));
  v128.store(out + 3 * outStep, v4);
  v128.store(out + 4 * outStep, v2);
}

/** plane[at] += v (four floats). */
// @ts-ignore: decorator
@inline function addTo(at: usize, v: v128): void {
  v128.store(at, f32x4.add(v128.load(at), v));
}

/**
 * dd = B dV Bᵀ for four adjacent tiles (lanes; dV's 25 positions ξ = 5i + j at `at`, dvXi bytes
 * apart), added into the plane whose block of the first tile starts at dst (rows rowBytes apart;
 * the tiles' blocks 4 floats apart, 21 floats a row). `live`: a lane mask of the tiles that
 * exist (a row's last group may hold fewer than four). `stage`: S2_STAGE_BYTES of scratch.
 */
export function inputGradientTransformS2(at: usize, dvXi: usize, dst: usize, rowBytes: usize, live: v128, stage: usize): void {
  // B down the columns (over i), staged as 5 rows of 5 vectors; then B along each staged row.
  for (let j = 0; j < 5; j++) bColumn(at + <usize>j * dvXi, 5 * dvXi, stage + <usize>(16 * j), 80);
  const zero = f32x4.splat(0);
  for (let k = 0; k < 5; k++) {
    const s = stage + <usize>(80 * k);
    const v0 = v128.load(s), v1 = v128.load(s, 16), v2 = v128.load(s, 32), v3 = v128.load(s, 48), v4 = v128.load(s, 64);
    const e0 = v128.and(v0, live), e1 = v128.and(v3, live), e2 = v128.and(f32x4.sub(f32x4.sub(v1, v0), v2), live);
    const e3 = v128.and(v4, live), e4 = v128.and(v2, live);
    // Tile q's floats 0 … 3 of the row are lane q of e0 … e3 (a transpose); its float 4 is the
    // next tile's float 0, so lane q of e4 joins the next vector's lane 0.
    const row = dst + <usize>k * rowBytes;
    addTo(row, column(e0, e1, e2, e3, 0));
    addTo(row + 16, f32x4.add(column(e0, e1, e2, e3, 1), v128.shuffle<f32>(e4, zero, 0, 4, 4, 4)));
    addTo(row + 32, f32x4.add(column(e0, e1, e2, e3, 2), v128.shuffle<f32>(e4, zero, 1, 4, 4, 4)));
    addTo(row + 48, f32x4.add(column(e0, e1, e2, e3, 3), v128.shuffle<f32>(e4, zero, 2, 4, 4, 4)));
    store<f32>(row, load<f32>(row, 64) + f32x4.extract_lane(e4, 3), 64);
  }
}
