// SPDX-License-Identifier: MIT
// Reference pooling over [N, C, H, W] (geometry from pool2dGeometry, outC = C): max pooling with
// the argmax kept for backward, and average pooling with PyTorch's divisor rules (ceil mode's
// ragged windows, countIncludePad, divisorOverride).
import type { MaxPoolResult } from '../backend.js';
import type { Conv2dGeometry } from '../geometry.js';
import { Tensor } from '../../tensor/tensor.js';
import { checkSizes } from './common.js';

/**
 * y[n, c, oh, ow] = max over the window of x; padded positions count as −∞, so they never win.
 * argmax holds the flat index into x of the first maximum in (kh, kw) order; a NaN wins, as in PyTorch.
 */
export function maxPool2d(x: Tensor, g: Conv2dGeometry): MaxPoolResult {
  checkSizes('maxPool2d', ['x', x, [g.N, g.C, g.H, g.W]]);
  const { N, C, H, W, kH, kW, OH, OW } = g;
  const y = Tensor.zeros([N, C, OH, OW], x.dtype);
  const argmax = new Int32Array(N * C * OH * OW);
  for (let n = 0; n < N; n++) {
    for (let c = 0; c < C; c++) {
      const plane = (n * C + c) * H * W;
      for (let oh = 0; oh < OH; oh++) {
        for (let ow = 0; ow < OW; ow++) {
          let best = -Infinity;
          let bestIndex = -1;
          for (let kh = 0; kh < kH; kh++) {
            const ih = oh * g.strideH - g.padH + kh * g.dilationH;
            if (ih < 0 || ih >= H) continue;
            for (let kw = 0; kw < kW; kw++) {
              const iw = ow * g.strideW - g.padW + kw * g.dilationW;
              if (iw < 0 || iw >= W) continue;
              const index = plane + ih * W + iw;
              const v = x.data[index];
              if (bestIndex < 0 || v > best || Number.isNaN(v)) {
                best = v;
                bestIndex = index;
              }
            }
          }
          const out = ((n * C + c) * OH + oh) * OW + ow;
          y.data[out] = best;
          argmax[out] = bestIndex;
        }
      }
    }
  }
  return { y, argmax };
}

/** dx[argmax[i]] += dy[i]. */
export function maxPool2dBackward(dy: Tensor, argmax: Int32Array, g: Conv2dGeometry): Tensor {
  checkPoolBackwardSizes(dy, argmax, g);
  const dx = Tensor.zeros([g.N, g.C, g.H, g.W], dy.dtype);
  const outPlane = g.OH * g.OW;
  for (let i = 0; i < dy.size; i++) {
    if (!inOwnWindow(argmax[i], Math.floor(i / outPlane), i % outPlane, g)) throw new Error(ARGMAX_OUTSIDE);
    dx.data[argmax[i]] += dy.data[i];
  }
  return dx;
}

export const ARGMAX_OUTSIDE = 'maxPool2dBackward: an argmax entry is not the index of an input in its own pooling window ' +
  '(argmax must come from maxPool2d with the same geometry)';

/** dy and argmax hold one entry per output of geometry g (both backends' check). */
export function checkPoolBackwardSizes(dy: Tensor, argmax: Int32Array, g: Conv2dGeometry): void {
  const outputs = g.N * g.C * g.OH * g.OW;
  if (argmax.length !== dy.size || dy.size !== outputs) {
    throw new Error(`maxPool2dBackward: dy has ${dy.size} entries and argmax ${argmax.length}; ` +
      `the pooling's output [${g.N}, ${g.C}, ${g.OH}, ${g.OW}] has ${outputs}`);
  }
}

/** Whether flat input index `index` lies in plane `plane` at a tap of output o's window (o = oh·OW + ow). */
function inOwnWindow(index: number, plane: number, o: number, g: Conv2dGeometry): boolean {
  const at = index - plane * g.H * g.W;
  if (!(at >= 0 && at < g.H * g.W)) return false;
  const rh = Math.floor(at / g.W) - (Math.floor(o / g.OW) * g.strideH - g.padH);
  const rw = (at % g.W) - ((o % g.OW) * g.strideW - g.padW);
  return rh >= 0 && rh <= (g.kH - 1) * g.dilationH && rh % g.dilationH === 0 &&
    rw >= 0 && rw <= (g.kW - 1) * g.dilationW && rw % g.dilationW === 0;
}

