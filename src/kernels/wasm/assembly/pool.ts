// SPDX-License-Identifier: MIT
// Max pooling forward: the maximum of each window and its flat index into x (the first maximum
// on ties; a NaN wins, as in the reference). Job words as conv's geometry (../kernels.ts), then
// [x, y, argmax, planes per item]; pooling geometry has outC = C. An item is a range of planes
// (n, c), which are independent: how a job is split never changes its bits. The backward pass
// (a scatter) is split the same way: a window's maximum lies in its own plane.
import { reluBackwardSimd } from './elementwise';
import { loadLanes, storeLanes, zeroFloats } from './memory';

// @ts-ignore: decorator
@inline function word(desc: usize, i: i32): i32 {
  return load<i32>(desc + <usize>i * 4);
}

/**
 * Whether every window is 2×2 at stride 2 inside the input (the usual pooling layer): no top or
 * left padding, no dilation, and no ragged last window of ceil mode (2·OH ≤ H, 2·OW ≤ W).
 */
function isPlain2x2(desc: usize): bool {
  return word(desc, 6) == 2 && word(desc, 7) == 2 && word(desc, 8) == 2 && word(desc, 9) == 2 &&
    word(desc, 10) == 0 && word(desc, 11) == 0 && word(desc, 12) == 1 && word(desc, 13) == 1 &&
    2 * word(desc, 15) <= word(desc, 3) && 2 * word(desc, 16) <= word(desc, 4);
}

/** Maxima of four 2×2 windows whose (top, left) elements are at `at` + 0, 8, 16, 24 bytes, into dst / dstIndex. */
// @ts-ignore: decorator
@inline function maxPool2x2Four(at: usize, W: i32, first: i32, dst: usize, dstIndex: usize): void {
  const a = v128.load(at), b = v128.load(at, 16);
  const c = v128.load(at + <usize>W * 4), d = v128.load(at + <usize>W * 4, 16);
  const index = i32x4.add(i32x4.splat(first), i32x4(0, 2, 4, 6)); // flat index of (top, left)
  // Candidates in the reference's order: (top, left), (top, right), (bottom, left), (bottom, right);
  // a later one wins when larger or NaN.
  let best = v128.shuffle<f32>(a, b, 0, 2, 4, 6);
  let bestIndex = index;
  let v = v128.shuffle<f32>(a, b, 1, 3, 5, 7);
  let better = v128.or(f32x4.gt(v, best), f32x4.ne(v, v));
  best = v128.bitselect(v, best, better);
  bestIndex = v128.bitselect(i32x4.add(index, i32x4.splat(1)), bestIndex, better);
  v = v128.shuffle<f32>(c, d, 0, 2, 4, 6);
  better = v128.or(f32x4.gt(v, best), f32x4.ne(v, v));
  best = v128.bitselect(v, best, better);
  bestIndex = v128.bitselect(i32x4.add(index, i32x4.splat(W)), bestIndex, better);
  v = v128.shuffle<f32>(c, d, 1, 3, 5, 7);
  better = v128.or(f32x4.gt(v, best), f32x4.ne(v, v));
  v128.store(dst, v128.bitselect(v, best, better));
  v128.store(dstIndex, v128.bitselect(i32x4.add(index, i32x4.splat(W + 1)), bestIndex, better));
}

/**
 * 2×2 stride-2 max pooling of one plane (first index `base`), four outputs at a time. A row
 * whose width is not a multiple of 4 ends with a block that overlaps the previous one: it
 * recomputes a few outputs, which is harmless, instead of a scalar tail.
 */
function maxPool2x2Plane(x: usize, y: usize, argmax: usize, base: i32, W: i32, OH: i32, OW: i32): void {
  for (let oh = 0; oh < OH; oh++) {
    const row0 = base + 2 * oh * W;
    const outRow = <usize>(oh * OW) * 4;
    if (OW >= 4) {
      for (let ow = 0; ow < OW; ow += 4) {
        const start = min(ow, OW - 4);
        const out = outRow + <usize>start * 4;
        maxPool2x2Four(x + <usize>(row0 + 2 * start) * 4, W, row0 + 2 * start, y + out, argmax + out);
      }
      continue;
    }
    for (let ow = 0; ow < OW; ow++) {
      let bestIndex = row0 + 2 * ow;
      let best = load<f32>(x + <usize>bestIndex * 4);
      for (let k = 1; k < 4; k++) {
        const index = row0 + 2 * ow + (k >> 1) * W + (k & 1);
        const v = load<f32>(x + <usize>index * 4);
        if (v > best || v != v) {
          best = v;
          bestIndex = index;
        }
      }
      store<f32>(y + outRow + <usize>ow * 4, best);
      store<i32>(argmax + outRow + <usize>ow * 4, bestIndex);
    }
  }
}

