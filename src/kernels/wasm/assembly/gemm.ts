// SPDX-License-Identifier: MIT
// Packed, cache-tiled GEMM with a register-blocked SIMD micro-kernel (BLIS loop order):
// C[M, N] (=|+=) op(A)·op(B), all float32, row-major with leading dimensions.
// A KC×NC block of op(B) and an MC×KC block of op(A) are packed into panels (zero padded to
// NR columns / MR rows), so the micro-kernel reads both with unit stride and never branches.
// Pointers are byte addresses in the shared linear memory; `scratch` is this thread's packing area.
// A GEMM split over threads by rows needs all of op(B) in every item (by columns, all of op(A)),
// so the threaded path packs that operand once, whole (packBPanels / packAPanels), and its items
// read the shared panels instead of each packing its own copy.

/**
 * Rows and columns of the register tile: 6 × 8 = 12 v128 accumulators with relaxed SIMD. Plain
 * SIMD128 needs a temporary per multiply-add, and 12 accumulators then spill out of V8's 16
 * xmm registers (26 instead of 60 GFLOP/s), so that build uses a 4 × 8 tile.
 */
export const MR = ASC_FEATURE_RELAXED_SIMD ? 6 : 4;
export const NR = 8;
/** Cache blocking: an A block MC×KC (120 KiB, L2), a B micro-panel KC×NR (8 KiB, L1), B block KC×NC. */
export const MC = 120;
export const KC = 256;
export const NC = 1024;
/** Bytes of scratch one gemm call needs: packed A, packed B and one edge tile. */
export const GEMM_SCRATCH_BYTES: i32 = (MC * KC + KC * NC + MR * NR) * 4;

/** acc + a·b per lane: one fused instruction with relaxed SIMD, multiply then add otherwise. */
// @ts-ignore: decorator
@inline function madd(a: v128, b: v128, acc: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return f32x4.relaxed_madd(a, b, acc);
  return f32x4.add(f32x4.mul(a, b), acc);
}

/** Packs rows [i0, i0+mc) × cols [p0, p0+kc) of op(A) into MR-row panels: panel-major, then k, then row. */
function packA(transA: bool, a: usize, lda: i32, i0: i32, p0: i32, mc: i32, kc: i32, ap: usize): void {
  for (let ir = 0; ir < mc; ir += MR) {
    const rows = min(MR, mc - ir);
    const panel = ap + <usize>(ir * kc) * 4;
    if (transA) {
      // A stored [K, M]: the MR rows of one k are contiguous.
      for (let k = 0; k < kc; k++) {
        const src = a + (<usize>(p0 + k) * lda + i0 + ir) * 4;
        const dst = panel + <usize>(k * MR) * 4;
        if (rows == MR) {
          v128.store(dst, v128.load(src));
          if (MR == 6) store<u64>(dst, load<u64>(src, 16), 16);
        } else {
          for (let r = 0; r < MR; r++) store<f32>(dst + r * 4, r < rows ? load<f32>(src + r * 4) : 0);
        }
      }
    } else {
      packPanelRows(a + (<usize>(i0 + ir) * lda + p0) * 4, lda, kc, panel, rows);
    }
  }
}

/** Row r (4 floats at `at` + r·row bytes) of a panel with `rows` rows, or zeros past them (the panel's padding). */
// @ts-ignore: decorator
@inline function panelRow(at: usize, row: usize, r: i32, rows: i32): v128 {
  if (r < rows) return v128.load(at + <usize>r * row);
  return f32x4.splat(0);
}

/**
 * One panel of A stored [M, K]: MR rows (`rows` of them valid, the rest zeros; row stride lda
 * floats, kc values each from src) become kc groups of MR, four k at a time: a 4×4 transpose of
 * rows 0–3 and, with MR = 6, the pairs of rows 4–5 interleaved (the scalar loop wrote one float
 * per load and store; a partial panel went one float at a time too).
 */
