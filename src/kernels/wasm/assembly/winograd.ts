// SPDX-License-Identifier: MIT
// Winograd F(m×m, 3×3) for 3×3 convolutions with stride 1 (Lavin & Gray, "Fast Algorithms for
// Convolutional Neural Networks", 2016), m = 2 or 4. Each m×m block of outputs (a tile) is
// computed from the (m + 2)² block of inputs that covers it: Y = Aᵀ[Σ_c (G g Gᵀ) ⊙ (Bᵀ d B)]A,
// (m + 2)² multiplies per tile and channel pair instead of im2col's 9m² (m = 2: 16 for 36;
// m = 4: 36 for 144). The channel sums are (m + 2)² GEMMs, one per position ξ of the transformed
// tile: M_ξ [Cout, T] = U_ξ [Cout, Cin] · V_ξ [Cin, T] over the T tiles of a group of samples
// (grouped so that samples with few tiles still give the GEMM wide rows). The transforms run four
// tiles at a time, one per SIMD lane: F(2×2) here, F(4×4) in winograd-f4.ts. The same GEMMs serve
// the stride-2 algorithm of winograd-s2.ts (forward, and its adjoint for the input gradient:
// winogradInputGradientS2). docs/math/winograd.md derives them all.
import { gemm, KC, MR } from './gemm';
import { copyFloats, zeroFloats } from './memory';
import {
  gradientTransformS2, inputGradientTransformS2, inputTransformS2, kernelTransformS2, outputTransformS2, S2_POSITIONS, S2_STAGE_BYTES,
  S2_Z_SLOTS, zSlotS2,
} from './winograd-s2';
import { addKernelGradientF4, addKernelGradientsF4, F4_STAGE_BYTES, gradientTransformF4, inputTransformF4, kernelTransformF4, outputTransformF4 } from './winograd-f4';
export { F4_STAGE_BYTES } from './winograd-f4';

/**
 * The algorithm word m of the functions below: 2 or 4 for F(m×m, 3×3) at stride 1, S2 for the
 * stride-2 algorithm of winograd-s2.ts (2×2 outputs a tile, 25 positions).
 */
export const S2: i32 = 3;

/** Outputs along each axis of a tile of algorithm m. */
// @ts-ignore: decorator
@inline function outTile(m: i32): i32 {
  return m == S2 ? 2 : m;
}

/** Inputs between the blocks of adjacent tiles along an axis: outputs per tile × stride. */
// @ts-ignore: decorator
@inline function inStep(m: i32): i32 {
  return m == S2 ? 4 : m;
}

/** Tiles along an output axis of `size` for algorithm m. */
// @ts-ignore: decorator
@inline function tilesOf(size: i32, m: i32): i32 {
  const t = outTile(m);
  return (size + t - 1) / t;
}

/** Positions ξ of a transformed tile: (m + 2)² at stride 1, 25 at stride 2. */
// @ts-ignore: decorator
@inline function positions(m: i32): i32 {
  return m == S2 ? S2_POSITIONS : (m + 2) * (m + 2);
}

/** positions(m), for the jobs that size the weight gradient's transformed sums. */
export function winogradPositions(m: i32): i32 {
  return positions(m);
}

/** Bytes of the small area after the plane: the F(4×4) transforms' staging and a group of output rows at the edge. */
const EDGE_BYTES: i32 = F4_STAGE_BYTES + 256;

// @ts-ignore: decorator
@inline function roundUp4(n: i32): i32 {
  return (n + 3) & ~3;
}

/**
 * Floats between rows of V and M (the tiles of one channel): room for the three tiles a
 * four-lane store writes past the last one, and never a multiple of 256 floats (rows 1 KiB apart
 * share L1 sets; see gemm's in-place B path).
 */
function tileStride(tiles: i32): i32 {
  const stride = roundUp4(tiles + 3);
  return (stride & 255) == 0 ? stride + 4 : stride;
}

/** The zero-padded copy of one input channel that the input transform reads: rows and floats per row. */
// @ts-ignore: decorator
@inline function planeRows(OH: i32, m: i32): i32 {
  return inStep(m) * tilesOf(OH, m) + (m == S2 ? 1 : 2);
}
// @ts-ignore: decorator
@inline function planeCols(OW: i32, m: i32): i32 {
  return inStep(m) * roundUp4(tilesOf(OW, m)) + 4;
}

/** Bytes of the plane and the edge area after it, at the start of the work area. */
// @ts-ignore: decorator
@inline function planeBytesOf(OH: i32, OW: i32, m: i32): usize {
  return align64(<usize>(planeRows(OH, m) * planeCols(OW, m)) * 4) + <usize>EDGE_BYTES;
}

// @ts-ignore: decorator
@inline function align64(bytes: usize): usize {
  return (bytes + 63) & ~63;
}

/** Bytes of work area winogradSamples needs for `group` samples: the padded plane (and edge area), V and M. */
export function winogradWorkBytes(Cin: i32, Cout: i32, OH: i32, OW: i32, group: i32, m: i32): i32 {
  const stride = <usize>tileStride(group * tilesOf(OH, m) * tilesOf(OW, m)), xis = <usize>positions(m);
  return <i32>(planeBytesOf(OH, OW, m) + align64(xis * <usize>Cin * stride * 4) + align64(xis * <usize>Cout * stride * 4));
}

/** Bytes of one U_ξ [rows, cols] packed into the GEMM's row panels (rows rounded up to the register tile). */
// @ts-ignore: decorator
@inline function packedKernelBytes(rows: i32, cols: i32): usize {
  return <usize>((rows + MR - 1) / MR * MR) * <usize>cols * 4;
}

/** Bytes winogradKernelRows writes in all: the (m + 2)² U_ξ in the GEMM's packed layout. */
export function winogradPackedBytes(rows: i32, cols: i32, m: i32): i32 {
  return <i32>(<usize>positions(m) * packedKernelBytes(rows, cols));
}

