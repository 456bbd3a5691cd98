// SPDX-License-Identifier: MIT
// Upsampling (nearest, bilinear) and its backward over N·C contiguous planes, on tap tables the TS
// side computes with upsample-geometry.ts (the same source rows, columns and weights as the
// reference). Nearest: each output row is built once (SIMD when the columns double: PyTorch's
// ×2, the U-Net decoder's) and copied for the following rows that read the same input row; its
// backward sums each row of dy into its input row (pairwise SIMD sums for ×2). Bilinear is
// separable: the two input rows are mixed with SIMD into a row t, then each output column reads
// two entries of t; backward scatters a row of dy into t and adds l0·t, l1·t to the two rows (SIMD).
// Descriptor words, nearest: [planes, H, W, OH, OW, x, y, rows, cols, doubled];
// bilinear: [planes, H, W, OH, OW, x, y, rowTaps (i0, i1: 2·OH i32), rowWeights (l0, l1: 2·OH f32),
// colTaps (2·OW i32), colWeights (2·OW f32), t (W f32)]. Backward: dy for x, dx for y (zeroed by
// the caller).
import { copyFloats, zeroFloats } from './memory';

// @ts-ignore: decorator
@inline function word(desc: usize, i: i32): i32 {
  return load<i32>(desc + <usize>i * 4);
}

// @ts-ignore: decorator
@inline function at(p: usize, i: i32): usize {
  return p + <usize>i * 4;
}

/** y[ow] = x[cols[ow]] for one row; with `doubled` (cols[ow] = ow >> 1, OW = 2W) four inputs → eight outputs per step. */
function nearestRow(x: usize, y: usize, cols: usize, W: i32, OW: i32, doubled: bool): void {
  let ow = 0;
  if (doubled) {
    let w = 0;
    for (; w + 4 <= W; w += 4) {
      const v = v128.load(at(x, w));
      v128.store(at(y, 2 * w), v128.shuffle<f32>(v, v, 0, 0, 1, 1));
      v128.store(at(y, 2 * w), v128.shuffle<f32>(v, v, 2, 2, 3, 3), 16);
    }
    ow = 2 * w;
  }
  for (; ow < OW; ow++) store<f32>(at(y, ow), load<f32>(at(x, load<i32>(at(cols, ow)))));
}

export function upsampleNearestPlanes(desc: usize): void {
  const planes = word(desc, 0), H = word(desc, 1), W = word(desc, 2), OH = word(desc, 3), OW = word(desc, 4);
  const x = <usize>word(desc, 5), y = <usize>word(desc, 6), rows = <usize>word(desc, 7), cols = <usize>word(desc, 8);
  const doubled = word(desc, 9) != 0;
  for (let plane = 0; plane < planes; plane++) {
    const xp = x + <usize>plane * <usize>(H * W) * 4, yp = y + <usize>plane * <usize>(OH * OW) * 4;
    for (let oh = 0; oh < OH; oh++) {
      const row = at(yp, oh * OW);
      const h = load<i32>(at(rows, oh));
      if (oh > 0 && h == load<i32>(at(rows, oh - 1))) copyFloats(row, row - <usize>OW * 4, OW); // the row above, again
      else nearestRow(at(xp, h * W), row, cols, W, OW, doubled);
    }
  }
}

/** dx[cols[ow]] += dy[ow] for one row; with `doubled`, dx[w] += dy[2w] + dy[2w + 1], four at a time. */
function nearestRowBackward(dy: usize, dx: usize, cols: usize, W: i32, OW: i32, doubled: bool): void {
  let ow = 0;
  if (doubled) {
    let w = 0;
    for (; w + 4 <= W; w += 4) {
      const a = v128.load(at(dy, 2 * w)), b = v128.load(at(dy, 2 * w), 16);
      const pairs = f32x4.add(v128.shuffle<f32>(a, b, 0, 2, 4, 6), v128.shuffle<f32>(a, b, 1, 3, 5, 7));
      v128.store(at(dx, w), f32x4.add(v128.load(at(dx, w)), pairs));
    }
    ow = 2 * w;
  }
  for (; ow < OW; ow++) {
    const p = at(dx, load<i32>(at(cols, ow)));
    store<f32>(p, load<f32>(p) + load<f32>(at(dy, ow)));
  }
}

export function upsampleNearestBackwardPlanes(desc: usize): void {
  const planes = word(desc, 0), H = word(desc, 1), W = word(desc, 2), OH = word(desc, 3), OW = word(desc, 4);
  const dy = <usize>word(desc, 5), dx = <usize>word(desc, 6), rows = <usize>word(desc, 7), cols = <usize>word(desc, 8);
  const doubled = word(desc, 9) != 0;
  for (let plane = 0; plane < planes; plane++) {
    const dxp = dx + <usize>plane * <usize>(H * W) * 4, dyp = dy + <usize>plane * <usize>(OH * OW) * 4;
    for (let oh = 0; oh < OH; oh++) nearestRowBackward(at(dyp, oh * OW), at(dxp, load<i32>(at(rows, oh)) * W), cols, W, OW, doubled);
  }
}