function packPanelRows(src: usize, lda: i32, kc: i32, dst: usize, rows: i32): void {
  const row = <usize>lda * 4;
  let k = 0;
  for (; k + 4 <= kc; k += 4) {
    const at = src + <usize>k * 4;
    const out = dst + <usize>(k * MR) * 4;
    storeTransposed4x4(panelRow(at, row, 0, rows), panelRow(at, row, 1, rows), panelRow(at, row, 2, rows),
      panelRow(at, row, 3, rows), out, MR * 4);
    if (MR == 6) {
      const r4 = panelRow(at, row, 4, rows), r5 = panelRow(at, row, 5, rows);
      const lo = v128.shuffle<f32>(r4, r5, 0, 4, 1, 5), hi = v128.shuffle<f32>(r4, r5, 2, 6, 3, 7);
      store<i64>(out, i64x2.extract_lane(lo, 0), 16);
      store<i64>(out, i64x2.extract_lane(lo, 1), MR * 4 + 16);
      store<i64>(out, i64x2.extract_lane(hi, 0), 2 * MR * 4 + 16);
      store<i64>(out, i64x2.extract_lane(hi, 1), 3 * MR * 4 + 16);
    }
  }
  for (; k < kc; k++) {
    for (let r = 0; r < MR; r++) {
      store<f32>(dst + <usize>(k * MR + r) * 4, r < rows ? load<f32>(src + <usize>r * row + <usize>k * 4) : 0);
    }
  }
}

/** 4×4 transpose of the rows r0..r3, stored as four rows `stride` bytes apart from dst. */
// @ts-ignore: decorator
@inline function storeTransposed4x4(r0: v128, r1: v128, r2: v128, r3: v128, dst: usize, stride: usize): void {
  const a = v128.shuffle<f32>(r0, r1, 0, 4, 1, 5); // r0[0] r1[0] r0[1] r1[1]
  const b = v128.shuffle<f32>(r2, r3, 0, 4, 1, 5);
  const c = v128.shuffle<f32>(r0, r1, 2, 6, 3, 7); // r0[2] r1[2] r0[3] r1[3]
  const d = v128.shuffle<f32>(r2, r3, 2, 6, 3, 7);
  v128.store(dst, v128.shuffle<f32>(a, b, 0, 1, 4, 5));
  v128.store(dst + stride, v128.shuffle<f32>(a, b, 2, 3, 6, 7));
  v128.store(dst + 2 * stride, v128.shuffle<f32>(c, d, 0, 1, 4, 5));
  v128.store(dst + 3 * stride, v128.shuffle<f32>(c, d, 2, 3, 6, 7));
}

/**
 * One panel of op(B) = Bᵀ: eight rows of B (`cols` of them valid, the rest zeros; row stride ldb
 * floats, kc values each from src) become kc rows of eight, four k at a time through 4×4 transposes.
 */
function packPanelTransposed(src: usize, ldb: i32, kc: i32, dst: usize, cols: i32): void {
  const row = <usize>ldb * 4;
  let k = 0;
  for (; k + 4 <= kc; k += 4) {
    const at = src + <usize>k * 4;
    const out = dst + <usize>(k * NR) * 4;
    storeTransposed4x4(panelRow(at, row, 0, cols), panelRow(at, row, 1, cols), panelRow(at, row, 2, cols),
      panelRow(at, row, 3, cols), out, NR * 4);
    storeTransposed4x4(panelRow(at, row, 4, cols), panelRow(at, row, 5, cols), panelRow(at, row, 6, cols),
      panelRow(at, row, 7, cols), out + 16, NR * 4);
  }
  for (; k < kc; k++) {
    for (let c = 0; c < NR; c++) {
      store<f32>(dst + <usize>(k * NR + c) * 4, c < cols ? load<f32>(src + <usize>c * row + <usize>k * 4) : 0);
    }
  }
}

/** Packs rows [p0, p0+kc) × cols [j0, j0+nc) of op(B) into NR-column panels: panel-major, then k, then column. */
function packB(transB: bool, b: usize, ldb: i32, p0: i32, j0: i32, kc: i32, nc: i32, bp: usize): void {
  for (let jr = 0; jr < nc; jr += NR) {
    const cols = min(NR, nc - jr);
    const panel = bp + <usize>(jr * kc) * 4;
    if (!transB) {
      // B stored [K, N]: the NR columns of one k are contiguous.
      for (let k = 0; k < kc; k++) {
        const src = b + (<usize>(p0 + k) * ldb + j0 + jr) * 4;
        const dst = panel + <usize>(k * NR) * 4;
        if (cols == NR) {
          v128.store(dst, v128.load(src));
          v128.store(dst, v128.load(src, 16), 16);
        } else {
          for (let c = 0; c < NR; c++) store<f32>(dst + c * 4, c < cols ? load<f32>(src + c * 4) : 0);
        }
      }
    } else {
      packPanelTransposed(b + (<usize>(j0 + jr) * ldb + p0) * 4, ldb, kc, panel, cols);
    }
  }
}

/** n rounded up to a multiple of the tile size t. */
// @ts-ignore: decorator
@inline function roundUp(n: i32, t: i32): i32 {
  return (n + t - 1) / t * t;
}