/**
 * U_ξ = (G g Gᵀ)_ξ for the 3×3 kernels g of w [Cout, Cin, 3, 3], written straight into the row
 * panels gemm reads through packedA (see packAPanels: k-block pc, panel of row i at
 * (pc·rowsPad + (i − i mod MR)·kc + (k − pc)·MR + i mod MR) floats), for rows [r0, r1) of U_ξ
 * [Cout, Cin]. With `adjoint`, U_ξ is [Cin, Cout] and holds the transforms of the kernels rotated
 * by 180° (the convolution that gives this one's input gradient). Rows past the last, up to the
 * register tile, are zeros; r0 and r1 are multiples of MR (or r1 the padded row count), so
 * items of a job write disjoint panels.
 */
export function winogradKernelRows(w: usize, packed: usize, Cout: i32, Cin: i32, adjoint: bool, r0: i32, r1: i32, m: i32, stage: usize): void {
  if (m == 4) {
    kernelRowsF4(w, packed, Cout, Cin, adjoint, r0, r1, stage);
    return;
  }
  const rows = adjoint ? Cin : Cout, cols = adjoint ? Cout : Cin;
  const rowsPad = (rows + MR - 1) / MR * MR;
  const xiBytes = packedKernelBytes(rows, cols);
  for (let i = r0; i < r1; i++) {
    for (let k = 0; k < cols; k++) {
      const pc = k / KC * KC, kc = min(KC, cols - pc);
      const at = packed + <usize>(pc * rowsPad + (i - i % MR) * kc + (k - pc) * MR + i % MR) * 4;
      if (i >= rows) {
        for (let xi = 0; xi < positions(m); xi++) store<f32>(at + <usize>xi * xiBytes, 0);
        continue;
      }
      const g = w + <usize>((adjoint ? k * Cin + i : i * Cin + k) * 9) * 4;
      if (m == S2) { // unrotated: with adjoint, the input gradient's U_ξᵀ (winogradInputGradientS2)
        kernelTransformS2(g, at, xiBytes);
        continue;
      }
      // Rotated by 180°, tap (r, j) of the kernel is tap (2 − r, 2 − j) of g.
      const g00 = tap(g, 0, 0, adjoint), g01 = tap(g, 0, 1, adjoint), g02 = tap(g, 0, 2, adjoint);
      const g10 = tap(g, 1, 0, adjoint), g11 = tap(g, 1, 1, adjoint), g12 = tap(g, 1, 2, adjoint);
      const g20 = tap(g, 2, 0, adjoint), g21 = tap(g, 2, 1, adjoint), g22 = tap(g, 2, 2, adjoint);
      // t = G g (4×3): rows g0, (g0 + g1 + g2)/2, (g0 − g1 + g2)/2, g2; then u = t Gᵀ row by row.
      storeTransformedRow(at, xiBytes, 0, g00, g01, g02);
      storeTransformedRow(at, xiBytes, 1, 0.5 * (g00 + g10 + g20), 0.5 * (g01 + g11 + g21), 0.5 * (g02 + g12 + g22));
      storeTransformedRow(at, xiBytes, 2, 0.5 * (g00 - g10 + g20), 0.5 * (g01 - g11 + g21), 0.5 * (g02 - g12 + g22));
      storeTransformedRow(at, xiBytes, 3, g20, g21, g22);
    }
  }
}

/**
 * winogradKernelRows for F(4×4, 3×3): the kernels of four rows of U at a time (lanes), rows of
 * a register panel lying side by side in it (rows i0 … i0 + 3 of the panel, then i0 + 4 and
 * i0 + 5 with MR = 6), so each ξ takes one store per four rows. `stage`: F4_STAGE_BYTES of scratch.
 */
function kernelRowsF4(w: usize, packed: usize, Cout: i32, Cin: i32, adjoint: bool, r0: i32, r1: i32, stage: usize): void {
  const rows = adjoint ? Cin : Cout, cols = adjoint ? Cout : Cin;
  const rowsPad = (rows + MR - 1) / MR * MR;
  const xiBytes = packedKernelBytes(rows, cols);
  for (let i0 = r0; i0 < r1; i0 += MR) {
    for (let k = 0; k < cols; k++) {
      const pc = k / KC * KC, kc = min(KC, cols - pc);
      const panel = packed + <usize>(pc * rowsPad + i0 * kc + (k - pc) * MR) * 4;
      for (let l = 0; l < MR; l += 4) {
        // Lane j: the kernel of row i0 + l + j (zeros past the last row, and past the panel).
        const i = i0 + l;
        const g00 = taps4(w, Cin, adjoint, i, k, rows, MR - l, 0, 0), g01 = taps4(w, Cin, adjoint, i, k, rows, MR - l, 0, 1);
        const g02 = taps4(w, Cin, adjoint, i, k, rows, MR - l, 0, 2), g10 = taps4(w, Cin, adjoint, i, k, rows, MR - l, 1, 0);
        const g11 = taps4(w, Cin, adjoint, i, k, rows, MR - l, 1, 1), g12 = taps4(w, Cin, adjoint, i, k, rows, MR - l, 1, 2);
        const g20 = taps4(w, Cin, adjoint, i, k, rows, MR - l, 2, 0), g21 = taps4(w, Cin, adjoint, i, k, rows, MR - l, 2, 1);
        const g22 = taps4(w, Cin, adjoint, i, k, rows, MR - l, 2, 2);
        kernelTransformF4(stage, g00, g01, g02, g10, g11, g12, g20, g21, g22);
        const at = panel + <usize>l * 4;
        if (MR - l >= 4) {
          for (let xi = 0; xi < 36; xi++) v128.store(at + <usize>xi * xiBytes, v128.load(stage + <usize>xi * 16));
        } else {
          for (let xi = 0; xi < 36; xi++) store<u64>(at + <usize>xi * xiBytes, load<u64>(stage + <usize>xi * 16));
        }
      }
    }
  }
}