/** One average-pooling window: the real rows/columns it covers and its divisor. */
interface AvgWindow {
  h0: number;
  h1: number;
  w0: number;
  w1: number;
  divisor: number;
}

/**
 * PyTorch's avg_pool2d window: the divisor is divisorOverride when given; else, with
 * countIncludePad, the positions inside the padded input, (min(h0 + kH, H + padBottom) − h0)·
 * (min(w0 + kW, W + padRight) − w0), which is kH·kW but for ceil mode's ragged last windows;
 * without it, only the real elements the window covers.
 */
function avgWindow(g: Conv2dGeometry, oh: number, ow: number, countIncludePad: boolean, divisorOverride?: number): AvgWindow {
  let h0 = oh * g.strideH - g.padH;
  let w0 = ow * g.strideW - g.padW;
  let h1 = Math.min(h0 + g.kH, g.H + g.padBottom);
  let w1 = Math.min(w0 + g.kW, g.W + g.padRight);
  const paddedCount = (h1 - h0) * (w1 - w0);
  h0 = Math.max(h0, 0);
  w0 = Math.max(w0, 0);
  h1 = Math.min(h1, g.H);
  w1 = Math.min(w1, g.W);
  const divisor = divisorOverride ?? (countIncludePad ? paddedCount : (h1 - h0) * (w1 - w0));
  return { h0, h1, w0, w1, divisor };
}

function checkNoDilation(kernel: string, g: Conv2dGeometry, divisorOverride?: number): void {
  if (g.dilationH !== 1 || g.dilationW !== 1) {
    throw new Error(`${kernel}: average pooling has no dilation (as in PyTorch), got [${g.dilationH}, ${g.dilationW}]`);
  }
  if (divisorOverride !== undefined && !(Number.isFinite(divisorOverride) && divisorOverride !== 0)) {
    throw new Error(`${kernel}: divisorOverride must be a finite number other than 0 (PyTorch: "divisor must be not zero"), got ${divisorOverride}`);
  }
}

/** y[n, c, oh, ow] = Σ over the window of x / divisor. */
export function avgPool2d(x: Tensor, g: Conv2dGeometry, countIncludePad: boolean, divisorOverride?: number): Tensor {
  checkNoDilation('avgPool2d', g, divisorOverride);
  checkSizes('avgPool2d', ['x', x, [g.N, g.C, g.H, g.W]]);
  const { N, C, H, W, OH, OW } = g;
  const y = Tensor.zeros([N, C, OH, OW], x.dtype);
  for (let n = 0; n < N; n++) {
    for (let c = 0; c < C; c++) {
      const plane = (n * C + c) * H * W;
      for (let oh = 0; oh < OH; oh++) {
        for (let ow = 0; ow < OW; ow++) {
          const win = avgWindow(g, oh, ow, countIncludePad, divisorOverride);
          let sum = 0;
          for (let ih = win.h0; ih < win.h1; ih++) {
            for (let iw = win.w0; iw < win.w1; iw++) sum += x.data[plane + ih * W + iw];
          }
          y.data[((n * C + c) * OH + oh) * OW + ow] = sum / win.divisor;
        }
      }
    }
  }
  return y;
}

/** dx[n, c, ih, iw] += dy[n, c, oh, ow] / divisor for every window covering (ih, iw). */
export function avgPool2dBackward(dy: Tensor, g: Conv2dGeometry, countIncludePad: boolean, divisorOverride?: number): Tensor {
  checkNoDilation('avgPool2dBackward', g, divisorOverride);
  checkSizes('avgPool2dBackward', ['dy', dy, [g.N, g.C, g.OH, g.OW]]);
  const { N, C, H, W, OH, OW } = g;
  const dx = Tensor.zeros([N, C, H, W], dy.dtype);
  for (let n = 0; n < N; n++) {
    for (let c = 0; c < C; c++) {
      const plane = (n * C + c) * H * W;
      for (let oh = 0; oh < OH; oh++) {
        for (let ow = 0; ow < OW; ow++) {
          const win = avgWindow(g, oh, ow, countIncludePad, divisorOverride);
          const share = dy.data[((n * C + c) * OH + oh) * OW + ow] / win.divisor;
          for (let ih = win.h0; ih < win.h1; ih++) {
            for (let iw = win.w0; iw < win.w1; iw++) dx.data[plane + ih * W + iw] += share;
          }
        }
      }
    }
  }
  return dx;
}