/**
 * Packs the NR-column panels [q0, q1) of op(B) (K × N), every k-block, in the layout gemm reads
 * through `packedB`: the panel of k-block pc and column j at packed + (pc·Npad + j·kc)·4 bytes,
 * Npad = N rounded up to NR (the blocks packB writes, placed side by side for all of N).
 */
export function packBPanels(transB: bool, b: usize, ldb: i32, K: i32, N: i32, q0: i32, q1: i32, packed: usize): void {
  const nPad = roundUp(N, NR);
  const j0 = q0 * NR, nc = min(N, q1 * NR) - j0;
  for (let pc = 0; pc < K; pc += KC) {
    const kc = min(KC, K - pc);
    packB(transB, b, ldb, pc, j0, kc, nc, packed + (<usize>pc * nPad + <usize>j0 * kc) * 4);
  }
}

/**
 * Packs the MR-row panels [q0, q1) of op(A) (M × K), every k-block, in the layout gemm reads
 * through `packedA`: the panel of k-block pc and row i at packed + (pc·Mpad + i·kc)·4 bytes,
 * Mpad = M rounded up to MR.
 */
export function packAPanels(transA: bool, a: usize, lda: i32, M: i32, K: i32, q0: i32, q1: i32, packed: usize): void {
  const mPad = roundUp(M, MR);
  const i0 = q0 * MR, mc = min(M, q1 * MR) - i0;
  for (let pc = 0; pc < K; pc += KC) {
    const kc = min(KC, K - pc);
    packA(transA, a, lda, i0, pc, mc, kc, packed + (<usize>pc * mPad + <usize>i0 * kc) * 4);
  }
}

/** Stores one accumulator row (two v128) at c, adding what is there when `add`. */
// @ts-ignore: decorator
@inline function storeRow(c: usize, lo: v128, hi: v128, add: bool): void {
  if (add) {
    lo = f32x4.add(lo, v128.load(c));
    hi = f32x4.add(hi, v128.load(c, 16));
  }
  v128.store(c, lo);
  v128.store(c, hi, 16);
}

/**
 * The 4×8 micro-kernel of the plain SIMD128 build, and of the relaxed build's last tiles of at
 * most four rows (reading the first four of each MR-row group): as kernel6x8Simd with 8 accumulators.
 */
function kernel4x8Simd(
  kc: i32, ap: usize, bp: usize, bStride: usize, c: usize, ldc: i32, rows: i32, cols: i32, add: bool, edge: usize,
): void {
  let c00 = f32x4.splat(0), c01 = f32x4.splat(0);
  let c10 = f32x4.splat(0), c11 = f32x4.splat(0);
  let c20 = f32x4.splat(0), c21 = f32x4.splat(0);
  let c30 = f32x4.splat(0), c31 = f32x4.splat(0);
  for (let k = 0; k < kc; k++) {
    const b0 = v128.load(bp);
    const b1 = v128.load(bp, 16);
    let a = v128.load32_splat(ap);
    c00 = madd(a, b0, c00);
    c01 = madd(a, b1, c01);
    a = v128.load32_splat(ap, 4);
    c10 = madd(a, b0, c10);
    c11 = madd(a, b1, c11);
    a = v128.load32_splat(ap, 8);
    c20 = madd(a, b0, c20);
    c21 = madd(a, b1, c21);
    a = v128.load32_splat(ap, 12);
    c30 = madd(a, b0, c30);
    c31 = madd(a, b1, c31);
    ap += MR * 4;
    bp += bStride;
  }
  const rowBytes = <usize>ldc * 4;
  if (rows == 4 && cols == NR) {
    storeRow(c, c00, c01, add);
    storeRow(c + rowBytes, c10, c11, add);
    storeRow(c + 2 * rowBytes, c20, c21, add);
    storeRow(c + 3 * rowBytes, c30, c31, add);
    return;
  }
  storeRow(edge, c00, c01, false);
  storeRow(edge + 32, c10, c11, false);
  storeRow(edge + 64, c20, c21, false);
  storeRow(edge + 96, c30, c31, false);
  copyEdgeTile(edge, c, ldc, rows, cols, add);
}

/**
 * The 2×8 micro-kernel for a last tile of one or two rows (M = 32, 128, … with MR = 6): as
 * kernel4x8Simd with 4 accumulators, half its multiply-adds where the other two rows would be
 * dropped (same bits: each entry is the same chain of multiply-adds).
 */
