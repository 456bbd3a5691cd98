// SPDX-License-Identifier: MIT
// Convolution as im2col + GEMM; a job item is one sample (forward) or one piece, a fixed run of
// samples (backward); items are shared out between threads.
// A 1×1 convolution with stride 1 and no padding skips im2col: x itself is the column matrix.
// Job words (see ../kernels.ts): [kind, N, C, H, W, outC, kH, kW, strideH, strideW, padH, padW,
// dilationH, dilationW, groups, OH, OW, ...pointers]; the layout of cols is im2col's:
// row (c, kh, kw), column (oh, ow).
import { gemm, GEMM_SCRATCH_BYTES } from './gemm';
import { copyFloats, zeroFloats } from './memory';
import { addSimd, reluBackwardSimd, reluSimd } from './elementwise';
import { maxPool2dBackwardPlanes } from './pool';
import { convDirectForward, convDirectWeightGradient, directPlaneFloats } from './conv-direct';
import {
  S2, winogradAddWeightGradient, winogradGradWorkBytes, winogradInputGradientS2, winogradInputGradientWorkBytes, winogradPositions,
  winogradSamples, winogradWeightGradient, winogradWorkBytes,
} from './winograd';

// @ts-ignore: decorator
@inline function word(desc: usize, i: i32): i32 {
  return load<i32>(desc + <usize>i * 4);
}

const N_ = 1, C_ = 2, H_ = 3, W_ = 4, OUTC = 5, KH = 6, KW = 7, SH = 8, SW = 9, PH = 10, PW = 11;
const DH = 12, DW = 13, GROUPS = 14, OH_ = 15, OW_ = 16;

/**
 * Whether x can serve as its own column matrix (1×1 kernel, stride 1, no padding): padding after
 * the input has no word of its own, so the output's size tells (OH > H when there is some).
 */
function isPointwise(desc: usize): bool {
  return word(desc, KH) == 1 && word(desc, KW) == 1 && word(desc, SH) == 1 && word(desc, SW) == 1 &&
    word(desc, PH) == 0 && word(desc, PW) == 0 && word(desc, OH_) == word(desc, H_) && word(desc, OW_) == word(desc, W_);
}

/** First output index o ≥ 0 with o·stride + offset ≥ bound (0 when every o qualifies), at most count. */
// @ts-ignore: decorator
@inline function firstAtLeast(bound: i32, offset: i32, stride: i32, count: i32): i32 {
  // (No division for stride 1, the common case: a variable i32 division costs tens of cycles, and
  // im2col asks this for every row of its columns.)
  return bound <= offset ? 0 : min(count, stride == 1 ? bound - offset : (bound - offset + stride - 1) / stride);
}

/**
 * cols [Cg·kH·kW, OH·OW] of one sample's group, whose first channel starts at x, its rows `ld`
 * floats apart (OH·OW; more where several samples' columns sit side by side). `work` has room
 * for Cg·(OH + kH − 1)·(OW + kW − 1) floats (no more than one sample's cols for stride 1): a stride-1,
 * undilated convolution with padding copies its input there padded first, so that every row of
 * cols is one straight copy (im2colStride1) instead of a copy between zeroed edges.
 */