/** Item `item` of a max-pool job: planes [item·per, (item + 1)·per). */
export function maxPool2dItem(desc: usize, item: i32): void {
  const per = word(desc, 20), planes = word(desc, 1) * word(desc, 2);
  maxPool2dPlanes(desc, item * per, min(planes, (item + 1) * per));
}

function maxPool2dPlanes(desc: usize, p0: i32, p1: i32): void {
  if (isPlain2x2(desc)) {
    const H = word(desc, 3), W = word(desc, 4);
    const OH = word(desc, 15), OW = word(desc, 16);
    const x = <usize>word(desc, 17), y = <usize>word(desc, 18), argmax = <usize>word(desc, 19);
    for (let plane = p0; plane < p1; plane++) {
      const out = <usize>(plane * OH * OW) * 4;
      maxPool2x2Plane(x, y + out, argmax + out, plane * H * W, W, OH, OW);
    }
    return;
  }
  const H = word(desc, 3), W = word(desc, 4);
  const kH = word(desc, 6), kW = word(desc, 7), strideH = word(desc, 8), strideW = word(desc, 9);
  const padH = word(desc, 10), padW = word(desc, 11), dilationH = word(desc, 12), dilationW = word(desc, 13);
  const OH = word(desc, 15), OW = word(desc, 16);
  const x = <usize>word(desc, 17), y = <usize>word(desc, 18), argmax = <usize>word(desc, 19);
  let out = <usize>(p0 * OH * OW);
  for (let plane = p0; plane < p1; plane++) {
    const base = plane * H * W;
    for (let oh = 0; oh < OH; oh++) {
      for (let ow = 0; ow < OW; ow++) {
        let best: f32 = -Infinity;
        let bestIndex = -1;
        for (let kh = 0; kh < kH; kh++) {
          const ih = oh * strideH - padH + kh * dilationH;
          if (ih < 0 || ih >= H) continue;
          for (let kw = 0; kw < kW; kw++) {
            const iw = ow * strideW - padW + kw * dilationW;
            if (iw < 0 || iw >= W) continue;
            const index = base + ih * W + iw;
            const v = load<f32>(x + <usize>index * 4);
            if (bestIndex < 0 || v > best || v != v) {
              best = v;
              bestIndex = index;
            }
          }
        }
        store<f32>(y + out * 4, best);
        store<i32>(argmax + out * 4, bestIndex);
        out++;
      }
    }
  }
}

/**
 * Max-pool backward job [kind, planes per item, planes, H·W, OH·OW, dy, argmax, dx, y (0: none),
 * H, W, OH, OW, plain 2×2 (0 or 1), pooled (0: none), bad (0)]: item i writes the dx planes [i·per, (i + 1)·per): each dy
 * entry added at its argmax and, with y (the output of a ReLU fused before the pooling), the
 * result multiplied by [y > 0] as reluBackwardSimd does (read from the pool's output `pooled`
 * instead where given, in the plain 2×2 pass: see plane2x2Backward). Windows 2×2 at stride 2 (isPlain2x2) do
 * not overlap, so there each input is its window's dy or 0: one dense pass (plane2x2Backward);
 * otherwise the planes are zeroed, scattered into and masked. An argmax entry outside its own
 * plane (or, in the 2×2 pass, its own window) adds nothing and sets the bad word to 1, which the
 * caller reads after the job to refuse it: no write lands outside the plane.
 */
export function maxPool2dBackwardItem(desc: usize, item: i32): void {
  const per = load<i32>(desc, 4), planes = load<i32>(desc, 8);
  const p0 = item * per, p1 = min(planes, p0 + per);
  if (p0 < p1) maxPool2dBackwardPlanes(desc, p0, p1, <usize>load<i32>(desc, 28) + <usize>(p0 * load<i32>(desc, 12)) * 4);
}

/**
 * The dx planes [p0, p1) of the backward job at desc (its dx word unread), written from dx on:
 * plane p at dx + (p − p0)·H·W floats. The convolution's backward job calls it per sample to
 * make that sample's dy in its scratch, where its GEMMs read it next.
 */
