// SPDX-License-Identifier: MIT
// Group normalisation (LayerNorm is one group over [rows, M, 1]) and its backward, on the view
// [N, C, S] of ../../backend.ts: each of the N·G blocks of K = (C/G)·S contiguous floats has its
// own mean and variance. The arithmetic runs in float64 lanes (two per vector) and each result is
// rounded to float32 once, as in the reference: in small groups the terms of dx nearly cancel, and
// float32 intermediates would lose most of its digits. With S = 1 (LayerNorm)
// the vectors run along the channels, γ and β loaded four at a time; otherwise along each channel's
// S floats, γ and β splatted.
// Forward words: [N, C, S, G, x, gamma, beta, y, xHat, invStd] (eps passed beside them).
// Backward words: [N, C, S, G, dy, xHat, invStd, gamma, dx, sumDyXHat, sumDy] (the last two are C
// float64 each, zeroed by the caller, which adds them into dγ and dβ).
import { sumPlaneSimd } from './adaptive-pool';

// @ts-ignore: decorator
@inline function word(desc: usize, i: i32): i32 {
  return load<i32>(desc + <usize>i * 4);
}

/** Floats 0, 1 (low) and 2, 3 (high) of v as float64x2. */
// @ts-ignore: decorator
@inline function low(v: v128): v128 {
  return f64x2.promote_low_f32x4(v);
}

// @ts-ignore: decorator
@inline function high(v: v128): v128 {
  return f64x2.promote_low_f32x4(v128.shuffle<f32>(v, v, 2, 3, 0, 1));
}

/** Σ (x − mean)² of n floats at p, in float64. */
function sumSquaredDeviations(p: usize, n: i32, mean: f64): f64 {
  const m = f64x2.splat(mean);
  let a0 = f64x2.splat(0), a1 = f64x2.splat(0);
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const v = v128.load(p + <usize>i * 4);
    const d0 = f64x2.sub(low(v), m), d1 = f64x2.sub(high(v), m);
    a0 = f64x2.add(a0, f64x2.mul(d0, d0));
    a1 = f64x2.add(a1, f64x2.mul(d1, d1));
  }
  const a = f64x2.add(a0, a1);
  let sum = f64x2.extract_lane(a, 0) + f64x2.extract_lane(a, 1);
  for (; i < n; i++) {
    const d = <f64>load<f32>(p + <usize>i * 4) - mean;
    sum += d * d;
  }
  return sum;
}

/** Four floats from two float64x2 halves, each rounded once. */
// @ts-ignore: decorator
@inline function demote(lo: v128, hi: v128): v128 {
  return v128.shuffle<f32>(f32x4.demote_f64x2_zero(lo), f32x4.demote_f64x2_zero(hi), 0, 1, 4, 5);
}

/**
 * xHat = (x − mean)·inv and y = γ·xHat + β for n floats, in float64 and rounded once as the
 * reference does (a group of two entries leaves x − mean few significant bits to lose). γ and β
 * are loaded along with x when gammaStep is 1 (S = 1) or are the one channel's when it is 0.
 */
function normalise(x: usize, y: usize, xHat: usize, n: i32, mean: f64, inv: f64, gamma: usize, beta: usize, gammaStep: i32): void {
  const m = f64x2.splat(mean), s = f64x2.splat(inv);
  const gSplat = f32x4.splat(load<f32>(gamma)), bSplat = f32x4.splat(load<f32>(beta));
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const at = <usize>i * 4;
    const v = v128.load(x + at);
    const g = gammaStep == 0 ? gSplat : v128.load(gamma + at), b = gammaStep == 0 ? bSplat : v128.load(beta + at);
    const h0 = f64x2.mul(f64x2.sub(low(v), m), s), h1 = f64x2.mul(f64x2.sub(high(v), m), s);
    v128.store(xHat + at, demote(h0, h1));
    v128.store(y + at, demote(f64x2.add(f64x2.mul(low(g), h0), low(b)), f64x2.add(f64x2.mul(high(g), h1), high(b))));
  }
  for (; i < n; i++) {
    const at = <usize>i * 4, c = <usize>(i * gammaStep) * 4;
    const h = (<f64>load<f32>(x + at) - mean) * inv;
    store<f32>(xHat + at, <f32>h);
    store<f32>(y + at, <f32>(<f64>load<f32>(gamma + c) * h + <f64>load<f32>(beta + c)));
  }
}