function im2colSample(desc: usize, x: usize, Cg: i32, cols: usize, work: usize, ld: i32): void {
  const H = word(desc, H_), W = word(desc, W_), kH = word(desc, KH), kW = word(desc, KW);
  const strideH = word(desc, SH), strideW = word(desc, SW), padH = word(desc, PH), padW = word(desc, PW);
  const dilationH = word(desc, DH), dilationW = word(desc, DW), OH = word(desc, OH_), OW = word(desc, OW_);
  if (strideH == 1 && strideW == 1 && dilationH == 1 && dilationW == 1) {
    const Hp = OH + kH - 1, Wp = OW + kW - 1; // the rows and columns the windows cover, from (−padH, −padW)
    // No padding on any side (Hp = H + top + bottom, Wp = W + left + right): x itself is read.
    if (padH == 0 && padW == 0 && Hp == H && Wp == W) {
      im2colStride1(x, Cg, H, W, kH, kW, OH, OW, cols, ld);
    } else {
      padPlanes(x, Cg, H, W, padH, padW, Hp, Wp, work);
      im2colStride1(work, Cg, Hp, Wp, kH, kW, OH, OW, cols, ld);
    }
    return;
  }
  const rowBytes = <usize>OW * 4;
  let dst = cols;
  for (let c = 0; c < Cg; c++) {
    for (let kh = 0; kh < kH; kh++) {
      // Output rows oh in [ohLo, ohHi) read input row ih = oh·strideH + ih0 inside x; the rest are padding.
      const ih0 = kh * dilationH - padH;
      const ohLo = firstAtLeast(0, ih0, strideH, OH);
      const ohHi = max(ohLo, firstAtLeast(H, ih0, strideH, OH));
      for (let kw = 0; kw < kW; kw++) {
        // Likewise columns ow in [owLo, owHi) read iw = ow·strideW + iw0.
        const iw0 = kw * dilationW - padW;
        const owLo = firstAtLeast(0, iw0, strideW, OW);
        const owHi = max(owLo, firstAtLeast(W, iw0, strideW, OW));
        const inside = owLo == 0 && owHi == OW && strideW == 1;
        zeroFloats(dst, ohLo * OW);
        for (let oh = ohLo; oh < ohHi; oh++) {
          const src = x + (<usize>(c * H + oh * strideH + ih0) * W + iw0) * 4;
          const row = dst + <usize>oh * rowBytes;
          if (inside) {
            copyFloats(row, src, OW);
            continue;
          }
          zeroFloats(row, owLo);
          if (strideW == 1) {
            copyFloats(row + <usize>owLo * 4, src + <usize>owLo * 4, owHi - owLo);
          } else {
            let ow = owLo;
            if (strideW == 2) {
              // Four outputs from two loads, the even lanes; the last group (whose second load
              // would reach one float past the row's last read) goes by the scalar loop.
              for (; ow + 4 < owHi; ow += 4) {
                const at = src + <usize>(2 * ow) * 4;
                v128.store(row + <usize>ow * 4, v128.shuffle<f32>(v128.load(at), v128.load(at, 16), 0, 2, 4, 6));
              }
            }
            for (; ow < owHi; ow++) store<f32>(row + <usize>ow * 4, load<f32>(src + <usize>(ow * strideW) * 4));
          }
          zeroFloats(row + <usize>owHi * 4, OW - owHi);
        }
        zeroFloats(dst + <usize>ohHi * rowBytes, (OH - ohHi) * OW);
        dst += <usize>ld * 4;
      }
    }
  }
}

/** im2col of Cg planes H × W at x for a stride-1, undilated, unpadded convolution: row (c, kh, kw) of cols (rows ld floats apart) holds x[c, oh + kh, ow + kw]. */
function im2colStride1(x: usize, Cg: i32, H: i32, W: i32, kH: i32, kW: i32, OH: i32, OW: i32, cols: usize, ld: i32): void {
  let rowOfCols = cols;
  for (let c = 0; c < Cg; c++) {
    for (let kh = 0; kh < kH; kh++) {
      for (let kw = 0; kw < kW; kw++) {
        let src = x + (<usize>(c * H + kh) * W + kw) * 4;
        let dst = rowOfCols;
        for (let oh = 0; oh < OH; oh++) {
          copyFloats(dst, src, OW);
          dst += <usize>OW * 4;
          src += <usize>W * 4;
        }
        rowOfCols += <usize>ld * 4;
      }
    }
  }
}

/** Cg planes H × W at x into Hp × Wp planes at dst, plane (r, c) = x[r − padH, c − padW] inside x, else 0. */
function padPlanes(x: usize, Cg: i32, H: i32, W: i32, padH: i32, padW: i32, Hp: i32, Wp: i32, dst: usize): void {
  const w = min(W, Wp - padW); // columns of x that land inside a padded row
  for (let c = 0; c < Cg; c++) {
    const plane = dst + <usize>(c * Hp * Wp) * 4;
    for (let r = 0; r < Hp; r++) {
      const row = plane + <usize>(r * Wp) * 4;
      const ih = r - padH;
      if (ih < 0 || ih >= H || w <= 0) {
        zeroFloats(row, Wp);
        continue;
      }
      zeroFloats(row, padW);
      copyFloats(row + <usize>padW * 4, x + <usize>((c * H + ih) * W) * 4, w);
      zeroFloats(row + <usize>(padW + w) * 4, Wp - padW - w);
    }
  }
}

