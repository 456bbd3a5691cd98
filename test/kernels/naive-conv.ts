// SPDX-License-Identifier: MIT
// Independent naive convolution and pooling for the kernel suite: direct loops over every index,
// in float64, straight from the definitions (no im2col, no GEMM).
import type { Conv2dGeometry } from '../../src/kernels/geometry.js';
import type { Tensor } from '../../src/tensor/tensor.js';

const xIndex = (g: Conv2dGeometry, n: number, c: number, ih: number, iw: number): number =>
  ((n * g.C + c) * g.H + ih) * g.W + iw;
const yIndex = (g: Conv2dGeometry, n: number, oc: number, oh: number, ow: number): number =>
  ((n * g.outC + oc) * g.OH + oh) * g.OW + ow;
const wIndex = (g: Conv2dGeometry, oc: number, ic: number, kh: number, kw: number): number =>
  ((oc * (g.C / g.groups) + ic) * g.kH + kh) * g.kW + kw;

/** Calls visit for every (n, oc, oh, ow, ic, kh, kw) whose input position (c, ih, iw) is inside x. */
function forEachTap(
  g: Conv2dGeometry,
  visit: (n: number, oc: number, oh: number, ow: number, ic: number, kh: number, kw: number, c: number, ih: number, iw: number) => void,
): void {
  const Cg = g.C / g.groups;
  const outCg = g.outC / g.groups;
  for (let n = 0; n < g.N; n++)
    for (let oc = 0; oc < g.outC; oc++)
      for (let oh = 0; oh < g.OH; oh++)
        for (let ow = 0; ow < g.OW; ow++)
          for (let ic = 0; ic < Cg; ic++)
            for (let kh = 0; kh < g.kH; kh++)
              for (let kw = 0; kw < g.kW; kw++) {
                const c = Math.floor(oc / outCg) * Cg + ic;
                const ih = oh * g.strideH - g.padH + kh * g.dilationH;
                const iw = ow * g.strideW - g.padW + kw * g.dilationW;
                if (ih >= 0 && ih < g.H && iw >= 0 && iw < g.W) visit(n, oc, oh, ow, ic, kh, kw, c, ih, iw);
              }
}

/** y[n, oc, oh, ow] = b[oc] + Σ_{ic, kh, kw} x[n, c, ih, iw]·w[oc, ic, kh, kw]: the seven-loop definition. */
export function naiveConv2d(x: Tensor, w: Tensor, b: Tensor | null, g: Conv2dGeometry): Float64Array {
  const y = new Float64Array(g.N * g.outC * g.OH * g.OW);
  if (b) for (let i = 0; i < y.length; i++) y[i] = b.data[Math.floor(i / (g.OH * g.OW)) % g.outC];
  forEachTap(g, (n, oc, oh, ow, ic, kh, kw, c, ih, iw) => {
    y[yIndex(g, n, oc, oh, ow)] += x.data[xIndex(g, n, c, ih, iw)] * w.data[wIndex(g, oc, ic, kh, kw)];
  });
  return y;
}

/** dW = Σ dy·x, db = Σ dy, dx = Σ dy·w over every tap of the definition above. */
export function naiveConv2dBackward(
  x: Tensor,
  w: Tensor,
  dy: Tensor,
  g: Conv2dGeometry,
): { dW: Float64Array; db: Float64Array; dx: Float64Array } {
  const dW = new Float64Array(w.size);
  const dx = new Float64Array(x.size);
  const db = new Float64Array(g.outC);
  for (let i = 0; i < dy.size; i++) db[Math.floor(i / (g.OH * g.OW)) % g.outC] += dy.data[i];
  forEachTap(g, (n, oc, oh, ow, ic, kh, kw, c, ih, iw) => {
    const d = dy.data[yIndex(g, n, oc, oh, ow)];
    dW[wIndex(g, oc, ic, kh, kw)] += d * x.data[xIndex(g, n, c, ih, iw)];
    dx[xIndex(g, n, c, ih, iw)] += d * w.data[wIndex(g, oc, ic, kh, kw)];
  });
  return { dW, db, dx };
}

/** cols[n, (c, kh, kw), (oh, ow)] = x[n, c, ih, iw], 0 in the padding. */
export function naiveIm2col(x: Tensor, g: Conv2dGeometry): Float64Array {
  const rows = g.C * g.kH * g.kW;
  const P = g.OH * g.OW;
  const cols = new Float64Array(g.N * rows * P);
  for (let n = 0; n < g.N; n++)
    for (let c = 0; c < g.C; c++)
      for (let kh = 0; kh < g.kH; kh++)
        for (let kw = 0; kw < g.kW; kw++)
          for (let oh = 0; oh < g.OH; oh++)
            for (let ow = 0; ow < g.OW; ow++) {
              const ih = oh * g.strideH - g.padH + kh * g.dilationH;
              const iw = ow * g.strideW - g.padW + kw * g.dilationW;
              const row = (c * g.kH + kh) * g.kW + kw;
              const inside = ih >= 0 && ih < g.H && iw >= 0 && iw < g.W;
              cols[(n * rows + row) * P + oh * g.OW + ow] = inside ? x.data[xIndex(g, n, c, ih, iw)] : 0;
            }
  return cols;
}