export function groupNormForwardBlocks(desc: usize, eps: f64): void {
  const N = word(desc, 0), C = word(desc, 1), S = word(desc, 2), G = word(desc, 3);
  const x = <usize>word(desc, 4), gamma = <usize>word(desc, 5), beta = <usize>word(desc, 6);
  const y = <usize>word(desc, 7), xHat = <usize>word(desc, 8), invStd = <usize>word(desc, 9);
  const Cg = C / G, K = Cg * S;
  for (let b = 0; b < N * G; b++) {
    const at = <usize>b * <usize>K * 4;
    const mean = sumPlaneSimd(x + at, K) / <f64>K;
    const inv = 1 / Math.sqrt(sumSquaredDeviations(x + at, K, mean) / <f64>K + eps);
    store<f32>(invStd + <usize>b * 4, <f32>inv);
    const c0 = (b % G) * Cg;
    if (S == 1) {
      normalise(x + at, y + at, xHat + at, K, mean, inv, gamma + <usize>c0 * 4, beta + <usize>c0 * 4, 1);
      continue;
    }
    for (let j = 0; j < Cg; j++) {
      const off = at + <usize>(j * S) * 4;
      const c = <usize>(c0 + j) * 4;
      normalise(x + off, y + off, xHat + off, S, mean, inv, gamma + c, beta + c, 0);
    }
  }
}

/** Σ dy and Σ dy⊙xHat of one channel's n floats, products and sums in float64: lanes 0 and 1. */
function channelSums(dy: usize, xHat: usize, n: i32): v128 {
  let d0 = f64x2.splat(0), d1 = f64x2.splat(0), p0 = f64x2.splat(0), p1 = f64x2.splat(0);
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const at = <usize>i * 4;
    const g = v128.load(dy + at), h = v128.load(xHat + at);
    d0 = f64x2.add(d0, low(g));
    d1 = f64x2.add(d1, high(g));
    p0 = f64x2.add(p0, f64x2.mul(low(g), low(h)));
    p1 = f64x2.add(p1, f64x2.mul(high(g), high(h)));
  }
  const d = f64x2.add(d0, d1), p = f64x2.add(p0, p1);
  let sumDy = f64x2.extract_lane(d, 0) + f64x2.extract_lane(d, 1);
  let sumP = f64x2.extract_lane(p, 0) + f64x2.extract_lane(p, 1);
  for (; i < n; i++) {
    const g = <f64>load<f32>(dy + <usize>i * 4);
    sumDy += g;
    sumP += g * <f64>load<f32>(xHat + <usize>i * 4);
  }
  return f64x2.replace_lane(f64x2.splat(sumDy), 1, sumP);
}

/** f64 lanes at p (two of them) += v. */
// @ts-ignore: decorator
@inline function addF64x2(p: usize, v: v128): void {
  v128.store(p, f64x2.add(v128.load(p), v));
}

/**
 * One row when S = 1 (LayerNorm): sumDy[c] += dy, sumDyXHat[c] += dy⊙xHat for the row's n channels
 * (float64 arrays), and returns Σ γ⊙dy and Σ γ⊙dy⊙xHat as lanes 0 and 1 (all in float64).
 */
function rowSumsAlongChannels(dy: usize, xHat: usize, gamma: usize, n: i32, sumDy: usize, sumDyXHat: usize): v128 {
  let a0 = f64x2.splat(0), a1 = f64x2.splat(0), b0 = f64x2.splat(0), b1 = f64x2.splat(0);
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const at = <usize>i * 4, at64 = <usize>i * 8;
    const g = v128.load(dy + at), h = v128.load(xHat + at), w = v128.load(gamma + at);
    const p0 = f64x2.mul(low(g), low(h)), p1 = f64x2.mul(high(g), high(h));
    addF64x2(sumDy + at64, low(g));
    addF64x2(sumDy + at64 + 16, high(g));
    addF64x2(sumDyXHat + at64, p0);
    addF64x2(sumDyXHat + at64 + 16, p1);
    a0 = f64x2.add(a0, f64x2.mul(low(w), low(g)));
    a1 = f64x2.add(a1, f64x2.mul(high(w), high(g)));
    b0 = f64x2.add(b0, f64x2.mul(low(w), p0));
    b1 = f64x2.add(b1, f64x2.mul(high(w), p1));
  }
  const a = f64x2.add(a0, a1), b = f64x2.add(b0, b1);
  let sumDxHat = f64x2.extract_lane(a, 0) + f64x2.extract_lane(a, 1);
  let sumDxHatXHat = f64x2.extract_lane(b, 0) + f64x2.extract_lane(b, 1);
  for (; i < n; i++) {
    const g = <f64>load<f32>(dy + <usize>i * 4), w = <f64>load<f32>(gamma + <usize>i * 4);
    const p = g * <f64>load<f32>(xHat + <usize>i * 4);
    store<f64>(sumDy + <usize>i * 8, load<f64>(sumDy + <usize>i * 8) + g);
    store<f64>(sumDyXHat + <usize>i * 8, load<f64>(sumDyXHat + <usize>i * 8) + p);
    sumDxHat += w * g;
    sumDxHatXHat += w * p;
  }
  return f64x2.replace_lane(f64x2.splat(sumDxHat), 1, sumDxHatXHat);
}