/** The adjoint of im2colSample: dx (first channel of the group) += col2im(cols), cols' rows ld floats apart. */
function col2imSample(desc: usize, cols: usize, Cg: i32, dx: usize, ld: i32): void {
  const H = word(desc, H_), W = word(desc, W_), kH = word(desc, KH), kW = word(desc, KW);
  const strideH = word(desc, SH), strideW = word(desc, SW), padH = word(desc, PH), padW = word(desc, PW);
  const dilationH = word(desc, DH), dilationW = word(desc, DW), OH = word(desc, OH_), OW = word(desc, OW_);
  const rowBytes = <usize>OW * 4;
  let rowOfCols = cols;
  for (let c = 0; c < Cg; c++) {
    for (let kh = 0; kh < kH; kh++) {
      const ih0 = kh * dilationH - padH;
      const ohLo = firstAtLeast(0, ih0, strideH, OH);
      const ohHi = max(ohLo, firstAtLeast(H, ih0, strideH, OH));
      for (let kw = 0; kw < kW; kw++) {
        const iw0 = kw * dilationW - padW;
        const owLo = firstAtLeast(0, iw0, strideW, OW);
        const owHi = max(owLo, firstAtLeast(W, iw0, strideW, OW));
        for (let oh = ohLo; oh < ohHi; oh++) {
          const src = rowOfCols + <usize>oh * rowBytes;
          const dst = dx + (<usize>(c * H + oh * strideH + ih0) * W + iw0) * 4;
          let ow = owLo;
          if (strideW == 1) {
            for (; ow + 4 <= owHi; ow += 4) {
              const at = dst + <usize>ow * 4;
              v128.store(at, f32x4.add(v128.load(at), v128.load(src + <usize>ow * 4)));
            }
          }
          for (; ow < owHi; ow++) {
            const at = dst + <usize>(ow * strideW) * 4;
            store<f32>(at, load<f32>(at) + load<f32>(src + <usize>ow * 4));
          }
        }
        rowOfCols += <usize>ld * 4;
      }
    }
  }
}

/** y[oc, :] += b[oc] for the outC × size block at y. */
function addBiasSample(y: usize, b: usize, outC: i32, size: i32): void {
  for (let oc = 0; oc < outC; oc++) {
    const bias = f32x4.splat(load<f32>(b + <usize>oc * 4));
    const row = y + <usize>(oc * size) * 4;
    let i = 0;
    for (; i + 4 <= size; i += 4) v128.store(row + <usize>i * 4, f32x4.add(v128.load(row + <usize>i * 4), bias));
    for (; i < size; i++) store<f32>(row + <usize>i * 4, load<f32>(row + <usize>i * 4) + load<f32>(b + <usize>oc * 4));
  }
}

/** addBiasSample, then reluSimd's max(·, 0) (NaN kept, −0 to 0), in the same pass: the bits of the two passes. */
function addBiasReluSample(y: usize, b: usize, outC: i32, size: i32): void {
  const zero = f32x4.splat(0);
  for (let oc = 0; oc < outC; oc++) {
    const bias = f32x4.splat(load<f32>(b + <usize>oc * 4));
    const row = y + <usize>(oc * size) * 4;
    let i = 0;
    for (; i + 4 <= size; i += 4) {
      const v = f32x4.add(v128.load(row + <usize>i * 4), bias);
      v128.store(row + <usize>i * 4, v128.and(v, v128.or(f32x4.gt(v, zero), f32x4.ne(v, v))));
    }
    for (; i < size; i++) {
      const v = load<f32>(row + <usize>i * 4) + load<f32>(b + <usize>oc * 4);
      store<f32>(row + <usize>i * 4, v > 0 || v != v ? v : 0);
    }
  }
}

/**
 * Forward job words 17..: [x, w, b (0: none), y, scratch, scratchStride, relu (0 or 1), u, group, m (Winograd F(m×m, 3×3): 2 or 4; 3: stride 2, winograd-s2.ts),
 * direct (0: none; else the tables of convDirectPrepare: item n is sample n by conv-direct.ts, its scratch the padded planes),
 * packedW (w packed once by the host, or 0), batch (0 or 1: an item per sample; B > 1: item i is samples [i·B, (i + 1)·B) by im2col, one group, conv2dForwardBatch)].
 * With u = 0, item n is sample n by im2col: y[n] = conv(x[n], w) + b, then max(·, 0) with relu
 * (a fused ReLU layer); the thread's scratch holds cols [Cg·kH·kW, OH·OW], then im2col's work
 * area (padded planes), then the gemm packing area. Otherwise u holds the kernels' Winograd transforms (a 3×3, stride-1 convolution) and item
 * i is samples [i·group, (i + 1)·group), the scratch winograd.ts's work area and then the gemm's.
 */
