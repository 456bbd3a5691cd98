// SPDX-License-Identifier: MIT
// Batch normalisation over dim 1 of [N, C, S] (S = H·W, or 1 for [N, C]): per-channel statistics,
// the normalise-scale-shift forward and the training-mode backward, four lanes at a time. Sums run
// in float64 as in the reference (each float32 product of the backward is exact in float64).
// Descriptor words: stats [N, C, S, x, mean, variance, sums]; forward [N, C, S, x, mean, invStd, gamma,
// beta, y, relu]; backward [N, C, S, dy, x, mean, invStd, gamma, dGamma, dBeta, dx, y, sums]. The backward
// recomputes xHat = (x − mean)·invStd with the forward's instructions (the same bits), so the
// forward stores no copy of it: a tensor less per batch norm in a step's memory. Each
// pass runs over a range of channels [c0, c1), so a job can share the channels among threads
// (channels are independent: which thread runs one never changes its bits).
import { sumPlaneSimd } from './adaptive-pool';
import { reluBackwardSimd } from './elementwise';

// @ts-ignore: decorator
@inline function word(desc: usize, i: i32): i32 {
  return load<i32>(desc + <usize>i * 4);
}

// @ts-ignore: decorator
@inline function plane(base: usize, n: i32, C: i32, c: i32, S: i32): usize {
  return base + (<usize>n * <usize>C + <usize>c) * <usize>S * 4;
}

/** Σ (p[i] − mu)² over n floats, in float64. */
function sumSquaredDeviationsSimd(p: usize, n: i32, mu: f64): f64 {
  const m = f64x2.splat(mu);
  let a0 = f64x2.splat(0), a1 = f64x2.splat(0);
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const u = v128.load(p + <usize>i * 4);
    const d0 = f64x2.sub(f64x2.promote_low_f32x4(u), m);
    const d1 = f64x2.sub(f64x2.promote_low_f32x4(v128.shuffle<f32>(u, u, 2, 3, 0, 1)), m);
    a0 = f64x2.add(a0, f64x2.mul(d0, d0));
    a1 = f64x2.add(a1, f64x2.mul(d1, d1));
  }
  const a = f64x2.add(a0, a1);
  let sum = f64x2.extract_lane(a, 0) + f64x2.extract_lane(a, 1);
  for (; i < n; i++) {
    const d = <f64>load<f32>(p + <usize>i * 4) - mu;
    sum += d * d;
  }
  return sum;
}

/** The second result of sumAndDotNormalisedSimd (one per instance: each thread has its own). */
let dotResult: f64 = 0;

/**
 * Σ a (sumPlaneSimd's order) and Σ a[i]·xHat[i], xHat = (x[i] − m)·s as the forward computes it,
 * in float64 (each product exact), in one pass over a: the dot left in dotResult and accumulated
 * as the separate pass did (four at a time in two f64x2 sums, then a scalar tail):
 * the same bits as the two passes it replaces, reading a once.
 */
