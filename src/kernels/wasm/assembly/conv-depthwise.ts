// SPDX-License-Identifier: MIT
// Depthwise convolution (groups = C > 1: each input channel its own outC / C kernels; MobileNet,
// EfficientNet, the 5×5 and 3×3 stages of torchvision's mobile nets), direct: by im2col it is C
// GEMMs of one row each per sample, all overhead. Each input plane is first copied into a zeroed
// padded plane in the thread's scratch, so every tap reads inside it and the loops have no edges.
//   forward  y[oc, oh, ow] = b[oc] + Σ_{i, j} w[oc, i, j] · xp[oh·sH + i·dH, ow·sW + j·dW]
//            (four outputs a vector, taps added in (i, j) order: the same bits in the scalar tail)
//   dx       stride 1: the forward loops over dy padded by (k − 1)·d − pad with the flipped kernel (a gather);
//            else dxp[oh·sH + i·dH, ow·sW + j·dW] += w[oc, i, j] · dy[oc, oh, ow], then dx = dxp's interior
//   dW       dW[oc, i, j] += Σ_n Σ float64(Σ dy[oc, oh, ow] · xp[…]) (about 64 products at a time in float32 lanes)
//   db       the float64 sum of each dy plane, per sample (the host adds them sample by sample)
// Words: [kind, per, conv's 16 geometry words (../kernels.ts geometryWords), then
//   forward:  x, w, b (0: none), y, relu, scratch, scratch bytes a thread]  an item is a range of output planes (n, oc)
//   backward: x, w, dy, dW (0: none), dx (0: none), sums (0: no db), scratch, scratch bytes a thread]
//             an item is a range of input channels c, all samples: its dW is summed in sample order.
// What an item computes never depends on the thread or the split.
import { sumAsF64 } from './conv';
import { copyFloats, loadLanes, zeroFloats } from './memory';

// @ts-ignore: decorator
@inline function word(desc: usize, i: i32): i32 {
  return load<i32>(desc + <usize>i * 4);
}

/** Geometry word k (N 0, C 1, H 2, W 3, outC 4, kH 5, kW 6, sH 7, sW 8, padH 9, padW 10, dH 11, dW 12, groups 13, OH 14, OW 15). */
// @ts-ignore: decorator
@inline function geo(desc: usize, k: i32): i32 {
  return word(desc, 2 + k);
}

/** Rows of the padded plane: the input and its top padding, or as far as the last tap reaches. */
function paddedRows(desc: usize): i32 {
  return max(geo(desc, 2) + geo(desc, 9), (geo(desc, 14) - 1) * geo(desc, 7) + (geo(desc, 5) - 1) * geo(desc, 11) + 1);
}

function paddedCols(desc: usize): i32 {
  return max(geo(desc, 3) + geo(desc, 10), (geo(desc, 15) - 1) * geo(desc, 8) + (geo(desc, 6) - 1) * geo(desc, 12) + 1);
}

/**
 * Floats past a padded plane that loops may read (zeroed with it): the stride-2 loads read one past a
 * row, the flattened stride-1 loops up to (kW − 1)·dW past the plane (flatFits).
 */
const SLACK: i32 = 64;

/** Whether the flattened stride-1 loops' reads past a plane stay inside its SLACK. */
// @ts-ignore: decorator
@inline function flatFits(kW: i32, dW: i32): bool {
  return (kW - 1) * dW + 4 <= SLACK;
}

/** Bytes of one padded plane in scratch, with SLACK floats after it. */
function planeBytes(PH: i32, PW: i32): i32 {
  return ((PH * PW + SLACK) * 4 + 63) & ~63;
}

/** Rows and columns of dy padded for the stride-1 input gradient, read as a forward convolution: H + (kH − 1)·dH by W + (kW − 1)·dW. */
// @ts-ignore: decorator
@inline function gradientPlaneBytes(H: i32, W: i32, kH: i32, kW: i32, dH: i32, dW: i32): i32 {
  return planeBytes(H + (kH - 1) * dH, W + (kW - 1) * dW);
}

/**
 * Scratch bytes a thread needs: the padded input plane, a padded plane for dx (by scatter) or for
 * dy (stride 1: by gather), the float64 weight-gradient sums of one channel's kernels and one flipped kernel.
 */
