// SPDX-License-Identifier: MIT
// Direct convolution for few input channels (the first layer of LeNet-5, of the W3 CNN and the
// resnet stem: C = 1), stride 1, undilated, one group: the weight gradient and (from 16 taps, as
// the host decides: ../kernels.ts) the forward pass without im2col. With C·kH·kW rows of a column matrix for a handful of output channels, im2col
// writes (and the weight gradient's GEMM transposes and packs) far more floats than the GEMMs
// multiply by each; here the sample's input, padded once into planes Hp × Wp (Hp = OH + kH − 1,
// Wp = OW + kW − 1, the rows and columns the windows cover), is read where it lies.
//
// Under tap k = (c, kh, kw), output (oh, ow) reads planes[oh·Wp + ow + off_k], off_k =
// c·Hp·Wp + kh·Wp + kw: eight outputs along a row read eight consecutive floats for every tap.
// The forward pass computes a row's outputs eight at a time (the last group's extra lanes read
// past the row and are dropped); the weight gradient reads the outputs' own positions only. Reads
// run up to 7 floats past the planes: the caller zeroes that slack.
import { MR, NR } from './gemm';
import { loadLanes, storeLanes } from './memory';

/** acc + a·b per lane: one fused instruction with relaxed SIMD, multiply then add otherwise (gemm.ts's madd). */
// @ts-ignore: decorator
@inline function madd(a: v128, b: v128, acc: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return f32x4.relaxed_madd(a, b, acc);
  return f32x4.add(f32x4.mul(a, b), acc);
}

/**
 * A weight-gradient tile: DR output channels × DT taps, an accumulator each, with the DR dy
 * vectors and one x vector live: 3 × 3 (13 v128 registers) with relaxed SIMD; 2 × 3 otherwise,
 * where each multiply-add needs a temporary. (3 × 4 needed 16 and spilled: 20 cycles a step.)
 */
const DR: i32 = ASC_FEATURE_RELAXED_SIMD ? 3 : 2;
const DT: i32 = 3;

// @ts-ignore: decorator
@inline function roundUp(n: i32, t: i32): i32 {
  return (n + t - 1) / t * t;
}

/** Floats of one sample's padded planes with the slack the reads run into. */
export function directPlaneFloats(C: i32, Hp: i32, Wp: i32, kW: i32): i32 {
  return roundUp(C * Hp * Wp + kW + 8, 16);
}

/** Bytes of per-thread scratch of the direct path: the padded planes, 64-byte aligned. */
export function convDirectScratchBytes(C: i32, OH: i32, OW: i32, kH: i32, kW: i32): i32 {
  return roundUp(directPlaneFloats(C, OH + kH - 1, OW + kW - 1, kW) * 4, 64);
}

/** Bytes of the shared tables convDirectPrepare writes: the packed weights, then the tap offsets. */
export function convDirectTableBytes(outC: i32, C: i32, kH: i32, kW: i32): i32 {
  const K = C * kH * kW;
  return roundUp(roundUp(outC, MR) * K * 4, 64) + roundUp(roundUp(K, DT) * 4, 64);
}

/**
 * The tables every item reads, at `tables`: w [outC, K] (K = C·kH·kW) packed in blocks of MR
 * output channels, block-major, then tap, then channel (zeros past outC), as gemm's A panels; then
 * the byte offset of each tap k = (c, kh, kw) in the padded planes, K rounded up to DT entries
 * (the extra taps read offset 0 and are never stored).
 */
export function convDirectPrepare(w: usize, outC: i32, C: i32, kH: i32, kW: i32, OH: i32, OW: i32, tables: usize): void {
  const K = C * kH * kW, Hp = OH + kH - 1, Wp = OW + kW - 1;
  const padded = roundUp(outC, MR);
  for (let ob = 0; ob < padded; ob += MR) {
    const block = tables + <usize>(ob * K) * 4;
    for (let k = 0; k < K; k++) {
      for (let r = 0; r < MR; r++) {
        const oc = ob + r;
        store<f32>(block + <usize>(k * MR + r) * 4, oc < outC ? load<f32>(w + <usize>(oc * K + k) * 4) : 0);
      }
    }
  }
  const offsets = tables + <usize>roundUp(padded * K * 4, 64);
  let k = 0;
  for (let c = 0; c < C; c++) {
    for (let kh = 0; kh < kH; kh++) {
      for (let kw = 0; kw < kW; kw++) store<i32>(offsets + <usize>(k++) * 4, ((c * Hp + kh) * Wp + kw) * 4);
    }
  }
  for (; k < roundUp(K, DT); k++) store<i32>(offsets + <usize>k * 4, 0);
}