/** Tap (r, j) of the kernels of rows i … i + 3 at column k (lanes; 0 for a row ≥ rows or a lane ≥ lanes). */
// @ts-ignore: decorator
@inline function taps4(w: usize, Cin: i32, adjoint: bool, i: i32, k: i32, rows: i32, lanes: i32, r: i32, j: i32): v128 {
  let v = f32x4.splat(0);
  if (i < rows) v = f32x4.replace_lane(v, 0, kernelTap(w, Cin, adjoint, i, k, r, j));
  if (i + 1 < rows && lanes > 1) v = f32x4.replace_lane(v, 1, kernelTap(w, Cin, adjoint, i + 1, k, r, j));
  if (i + 2 < rows && lanes > 2) v = f32x4.replace_lane(v, 2, kernelTap(w, Cin, adjoint, i + 2, k, r, j));
  if (i + 3 < rows && lanes > 3) v = f32x4.replace_lane(v, 3, kernelTap(w, Cin, adjoint, i + 3, k, r, j));
  return v;
}

/** Tap (r, j) of row i, column k of U's kernels: w[i][k] (adjoint: w[k][i] rotated by 180°). */
// @ts-ignore: decorator
@inline function kernelTap(w: usize, Cin: i32, adjoint: bool, i: i32, k: i32, r: i32, j: i32): f32 {
  return tap(w + <usize>((adjoint ? k * Cin + i : i * Cin + k) * 9) * 4, r, j, adjoint);
}

// @ts-ignore: decorator
@inline function tap(g: usize, r: i32, j: i32, rotate: bool): f32 {
  return load<f32>(g + <usize>(rotate ? 8 - 3 * r - j : 3 * r + j) * 4);
}

/** Row i of u = t Gᵀ from row i of t: t0, (t0 + t1 + t2)/2, (t0 − t1 + t2)/2, t2, into u_4i … u_4i+3. */
// @ts-ignore: decorator
@inline function storeTransformedRow(at: usize, xiBytes: usize, i: i32, t0: f32, t1: f32, t2: f32): void {
  store<f32>(at + <usize>(4 * i) * xiBytes, t0);
  store<f32>(at + <usize>(4 * i + 1) * xiBytes, 0.5 * (t0 + t1 + t2));
  store<f32>(at + <usize>(4 * i + 2) * xiBytes, 0.5 * (t0 - t1 + t2));
  store<f32>(at + <usize>(4 * i + 3) * xiBytes, t2);
}

/**
 * Bᵀ d B for four adjacent tiles (lanes) of rows 2·th … 2·th + 3 of the plane, tile columns from
 * 2·tw: the sixteen results go to V at v, one row of V (vStride bytes) apart per ξ.
 */
// @ts-ignore: decorator
@inline function inputTransform4(src: usize, planeBytes: usize, v: usize, vStride: usize): void {
  // Row r: the four lanes' columns 0..3 (every other float: de-interleave), then d·B along the row.
  let a = v128.load(src), b = v128.load(src, 16), a2 = v128.load(src, 8), b2 = v128.load(src, 24);
  let e0 = v128.shuffle<f32>(a, b, 0, 2, 4, 6), e1 = v128.shuffle<f32>(a, b, 1, 3, 5, 7);
  let e2 = v128.shuffle<f32>(a2, b2, 0, 2, 4, 6), e3 = v128.shuffle<f32>(a2, b2, 1, 3, 5, 7);
  const q00 = f32x4.sub(e0, e2), q01 = f32x4.add(e1, e2), q02 = f32x4.sub(e2, e1), q03 = f32x4.sub(e1, e3);
  let row = src + planeBytes;
  a = v128.load(row); b = v128.load(row, 16); a2 = v128.load(row, 8); b2 = v128.load(row, 24);
  e0 = v128.shuffle<f32>(a, b, 0, 2, 4, 6); e1 = v128.shuffle<f32>(a, b, 1, 3, 5, 7);
  e2 = v128.shuffle<f32>(a2, b2, 0, 2, 4, 6); e3 = v128.shuffle<f32>(a2, b2, 1, 3, 5, 7);
  const q10 = f32x4.sub(e0, e2), q11 = f32x4.add(e1, e2), q12 = f32x4.sub(e2, e1), q13 = f32x4.sub(e1, e3);
  row += planeBytes;
  a = v128.load(row); b = v128.load(row, 16); a2 = v128.load(row, 8); b2 = v128.load(row, 24);
  e0 = v128.shuffle<f32>(a, b, 0, 2, 4, 6); e1 = v128.shuffle<f32>(a, b, 1, 3, 5, 7);
  e2 = v128.shuffle<f32>(a2, b2, 0, 2, 4, 6); e3 = v128.shuffle<f32>(a2, b2, 1, 3, 5, 7);
  const q20 = f32x4.sub(e0, e2), q21 = f32x4.add(e1, e2), q22 = f32x4.sub(e2, e1), q23 = f32x4.sub(e1, e3);
  row += planeBytes;
  a = v128.load(row); b = v128.load(row, 16); a2 = v128.load(row, 8); b2 = v128.load(row, 24);
  e0 = v128.shuffle<f32>(a, b, 0, 2, 4, 6); e1 = v128.shuffle<f32>(a, b, 1, 3, 5, 7);
  e2 = v128.shuffle<f32>(a2, b2, 0, 2, 4, 6); e3 = v128.shuffle<f32>(a2, b2, 1, 3, 5, 7);
  const q30 = f32x4.sub(e0, e2), q31 = f32x4.add(e1, e2), q32 = f32x4.sub(e2, e1), q33 = f32x4.sub(e1, e3);
  // Bᵀ along the columns: rows q0 − q2, q1 + q2, q2 − q1, q1 − q3.
  v128.store(v, f32x4.sub(q00, q20));
  v128.store(v + vStride, f32x4.sub(q01, q21));
  v128.store(v + 2 * vStride, f32x4.sub(q02, q22));
  v128.store(v + 3 * vStride, f32x4.sub(q03, q23));
  v128.store(v + 4 * vStride, f32x4.add(q10, q20));
  v128.store(v + 5 * vStride, f32x4.add(q11, q21));
  v128.store(v + 6 * vStride, f32x4.add(q12, q22));
  v128.store(v + 7 * vStride, f32x4.add(q13, q23));
  v128.store(v + 8 * vStride, f32x4.sub(q20, q10));
  v128.store(v + 9 * vStride, f32x4.sub(q21, q11));
  v128.store(v + 10 * vStride, f32x4.sub(q22, q12));
  v128.store(v + 11 * vStride, f32x4.sub(q23, q13));
  v128.store(v + 12 * vStride, f32x4.sub(q10, q30));
  v128.store(v + 13 * vStride, f32x4.sub(q11, q31));
  v128.store(v + 14 * vStride, f32x4.sub(q12, q32));
  v128.store(v + 15 * vStride, f32x4.sub(q13, q33));
}