function kernel2x8Simd(
  kc: i32, ap: usize, bp: usize, bStride: usize, c: usize, ldc: i32, rows: i32, cols: i32, add: bool, edge: usize,
): void {
  let c00 = f32x4.splat(0), c01 = f32x4.splat(0);
  let c10 = f32x4.splat(0), c11 = f32x4.splat(0);
  for (let k = 0; k < kc; k++) {
    const b0 = v128.load(bp);
    const b1 = v128.load(bp, 16);
    let a = v128.load32_splat(ap);
    c00 = madd(a, b0, c00);
    c01 = madd(a, b1, c01);
    a = v128.load32_splat(ap, 4);
    c10 = madd(a, b0, c10);
    c11 = madd(a, b1, c11);
    ap += MR * 4;
    bp += bStride;
  }
  if (rows == 2 && cols == NR) {
    storeRow(c, c00, c01, add);
    storeRow(c + <usize>ldc * 4, c10, c11, add);
    return;
  }
  storeRow(edge, c00, c01, false);
  storeRow(edge + 32, c10, c11, false);
  copyEdgeTile(edge, c, ldc, rows, cols, add);
}

/** Copies the valid rows × cols of an edge tile (rows NR floats apart) to C, adding when `add`. */
function copyEdgeTile(edge: usize, c: usize, ldc: i32, rows: i32, cols: i32, add: bool): void {
  for (let r = 0; r < rows; r++) {
    const dst = c + <usize>(r * ldc) * 4;
    const src = edge + <usize>(r * NR) * 4;
    for (let j = 0; j < cols; j++) {
      const v = load<f32>(src + j * 4);
      store<f32>(dst + j * 4, add ? load<f32>(dst + j * 4) + v : v);
    }
  }
}

/**
 * The 6×8 micro-kernel: tile (=|+=) Ap[kc × 6]ᵀ · Bp[kc × 8], in 12 v128 accumulators; the rows
 * of Bp are bStride bytes apart (32 when packed, a row of B when read in place). A full
 * tile goes straight to C (row stride ldc floats); an edge tile (rows < 6 or cols < 8) goes
 * through `edge` and only its valid part is copied.
 */
function kernel6x8Simd(
  kc: i32, ap: usize, bp: usize, bStride: usize, c: usize, ldc: i32, rows: i32, cols: i32, add: bool, edge: usize,
): void {
  let c00 = f32x4.splat(0), c01 = f32x4.splat(0);
  let c10 = f32x4.splat(0), c11 = f32x4.splat(0);
  let c20 = f32x4.splat(0), c21 = f32x4.splat(0);
  let c30 = f32x4.splat(0), c31 = f32x4.splat(0);
  let c40 = f32x4.splat(0), c41 = f32x4.splat(0);
  let c50 = f32x4.splat(0), c51 = f32x4.splat(0);
  for (let k = 0; k < kc; k++) {
    const b0 = v128.load(bp);
    const b1 = v128.load(bp, 16);
    let a = v128.load32_splat(ap);
    c00 = madd(a, b0, c00);
    c01 = madd(a, b1, c01);
    a = v128.load32_splat(ap, 4);
    c10 = madd(a, b0, c10);
    c11 = madd(a, b1, c11);
    a = v128.load32_splat(ap, 8);
    c20 = madd(a, b0, c20);
    c21 = madd(a, b1, c21);
    a = v128.load32_splat(ap, 12);
    c30 = madd(a, b0, c30);
    c31 = madd(a, b1, c31);
    a = v128.load32_splat(ap, 16);
    c40 = madd(a, b0, c40);
    c41 = madd(a, b1, c41);
    a = v128.load32_splat(ap, 20);
    c50 = madd(a, b0, c50);
    c51 = madd(a, b1, c51);
    ap += MR * 4;
    bp += bStride;
  }
  const rowBytes = <usize>ldc * 4;
  if (rows == MR && cols == NR) {
    storeRow(c, c00, c01, add);
    storeRow(c + rowBytes, c10, c11, add);
    storeRow(c + 2 * rowBytes, c20, c21, add);
    storeRow(c + 3 * rowBytes, c30, c31, add);
    storeRow(c + 4 * rowBytes, c40, c41, add);
    storeRow(c + 5 * rowBytes, c50, c51, add);
    return;
  }
  storeRow(edge, c00, c01, false);
  storeRow(edge + 32, c10, c11, false);
  storeRow(edge + 64, c20, c21, false);
  storeRow(edge + 96, c30, c31, false);
  storeRow(edge + 128, c40, c41, false);
  storeRow(edge + 160, c50, c51, false);
  copyEdgeTile(edge, c, ldc, rows, cols, add);
}