export function conv2dForwardItem(desc: usize, item: i32, thread: i32): void {
  const u = <usize>word(desc, 24);
  if (u == 0) {
    const batch = word(desc, 29);
    if (batch > 1) conv2dForwardBatch(desc, item * batch, min(batch, word(desc, N_) - item * batch), batch, thread);
    else conv2dForwardSample(desc, item, thread);
    return;
  }
  const N = word(desc, N_), C = word(desc, C_), H = word(desc, H_), W = word(desc, W_), outC = word(desc, OUTC);
  const OH = word(desc, OH_), OW = word(desc, OW_), group = word(desc, 25), m = word(desc, 26);
  const n0 = item * group, count = min(N, n0 + group) - n0;
  const scratch = <usize>word(desc, 21) + <usize>thread * <usize>word(desc, 22);
  const x = <usize>word(desc, 17) + <usize>(n0 * C * H * W) * 4;
  const y = <usize>word(desc, 20) + <usize>(n0 * outC * OH * OW) * 4;
  winogradSamples(x, count, C, H, W, word(desc, PH), word(desc, PW), OH, OW, u, outC, <usize>word(desc, 19),
    word(desc, 23) != 0, y, scratch, scratch + <usize>winogradWorkBytes(C, outC, OH, OW, group, m), m);
}

/**
 * One sample's C planes at x padded for the direct path into `planes` (Hp × Wp each, the rows
 * and columns its windows cover, then zeroed slack for the reads past them).
 */
function directPlanes(desc: usize, x: usize, planes: usize): void {
  const C = word(desc, C_), H = word(desc, H_), W = word(desc, W_), kW = word(desc, KW);
  const Hp = word(desc, OH_) + word(desc, KH) - 1, Wp = word(desc, OW_) + kW - 1;
  padPlanes(x, C, H, W, word(desc, PH), word(desc, PW), Hp, Wp, planes);
  const floats = directPlaneFloats(C, Hp, Wp, kW);
  zeroFloats(planes + <usize>(C * Hp * Wp) * 4, floats - C * Hp * Wp);
}

function conv2dForwardSample(desc: usize, n: i32, thread: i32): void {
  const C = word(desc, C_), H = word(desc, H_), W = word(desc, W_), outC = word(desc, OUTC);
  const groups = word(desc, GROUPS), kk = word(desc, KH) * word(desc, KW), OHW = word(desc, OH_) * word(desc, OW_);
  const x = <usize>word(desc, 17), w = <usize>word(desc, 18), b = <usize>word(desc, 19), y = <usize>word(desc, 20);
  const scratch = <usize>word(desc, 21) + <usize>thread * <usize>word(desc, 22);
  const Cg = C / groups, outCg = outC / groups, rows = Cg * kk;
  const pointwise = isPointwise(desc);
  const colsBytes = (<usize>rows * OHW * 4 + 63) & ~63;
  const work = scratch + colsBytes, gemmScratch = work + colsBytes; // work: im2col's padded planes
  const tables = <usize>word(desc, 27);
  const packedW = <usize>word(desc, 28); // w packed once for all samples by the host (one group), or 0
  if (tables != 0) {
    // The direct path (conv-direct.ts; one group, stride 1): the planes padded, then read in place; bias and ReLU in its stores.
    directPlanes(desc, x + <usize>(n * C * H * W) * 4, scratch);
    convDirectForward(scratch, C, word(desc, KH), word(desc, KW), tables, outC, word(desc, OH_), word(desc, OW_), b,
      word(desc, 23) != 0, y + <usize>(n * outC * OHW) * 4);
    return;
  }
  for (let g = 0; g < groups; g++) {
    const xg = x + <usize>((n * C + g * Cg) * H * W) * 4;
    const yg = y + <usize>((n * outC + g * outCg) * OHW) * 4;
    const wg = w + <usize>(g * outCg * rows) * 4;
    const cols = scratch;
    if (!pointwise) im2colSample(desc, xg, Cg, cols, work, OHW);
    // y_g [outCg, OHW] = w_g [outCg, rows] · cols [rows, OHW]
    gemm(false, false, outCg, OHW, rows, wg, rows, pointwise ? xg : cols, OHW, yg, OHW, false, gemmScratch, packedW);
  }
  const ySample = y + <usize>(n * outC * OHW) * 4;
  const relu = word(desc, 23) != 0;
  if (b != 0 && relu) addBiasReluSample(ySample, b, outC, OHW);
  else if (b != 0) addBiasSample(ySample, b, outC, OHW);
  else if (relu) reluSimd(ySample, ySample, outC * OHW);
}

/** Bytes of the 64-byte-aligned block for `floats` floats. */
// @ts-ignore: decorator
@inline function blockBytes(floats: i32): usize {
  return (<usize>floats * 4 + 63) & ~63;
}