/**
 * V_ξ [Cin, stride] (columns s·T + t: tile t of sample s) = Bᵀ d B of every 4×4 input block d of
 * `count` samples of x [count, Cin, H, W], for the output OH × OW of a 3×3 stride-1 convolution
 * with padH rows and padW columns of zeros before the input. `plane` holds the zero-padded copy of
 * one channel (planeRows(OH) × planeCols(OW) floats).
 */
function transformInputs(
  x: usize, count: i32, Cin: i32, H: i32, W: i32, padH: i32, padW: i32, OH: i32, OW: i32,
  plane: usize, v: usize, stride: i32, m: i32, stage: usize,
): void {
  const TH = tilesOf(OH, m), TW = tilesOf(OW, m), T = TH * TW;
  const Hp = planeRows(OH, m), Wp = planeCols(OW, m);
  const planeBytes = <usize>Wp * 4, strideBytes = <usize>stride * 4;
  const vXi = <usize>Cin * strideBytes; // bytes between V_ξ and V_ξ+1
  // Rows and columns of x that some tile reads (the rest only ever meets zeros of the padding).
  const rows = min(H, Hp - padH), cols = min(W, Wp - padW);
  zeroFloats(plane, Hp * Wp); // the padding stays zero: each channel overwrites only the inside
  for (let s = 0; s < count; s++) {
    for (let c = 0; c < Cin; c++) {
      const xc = x + <usize>((s * Cin + c) * H * W) * 4;
      for (let ih = 0; ih < rows; ih++) {
        copyFloats(plane + <usize>((ih + padH) * Wp + padW) * 4, xc + <usize>(ih * W) * 4, cols);
      }
      // Four tiles per step; a step past the last tile of a row writes up to three tiles of the
      // next row (or past the last tile, into the stride's slack), which that row then rewrites.
      const vc = v + <usize>c * strideBytes + <usize>(s * T) * 4;
      for (let th = 0; th < TH; th++) {
        const src = plane + <usize>(inStep(m) * th) * planeBytes;
        for (let tw = 0; tw < TW; tw += 4) {
          const dst = vc + <usize>(th * TW + tw) * 4;
          if (m == 4) inputTransformF4(src + <usize>(4 * tw) * 4, planeBytes, dst, vXi, stage);
          else if (m == S2) inputTransformS2(src + <usize>(4 * tw) * 4, planeBytes, dst, vXi, stage);
          else inputTransform4(src + <usize>(2 * tw) * 4, planeBytes, dst, vXi);
        }
      }
    }
  }
}

/**
 * y = conv3×3(x) (+ b, then max(·, 0) with relu) for `count` samples from x [count, Cin, H, W]
 * to y [count, Cout, OH, OW], stride 1, padH rows and padW columns of zeros before the input
 * (and whatever the output size implies after it, up to 2 each side), by F(m×m, 3×3), given u
 * from winogradKernelRows for the same m (the GEMMs' packed panels). `work` holds
 * winogradWorkBytes(Cin, Cout, OH, OW, count, m); gemmScratch the GEMM's packing area. Every
 * output is written (nothing accumulates into y).
 */
export function winogradSamples(
  x: usize, count: i32, Cin: i32, H: i32, W: i32, padH: i32, padW: i32, OH: i32, OW: i32,
  u: usize, Cout: i32, b: usize, relu: bool, y: usize, work: usize, gemmScratch: usize, m: i32,
): void {
  const TH = tilesOf(OH, m), TW = tilesOf(OW, m), T = TH * TW, tiles = count * T;
  const stride = tileStride(tiles);
  const strideBytes = <usize>stride * 4;
  const plane = work;
  const edge = plane + planeBytesOf(OH, OW, m) - <usize>EDGE_BYTES; // staging, then a group of output rows
  const v = plane + planeBytesOf(OH, OW, m);
  const xis = positions(m);
  const m_ = v + align64(<usize>xis * <usize>Cin * strideBytes);
  const vXi = <usize>Cin * strideBytes;
  transformInputs(x, count, Cin, H, W, padH, padW, OH, OW, plane, v, stride, m, edge);

  // M_ξ [Cout, tiles] = U_ξ [Cout, Cin] · V_ξ [Cin, tiles], U_ξ read from its packed panels
  const uXi = packedKernelBytes(Cout, Cin), mXi = <usize>Cout * strideBytes;
  for (let xi = 0; xi < xis; xi++) {
    gemm(false, false, Cout, tiles, Cin, 0, Cin, v + <usize>xi * vXi, stride,
      m_ + <usize>xi * mXi, stride, false, gemmScratch, u + <usize>xi * uXi, 0, true);
  }
  outputTransforms(m, m_, mXi, strideBytes, count, Cout, OH, OW, b, relu, y, edge);
}