/**
 * dx = inv·(γ⊙dy − m1 − xHat·m2) for n floats in float64, rounded once (the three terms nearly
 * cancel in small groups); γ loaded along (gammaStep 1, S = 1) or the channel's own (gammaStep 0).
 */
function inputGradient(dy: usize, xHat: usize, dx: usize, n: i32, inv: f64, m1: f64, m2: f64, gamma: usize, gammaStep: i32): void {
  const s = f64x2.splat(inv), a = f64x2.splat(m1), b = f64x2.splat(m2);
  const splat = f32x4.splat(load<f32>(gamma));
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const at = <usize>i * 4;
    const g = gammaStep == 0 ? splat : v128.load(gamma + at);
    const d = v128.load(dy + at), h = v128.load(xHat + at);
    const lo = f64x2.mul(s, f64x2.sub(f64x2.sub(f64x2.mul(low(g), low(d)), a), f64x2.mul(low(h), b)));
    const hi = f64x2.mul(s, f64x2.sub(f64x2.sub(f64x2.mul(high(g), high(d)), a), f64x2.mul(high(h), b)));
    v128.store(dx + at, demote(lo, hi));
  }
  for (; i < n; i++) {
    const at = <usize>i * 4;
    const dxHat = <f64>load<f32>(gamma + <usize>(i * gammaStep) * 4) * <f64>load<f32>(dy + at);
    store<f32>(dx + at, <f32>(inv * (dxHat - m1 - <f64>load<f32>(xHat + at) * m2)));
  }
}

export function groupNormBackwardBlocks(desc: usize): void {
  const N = word(desc, 0), C = word(desc, 1), S = word(desc, 2), G = word(desc, 3);
  const dy = <usize>word(desc, 4), xHat = <usize>word(desc, 5), invStd = <usize>word(desc, 6);
  const gamma = <usize>word(desc, 7), dx = <usize>word(desc, 8);
  const sumDyXHat = <usize>word(desc, 9), sumDy = <usize>word(desc, 10);
  const Cg = C / G, K = Cg * S;
  for (let b = 0; b < N * G; b++) {
    const at = <usize>b * <usize>K * 4;
    const c0 = (b % G) * Cg;
    const inv = <f64>load<f32>(invStd + <usize>b * 4);
    if (S == 1) {
      const g = gamma + <usize>c0 * 4;
      const sums = rowSumsAlongChannels(dy + at, xHat + at, g, K, sumDy + <usize>c0 * 8, sumDyXHat + <usize>c0 * 8);
      const m1 = f64x2.extract_lane(sums, 0) / <f64>K, m2 = f64x2.extract_lane(sums, 1) / <f64>K;
      inputGradient(dy + at, xHat + at, dx + at, K, inv, m1, m2, g, 1);
      continue;
    }
    let sumDxHat: f64 = 0, sumDxHatXHat: f64 = 0;
    for (let j = 0; j < Cg; j++) {
      const off = at + <usize>(j * S) * 4;
      const c = <usize>(c0 + j);
      const sums = channelSums(dy + off, xHat + off, S);
      const d = f64x2.extract_lane(sums, 0), p = f64x2.extract_lane(sums, 1);
      const g = <f64>load<f32>(gamma + c * 4);
      store<f64>(sumDy + c * 8, load<f64>(sumDy + c * 8) + d);
      store<f64>(sumDyXHat + c * 8, load<f64>(sumDyXHat + c * 8) + p);
      sumDxHat += g * d; // Σ γ·dy over the channel = γ·Σ dy
      sumDxHatXHat += g * p;
    }
    const m1 = sumDxHat / <f64>K, m2 = sumDxHatXHat / <f64>K;
    for (let j = 0; j < Cg; j++) {
      const off = at + <usize>(j * S) * 4;
      inputGradient(dy + off, xHat + off, dx + off, S, inv, m1, m2, gamma + <usize>(c0 + j) * 4, 0);
    }
  }
}