export function convDepthwiseScratchBytes(H: i32, W: i32, kH: i32, kW: i32, sH: i32, sW: i32, padH: i32, padW: i32,
  dH: i32, dW: i32, OH: i32, OW: i32, mult: i32): i32 {
  const PH = max(H + padH, (OH - 1) * sH + (kH - 1) * dH + 1);
  const PW = max(W + padW, (OW - 1) * sW + (kW - 1) * dW + 1);
  const plane = planeBytes(PH, PW);
  const gradient = gradientPlaneBytes(H, W, kH, kW, dH, dW);
  return plane + max(plane, gradient) + ((mult * kH * kW * 8 + 63) & ~63) + ((kH * kW * 4 + 63) & ~63) + gradient;
}

/** The H×W plane at src into the zeroed PH×PW plane at dst, its (0, 0) at row top and column left (either may be negative: what falls outside is dropped). */
function padPlane(src: usize, H: i32, W: i32, top: i32, left: i32, PH: i32, PW: i32, dst: usize): void {
  zeroFloats(dst, PH * PW + SLACK); // inline loops: memory.fill and memory.copy are calls into V8, dearer than a small plane
  const c0 = max(0, -left), c1 = min(W, PW - left);
  if (c1 <= c0) return;
  for (let ih = max(0, -top); ih < min(H, PH - top); ih++) {
    copyFloats(dst + <usize>((ih + top) * PW + left + c0) * 4, src + <usize>(ih * W + c0) * 4, c1 - c0);
  }
}

/** Four floats at `at`, `stride` floats apart. */
// @ts-ignore: decorator
@inline function loadStrided(at: usize, stride: i32): v128 {
  if (stride == 1) return v128.load(at);
  if (stride == 2) return v128.shuffle<f32>(v128.load(at), v128.load(at, 16), 0, 2, 4, 6);
  const s = <usize>stride * 4;
  let v = f32x4.splat(load<f32>(at));
  v = f32x4.replace_lane(v, 1, load<f32>(at + s));
  v = f32x4.replace_lane(v, 2, load<f32>(at + 2 * s));
  return f32x4.replace_lane(v, 3, load<f32>(at + 3 * s));
}

export function convDepthwiseForwardItem(desc: usize, item: i32, thread: i32): void {
  const per = word(desc, 1);
  const N = geo(desc, 0), C = geo(desc, 1), H = geo(desc, 2), W = geo(desc, 3), outC = geo(desc, 4);
  const kH = geo(desc, 5), kW = geo(desc, 6), sH = geo(desc, 7), sW = geo(desc, 8), padH = geo(desc, 9), padW = geo(desc, 10);
  const dH = geo(desc, 11), dW = geo(desc, 12), OH = geo(desc, 14), OW = geo(desc, 15);
  const x = <usize>word(desc, 18), w = <usize>word(desc, 19), b = <usize>word(desc, 20), y = <usize>word(desc, 21);
  const relu = word(desc, 22) != 0;
  const xp = <usize>word(desc, 23) + <usize>thread * <usize>word(desc, 24);
  const PH = paddedRows(desc), PW = paddedCols(desc), K = kH * kW, mult = outC / C;
  const p1 = min(N * outC, (item + 1) * per);
  let padded = -1; // the input plane (n, c) now in xp
  for (let p = item * per; p < p1; p++) {
    const n = p / outC, oc = p % outC, plane = n * C + oc / mult;
    if (plane != padded) {
      padPlane(x + <usize>plane * <usize>(H * W) * 4, H, W, padH, padW, PH, PW, xp);
      padded = plane;
    }
    const wk = w + <usize>(oc * K) * 4;
    const bias: f32 = b != 0 ? load<f32>(b + <usize>oc * 4) : 0;
    const out = y + <usize>p * <usize>(OH * OW) * 4;
    // The stride as a constant in each copy of the loops (inlined), so the loads need no branch.
    if (sH == 1 && sW == 1 && OW < 16 && flatFits(kW, dW)) {
      // Rows shorter than a block of 16: the plane as one run of OH·PW outputs (each row's last
      // PW − OW dropped), so no row ends in a scalar tail (7×7 maps: 2.6 → 2.0 ms a backward pass).
      const tmp = xp + <usize>planeBytes(PH, PW);
      forwardPlaneS1(xp, wk, bias, tmp, 1, OH * PW, PW, kH, kW, 1, dH, dW, relu, false); // one "row" of OH·PW, taps PW apart a kernel row
      for (let oh = 0; oh < OH; oh++) copyFloats(out + <usize>(oh * OW) * 4, tmp + <usize>(oh * PW) * 4, OW);
    } else if (sW == 1) forwardPlaneS1(xp, wk, bias, out, OH, OW, PW, kH, kW, sH, dH, dW, relu, false);
    else if (sW == 2) forwardPlaneS2(xp, wk, bias, out, OH, OW, PW, kH, kW, sH, dH, dW, relu);
    else forwardPlaneAny(xp, wk, bias, out, OH, OW, PW, kH, kW, sH, sW, dH, dW, relu);
  }
}