export function maxPool2dBackwardPlanes(desc: usize, p0: i32, p1: i32, dx: usize): void {
  const planeIn = load<i32>(desc, 12), planeOut = load<i32>(desc, 16);
  const dy = <usize>load<i32>(desc, 20), argmax = <usize>load<i32>(desc, 24);
  const y = <usize>load<i32>(desc, 32), pooled = <usize>load<i32>(desc, 56);
  if (load<i32>(desc, 52) != 0) {
    const H = load<i32>(desc, 36), W = load<i32>(desc, 40), OH = load<i32>(desc, 44), OW = load<i32>(desc, 48);
    let inWindows = true;
    for (let plane = p0; plane < p1; plane++) {
      const out = <usize>(plane * planeOut) * 4, inAt = <usize>(plane * planeIn) * 4;
      if (!plane2x2Backward(dy + out, argmax + out, dx + <usize>((plane - p0) * planeIn) * 4, y != 0 ? y + inAt : 0,
        pooled != 0 ? pooled + out : 0, plane * planeIn, H, W, OH, OW)) inWindows = false;
    }
    if (!inWindows) store<i32>(desc, 1, 60);
    return;
  }
  const count = (p1 - p0) * planeIn;
  zeroFloats(dx, count);
  const first = <usize>(p0 * planeOut) * 4;
  if (!maxPool2dBackwardScatter(dy + first, argmax + first, dx, p1 - p0, planeOut, planeIn, p0 * planeIn)) store<i32>(desc, 1, 60);
  if (y != 0) reluBackwardSimd(y + <usize>(p0 * planeIn) * 4, dx, dx, count);
}

/**
 * Four windows of plane2x2Backward, the first at flat input index tl0 (count of them stored: 4,
 * or a row's last 1–3): dy d and argmax index per window; with maskKind 1 the pool's outputs p,
 * with 2 the inputs' y (the two rows, eight floats each: y0 y1, y2 y3); their 2×2 blocks of dx
 * at out and out + outRow bytes.
 */
// @ts-ignore: decorator
@inline function windows2x2Backward(d: v128, index: v128, tl0: i32, W: i32, maskKind: i32, p: v128, y0: v128, y1: v128, y2: v128, y3: v128,
  out: usize, outRow: usize, count: i32): bool {
  const zero = f32x4.splat(0), one = f32x4.splat(1);
  const tl = i32x4.add(i32x4.splat(tl0), i32x4(0, 2, 4, 6));
  const atTL = i32x4.eq(index, tl), atTR = i32x4.eq(index, i32x4.add(tl, i32x4.splat(1)));
  const atBL = i32x4.eq(index, i32x4.add(tl, i32x4.splat(W))), atBR = i32x4.eq(index, i32x4.add(tl, i32x4.splat(W + 1)));
  // (0 + dy) where the window's maximum is here (a −0 becomes +0, as when added to a zeroed dx).
  const vtl = f32x4.add(zero, v128.and(d, atTL));
  const vtr = f32x4.add(zero, v128.and(d, atTR));
  const vbl = f32x4.add(zero, v128.and(d, atBL));
  const vbr = f32x4.add(zero, v128.and(d, atBR));
  // Every stored window's argmax is one of its four inputs (lanes past count are not windows).
  const stored = i32x4.lt_s(i32x4(0, 1, 2, 3), i32x4.splat(count));
  const inWindow = !v128.any_true(v128.andnot(stored, v128.or(v128.or(atTL, atTR), v128.or(atBL, atBR))));
  let a = v128.shuffle<f32>(vtl, vtr, 0, 4, 1, 5), b = v128.shuffle<f32>(vtl, vtr, 2, 6, 3, 7);
  let c = v128.shuffle<f32>(vbl, vbr, 0, 4, 1, 5), e = v128.shuffle<f32>(vbl, vbr, 2, 6, 3, 7);
  if (maskKind == 1) {
    const m = v128.and(one, f32x4.gt(p, zero));
    const m01 = v128.shuffle<f32>(m, m, 0, 0, 1, 1), m23 = v128.shuffle<f32>(m, m, 2, 2, 3, 3);
    a = f32x4.mul(m01, a);
    b = f32x4.mul(m23, b);
    c = f32x4.mul(m01, c);
    e = f32x4.mul(m23, e);
  } else if (maskKind == 2) {
    a = f32x4.mul(v128.and(one, f32x4.gt(y0, zero)), a);
    b = f32x4.mul(v128.and(one, f32x4.gt(y1, zero)), b);
    c = f32x4.mul(v128.and(one, f32x4.gt(y2, zero)), c);
    e = f32x4.mul(v128.and(one, f32x4.gt(y3, zero)), e);
  }
  if (count == 4) {
    v128.store(out, a);
    v128.store(out, b, 16);
    v128.store(out + outRow, c);
    v128.store(out + outRow, e, 16);
    return inWindow;
  }
  // A row's last count < 4 windows: 2·count floats a row.
  storeLanes(out, a, 2 * count);
  storeLanes(out + outRow, c, 2 * count);
  if (count > 2) {
    storeLanes(out + 16, b, 2 * count - 4);
    storeLanes(out + outRow + 16, e, 2 * count - 4);
  }
  return inWindow;
}