/** t[w] = l0·a[w] + l1·b[w], four at a time. */
function mixRows(a: usize, b: usize, t: usize, W: i32, l0: f32, l1: f32): void {
  const s0 = f32x4.splat(l0), s1 = f32x4.splat(l1);
  let w = 0;
  for (; w + 4 <= W; w += 4) {
    v128.store(at(t, w), f32x4.add(f32x4.mul(s0, v128.load(at(a, w))), f32x4.mul(s1, v128.load(at(b, w)))));
  }
  for (; w < W; w++) store<f32>(at(t, w), l0 * load<f32>(at(a, w)) + l1 * load<f32>(at(b, w)));
}

/** row[w] += l·t[w], four at a time. */
function addScaledRow(row: usize, t: usize, W: i32, l: f32): void {
  const s = f32x4.splat(l);
  let w = 0;
  for (; w + 4 <= W; w += 4) v128.store(at(row, w), f32x4.add(v128.load(at(row, w)), f32x4.mul(s, v128.load(at(t, w)))));
  for (; w < W; w++) store<f32>(at(row, w), load<f32>(at(row, w)) + l * load<f32>(at(t, w)));
}

export function upsampleBilinearPlanes(desc: usize): void {
  const planes = word(desc, 0), H = word(desc, 1), W = word(desc, 2), OH = word(desc, 3), OW = word(desc, 4);
  const x = <usize>word(desc, 5), y = <usize>word(desc, 6);
  const rowTaps = <usize>word(desc, 7), rowWeights = <usize>word(desc, 8);
  const colTaps = <usize>word(desc, 9), colWeights = <usize>word(desc, 10), t = <usize>word(desc, 11);
  for (let plane = 0; plane < planes; plane++) {
    const xp = x + <usize>plane * <usize>(H * W) * 4;
    let out = y + <usize>plane * <usize>(OH * OW) * 4;
    for (let oh = 0; oh < OH; oh++) {
      const h0 = load<i32>(at(rowTaps, 2 * oh)), h1 = load<i32>(at(rowTaps, 2 * oh + 1));
      mixRows(at(xp, h0 * W), at(xp, h1 * W), t, W, load<f32>(at(rowWeights, 2 * oh)), load<f32>(at(rowWeights, 2 * oh + 1)));
      for (let ow = 0; ow < OW; ow++) {
        const w0 = load<i32>(at(colTaps, 2 * ow)), w1 = load<i32>(at(colTaps, 2 * ow + 1));
        store<f32>(out, load<f32>(at(colWeights, 2 * ow)) * load<f32>(at(t, w0)) + load<f32>(at(colWeights, 2 * ow + 1)) * load<f32>(at(t, w1)));
        out += 4;
      }
    }
  }
}

export function upsampleBilinearBackwardPlanes(desc: usize): void {
  const planes = word(desc, 0), H = word(desc, 1), W = word(desc, 2), OH = word(desc, 3), OW = word(desc, 4);
  const dy = <usize>word(desc, 5), dx = <usize>word(desc, 6);
  const rowTaps = <usize>word(desc, 7), rowWeights = <usize>word(desc, 8);
  const colTaps = <usize>word(desc, 9), colWeights = <usize>word(desc, 10), t = <usize>word(desc, 11);
  for (let plane = 0; plane < planes; plane++) {
    const dxp = dx + <usize>plane * <usize>(H * W) * 4;
    let d = dy + <usize>plane * <usize>(OH * OW) * 4;
    for (let oh = 0; oh < OH; oh++) {
      zeroFloats(t, W);
      for (let ow = 0; ow < OW; ow++) { // t[w_b] += μ_b·dy: the horizontal pass, transposed
        const g = load<f32>(d);
        d += 4;
        const p0 = at(t, load<i32>(at(colTaps, 2 * ow))), p1 = at(t, load<i32>(at(colTaps, 2 * ow + 1)));
        store<f32>(p0, load<f32>(p0) + load<f32>(at(colWeights, 2 * ow)) * g);
        store<f32>(p1, load<f32>(p1) + load<f32>(at(colWeights, 2 * ow + 1)) * g);
      }
      addScaledRow(at(dxp, load<i32>(at(rowTaps, 2 * oh)) * W), t, W, load<f32>(at(rowWeights, 2 * oh)));
      addScaledRow(at(dxp, load<i32>(at(rowTaps, 2 * oh + 1)) * W), t, W, load<f32>(at(rowWeights, 2 * oh + 1)));
    }
  }
}