/**
 * Samples [n0, n0 + count) of a one-group im2col convolution in one GEMM: their columns side by
 * side, cols [rows, count·OH·OW] (a 1×1 stride-1 convolution copies x's planes there), then
 * Y [outC, count·OH·OW] = w · cols, each sample's block copied to y[n] with the bias and ReLU.
 * On small maps a sample's GEMM has few columns and reads all of w for them; here w is read once
 * for `count` samples. Every output is the same dot product in the same order as by samples (the
 * GEMM's panels are padded, its micro-kernel the same for every tile): the same bits. The scratch
 * (convBatchScratchBytes for `batch` samples): cols, one sample's padded planes, Y, the gemm area.
 */
function conv2dForwardBatch(desc: usize, n0: i32, count: i32, batch: i32, thread: i32): void {
  const C = word(desc, C_), H = word(desc, H_), W = word(desc, W_), outC = word(desc, OUTC);
  const OHW = word(desc, OH_) * word(desc, OW_), rows = C * word(desc, KH) * word(desc, KW);
  const x = <usize>word(desc, 17), w = <usize>word(desc, 18), b = <usize>word(desc, 19), y = <usize>word(desc, 20);
  const scratch = <usize>word(desc, 21) + <usize>thread * <usize>word(desc, 22);
  const cols = scratch, work = cols + blockBytes(rows * batch * OHW);
  const Y = work + blockBytes(rows * OHW), gemmScratch = Y + blockBytes(outC * batch * OHW);
  const ld = count * OHW;
  const pointwise = isPointwise(desc);
  for (let s = 0; s < count; s++) {
    const xs = x + <usize>((n0 + s) * C * H * W) * 4;
    if (!pointwise) im2colSample(desc, xs, C, cols + <usize>(s * OHW) * 4, work, ld);
    else for (let c = 0; c < C; c++) copyFloats(cols + <usize>(c * ld + s * OHW) * 4, xs + <usize>(c * OHW) * 4, OHW);
  }
  gemm(false, false, outC, ld, rows, w, rows, cols, ld, Y, ld, false, gemmScratch, <usize>word(desc, 28));
  const relu = word(desc, 23) != 0;
  for (let s = 0; s < count; s++) {
    const ys = y + <usize>((n0 + s) * outC * OHW) * 4;
    for (let oc = 0; oc < outC; oc++) copyFloats(ys + <usize>(oc * OHW) * 4, Y + <usize>(oc * ld + s * OHW) * 4, OHW);
    if (b != 0 && relu) addBiasReluSample(ys, b, outC, OHW);
    else if (b != 0) addBiasSample(ys, b, outC, OHW);
    else if (relu) reluSimd(ys, ys, outC * OHW);
  }
}

/** Per-thread scratch of conv2dForwardBatch for `batch` samples. */
export function convBatchScratchBytes(rows: i32, outC: i32, OHW: i32, batch: i32): i32 {
  return <i32>(blockBytes(rows * batch * OHW) + blockBytes(rows * OHW) + blockBytes(outC * batch * OHW)) + GEMM_SCRATCH_BYTES;
}

/**
 * dx of samples [n0, n0 + count) of a one-group im2col convolution in one GEMM: their dy side by
 * side, D [outC, count·OH·OW] (⊙ [y > 0] with a fused ReLU's y), dcols = wᵀ · D, then each
 * sample's block col2im'd into its dx (zeroed first; a 1×1 stride-1 convolution adds the block
 * itself). The same dot products in the same order as by samples: the same bits. The scratch
 * (convBatchDxScratchBytes for `batch` samples): D, dcols, the gemm area.
 */
function conv2dBackwardDxBatch(desc: usize, n0: i32, count: i32, batch: i32, thread: i32): void {
  const C = word(desc, C_), H = word(desc, H_), W = word(desc, W_), outC = word(desc, OUTC);
  const OHW = word(desc, OH_) * word(desc, OW_), rows = C * word(desc, KH) * word(desc, KW);
  const dy = <usize>word(desc, 19), dx = <usize>word(desc, 22), reluY = <usize>word(desc, 31);
  const scratch = <usize>word(desc, 23) + <usize>thread * <usize>word(desc, 24);
  const D = scratch, dcols = D + blockBytes(outC * batch * OHW), gemmScratch = dcols + blockBytes(rows * batch * OHW);
  const ld = count * OHW;
  for (let s = 0; s < count; s++) {
    for (let oc = 0; oc < outC; oc++) {
      const at = <usize>(((n0 + s) * outC + oc) * OHW) * 4, to = D + <usize>(oc * ld + s * OHW) * 4;
      if (reluY != 0) reluBackwardSimd(reluY + at, dy + at, to, OHW);
      else copyFloats(to, dy + at, OHW);
    }
  }
  gemm(true, false, rows, ld, outC, <usize>word(desc, 18), rows, D, ld, dcols, ld, false, gemmScratch, <usize>word(desc, 34));
  const pointwise = isPointwise(desc);
  for (let s = 0; s < count; s++) {
    const dxs = dx + <usize>((n0 + s) * C * H * W) * 4;
    memory.fill(dxs, 0, <usize>(C * H * W) * 4);
    if (!pointwise) col2imSample(desc, dcols + <usize>(s * OHW) * 4, C, dxs, ld);
    else for (let c = 0; c < C; c++) addSimd(dxs + <usize>(c * OHW) * 4, dcols + <usize>(c * ld + s * OHW) * 4, dxs + <usize>(c * OHW) * 4, OHW);
  }
}