/**
 * y = Aᵀ M A (+ b, relu) for every tile of F(m×m, 3×3): M_ξ [Cout, stride] at m_ + ξ·mXi, four
 * tiles (lanes) at a time. `edge`: EDGE_BYTES of scratch.
 */
function outputTransforms(
  m: i32, m_: usize, mXi: usize, strideBytes: usize, count: i32, Cout: i32, OH: i32, OW: i32, b: usize, relu: bool, y: usize,
  edge: usize,
): void {
  const TH = tilesOf(OH, m), TW = tilesOf(OW, m), T = TH * TW;
  for (let s = 0; s < count; s++) {
    for (let o = 0; o < Cout; o++) {
      const bias = f32x4.splat(b != 0 ? load<f32>(b + <usize>o * 4) : 0);
      const mo = m_ + <usize>o * strideBytes + <usize>(s * T) * 4;
      const yo = y + <usize>((s * Cout + o) * OH * OW) * 4;
      for (let th = 0; th < TH; th++) {
        for (let tw = 0; tw < TW; tw += 4) {
          const at = mo + <usize>(th * TW + tw) * 4;
          if (m == 4) outputGroup4(at, mXi, bias, relu, yo, 4 * th, 4 * tw, OH, OW, edge);
          else if (m == S2) outputGroupS2(at, mXi, bias, relu, yo, 2 * th, 2 * tw, OH, OW, edge);
          else outputGroup2(at, mXi, bias, relu, yo, 2 * th, 2 * tw, OH, OW, edge);
        }
      }
    }
  }
}

/** Four F(4×4) tiles from M at `at`: their output rows oh … oh + 3, columns ow … ow + 15 of the plane yo (those inside OH × OW). */
// @ts-ignore: decorator
@inline function outputGroup4(at: usize, mXi: usize, bias: v128, relu: bool, yo: usize, oh: i32, ow: i32, OH: i32, OW: i32, edge: usize): void {
  const rows = edge + <usize>F4_STAGE_BYTES; // 4 output rows of 16 floats
  outputTransformF4(at, mXi, bias, relu, rows, edge);
  const dst = yo + <usize>(oh * OW + ow) * 4;
  const validRows = min(4, OH - oh);
  if (ow + 16 <= OW) {
    for (let i = 0; i < validRows; i++) {
      const d = dst + <usize>(i * OW) * 4, r = rows + <usize>i * 64;
      v128.store(d, v128.load(r));
      v128.store(d, v128.load(r, 16), 16);
      v128.store(d, v128.load(r, 32), 32);
      v128.store(d, v128.load(r, 48), 48);
    }
    return;
  }
  for (let i = 0; i < validRows; i++) copyFloats(dst + <usize>(i * OW) * 4, rows + <usize>i * 64, OW - ow);
}

/** Four F(2×2) tiles from M at `at`: their output rows oh, oh + 1, columns ow … ow + 7 of the plane yo (those inside OH × OW). */
// @ts-ignore: decorator
@inline function outputGroup2(at: usize, mXi: usize, bias: v128, relu: bool, yo: usize, oh: i32, ow: i32, OH: i32, OW: i32, edge: usize): void {
  const zero = f32x4.splat(0);
  // Aᵀ along the rows of the tile (s0 = m0 + m1 + m2, s1 = m1 − m2 − m3), then along its columns.
  const m0 = v128.load(at), m1 = v128.load(at + mXi), m2 = v128.load(at + 2 * mXi), m3 = v128.load(at + 3 * mXi);
  const m4 = v128.load(at + 4 * mXi), m5 = v128.load(at + 5 * mXi), m6 = v128.load(at + 6 * mXi), m7 = v128.load(at + 7 * mXi);
  const m8 = v128.load(at + 8 * mXi), m9 = v128.load(at + 9 * mXi), m10 = v128.load(at + 10 * mXi), m11 = v128.load(at + 11 * mXi);
  const m12 = v128.load(at + 12 * mXi), m13 = v128.load(at + 13 * mXi), m14 = v128.load(at + 14 * mXi), m15 = v128.load(at + 15 * mXi);
  const s00 = f32x4.add(f32x4.add(m0, m4), m8), s01 = f32x4.add(f32x4.add(m1, m5), m9);
  const s02 = f32x4.add(f32x4.add(m2, m6), m10), s03 = f32x4.add(f32x4.add(m3, m7), m11);
  const s10 = f32x4.sub(f32x4.sub(m4, m8), m12), s11 = f32x4.sub(f32x4.sub(m5, m9), m13);
  const s12 = f32x4.sub(f32x4.sub(m6, m10), m14), s13 = f32x4.sub(f32x4.sub(m7, m11), m15);
  let y00 = f32x4.add(f32x4.add(f32x4.add(s00, s01), s02), bias);
  let y01 = f32x4.add(f32x4.sub(f32x4.sub(s01, s02), s03), bias);
  let y10 = f32x4.add(f32x4.add(f32x4.add(s10, s11), s12), bias);
  let y11 = f32x4.add(f32x4.sub(f32x4.sub(s11, s12), s13), bias);
  if (relu) {
    y00 = f32x4.max(y00, zero); y01 = f32x4.max(y01, zero);
    y10 = f32x4.max(y10, zero); y11 = f32x4.max(y11, zero);
  }
  storeGroup2(y00, y01, y10, y11, yo, oh, ow, OH, OW, edge);
}