/** Where convDirectPrepare put the tap offsets. */
export function directOffsets(tables: usize, outC: i32, K: i32): usize {
  return tables + <usize>roundUp(roundUp(outC, MR) * K * 4, 64);
}

/** v + b, then max(·, 0) with NaN kept (the im2col path's bias and ReLU passes, on the same values). */
// @ts-ignore: decorator
@inline function epilogue(v: v128, b: v128, bias: bool, relu: bool): v128 {
  if (bias) v = f32x4.add(v, b);
  if (relu) v = v128.and(v, v128.or(f32x4.gt(v, f32x4.splat(0)), f32x4.ne(v, v)));
  return v;
}

/** Row r of a tile (lo, hi: eight outputs) at dst, its first `cols` lanes, if r < rows; b: the row's bias. */
// @ts-ignore: decorator
@inline function storeTileRow(dst: usize, lo: v128, hi: v128, r: i32, rows: i32, cols: i32, b: usize, bias: bool, relu: bool): void {
  if (r >= rows) return;
  const bv = bias ? v128.load32_splat(b + <usize>r * 4) : f32x4.splat(0);
  lo = epilogue(lo, bv, bias, relu);
  hi = epilogue(hi, bv, bias, relu);
  if (cols == NR) {
    v128.store(dst, lo);
    v128.store(dst, hi, 16);
    return;
  }
  storeLanes(dst, lo, min(cols, 4));
  if (cols > 4) storeLanes(dst + 16, hi, cols - 4);
}

/**
 * (The tile functions below are exported, from index.ts, only so that Binaryen keeps each a
 * function of its own: inlined into the loops around them, V8 kept fewer of their accumulators
 * in registers, and the forward pass ran 1.7× slower.)
 *
 * One tile of the forward pass: MR output channels (the packed block ap; `rows` of them stored) ×
 * eight outputs along a row from `at` (the planes at the first one's position; `cols` stored),
 * each a chain of multiply-adds over the taps in order from zero — the chain gemm's micro-kernel
 * makes over im2col's rows when K fits one k-block, so the same bits — then the bias (b, when
 * `bias`) and the ReLU (`relu`) as the im2col path's passes do them. Row r goes to out + r·pitch bytes.
 */
export function directTile(K: i32, ap: usize, at: usize, offsets: usize, out: usize, pitch: usize, rows: i32, cols: i32,
  b: usize, bias: bool, relu: bool): void {
  let c00 = f32x4.splat(0), c01 = f32x4.splat(0);
  let c10 = f32x4.splat(0), c11 = f32x4.splat(0);
  let c20 = f32x4.splat(0), c21 = f32x4.splat(0);
  let c30 = f32x4.splat(0), c31 = f32x4.splat(0);
  let c40 = f32x4.splat(0), c41 = f32x4.splat(0);
  let c50 = f32x4.splat(0), c51 = f32x4.splat(0);
  for (let k = 0; k < K; k++) {
    const src = at + <usize>load<i32>(offsets + <usize>k * 4);
    const b0 = v128.load(src);
    const b1 = v128.load(src, 16);
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
    if (MR == 6) {
      a = v128.load32_splat(ap, 16);
      c40 = madd(a, b0, c40);
      c41 = madd(a, b1, c41);
      a = v128.load32_splat(ap, 20);
      c50 = madd(a, b0, c50);
      c51 = madd(a, b1, c51);
    }
    ap += MR * 4;
  }
  storeTileRow(out, c00, c01, 0, rows, cols, b, bias, relu);
  storeTileRow(out + pitch, c10, c11, 1, rows, cols, b, bias, relu);
  storeTileRow(out + 2 * pitch, c20, c21, 2, rows, cols, b, bias, relu);
  storeTileRow(out + 3 * pitch, c30, c31, 3, rows, cols, b, bias, relu);
  if (MR == 6) {
    storeTileRow(out + 4 * pitch, c40, c41, 4, rows, cols, b, bias, relu);
    storeTileRow(out + 5 * pitch, c50, c51, 5, rows, cols, b, bias, relu);
  }
}