// The hot loops, one function per stride (the stride a constant inside: no branch per load), kept
// out of the item functions: inlined there, they measured 1.3–1.5× slower beside the other paths' code.
function forwardPlaneS1(xp: usize, wk: usize, bias: f32, out: usize, OH: i32, OW: i32, PW: i32, kH: i32, kW: i32, sH: i32,
  dH: i32, dW: i32, relu: bool, accumulate: bool): void {
  forwardPlane(xp, wk, bias, out, OH, OW, PW, kH, kW, sH, 1, dH, dW, relu, accumulate);
}

function forwardPlaneS2(xp: usize, wk: usize, bias: f32, out: usize, OH: i32, OW: i32, PW: i32, kH: i32, kW: i32, sH: i32,
  dH: i32, dW: i32, relu: bool): void {
  forwardPlane(xp, wk, bias, out, OH, OW, PW, kH, kW, sH, 2, dH, dW, relu, false);
}

function forwardPlaneAny(xp: usize, wk: usize, bias: f32, out: usize, OH: i32, OW: i32, PW: i32, kH: i32, kW: i32, sH: i32,
  sW: i32, dH: i32, dW: i32, relu: bool): void {
  forwardPlane(xp, wk, bias, out, OH, OW, PW, kH, kW, sH, sW, dH, dW, relu, false);
}

function weightGradientS1(g: usize, xp: usize, OH: i32, OW: i32, PW: i32, kH: i32, kW: i32, sH: i32, dH: i32, dW: i32, acc: usize): void {
  weightGradient(g, xp, OH, OW, PW, kH, kW, sH, 1, dH, dW, acc);
}

function weightGradientS2(g: usize, xp: usize, OH: i32, OW: i32, PW: i32, kH: i32, kW: i32, sH: i32, dH: i32, dW: i32, acc: usize): void {
  weightGradient(g, xp, OH, OW, PW, kH, kW, sH, 2, dH, dW, acc);
}

function weightGradientAny(g: usize, xp: usize, OH: i32, OW: i32, PW: i32, kH: i32, kW: i32, sH: i32, sW: i32, dH: i32, dW: i32, acc: usize): void {
  weightGradient(g, xp, OH, OW, PW, kH, kW, sH, sW, dH, dW, acc);
}

/**
 * One output plane: sixteen outputs at a time in four vectors held across all taps, then four,
 * then one (each output's bias and taps added in the same order, so the same bits at any width).
 * With `accumulate`, each output starts from what out holds instead of the bias.
 */