function sumAndDotNormalisedSimd(a: usize, x: usize, m: f32, s: f32, n: i32): f64 {
  const mv = f32x4.splat(m), sv = f32x4.splat(s);
  let s0 = f64x2.splat(0), s1 = f64x2.splat(0), s2 = f64x2.splat(0), s3 = f64x2.splat(0);
  let d0 = f64x2.splat(0), d1 = f64x2.splat(0);
  let i = 0;
  for (; i + 8 <= n; i += 8) {
    const u = v128.load(a + <usize>i * 4), w = v128.load(a + <usize>i * 4, 16);
    const uHi = v128.shuffle<f32>(u, u, 2, 3, 0, 1), wHi = v128.shuffle<f32>(w, w, 2, 3, 0, 1);
    s0 = f64x2.add(s0, f64x2.promote_low_f32x4(u));
    s1 = f64x2.add(s1, f64x2.promote_low_f32x4(uHi));
    s2 = f64x2.add(s2, f64x2.promote_low_f32x4(w));
    s3 = f64x2.add(s3, f64x2.promote_low_f32x4(wHi));
    const hu = f32x4.mul(f32x4.sub(v128.load(x + <usize>i * 4), mv), sv);
    const hw = f32x4.mul(f32x4.sub(v128.load(x + <usize>i * 4, 16), mv), sv);
    d0 = f64x2.add(d0, f64x2.mul(f64x2.promote_low_f32x4(u), f64x2.promote_low_f32x4(hu)));
    d1 = f64x2.add(d1, f64x2.mul(f64x2.promote_low_f32x4(uHi), f64x2.promote_low_f32x4(v128.shuffle<f32>(hu, hu, 2, 3, 0, 1))));
    d0 = f64x2.add(d0, f64x2.mul(f64x2.promote_low_f32x4(w), f64x2.promote_low_f32x4(hw)));
    d1 = f64x2.add(d1, f64x2.mul(f64x2.promote_low_f32x4(wHi), f64x2.promote_low_f32x4(v128.shuffle<f32>(hw, hw, 2, 3, 0, 1))));
  }
  const sums = f64x2.add(f64x2.add(s0, s1), f64x2.add(s2, s3));
  let sum = f64x2.extract_lane(sums, 0) + f64x2.extract_lane(sums, 1);
  for (let j = i; j < n; j++) sum += <f64>load<f32>(a + <usize>j * 4);
  // The dot's last four-step, then its scalar tail.
  for (; i + 4 <= n; i += 4) {
    const u = v128.load(a + <usize>i * 4), h = f32x4.mul(f32x4.sub(v128.load(x + <usize>i * 4), mv), sv);
    d0 = f64x2.add(d0, f64x2.mul(f64x2.promote_low_f32x4(u), f64x2.promote_low_f32x4(h)));
    d1 = f64x2.add(d1, f64x2.mul(f64x2.promote_low_f32x4(v128.shuffle<f32>(u, u, 2, 3, 0, 1)),
      f64x2.promote_low_f32x4(v128.shuffle<f32>(h, h, 2, 3, 0, 1))));
  }
  const dots = f64x2.add(d0, d1);
  let dot = f64x2.extract_lane(dots, 0) + f64x2.extract_lane(dots, 1);
  for (; i < n; i++) dot += <f64>load<f32>(a + <usize>i * 4) * <f64>((load<f32>(x + <usize>i * 4) - m) * s);
  dotResult = dot;
  return sum;
}

/**
 * mean[c] = Σ x / M, variance[c] = Σ (x − mean[c])² / M over the M = N·S entries of channel c (two
 * passes). Words [N, C, S, x, mean, variance, sums (2C float64s of scratch)].
 */
export function batchNormStatsSimd(desc: usize): void {
  batchNormStatsChannels(desc, 0, word(desc, 1));
}

export function batchNormStatsChannels(desc: usize, c0: i32, c1: i32): void {
  const N = word(desc, 0), C = word(desc, 1), S = word(desc, 2);
  const x = <usize>word(desc, 3), mean = <usize>word(desc, 4), variance = <usize>word(desc, 5);
  const mus = <usize>word(desc, 6), squares = mus + <usize>C * 8; // float64 [C] each
  const M = <f64>N * <f64>S;
  // Both passes walk x in memory order, sample by sample (channels c0 … c1 of a sample lie in one
  // run), each channel's sum in float64 in the scratch: its planes are added in sample order, as
  // a walk channel by channel adds them (the same bits), but the reads are one long stream instead
  // of N short ones a channel.
  for (let c = c0; c < c1; c++) {
    store<f64>(mus + <usize>c * 8, 0);
    store<f64>(squares + <usize>c * 8, 0);
  }
  for (let n = 0; n < N; n++) {
    for (let c = c0; c < c1; c++) {
      const at = mus + <usize>c * 8;
      store<f64>(at, load<f64>(at) + sumPlaneSimd(plane(x, n, C, c, S), S));
    }
  }
  for (let c = c0; c < c1; c++) {
    const mu = load<f64>(mus + <usize>c * 8) / M;
    store<f64>(mus + <usize>c * 8, mu);
    store<f32>(mean + <usize>c * 4, <f32>mu);
  }
  for (let n = 0; n < N; n++) {
    for (let c = c0; c < c1; c++) {
      const at = squares + <usize>c * 8;
      store<f64>(at, load<f64>(at) + sumSquaredDeviationsSimd(plane(x, n, C, c, S), S, load<f64>(mus + <usize>c * 8)));
    }
  }
  for (let c = c0; c < c1; c++) store<f32>(variance + <usize>c * 4, <f32>(load<f64>(squares + <usize>c * 8) / M));
}