/** Per-thread scratch of conv2dBackwardDxBatch for `batch` samples. */
export function convBatchDxScratchBytes(rows: i32, outC: i32, OHW: i32, batch: i32): i32 {
  return <i32>(blockBytes(outC * batch * OHW) + blockBytes(rows * batch * OHW)) + GEMM_SCRATCH_BYTES;
}

/**
 * Backward job words 17..: [x, w, dy, dW (0: no dW, x unread), dWPartials, dx (0: not needed), scratch, scratchStride,
 * dySums (0: no bias), samplesPerPiece, u (0: dx by col2im), group, winograd dW (0 or 1), pool (0:
 * none; else a max-pool backward job descriptor whose dx is this job's dy: each sample's dy is
 * made from it in the thread's scratch, ahead of cols, and dy is unread; never with u or winograd dW),
 * reluY (0: none; else y of a ReLU fused after the conv, without a pool: each sample's dy ⊙ [y > 0]
 * is made in the scratch likewise; never with u or winograd dW), m (Winograd F(m×m, 3×3): 2 or 4; 3: stride 2, winograd-s2.ts), direct (0: none; else the tables of convDirectPrepare: the weight gradient by conv-direct.ts, its padded planes after the gemm area),
 * packedWT (wᵀ packed once by the host, or 0), dx batch (0 or 1: dx sample by sample; B > 1: one group, no u, no pool: each piece's dx
 * B samples at a time by conv2dBackwardDxBatch, after its weight gradient)]. With u,
 * dx is the Winograd convolution of dy with the rotated kernels (u from winogradWeights' adjoint;
 * with m = 3, stride 2, the adjoint of the stride-2 algorithm, winogradInputGradientS2, u unrotated),
 * `group` samples of the piece at a time, after the piece's weight gradient; with the winograd dW word,
 * the piece's weight gradient is summed in the Winograd domain (winogradWeightGradient), `group`
 * samples per GEMM, and added into its dW buffer once. Item p is piece p: samples [p·s, min(N, (p + 1)·s)) with
 * s = samplesPerPiece, in order, their dW added into dW itself (piece 0) or into partial p − 1
 * (zeroed here first; the caller adds the partials into dW in piece order afterwards). The pieces
 * depend only on the shapes and the thread count, never on which thread claims which piece, so
 * the float32 sums, and with them dW, come out the same bit for bit on every run.
 */