// @ts-ignore: decorator
@inline function forwardPlane(xp: usize, wk: usize, bias: f32, out: usize, OH: i32, OW: i32, PW: i32, kH: i32, kW: i32,
  sH: i32, sW: i32, dH: i32, dW: i32, relu: bool, accumulate: bool): void {
  const zero = f32x4.splat(0);
  for (let oh = 0; oh < OH; oh++) {
    const top = xp + <usize>(oh * sH * PW) * 4, row = out + <usize>(oh * OW) * 4;
    let ow = 0;
    for (; ow + 16 <= OW; ow += 16) {
      const o = row + <usize>ow * 4;
      let a0 = f32x4.splat(bias), a1 = a0, a2 = a0, a3 = a0;
      if (accumulate) {
        a0 = v128.load(o); a1 = v128.load(o, 16); a2 = v128.load(o, 32); a3 = v128.load(o, 48);
      }
      for (let i = 0; i < kH; i++) {
        const r = top + <usize>(i * dH * PW + ow * sW) * 4;
        for (let j = 0; j < kW; j++) {
          const wv = f32x4.splat(load<f32>(wk + <usize>(i * kW + j) * 4));
          const at = r + <usize>(j * dW) * 4, step = <usize>(4 * sW) * 4;
          a0 = f32x4.add(a0, f32x4.mul(wv, loadStrided(at, sW)));
          a1 = f32x4.add(a1, f32x4.mul(wv, loadStrided(at + step, sW)));
          a2 = f32x4.add(a2, f32x4.mul(wv, loadStrided(at + 2 * step, sW)));
          a3 = f32x4.add(a3, f32x4.mul(wv, loadStrided(at + 3 * step, sW)));
        }
      }
      if (relu) {
        a0 = f32x4.max(a0, zero); a1 = f32x4.max(a1, zero); a2 = f32x4.max(a2, zero); a3 = f32x4.max(a3, zero);
      }
      v128.store(row + <usize>ow * 4, a0);
      v128.store(row + <usize>ow * 4, a1, 16);
      v128.store(row + <usize>ow * 4, a2, 32);
      v128.store(row + <usize>ow * 4, a3, 48);
    }
    for (; ow + 4 <= OW; ow += 4) {
      let acc = accumulate ? v128.load(row + <usize>ow * 4) : f32x4.splat(bias);
      for (let i = 0; i < kH; i++) {
        const r = top + <usize>(i * dH * PW + ow * sW) * 4;
        for (let j = 0; j < kW; j++) {
          acc = f32x4.add(acc, f32x4.mul(f32x4.splat(load<f32>(wk + <usize>(i * kW + j) * 4)), loadStrided(r + <usize>(j * dW) * 4, sW)));
        }
      }
      if (relu) acc = f32x4.max(acc, zero);
      v128.store(row + <usize>ow * 4, acc);
    }
    for (; ow < OW; ow++) {
      let acc = accumulate ? load<f32>(row + <usize>ow * 4) : bias;
      for (let i = 0; i < kH; i++) {
        const r = top + <usize>(i * dH * PW + ow * sW) * 4;
        for (let j = 0; j < kW; j++) acc += load<f32>(wk + <usize>(i * kW + j) * 4) * load<f32>(r + <usize>(j * dW) * 4);
      }
      store<f32>(row + <usize>ow * 4, relu ? max<f32>(acc, 0) : acc);
    }
  }
}