/** xHat = (x − mean[c])·invStd[c], y = gamma[c]·xHat + beta[c], then max(y, 0) when relu (reluSimd's select, NaN kept). */
export function batchNormForwardSimd(desc: usize): void {
  batchNormForwardChannels(desc, 0, word(desc, 1));
}

export function batchNormForwardChannels(desc: usize, c0: i32, c1: i32): void {
  const N = word(desc, 0), C = word(desc, 1), S = word(desc, 2);
  const x = <usize>word(desc, 3), mean = <usize>word(desc, 4), invStd = <usize>word(desc, 5);
  const gamma = <usize>word(desc, 6), beta = <usize>word(desc, 7), y = <usize>word(desc, 8);
  const relu = word(desc, 9) != 0;
  const zero = f32x4.splat(0);
  for (let n = 0; n < N; n++) {
    for (let c = c0; c < c1; c++) {
      const m = load<f32>(mean + <usize>c * 4), s = load<f32>(invStd + <usize>c * 4);
      const g = load<f32>(gamma + <usize>c * 4), b = load<f32>(beta + <usize>c * 4);
      const mv = f32x4.splat(m), sv = f32x4.splat(s), gv = f32x4.splat(g), bv = f32x4.splat(b);
      const px = plane(x, n, C, c, S), py = plane(y, n, C, c, S);
      let i = 0;
      for (; i + 4 <= S; i += 4) {
        const h = f32x4.mul(f32x4.sub(v128.load(px + <usize>i * 4), mv), sv);
        const v = f32x4.add(f32x4.mul(gv, h), bv);
        v128.store(py + <usize>i * 4, relu ? v128.and(v, v128.or(f32x4.gt(v, zero), f32x4.ne(v, v))) : v);
      }
      for (; i < S; i++) {
        const h = (load<f32>(px + <usize>i * 4) - m) * s;
        const v = g * h + b;
        store<f32>(py + <usize>i * 4, !relu || v > 0 || v != v ? v : 0);
      }
    }
  }
}

/**
 * With xHat = (x − mean[c])·invStd[c]: dGamma[c] += Σ dy⊙xHat, dBeta[c] += Σ dy,
 * dx = gamma[c]·invStd[c]·(dy − mean(dy) − xHat·mean(dy⊙xHat)), means over the M entries of channel c.
 * Words [N, C, S, dy, x, mean, invStd, gamma, dGamma, dBeta, dx, y (0: none), sums (2C float64s of
 * scratch)]: with y (the output of a ReLU fused after the norm), dy ⊙ [y > 0] first, plane by plane
 * into dx (reluBackwardSimd's bits), which the passes then read as dy: no copy of dy and no pass of
 * its own. Both passes walk the planes in memory order, sample by sample, each channel's sums in
 * float64 in the scratch, its planes added in sample order (the bits of a walk channel by channel).
 */
export function batchNormBackwardSimd(desc: usize): void {
  batchNormBackwardChannels(desc, 0, word(desc, 1));
}