export function conv2dBackwardPiece(desc: usize, p: i32, thread: i32): void {
  const N = word(desc, N_), perPiece = word(desc, 26);
  const dWSize = <usize>word(desc, OUTC) * (word(desc, C_) / word(desc, GROUPS)) * word(desc, KH) * word(desc, KW);
  // dW word 0: no weight gradient (a transposed convolution's forward pass is this job's dx alone).
  const dW = word(desc, 20) == 0 ? 0 : p == 0 ? <usize>word(desc, 20) : <usize>word(desc, 21) + <usize>(p - 1) * dWSize * 4;
  if (dW != 0 && p > 0) zeroFloats(dW, <i32>dWSize); // the piece's partial, zeroed by the thread that sums into it
  const end = min(N, (p + 1) * perPiece);
  const u = <usize>word(desc, 27), dx = <usize>word(desc, 22);
  const winogradDx = u != 0 && dx != 0, winogradDW = word(desc, 29) != 0 && dW != 0;
  const dxBatch = dx != 0 && !winogradDx ? word(desc, 35) : 0;
  for (let n = p * perPiece; n < end; n++) conv2dBackwardSample(desc, n, thread, winogradDW ? 0 : dW, !winogradDx && dxBatch <= 1);
  if (dxBatch > 1) {
    for (let n0 = p * perPiece; n0 < end; n0 += dxBatch) conv2dBackwardDxBatch(desc, n0, min(dxBatch, end - n0), dxBatch, thread);
    return;
  }
  if (!winogradDx && !winogradDW) return;
  const C = word(desc, C_), H = word(desc, H_), W = word(desc, W_), outC = word(desc, OUTC);
  const OH = word(desc, OH_), OW = word(desc, OW_), group = word(desc, 28), m = word(desc, 32);
  const padH = word(desc, PH), padW = word(desc, PW);
  const scratch = <usize>word(desc, 23) + <usize>thread * <usize>word(desc, 24);
  const x = <usize>word(desc, 17), dy = <usize>word(desc, 19);
  if (winogradDW) {
    // dW += Gᵀ [Σ over the piece's tiles of (A δ Aᵀ) ⊙ (Bᵀ d B)] G, the samples `group` at a time.
    const gemmScratch = scratch + <usize>winogradGradWorkBytes(C, outC, OH, OW, group, m);
    zeroFloats(scratch, winogradPositions(m) * outC * C);
    for (let n0 = p * perPiece; n0 < end; n0 += group) {
      winogradWeightGradient(x + <usize>(n0 * C * H * W) * 4, dy + <usize>(n0 * outC * OH * OW) * 4, min(group, end - n0),
        C, H, W, padH, padW, OH, OW, outC, scratch, gemmScratch, m);
    }
    winogradAddWeightGradient(scratch, dW, outC, C, m);
  }
  if (winogradDx && m == S2) {
    // dx by the adjoint of the stride-2 algorithm (its weight gradient went by im2col above).
    const gemmScratch = scratch + <usize>winogradInputGradientWorkBytes(C, outC, H, W, OH, OW, padH, padW, group);
    for (let n0 = p * perPiece; n0 < end; n0 += group) {
      winogradInputGradientS2(dy + <usize>(n0 * outC * OH * OW) * 4, min(group, end - n0), outC, OH, OW, C, H, W, padH, padW,
        u, dx + <usize>(n0 * C * H * W) * 4, scratch, gemmScratch);
    }
  } else if (winogradDx) {
    const gemmScratch = scratch + <usize>winogradWorkBytes(outC, C, H, W, group, m);
    for (let n0 = p * perPiece; n0 < end; n0 += group) {
      // dx = dy ⋆ rot180(w)ᵀ, a 3×3 stride-1 convolution of dy padded by 2 − pad before each axis.
      winogradSamples(dy + <usize>(n0 * outC * OH * OW) * 4, min(group, end - n0), outC, OH, OW,
        2 - padH, 2 - padW, H, W, u, C, 0, false, dx + <usize>(n0 * C * H * W) * 4, scratch, gemmScratch, m);
    }
  }
}

/**
 * dW[0..size) += partial 0, then partial 1, … (count partials of size floats, one after another
 * from partials): the backward job's pieces 1 … count, summed in piece order.
 */
export function addPartials(dW: usize, partials: usize, count: i32, size: i32): void {
  for (let p = 0; p < count; p++) {
    const src = partials + <usize>p * <usize>size * 4;
    let i = 0;
    for (; i + 4 <= size; i += 4) {
      const at = dW + <usize>i * 4;
      v128.store(at, f32x4.add(v128.load(at), v128.load(src + <usize>i * 4)));
    }
    for (; i < size; i++) store<f32>(dW + <usize>i * 4, load<f32>(dW + <usize>i * 4) + load<f32>(src + <usize>i * 4));
  }
}

/**
 * Sample n of a backward job: adds its dW into the dW buffer given (none when 0), writes dx[n] =
 * col2im(w_gᵀ·dy_g) (zeroing dx[n] first) unless withDx is false and, for the bias gradient, dySums[n, oc] =
 * Σ_{oh, ow} dy[n, oc] in float64 (the caller adds them into db sample by sample, as the
 * reference does). The thread's scratch holds (with the pool) the sample's dy, then cols, then
 * dcols, then the gemm packing area.
 */