/** directTile for a row's last one to four outputs (`cols` of them stored): one vector of four, half the multiply-adds. */
export function directTile4(K: i32, ap: usize, at: usize, offsets: usize, out: usize, pitch: usize, rows: i32, cols: i32,
  b: usize, bias: bool, relu: bool): void {
  let c0 = f32x4.splat(0), c1 = f32x4.splat(0), c2 = f32x4.splat(0);
  let c3 = f32x4.splat(0), c4 = f32x4.splat(0), c5 = f32x4.splat(0);
  for (let k = 0; k < K; k++) {
    const b0 = v128.load(at + <usize>load<i32>(offsets + <usize>k * 4));
    c0 = madd(v128.load32_splat(ap), b0, c0);
    c1 = madd(v128.load32_splat(ap, 4), b0, c1);
    c2 = madd(v128.load32_splat(ap, 8), b0, c2);
    c3 = madd(v128.load32_splat(ap, 12), b0, c3);
    if (MR == 6) {
      c4 = madd(v128.load32_splat(ap, 16), b0, c4);
      c5 = madd(v128.load32_splat(ap, 20), b0, c5);
    }
    ap += MR * 4;
  }
  const zero = f32x4.splat(0);
  storeTileRow(out, c0, zero, 0, rows, cols, b, bias, relu);
  storeTileRow(out + pitch, c1, zero, 1, rows, cols, b, bias, relu);
  storeTileRow(out + 2 * pitch, c2, zero, 2, rows, cols, b, bias, relu);
  storeTileRow(out + 3 * pitch, c3, zero, 3, rows, cols, b, bias, relu);
  if (MR == 6) {
    storeTileRow(out + 4 * pitch, c4, zero, 4, rows, cols, b, bias, relu);
    storeTileRow(out + 5 * pitch, c5, zero, 5, rows, cols, b, bias, relu);
  }
}

/**
 * y [outC, OH·OW] of one sample from its padded planes, + b (0: none), then the ReLU with
 * `relu`: MR output channels by eight outputs of a row at a time, stored straight into y.
 */
export function convDirectForward(planes: usize, C: i32, kH: i32, kW: i32, tables: usize, outC: i32, OH: i32, OW: i32,
  b: usize, relu: bool, y: usize): void {
  const K = C * kH * kW, Wp = OW + kW - 1;
  const pitch = <usize>(OH * OW) * 4;
  const offsets = directOffsets(tables, outC, K);
  for (let ob = 0; ob < outC; ob += MR) {
    const ap = tables + <usize>(ob * K) * 4, rows = min(MR, outC - ob);
    const yBlock = y + <usize>ob * pitch, bBlock = b + <usize>ob * 4;
    for (let oh = 0; oh < OH; oh++) {
      const inRow = planes + <usize>(oh * Wp) * 4, outRow = yBlock + <usize>(oh * OW) * 4;
      let ow = 0;
      for (; ow + 4 < OW; ow += NR) {
        directTile(K, ap, inRow + <usize>ow * 4, offsets, outRow + <usize>ow * 4, pitch, rows, min(NR, OW - ow), bBlock, b != 0, relu);
      }
      if (ow < OW) directTile4(K, ap, inRow + <usize>ow * 4, offsets, outRow + <usize>ow * 4, pitch, rows, OW - ow, bBlock, b != 0, relu);
    }
  }
}

/** (l0 + l1) + (l2 + l3) of v. */
// @ts-ignore: decorator
@inline function lanes(v: v128): f32 {
  return (f32x4.extract_lane(v, 0) + f32x4.extract_lane(v, 1)) + (f32x4.extract_lane(v, 2) + f32x4.extract_lane(v, 3));
}

/** dW[row · K + tap] += the lanes' sum of v, for a tap below `taps`. */
// @ts-ignore: decorator
@inline function addTo(dW: usize, rowFloats: i32, tap: i32, v: v128, taps: i32): void {
  if (tap < taps) {
    const at = dW + <usize>(rowFloats + tap) * 4;
    store<f32>(at, load<f32>(at) + lanes(v));
  }
}

/**
 * dW [outC, K] += one sample's Σ_{oh, ow} dy[oc, oh, ow] · planes[oh·Wp + ow + off_k] (dy
 * [outC, OH·OW] of the sample). Only the outputs' own positions are read: a row's last OW mod 4
 * go as one vector whose lanes past the row are zero in both factors (0 · 0: an infinite input
 * there cannot reach dW, as in the reference). A tile is DR output channels × DT taps, each sum
 * four partial sums (ow ≡ lane mod 4), added as (l0 + l1) + (l2 + l3).
 */