export function batchNormBackwardChannels(desc: usize, c0: i32, c1: i32): void {
  const N = word(desc, 0), C = word(desc, 1), S = word(desc, 2);
  const dy = <usize>word(desc, 3), x = <usize>word(desc, 4), mean = <usize>word(desc, 5), invStd = <usize>word(desc, 6);
  const gamma = <usize>word(desc, 7), dGamma = <usize>word(desc, 8), dBeta = <usize>word(desc, 9), dx = <usize>word(desc, 10);
  const y = <usize>word(desc, 11);
  const sumsDy = <usize>word(desc, 12), sumsDyXHat = sumsDy + <usize>C * 8; // float64 [C] each
  const M = <f64>N * <f64>S;
  // The channels' dy: masked into dx's planes where a ReLU follows (each read before written).
  const d = y != 0 ? dx : dy;
  for (let c = c0; c < c1; c++) {
    store<f64>(sumsDy + <usize>c * 8, 0);
    store<f64>(sumsDyXHat + <usize>c * 8, 0);
  }
  for (let n = 0; n < N; n++) {
    for (let c = c0; c < c1; c++) {
      if (y != 0) reluBackwardSimd(plane(y, n, C, c, S), plane(dy, n, C, c, S), plane(dx, n, C, c, S), S);
      const m = load<f32>(mean + <usize>c * 4), s = load<f32>(invStd + <usize>c * 4);
      const sum = sumAndDotNormalisedSimd(plane(d, n, C, c, S), plane(x, n, C, c, S), m, s, S);
      store<f64>(sumsDy + <usize>c * 8, load<f64>(sumsDy + <usize>c * 8) + sum);
      store<f64>(sumsDyXHat + <usize>c * 8, load<f64>(sumsDyXHat + <usize>c * 8) + dotResult);
    }
  }
  for (let c = c0; c < c1; c++) {
    const sumDy = load<f64>(sumsDy + <usize>c * 8), sumDyXHat = load<f64>(sumsDyXHat + <usize>c * 8);
    store<f32>(dGamma + <usize>c * 4, <f32>(<f64>load<f32>(dGamma + <usize>c * 4) + sumDyXHat));
    store<f32>(dBeta + <usize>c * 4, <f32>(<f64>load<f32>(dBeta + <usize>c * 4) + sumDy));
    // The f32 means, kept in the scratch's float64 slots for the second pass.
    store<f64>(sumsDy + <usize>c * 8, <f64><f32>(sumDy / M));
    store<f64>(sumsDyXHat + <usize>c * 8, <f64><f32>(sumDyXHat / M));
  }
  for (let n = 0; n < N; n++) {
    for (let c = c0; c < c1; c++) {
      const m = load<f32>(mean + <usize>c * 4), s = load<f32>(invStd + <usize>c * 4);
      const scale = load<f32>(gamma + <usize>c * 4) * s;
      const meanDy = <f32>load<f64>(sumsDy + <usize>c * 8), meanDyXHat = <f32>load<f64>(sumsDyXHat + <usize>c * 8);
      const kv = f32x4.splat(scale), mv = f32x4.splat(meanDy), hv = f32x4.splat(meanDyXHat);
      const xm = f32x4.splat(m), xs = f32x4.splat(s);
      const pdy = plane(d, n, C, c, S), px = plane(x, n, C, c, S), pdx = plane(dx, n, C, c, S);
      let i = 0;
      for (; i + 4 <= S; i += 4) {
        const h = f32x4.mul(f32x4.sub(v128.load(px + <usize>i * 4), xm), xs);
        const centred = f32x4.sub(f32x4.sub(v128.load(pdy + <usize>i * 4), mv), f32x4.mul(h, hv));
        v128.store(pdx + <usize>i * 4, f32x4.mul(kv, centred));
      }
      for (; i < S; i++) {
        const h = (load<f32>(px + <usize>i * 4) - m) * s;
        store<f32>(pdx + <usize>i * 4, scale * (load<f32>(pdy + <usize>i * 4) - meanDy - h * meanDyXHat));
      }
    }
  }
}