export function convDepthwiseBackwardItem(desc: usize, item: i32, thread: i32): void {
  const per = word(desc, 1);
  const N = geo(desc, 0), C = geo(desc, 1), H = geo(desc, 2), W = geo(desc, 3), outC = geo(desc, 4);
  const kH = geo(desc, 5), kW = geo(desc, 6), sH = geo(desc, 7), sW = geo(desc, 8), padH = geo(desc, 9), padW = geo(desc, 10);
  const dH = geo(desc, 11), dWd = geo(desc, 12), OH = geo(desc, 14), OW = geo(desc, 15);
  const x = <usize>word(desc, 18), w = <usize>word(desc, 19), dy = <usize>word(desc, 20);
  const dWt = <usize>word(desc, 21), dx = <usize>word(desc, 22), sums = <usize>word(desc, 23);
  const PH = paddedRows(desc), PW = paddedCols(desc), K = kH * kW, mult = outC / C, OHW = OH * OW;
  // Stride 1: dx is the forward convolution of dy, padded by (k − 1)·d − pad, with the flipped kernel.
  const gather = sH == 1 && sW == 1;
  const GH = H + (kH - 1) * dH, GW = W + (kW - 1) * dWd;
  const xp = <usize>word(desc, 24) + <usize>thread * <usize>word(desc, 25);
  const second = xp + <usize>planeBytes(PH, PW); // dx padded (scatter) or dy padded (gather)
  const acc = second + <usize>max(planeBytes(PH, PW), gradientPlaneBytes(H, W, kH, kW, dH, dWd)); // mult·K float64s
  const flipped = acc + <usize>((mult * K * 8 + 63) & ~63);
  const flat = gather && W < 16 && flatFits(kW, dWd); // rows shorter than a block of 16: one run, as the forward's
  const tmp = flipped + <usize>((K * 4 + 63) & ~63); // dx of the flattened gather, rows of GW
  const c1 = min(C, (item + 1) * per);
  for (let c = item * per; c < c1; c++) {
    if (dWt != 0) memory.fill(acc, 0, <usize>(mult * K) * 8);
    for (let n = 0; n < N; n++) {
      if (dWt != 0) padPlane(x + <usize>(n * C + c) * <usize>(H * W) * 4, H, W, padH, padW, PH, PW, xp);
      if (dx != 0 && !gather) zeroFloats(second, PH * PW + SLACK);
      const plane = dx + <usize>(n * C + c) * <usize>(H * W) * 4;
      for (let m = 0; m < mult; m++) {
        const oc = c * mult + m;
        const g = dy + <usize>(n * outC + oc) * <usize>OHW * 4;
        if (sums != 0) store<f64>(sums + <usize>(n * outC + oc) * 8, sumAsF64(g, OHW));
        if (dWt != 0) {
          const at = acc + <usize>(m * K) * 8;
          if (sW == 1) weightGradientS1(g, xp, OH, OW, PW, kH, kW, sH, dH, dWd, at);
          else if (sW == 2) weightGradientS2(g, xp, OH, OW, PW, kH, kW, sH, dH, dWd, at);
          else weightGradientAny(g, xp, OH, OW, PW, kH, kW, sH, sW, dH, dWd, at);
        }
        if (dx == 0) continue;
        const wk = w + <usize>(oc * K) * 4;
        if (gather) {
          for (let t = 0; t < K; t++) store<f32>(flipped + <usize>t * 4, load<f32>(wk + <usize>(K - 1 - t) * 4));
          padPlane(g, OH, OW, (kH - 1) * dH - padH, (kW - 1) * dWd - padW, GH, GW, second);
          if (flat) forwardPlaneS1(second, flipped, 0, tmp, 1, H * GW, GW, kH, kW, 1, dH, dWd, false, m > 0);
          else forwardPlaneS1(second, flipped, 0, plane, H, W, GW, kH, kW, 1, dH, dWd, false, m > 0);
        } else {
          inputGradient(g, wk, second, OH, OW, PW, kH, kW, sH, sW, dH, dWd);
        }
      }
      if (dx != 0 && flat) {
        for (let ih = 0; ih < H; ih++) copyFloats(plane + <usize>(ih * W) * 4, tmp + <usize>(ih * GW) * 4, W);
      }
      if (dx != 0 && !gather) {
        for (let ih = 0; ih < H; ih++) copyFloats(plane + <usize>(ih * W) * 4, second + <usize>((ih + padH) * PW + padW) * 4, W);
      }
    }
    if (dWt != 0) {
      for (let t = 0; t < mult * K; t++) {
        const at = dWt + <usize>(c * mult * K + t) * 4;
        store<f32>(at, <f32>(<f64>load<f32>(at) + load<f64>(acc + <usize>t * 8)));
      }
    }
  }
}

/**
 * acc[i·kW + j] += Σ_{oh, ow} g[oh, ow] · xp[oh·sH + i·dH, ow·sW + j·dW] for one plane: up to four
 * taps of a kernel row at once (one load of g for all), in float32 lanes along the rows (a row's
 * last partial vector with the lanes past it zeroed), added in float64 every FLUSH_OUTPUTS outputs.
 */