/**
 * One plane of the 2×2 stride-2 backward, four windows at a time (dx and y point at the plane;
 * its inputs have flat indices base, base + 1, …): input (2·oh + r, 2·ow + c) gets (0 + dy) where
 * it is its window's argmax, else 0 — the bits of zeroing and scattering — then × [y > 0] when y
 * is given. With `pooled` (the pool's output plane, y[argmax] of each window) the mask is read
 * there instead, once per window: the same factor where dy lands, and +0 × either factor is +0
 * elsewhere, so the same bits from a quarter of the reads. Rows and columns past the last window are 0.
 */
function plane2x2Backward(dy: usize, argmax: usize, dx: usize, y: usize, pooled: usize, base: i32, H: i32, W: i32, OH: i32, OW: i32): bool {
  const zero = f32x4.splat(0);
  let inWindows = true;
  const rowBytes = <usize>W * 4;
  // The mask: 1 from the pool's output, 2 from y's four inputs a window, 0 none.
  const maskKind = pooled != 0 ? 1 : y != 0 ? 2 : 0;
  for (let oh = 0; oh < OH; oh++) {
    const top = 2 * oh * W; // the window row's first input, in the plane
    const row0 = dx + <usize>top * 4;
    let ow = 0;
    for (; ow + 4 <= OW; ow += 4) {
      const at = <usize>(oh * OW + ow) * 4, py = y + <usize>(top + 2 * ow) * 4;
      const yRows = maskKind == 2;
      if (!windows2x2Backward(v128.load(dy + at), v128.load(argmax + at), base + top + 2 * ow, W, maskKind,
        maskKind == 1 ? v128.load(pooled + at) : zero, yRows ? v128.load(py) : zero, yRows ? v128.load(py, 16) : zero,
        yRows ? v128.load(py + rowBytes) : zero, yRows ? v128.load(py + rowBytes, 16) : zero, row0 + <usize>(2 * ow) * 4, rowBytes, 4)) inWindows = false;
    }
    if (ow < OW) {
      // The row's last OW mod 4 windows the same way, every read lane by lane (none past a row).
      const n = OW - ow, at = <usize>(oh * OW + ow) * 4, py = y + <usize>(top + 2 * ow) * 4;
      const yRows = maskKind == 2;
      if (!windows2x2Backward(loadLanes(dy + at, n), loadLanes(argmax + at, n), base + top + 2 * ow, W, maskKind,
        maskKind == 1 ? loadLanes(pooled + at, n) : zero, yRows ? loadLanes(py, 2 * n) : zero, yRows ? loadLanes(py + 16, 2 * n - 4) : zero,
        yRows ? loadLanes(py + rowBytes, 2 * n) : zero, yRows ? loadLanes(py + rowBytes + 16, 2 * n - 4) : zero,
        row0 + <usize>(2 * ow) * 4, rowBytes, n)) inWindows = false;
    }
    // Columns past the last window (odd W) get nothing: 0.
    for (let col = 2 * OW; col < W; col++) {
      store<f32>(row0 + <usize>col * 4, 0);
      store<f32>(row0 + rowBytes + <usize>col * 4, 0);
    }
  }
  // Rows past the last window (odd H): 0.
  const covered = 2 * OH * W;
  zeroFloats(dx + <usize>covered * 4, H * W - covered);
  return inWindows;
}

/**
 * Max-pool backward for `planes` planes of planeOut dy entries and planeIn dx floats: dx[argmax[i]
 * − base] += dy[i] (dx zeroed by the caller; base the flat index of dx's first float). An entry
 * that does not index its own plane is skipped; returns false if there was one.
 */
export function maxPool2dBackwardScatter(dy: usize, argmax: usize, dx: usize, planes: i32, planeOut: i32, planeIn: i32, base: i32): bool {
  let inPlanes = true;
  for (let p = 0; p < planes; p++) {
    const start = base + p * planeIn, out = <usize>(p * planeOut) * 4, plane = dx + <usize>(p * planeIn) * 4;
    for (let i = 0; i < planeOut; i++) {
      const offset = load<i32>(argmax + out + <usize>i * 4) - start;
      if (<u32>offset >= <u32>planeIn) {
        inPlanes = false;
        continue;
      }
      const at = plane + <usize>offset * 4;
      store<f32>(at, load<f32>(at) + load<f32>(dy + out + <usize>i * 4));
    }
  }
  return inPlanes;
}