/** Four stride-2 tiles (winograd-s2.ts) from M at `at`: their output rows oh, oh + 1, columns ow … ow + 7 of the plane yo. */
// @ts-ignore: decorator
@inline function outputGroupS2(at: usize, mXi: usize, bias: v128, relu: bool, yo: usize, oh: i32, ow: i32, OH: i32, OW: i32, edge: usize): void {
  const out = edge + <usize>F4_STAGE_BYTES;
  outputTransformS2(at, mXi, bias, relu, out);
  storeGroup2(v128.load(out), v128.load(out, 16), v128.load(out, 32), v128.load(out, 48), yo, oh, ow, OH, OW, edge);
}

/**
 * The 2×2 outputs of four tiles (lane k: tile k; y00 … y11 its rows and columns) into rows oh,
 * oh + 1, columns ow … ow + 7 of the plane yo (those inside OH × OW; `edge` stages the rest).
 */
// @ts-ignore: decorator
@inline function storeGroup2(y00: v128, y01: v128, y10: v128, y11: v128, yo: usize, oh: i32, ow: i32, OH: i32, OW: i32, edge: usize): void {
  // Lane k is the group's tile k: its outputs are columns ow + 2k, ow + 2k + 1 of rows oh, oh + 1.
  const top0 = v128.shuffle<f32>(y00, y01, 0, 4, 1, 5), top1 = v128.shuffle<f32>(y00, y01, 2, 6, 3, 7);
  const bot0 = v128.shuffle<f32>(y10, y11, 0, 4, 1, 5), bot1 = v128.shuffle<f32>(y10, y11, 2, 6, 3, 7);
  const dst = yo + <usize>(oh * OW + ow) * 4;
  if (ow + 8 <= OW && oh + 2 <= OH) {
    v128.store(dst, top0);
    v128.store(dst, top1, 16);
    v128.store(dst + <usize>OW * 4, bot0);
    v128.store(dst + <usize>OW * 4, bot1, 16);
    return;
  }
  v128.store(edge, top0);
  v128.store(edge, top1, 16);
  v128.store(edge, bot0, 32);
  v128.store(edge, bot1, 48);
  const validCols = min(8, OW - ow), validRows = min(2, OH - oh);
  for (let r = 0; r < validRows; r++) {
    for (let j = 0; j < validCols; j++) {
      store<f32>(dst + <usize>(r * OW + j) * 4, load<f32>(edge + <usize>(r * 8 + j) * 4));
    }
  }
}

/** Bytes of work area winogradWeightGradient needs for `group` samples: dU, then a plane, V and A δ Aᵀ. */
export function winogradGradWorkBytes(Cin: i32, Cout: i32, OH: i32, OW: i32, group: i32, m: i32): i32 {
  return <i32>align64(<usize>positions(m) * <usize>Cout * Cin * 4) + winogradWorkBytes(Cin, Cout, OH, OW, group, m);
}

/**
 * A δ Aᵀ of four adjacent 2×2 tiles of δ (lanes) whose top-left outputs are 8 floats from src
 * (rows planeBytes apart), for F(2×2) (m = 2: the sixteen results to z, one row of Z, zStride
 * bytes, apart per ξ) or the stride-2 algorithm (m = S2: its 9 distinct ones, gradientTransformS2).
 */
// @ts-ignore: decorator
@inline function gradientTransform2(src: usize, planeBytes: usize, z: usize, zStride: usize, m: i32): void {
  let a = v128.load(src), b = v128.load(src, 16);
  const d00 = v128.shuffle<f32>(a, b, 0, 2, 4, 6), d01 = v128.shuffle<f32>(a, b, 1, 3, 5, 7);
  a = v128.load(src + planeBytes); b = v128.load(src + planeBytes, 16);
  const d10 = v128.shuffle<f32>(a, b, 0, 2, 4, 6), d11 = v128.shuffle<f32>(a, b, 1, 3, 5, 7);
  if (m == S2) {
    gradientTransformS2(d00, d01, d10, d11, z, zStride);
    return;
  }
  // A = [1 0; 1 1; 1 −1; 0 −1] on both sides: rows δ0, δ0 + δ1, δ0 − δ1, −δ1, then the same along each row.
  gradientRow(d00, d01, z, zStride);
  gradientRow(f32x4.add(d00, d10), f32x4.add(d01, d11), z + 4 * zStride, zStride);
  gradientRow(f32x4.sub(d00, d10), f32x4.sub(d01, d11), z + 8 * zStride, zStride);
  gradientRow(f32x4.neg(d10), f32x4.neg(d11), z + 12 * zStride, zStride);
}

// @ts-ignore: decorator
@inline function gradientRow(c0: v128, c1: v128, z: usize, zStride: usize): void {
  v128.store(z, c0);
  v128.store(z + zStride, f32x4.add(c0, c1));
  v128.store(z + 2 * zStride, f32x4.sub(c0, c1));
  v128.store(z + 3 * zStride, f32x4.neg(c1));
}

/**
 * Z = A δ Aᵀ of every tile of algorithm m for `count` samples of δ = dy [count, Cout, OH, OW],
 * four tiles a step, into Z's rows (one per output channel, strideBytes apart; zXi bytes per ξ, or
 * per slot for S2), from a copy of each δ plane in `plane` that is zero past OH × OW (t·TH rows of
 * t·roundUp4(TW) floats, t the outputs along a tile: what the four-tile steps read). A step past a
 * row's last tile writes into the next row's, which that row then rewrites. `stage`: F(4×4)'s staging.
 */