/** The positions (ih, iw) of pooling window (oh, ow), padded ones included, in (kh, kw) order. */
function windowPositions(g: Conv2dGeometry, oh: number, ow: number): { ih: number; iw: number }[] {
  const positions = [];
  for (let kh = 0; kh < g.kH; kh++)
    for (let kw = 0; kw < g.kW; kw++)
      positions.push({ ih: oh * g.strideH - g.padH + kh * g.dilationH, iw: ow * g.strideW - g.padW + kw * g.dilationW });
  return positions;
}

const isReal = (g: Conv2dGeometry, p: { ih: number; iw: number }): boolean => p.ih >= 0 && p.ih < g.H && p.iw >= 0 && p.iw < g.W;

/** Max pooling: the largest real element of each window and the flat index of its first occurrence. */
export function naiveMaxPool(x: Tensor, g: Conv2dGeometry): { y: Float64Array; argmax: Int32Array } {
  const y = new Float64Array(g.N * g.C * g.OH * g.OW);
  const argmax = new Int32Array(y.length);
  for (let n = 0; n < g.N; n++)
    for (let c = 0; c < g.C; c++)
      for (let oh = 0; oh < g.OH; oh++)
        for (let ow = 0; ow < g.OW; ow++) {
          const real = windowPositions(g, oh, ow).filter((p) => isReal(g, p)).map((p) => xIndex(g, n, c, p.ih, p.iw));
          const values = real.map((i) => x.data[i]);
          const best = Math.max(...values);
          const out = ((n * g.C + c) * g.OH + oh) * g.OW + ow;
          y[out] = best;
          argmax[out] = real[values.indexOf(best)];
        }
  return { y, argmax };
}

/**
 * Average pooling as PyTorch: with countIncludePad the divisor counts the window's positions that lie
 * inside the input padded by padH, padW before and padBottom, padRight after; without it, only the
 * real positions; divisorOverride replaces either. Returns y and, for the backward check, the
 * windows' real flat indices and divisors.
 */
export function naiveAvgPool(
  x: Tensor, g: Conv2dGeometry, countIncludePad: boolean, divisorOverride?: number,
): { y: Float64Array; windows: { indices: number[]; divisor: number }[] } {
  const y = new Float64Array(g.N * g.C * g.OH * g.OW);
  const windows: { indices: number[]; divisor: number }[] = [];
  const inPadded = (p: { ih: number; iw: number }): boolean =>
    p.ih >= -g.padH && p.ih < g.H + g.padBottom && p.iw >= -g.padW && p.iw < g.W + g.padRight;
  for (let n = 0; n < g.N; n++)
    for (let c = 0; c < g.C; c++)
      for (let oh = 0; oh < g.OH; oh++)
        for (let ow = 0; ow < g.OW; ow++) {
          const positions = windowPositions(g, oh, ow);
          const indices = positions.filter((p) => isReal(g, p)).map((p) => xIndex(g, n, c, p.ih, p.iw));
          const divisor = divisorOverride ?? (countIncludePad ? positions.filter(inPadded).length : indices.length);
          y[windows.length] = indices.reduce((s, i) => s + x.data[i], 0) / divisor;
          windows.push({ indices, divisor });
        }
  return { y, windows };
}

/**
 * Adaptive average pooling straight from PyTorch's formula in floating point:
 * rows ⌊i·H/OH⌋ … ⌈(i+1)·H/OH⌉ − 1 (Math.floor / Math.ceil of the quotient, not integer division).
 */
export function naiveAdaptiveAvgPool(x: Tensor, OH: number, OW: number): { y: Float64Array; windows: number[][] } {
  const [N, C, H, W] = x.shape;
  const y = new Float64Array(N * C * OH * OW);
  const windows: number[][] = [];
  for (let p = 0; p < N * C; p++)
    for (let i = 0; i < OH; i++)
      for (let j = 0; j < OW; j++) {
        const indices: number[] = [];
        for (let h = Math.floor((i * H) / OH); h < Math.ceil(((i + 1) * H) / OH); h++)
          for (let w = Math.floor((j * W) / OW); w < Math.ceil(((j + 1) * W) / OW); w++) indices.push(p * H * W + h * W + w);
        y[windows.length] = indices.reduce((s, k) => s + x.data[k], 0) / indices.length;
        windows.push(indices);
      }
  return { y, windows };
}