export function convDirectWeightGradient(planes: usize, C: i32, kH: i32, kW: i32, tables: usize, outC: i32, OH: i32, OW: i32,
  dy: usize, dW: usize): void {
  const K = C * kH * kW, Wp = OW + kW - 1, OHW = OH * OW;
  const offsets = directOffsets(tables, outC, K);
  for (let ob = 0; ob < outC; ob += DR) {
    // Channels past outC (a last tile of fewer) repeat the first one; they are never stored.
    const d0 = dy + <usize>(ob * OHW) * 4;
    const d1 = ob + 1 < outC ? d0 + <usize>OHW * 4 : d0, d2 = ob + 2 < outC ? d0 + <usize>(2 * OHW) * 4 : d0;
    for (let kb = 0; kb < K; kb += DT) {
      directGradientTile(planes, offsets + <usize>kb * 4, d0, d1, d2, OH, OW, Wp, dW + <usize>(ob * K + kb) * 4, K,
        min(DR, outC - ob), min(DT, K - kb));
    }
  }
}

/**
 * DR output channels (dy rows d0, d1, d2; the ones past `rows` repeat d0 and are not stored) ×
 * DT taps (their offsets at o; the ones past `taps` are not stored) of one sample's weight
 * gradient, added into dW (row stride K floats) from its first entry at dW.
 */
export function directGradientTile(planes: usize, o: usize, d0: usize, d1: usize, d2: usize, OH: i32, OW: i32, Wp: i32,
  dW: usize, K: i32, rows: i32, taps: i32): void {
  const tail = OW & 3, full = OW - tail;
  const mask = i32x4(0 < tail ? -1 : 0, 1 < tail ? -1 : 0, 2 < tail ? -1 : 0, 0);
  const x0 = planes + <usize>load<i32>(o), x1 = planes + <usize>load<i32>(o, 4);
  const x2 = planes + <usize>load<i32>(o, 8);
  let a00 = f32x4.splat(0), a01 = f32x4.splat(0), a02 = f32x4.splat(0);
  let a10 = f32x4.splat(0), a11 = f32x4.splat(0), a12 = f32x4.splat(0);
  let a20 = f32x4.splat(0), a21 = f32x4.splat(0), a22 = f32x4.splat(0);
  for (let oh = 0; oh < OH; oh++) {
    const dyRow = <usize>(oh * OW) * 4, xRow = <usize>(oh * Wp) * 4;
    for (let ow = 0; ow < full; ow += 4) {
      const dAt = dyRow + <usize>ow * 4, xAt = xRow + <usize>ow * 4;
      const y0 = v128.load(d0 + dAt), y1 = v128.load(d1 + dAt);
      const y2 = DR == 3 ? v128.load(d2 + dAt) : f32x4.splat(0);
      let x = v128.load(x0 + xAt);
      a00 = madd(y0, x, a00);
      a10 = madd(y1, x, a10);
      if (DR == 3) a20 = madd(y2, x, a20);
      x = v128.load(x1 + xAt);
      a01 = madd(y0, x, a01);
      a11 = madd(y1, x, a11);
      if (DR == 3) a21 = madd(y2, x, a21);
      x = v128.load(x2 + xAt);
      a02 = madd(y0, x, a02);
      a12 = madd(y1, x, a12);
      if (DR == 3) a22 = madd(y2, x, a22);
    }
    if (tail != 0) {
      // The row's last OW mod 4 outputs: dy loaded lane by lane (nothing past its row), x masked.
      // (The same steps as above, written out again: one loop choosing per step ran 1.9× slower.)
      const dAt = dyRow + <usize>full * 4, xAt = xRow + <usize>full * 4;
      const y0 = loadLanes(d0 + dAt, tail), y1 = loadLanes(d1 + dAt, tail);
      const y2 = DR == 3 ? loadLanes(d2 + dAt, tail) : f32x4.splat(0);
      let x = v128.and(v128.load(x0 + xAt), mask);
      a00 = madd(y0, x, a00);
      a10 = madd(y1, x, a10);
      if (DR == 3) a20 = madd(y2, x, a20);
      x = v128.and(v128.load(x1 + xAt), mask);
      a01 = madd(y0, x, a01);
      a11 = madd(y1, x, a11);
      if (DR == 3) a21 = madd(y2, x, a21);
      x = v128.and(v128.load(x2 + xAt), mask);
      a02 = madd(y0, x, a02);
      a12 = madd(y1, x, a12);
      if (DR == 3) a22 = madd(y2, x, a22);
    }
  }
  addTo(dW, 0, 0, a00, taps);
  addTo(dW, 0, 1, a01, taps);
  addTo(dW, 0, 2, a02, taps);
  if (rows > 1) {
    addTo(dW, K, 0, a10, taps);
    addTo(dW, K, 1, a11, taps);
    addTo(dW, K, 2, a12, taps);
  }
  if (DR == 3 && rows > 2) {
    addTo(dW, 2 * K, 0, a20, taps);
    addTo(dW, 2 * K, 1, a21, taps);
    addTo(dW, 2 * K, 2, a22, taps);
  }
}