function transformGradients(
  dy: usize, count: i32, Cout: i32, OH: i32, OW: i32, plane: usize, z: usize, strideBytes: usize, zXi: usize, m: i32, stage: usize,
): void {
  const TH = tilesOf(OH, m), TW = tilesOf(OW, m), T = TH * TW, t = outTile(m);
  const Wd = t * roundUp4(TW), planeBytes = <usize>Wd * 4;
  zeroFloats(plane, t * TH * Wd);
  for (let s = 0; s < count; s++) {
    for (let o = 0; o < Cout; o++) {
      const dyo = dy + <usize>((s * Cout + o) * OH * OW) * 4;
      for (let oh = 0; oh < OH; oh++) copyFloats(plane + <usize>oh * planeBytes, dyo + <usize>(oh * OW) * 4, OW);
      const zo = z + <usize>o * strideBytes + <usize>(s * T) * 4;
      for (let th = 0; th < TH; th++) {
        const src = plane + <usize>(t * th) * planeBytes;
        for (let tw = 0; tw < TW; tw += 4) {
          const dst = zo + <usize>(th * TW + tw) * 4;
          if (m == 4) gradientTransformF4(src + <usize>(4 * tw) * 4, planeBytes, dst, zXi, stage);
          else gradientTransform2(src + <usize>(2 * tw) * 4, planeBytes, dst, zXi, m);
        }
      }
    }
  }
}

/**
 * The weight gradient in the Winograd domain: dU_ξ [Cout, Cin] += Σ_t (A δ_t Aᵀ)_ξ · (Bᵀ d_t B)_ξ
 * over the tiles t of `count` samples (x [count, Cin, H, W], dy [count, Cout, OH, OW], geometry
 * as winogradSamples), one GEMM per ξ with the tiles as its inner dimension. dU lives at the start
 * of `work` (winogradGradWorkBytes) and accumulates over calls; winogradAddWeightGradient turns
 * it into dW. An output past the edge of an odd-sized map meets a zero of δ's padded copy.
 */
export function winogradWeightGradient(
  x: usize, dy: usize, count: i32, Cin: i32, H: i32, W: i32, padH: i32, padW: i32, OH: i32, OW: i32,
  Cout: i32, work: usize, gemmScratch: usize, m: i32,
): void {
  const TH = tilesOf(OH, m), TW = tilesOf(OW, m), T = TH * TW, tiles = count * T;
  const stride = tileStride(tiles);
  const strideBytes = <usize>stride * 4;
  const xis = positions(m);
  const dU = work;
  const plane = dU + align64(<usize>xis * <usize>Cout * Cin * 4);
  const stage = plane + planeBytesOf(OH, OW, m) - <usize>EDGE_BYTES;
  const v = plane + planeBytesOf(OH, OW, m);
  const z = v + align64(<usize>xis * <usize>Cin * strideBytes);
  transformInputs(x, count, Cin, H, W, padH, padW, OH, OW, plane, v, stride, m, stage);

  const zXi = <usize>Cout * strideBytes;
  transformGradients(dy, count, Cout, OH, OW, plane, z, strideBytes, zXi, m, stage);

  // dU_ξ [Cout, Cin] += Z_ξ [Cout, tiles] · V_ξᵀ (V_ξ stored [Cin, tiles])
  const vXi = <usize>Cin * strideBytes, uXi = <usize>Cout * Cin * 4;
  for (let xi = 0; xi < xis; xi++) {
    gemm(false, true, Cout, Cin, tiles, z + <usize>xi * zXi, stride, v + <usize>xi * vXi, stride,
      dU + <usize>xi * uXi, Cin, true, gemmScratch);
  }
}

/** Rows and floats per row of the plane the stride-2 input gradient scatters its tiles into: every block, and the input inside its padding. */
// @ts-ignore: decorator
@inline function dxPlaneRows(H: i32, padH: i32, OH: i32): i32 {
  return max(4 * tilesOf(OH, S2) + 1, padH + H);
}
// @ts-ignore: decorator
@inline function dxPlaneCols(W: i32, padW: i32, OW: i32): i32 {
  return max(4 * roundUp4(tilesOf(OW, S2)) + 4, padW + W);
}

/**
 * Bytes of work area winogradInputGradientS2 needs for `group` samples (Cin, Cout, H … OW, padH and
 * padW those of the forward convolution): δ's padded plane, dx's plane and staging, Z's 9 slots and dV's 25 positions.
 */
export function winogradInputGradientWorkBytes(Cin: i32, Cout: i32, H: i32, W: i32, OH: i32, OW: i32, padH: i32, padW: i32, group: i32): i32 {
  const TH = tilesOf(OH, S2), TW = tilesOf(OW, S2);
  const stride = <usize>tileStride(group * TH * TW);
  return <i32>(align64(<usize>(2 * TH * 2 * roundUp4(TW)) * 4) + align64(<usize>(dxPlaneRows(H, padH, OH) * dxPlaneCols(W, padW, OW)) * 4) +
    align64(<usize>S2_STAGE_BYTES) + align64(<usize>S2_Z_SLOTS * <usize>Cout * stride * 4) + align64(<usize>S2_POSITIONS * <usize>Cin * stride * 4));
}

/**
 * dx [count, Cin, H, W] of the 3×3 stride-2 convolution (x [count, Cin, H, W] → y [count, Cout, OH, OW],
 * padH rows and padW columns of zeros before the input) from dy, by the adjoint of the stride-2
 * algorithm (winograd-s2.ts): Z = A δ Aᵀ per tile (9 distinct positions), dV_ξ = U_ξᵀ Z_ξ (25 GEMMs, u from
 * winogradKernelRows with adjoint set and m = S2: U_ξ [Cin, Cout] in packed panels), then
 * B dV Bᵀ per tile summed into its 5×5 block of a padded plane, whose inside is dx. Every element
 * of dx is written (inputs that no output reads get 0). `work`: winogradInputGradientWorkBytes.
 */