function conv2dBackwardSample(desc: usize, n: i32, thread: i32, dW: usize, withDx: bool): void {
  const C = word(desc, C_), H = word(desc, H_), W = word(desc, W_), outC = word(desc, OUTC);
  const groups = word(desc, GROUPS), kk = word(desc, KH) * word(desc, KW), OHW = word(desc, OH_) * word(desc, OW_);
  const x = <usize>word(desc, 17), w = <usize>word(desc, 18), dy = <usize>word(desc, 19);
  const dx = withDx ? <usize>word(desc, 22) : 0;
  const scratch = <usize>word(desc, 23) + <usize>thread * <usize>word(desc, 24);
  const dySums = <usize>word(desc, 25);
  const Cg = C / groups, outCg = outC / groups, rows = Cg * kk;
  const pointwise = isPointwise(desc);
  const colsBytes = (<usize>rows * OHW * 4 + 63) & ~63;
  const pool = <usize>word(desc, 30), reluY = <usize>word(desc, 31), tables = <usize>word(desc, 33);
  const packedWT = <usize>word(desc, 34); // wᵀ packed once for all samples by the host (one group), or 0
  // With the pool, sample n's dy (outC planes of the pool's dx) is made here, while it is read;
  // likewise with a ReLU alone, dy ⊙ [y > 0].
  const made = pool != 0 || reluY != 0;
  const dyBytes: usize = made ? (<usize>outC * OHW * 4 + 63) & ~63 : 0;
  const dyn = made ? scratch : dy + <usize>(n * outC * OHW) * 4;
  if (pool != 0) maxPool2dBackwardPlanes(pool, n * outC, (n + 1) * outC, dyn);
  else if (reluY != 0) reluBackwardSimd(reluY + <usize>(n * outC * OHW) * 4, dy + <usize>(n * outC * OHW) * 4, dyn, outC * OHW);
  const cols = scratch + dyBytes, dcols = cols + colsBytes;
  const gemmScratch = dcols + colsBytes;
  // dx[n] is accumulated into (col2im, or the 1×1 GEMM): zeroed here, by the thread that fills it.
  if (dx != 0) memory.fill(dx + <usize>(n * C * H * W) * 4, 0, <usize>(C * H * W) * 4);
  for (let g = 0; g < groups; g++) {
    const xg = x + <usize>((n * C + g * Cg) * H * W) * 4;
    const dyg = dyn + <usize>(g * outCg * OHW) * 4;
    const wg = w + <usize>(g * outCg * rows) * 4;
    if (dW != 0 && tables != 0) {
      // The direct path (conv-direct.ts; one group, stride 1): the padded planes after the gemm area.
      const planes = gemmScratch + GEMM_SCRATCH_BYTES;
      directPlanes(desc, xg, planes);
      convDirectWeightGradient(planes, C, word(desc, KH), word(desc, KW), tables, outC, word(desc, OH_), word(desc, OW_), dyg, dW);
    } else if (dW != 0) {
      if (!pointwise) im2colSample(desc, xg, Cg, cols, dcols, OHW); // dcols: free until dx's GEMM
      // dW_g [outCg, rows] += dy_g [outCg, OHW] · colsᵀ (cols stored [rows, OHW])
      gemm(false, true, outCg, rows, OHW, dyg, OHW, pointwise ? xg : cols, OHW, dW + <usize>(g * outCg * rows) * 4, rows, true, gemmScratch);
    }
    if (dx != 0) {
      const dxg = dx + <usize>((n * C + g * Cg) * H * W) * 4;
      // dcols [rows, OHW] = w_gᵀ (w_g stored [outCg, rows]) · dy_g [outCg, OHW]
      if (pointwise) {
        gemm(true, false, rows, OHW, outCg, wg, rows, dyg, OHW, dxg, OHW, true, gemmScratch, packedWT);
      } else {
        gemm(true, false, rows, OHW, outCg, wg, rows, dyg, OHW, dcols, OHW, false, gemmScratch, packedWT);
        col2imSample(desc, dcols, Cg, dxg, OHW);
      }
    }
  }
  if (dySums != 0) {
    for (let oc = 0; oc < outC; oc++) {
      const row = dyn + <usize>(oc * OHW) * 4;
      store<f64>(dySums + <usize>(n * outC + oc) * 8, sumAsF64(row, OHW));
    }
  }
}

/** Σ of n floats at src, accumulated in float64 (two f64x2 lanes pairs, then a scalar tail). */
export function sumAsF64(src: usize, n: i32): f64 {
  let lo = f64x2.splat(0), hi = f64x2.splat(0);
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const v = v128.load(src + <usize>i * 4);
    lo = f64x2.add(lo, f64x2.promote_low_f32x4(v));
    hi = f64x2.add(hi, f64x2.promote_low_f32x4(v128.shuffle<f32>(v, v, 2, 3, 0, 1)));
  }
  const both = f64x2.add(lo, hi);
  let sum = f64x2.extract_lane(both, 0) + f64x2.extract_lane(both, 1);
  for (; i < n; i++) sum += <f64>load<f32>(src + <usize>i * 4);
  return sum;
}

/** Bytes of per-thread scratch the conv jobs need: two column matrices and the gemm area. */
export function convScratchBytes(rows: i32, OHW: i32): i32 {
  return 2 * ((rows * OHW * 4 + 63) & ~63) + GEMM_SCRATCH_BYTES;
}