/**
 * C[M, N] (=|+=) op(A)·op(B). A is [M, K] (row stride lda) or, with transA, [K, M]; B is [K, N]
 * (row stride ldb) or, with transB, [N, K]; C has row stride ldc. Uses GEMM_SCRATCH_BYTES at scratch.
 * A non-zero packedA (packedB) is op(A) (op(B)) of this call already packed whole by packAPanels
 * (packBPanels); its panels are read there and a (b) is not read. bInPlace: B's full panels are
 * read where they lie whenever K fits one k-block (see inPlace below).
 */
export function gemm(
  transA: bool, transB: bool, M: i32, N: i32, K: i32,
  a: usize, lda: i32, b: usize, ldb: i32, c: usize, ldc: i32, accumulate: bool, scratch: usize,
  packedA: usize = 0, packedB: usize = 0, bInPlace: bool = false,
): void {
  if (K == 0) {
    if (!accumulate) for (let i = 0; i < M; i++) memory.fill(c + <usize>(i * ldc) * 4, 0, <usize>N * 4);
    return;
  }
  const ap = scratch;
  const bp = ap + <usize>(MC * KC) * 4;
  const edge = bp + <usize>(KC * NC) * 4;
  const mPad = roundUp(M, MR), nPad = roundUp(N, NR);
  // A short GEMM (few rows of A, as a convolution's w·cols) uses each panel of B only a few
  // times, so with one k-block and B stored [K, N] its full panels are read in place, rows ldb
  // apart, instead of packed; so does one whose caller asks (bInPlace: Winograd's GEMMs, whose B
  // of a few dozen columns was just written and is in cache). Not when ldb is a multiple of 256
  // floats: rows 1 KiB apart share a few L1 sets and evict each other.
  const inPlace = packedB == 0 && !transB && K <= KC && (M <= 4 * MR || bInPlace) && (ldb & 255) != 0;
  for (let jc = 0; jc < N; jc += NC) {
    const nc = min(NC, N - jc);
    for (let pc = 0; pc < K; pc += KC) {
      const kc = min(KC, K - pc);
      const tail = nc % NR;
      let bBlock = bp;
      if (packedB != 0) bBlock = packedB + (<usize>pc * nPad + <usize>jc * kc) * 4;
      else if (!inPlace) packB(transB, b, ldb, pc, jc, kc, nc, bp);
      else if (tail != 0) packB(transB, b, ldb, pc, jc + nc - tail, kc, tail, bp); // the last, partial panel
      const add = accumulate || pc > 0;
      for (let ic = 0; ic < M; ic += MC) {
        const mc = min(MC, M - ic);
        let aBlock = ap;
        if (packedA != 0) aBlock = packedA + (<usize>pc * mPad + <usize>ic * kc) * 4;
        else packA(transA, a, lda, ic, pc, mc, kc, ap);
        // A row of tiles at a time: its six rows of C stay on the same few pages (a column of
        // tiles would touch MC rows of C, one page each when rows are 4 KiB apart, and miss the
        // TLB), while the A micro-panel stays in L1 and the B micro-panels stream from L2.
        for (let ir = 0; ir < mc; ir += MR) {
          const aPanel = aBlock + <usize>(ir * kc) * 4;
          const rows = min(MR, mc - ir);
          for (let jr = 0; jr < nc; jr += NR) {
            const cols = min(NR, nc - jr);
            let bPanel = bBlock + <usize>(jr * kc) * 4;
            let bStride: usize = NR * 4;
            if (inPlace) {
              bPanel = cols == NR ? b + (<usize>pc * ldb + jc + jr) * 4 : bp;
              bStride = cols == NR ? <usize>ldb * 4 : NR * 4;
            }
            const cTile = c + (<usize>(ic + ir) * ldc + jc + jr) * 4;
            // A last tile of at most four rows (M = 16, 64, … with MR = 6) by the 4 × 8 kernel: it
            // reads the first four rows of the panel and does a third less work, of at most two
            // by the 2 × 8 one (same bits: each entry is the same chain of multiply-adds).
            if (MR == 6 && rows > 4) kernel6x8Simd(kc, aPanel, bPanel, bStride, cTile, ldc, rows, cols, add, edge);
            else if (rows <= 2) kernel2x8Simd(kc, aPanel, bPanel, bStride, cTile, ldc, rows, cols, add, edge);
            else kernel4x8Simd(kc, aPanel, bPanel, bStride, cTile, ldc, rows, cols, add, edge);
          }
        }
      }
    }
  }
}