export function winogradInputGradientS2(
  dy: usize, count: i32, Cout: i32, OH: i32, OW: i32, Cin: i32, H: i32, W: i32, padH: i32, padW: i32,
  u: usize, dx: usize, work: usize, gemmScratch: usize,
): void {
  const TH = tilesOf(OH, S2), TW = tilesOf(OW, S2), T = TH * TW, tiles = count * T;
  const stride = tileStride(tiles), strideBytes = <usize>stride * 4;
  const Wd = 2 * roundUp4(TW); // δ's plane: 2·TH rows of Wd floats (transformGradients)
  const Hq = dxPlaneRows(H, padH, OH), Wq = dxPlaneCols(W, padW, OW), dxRowBytes = <usize>Wq * 4;
  const dyPlane = work;
  const dxPlane = dyPlane + align64(<usize>(2 * TH * Wd) * 4);
  const stage = dxPlane + align64(<usize>(Hq * Wq) * 4);
  const z = stage + align64(<usize>S2_STAGE_BYTES);
  const zXi = <usize>Cout * strideBytes;
  const dv = z + align64(<usize>S2_Z_SLOTS * zXi);
  const dvXi = <usize>Cin * strideBytes;

  // Z = A δ Aᵀ of every tile (its 9 distinct positions).
  transformGradients(dy, count, Cout, OH, OW, dyPlane, z, strideBytes, zXi, S2, stage);

  // dV_ξ [Cin, tiles] = U_ξ [Cin, Cout] · Z_ξ [Cout, tiles], U_ξ read from its packed panels, Z_ξ from its slot
  const uXi = packedKernelBytes(Cin, Cout);
  for (let xi = 0; xi < S2_POSITIONS; xi++) {
    gemm(false, false, Cin, tiles, Cout, 0, Cout, z + <usize>zSlotS2(xi) * zXi, stride,
      dv + <usize>xi * dvXi, stride, false, gemmScratch, u + <usize>xi * uXi, 0, true);
  }

  // Each channel's blocks summed into its zeroed plane, four tiles a step (the lanes of tiles past
  // a row's last masked off: they hold the next row's tiles), then the plane's inside to dx.
  const all = i32x4.splat(-1);
  for (let s = 0; s < count; s++) {
    for (let c = 0; c < Cin; c++) {
      zeroFloats(dxPlane, Hq * Wq);
      const dvc = dv + <usize>c * strideBytes + <usize>(s * T) * 4;
      for (let th = 0; th < TH; th++) {
        const row = dxPlane + <usize>(4 * th) * dxRowBytes;
        for (let tw = 0; tw < TW; tw += 4) {
          const live = tw + 4 <= TW ? all : i32x4.lt_s(i32x4(0, 1, 2, 3), i32x4.splat(TW - tw));
          inputGradientTransformS2(dvc + <usize>(th * TW + tw) * 4, dvXi, row + <usize>(4 * tw) * 4, dxRowBytes, live, stage);
        }
      }
      const dxc = dx + <usize>((s * Cin + c) * H * W) * 4;
      for (let ih = 0; ih < H; ih++) copyFloats(dxc + <usize>(ih * W) * 4, dxPlane + <usize>((ih + padH) * Wq + padW) * 4, W);
    }
  }
}

/** dW [Cout, Cin, 3, 3] += Gᵀ dU G for every kernel (dU: (m + 2)² matrices [Cout, Cin], from winogradWeightGradient). */
export function winogradAddWeightGradient(dU: usize, dW: usize, Cout: i32, Cin: i32, m: i32): void {
  const plane = <usize>Cout * Cin * 4;
  let k = 0;
  if (m == 4) { // four kernels a step, one per lane; the scalar loop below takes the rest
    for (; k + 4 <= Cout * Cin; k += 4) addKernelGradientsF4(dU + <usize>k * 4, plane, dW + <usize>(k * 9) * 4);
  }
  for (; k < Cout * Cin; k++) {
    const at = dU + <usize>k * 4;
    const g = dW + <usize>(k * 9) * 4;
    if (m == 4) {
      addKernelGradientF4(at, plane, g);
      continue;
    }
    // Rows of the 4×4 tile X = dU[·][k], then Gᵀ X: X0 + (X1 + X2)/2, (X1 − X2)/2, (X1 + X2)/2 + X3.
    const x00 = load<f32>(at), x01 = load<f32>(at + plane), x02 = load<f32>(at + 2 * plane), x03 = load<f32>(at + 3 * plane);
    const x10 = load<f32>(at + 4 * plane), x11 = load<f32>(at + 5 * plane), x12 = load<f32>(at + 6 * plane), x13 = load<f32>(at + 7 * plane);
    const x20 = load<f32>(at + 8 * plane), x21 = load<f32>(at + 9 * plane), x22 = load<f32>(at + 10 * plane), x23 = load<f32>(at + 11 * plane);
    const x30 = load<f32>(at + 12 * plane), x31 = load<f32>(at + 13 * plane), x32 = load<f32>(at + 14 * plane), x33 = load<f32>(at + 15 * plane);
    addKernelRow(g, x00 + 0.5 * (x10 + x20), x01 + 0.5 * (x11 + x21), x02 + 0.5 * (x12 + x22), x03 + 0.5 * (x13 + x23));
    addKernelRow(g + 12, 0.5 * (x10 - x20), 0.5 * (x11 - x21), 0.5 * (x12 - x22), 0.5 * (x13 - x23));
    addKernelRow(g + 24, 0.5 * (x10 + x20) + x30, 0.5 * (x11 + x21) + x31, 0.5 * (x12 + x22) + x32, 0.5 * (x13 + x23) + x33);
  }
}

/** Adds row (t0 t1 t2 t3)·G of (Gᵀ X) G to the three floats at row: the same combinations along the row. */
// @ts-ignore: decorator
@inline function addKernelRow(row: usize, t0: f32, t1: f32, t2: f32, t3: f32): void {
  store<f32>(row, load<f32>(row) + (t0 + 0.5 * (t1 + t2)));
  store<f32>(row, load<f32>(row, 4) + 0.5 * (t1 - t2), 4);
  store<f32>(row, load<f32>(row, 8) + (0.5 * (t1 + t2) + t3), 8);
}