// @ts-ignore: decorator
@inline function weightGradient(g: usize, xp: usize, OH: i32, OW: i32, PW: i32, kH: i32, kW: i32, sH: i32, sW: i32, dH: i32, dW: i32, acc: usize): void {
  for (let i = 0; i < kH; i++) {
    for (let j = 0; j < kW; j += 4) {
      const count = min(4, kW - j);
      let s0: f64 = 0, s1: f64 = 0, s2: f64 = 0, s3: f64 = 0;
      const step = <usize>dW * 4;
      let a0 = f32x4.splat(0), a1 = a0, a2 = a0, a3 = a0;
      let pending = 0; // outputs in the float32 lanes since they were last added in float64
      for (let oh = 0; oh < OH; oh++) {
        const r = xp + <usize>((oh * sH + i * dH) * PW + j * dW) * 4, gr = g + <usize>(oh * OW) * 4;
        let ow = 0;
        for (; ow + 4 <= OW; ow += 4) {
          const gv = v128.load(gr + <usize>ow * 4), at = r + <usize>(ow * sW) * 4;
          a0 = f32x4.add(a0, f32x4.mul(gv, loadStrided(at, sW)));
          if (count > 1) a1 = f32x4.add(a1, f32x4.mul(gv, loadStrided(at + step, sW)));
          if (count > 2) a2 = f32x4.add(a2, f32x4.mul(gv, loadStrided(at + 2 * step, sW)));
          if (count > 3) a3 = f32x4.add(a3, f32x4.mul(gv, loadStrided(at + 3 * step, sW)));
        }
        if (ow < OW) {
          // The row's last 1–3 outputs as one vector, the lanes past the row zero in both factors
          // (so an infinite input beyond it never meets a zero): no scalar tail.
          const rest = OW - ow, mask = i32x4.lt_s(i32x4(0, 1, 2, 3), i32x4.splat(rest));
          const gv = loadLanes(gr + <usize>ow * 4, rest), at = r + <usize>(ow * sW) * 4;
          a0 = f32x4.add(a0, f32x4.mul(gv, v128.and(loadStrided(at, sW), mask)));
          if (count > 1) a1 = f32x4.add(a1, f32x4.mul(gv, v128.and(loadStrided(at + step, sW), mask)));
          if (count > 2) a2 = f32x4.add(a2, f32x4.mul(gv, v128.and(loadStrided(at + 2 * step, sW), mask)));
          if (count > 3) a3 = f32x4.add(a3, f32x4.mul(gv, v128.and(loadStrided(at + 3 * step, sW), mask)));
        }
        // Into float64 every FLUSH_OUTPUTS outputs or so (a short row's lanes wait for the next rows) and at the plane's end.
        pending += OW;
        if (pending >= FLUSH_OUTPUTS || oh == OH - 1) {
          s0 += lanesSum(a0); s1 += lanesSum(a1); s2 += lanesSum(a2); s3 += lanesSum(a3);
          a0 = f32x4.splat(0); a1 = a0; a2 = a0; a3 = a0;
          pending = 0;
        }
      }
      const at = acc + <usize>(i * kW + j) * 8;
      store<f64>(at, load<f64>(at) + s0);
      if (count > 1) store<f64>(at + 8, load<f64>(at + 8) + s1);
      if (count > 2) store<f64>(at + 16, load<f64>(at + 16) + s2);
      if (count > 3) store<f64>(at + 24, load<f64>(at + 24) + s3);
    }
  }
}

/** Outputs a weight-gradient sum keeps in float32 lanes (about 16 a lane) before adding them in float64. */
const FLUSH_OUTPUTS: i32 = 64;

/** The four lanes' sum in float64, in pairs. */
// @ts-ignore: decorator
@inline function lanesSum(v: v128): f64 {
  return (<f64>f32x4.extract_lane(v, 0) + <f64>f32x4.extract_lane(v, 1)) + (<f64>f32x4.extract_lane(v, 2) + <f64>f32x4.extract_lane(v, 3));
}

/** dxp[oh·sH + i·dH, ow·sW + j·dW] += wk[i, j] · g[oh, ow] (strides other than 1): row by row, taps in (i, j) order. */
function inputGradient(g: usize, wk: usize, dxp: usize, OH: i32, OW: i32, PW: i32, kH: i32, kW: i32, sH: i32, sW: i32, dH: i32, dW: i32): void {
  for (let oh = 0; oh < OH; oh++) {
    const gr = g + <usize>(oh * OW) * 4;
    for (let i = 0; i < kH; i++) {
      for (let j = 0; j < kW; j++) {
        const wv = load<f32>(wk + <usize>(i * kW + j) * 4);
        const r = dxp + <usize>((oh * sH + i * dH) * PW + j * dW) * 4;
        let ow = 0;
        if (sW == 2) {
          // Four products into every other float of eight: [p0, 0, p1, 0], [p2, 0, p3, 0]. Adding
          // +0 leaves a float as it is (a sum begun at +0 is never −0), so the same bits as one by one.
          const splat = f32x4.splat(wv), zero = f32x4.splat(0);
          for (; ow + 4 <= OW; ow += 4) {
            const p = f32x4.mul(splat, v128.load(gr + <usize>ow * 4)), at = r + <usize>(ow * 2) * 4;
            v128.store(at, f32x4.add(v128.load(at), v128.shuffle<f32>(p, zero, 0, 4, 1, 5)));
            v128.store(at, f32x4.add(v128.load(at, 16), v128.shuffle<f32>(p, zero, 2, 6, 3, 7)), 16);
          }
        }
        for (; ow < OW; ow++) {
          const at = r + <usize>(ow * sW) * 4;
          store<f32>(at, load<f32>(at) + wv * load<f32>(gr + <usize>ow * 4));
        }
      }
    }
  }
}
