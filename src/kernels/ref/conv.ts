// SPDX-License-Identifier: MIT
// Reference convolution, lowered to GEMM through im2col / col2im, one image and one group at a time.
// Layout of cols for one image: [C·kH·kW, OH·OW], row (c, kh, kw), column (oh, ow). Group gi owns
// the channels [gi·Cg, (gi + 1)·Cg), so its rows of cols are [gi·Cg·kH·kW, (gi + 1)·Cg·kH·kW).
// A 1×1 kernel with stride 1 and no padding needs no im2col: cols is the image itself.
import type { Conv2dGeometry } from '../geometry.js';
import type { Data } from '../../tensor/tensor.js';
import { Tensor } from '../../tensor/tensor.js';
import type { ConvGrads, EpilogueOptions } from '../backend.js';
import { addBias, reluInPlace } from './bias.js';
import { checkSizes, commonDtype } from './common.js';
import { matmul } from './gemm.js';
import { activationBackward } from './elementwise.js';
import { maxPool2dBackward } from './pool.js';

/** True when cols of an image equal the image itself ([C, H·W]). */
function isPointwise(g: Conv2dGeometry): boolean {
  return g.kH === 1 && g.kW === 1 && g.strideH === 1 && g.strideW === 1 && g.padH === 0 && g.padW === 0 &&
    g.padBottom === 0 && g.padRight === 0;
}

/** Input row of output row oh and kernel row kh (may fall in the padding). */
function inputRow(g: Conv2dGeometry, oh: number, kh: number): number {
  return oh * g.strideH - g.padH + kh * g.dilationH;
}

function inputCol(g: Conv2dGeometry, ow: number, kw: number): number {
  return ow * g.strideW - g.padW + kw * g.dilationW;
}

/** cols[(c, kh, kw), (oh, ow)] = x[c, ih, iw] for one image, 0 where (ih, iw) is padding. */
function im2colImage(x: Data, xOffset: number, g: Conv2dGeometry, cols: Data, colsOffset: number): void {
  const { C, H, W, kH, kW, OH, OW } = g;
  for (let c = 0; c < C; c++) {
    for (let kh = 0; kh < kH; kh++) {
      for (let kw = 0; kw < kW; kw++) {
        const row = colsOffset + ((c * kH + kh) * kW + kw) * OH * OW;
        for (let oh = 0; oh < OH; oh++) {
          const ih = inputRow(g, oh, kh);
          for (let ow = 0; ow < OW; ow++) {
            const iw = inputCol(g, ow, kw);
            const inside = ih >= 0 && ih < H && iw >= 0 && iw < W;
            cols[row + oh * OW + ow] = inside ? x[xOffset + (c * H + ih) * W + iw] : 0;
          }
        }
      }
    }
  }
}

/** x[c, ih, iw] += cols[(c, kh, kw), (oh, ow)] for one image: the adjoint of im2colImage. */
function col2imImage(cols: Data, colsOffset: number, g: Conv2dGeometry, x: Data, xOffset: number): void {
  const { C, H, W, kH, kW, OH, OW } = g;
  for (let c = 0; c < C; c++) {
    for (let kh = 0; kh < kH; kh++) {
      for (let kw = 0; kw < kW; kw++) {
        const row = colsOffset + ((c * kH + kh) * kW + kw) * OH * OW;
        for (let oh = 0; oh < OH; oh++) {
          const ih = inputRow(g, oh, kh);
          if (ih < 0 || ih >= H) continue;
          for (let ow = 0; ow < OW; ow++) {
            const iw = inputCol(g, ow, kw);
            if (iw >= 0 && iw < W) x[xOffset + (c * H + ih) * W + iw] += cols[row + oh * OW + ow];
          }
        }
      }
    }
  }
}

/** x [N, C, H, W] → cols [N, C·kH·kW, OH·OW]. */
export function im2col(x: Tensor, g: Conv2dGeometry): Tensor {
  const { N, C, H, W, kH, kW, OH, OW } = g;
  const rows = C * kH * kW;
  const cols = Tensor.zeros([N, rows, OH * OW], x.dtype);
  for (let n = 0; n < N; n++) im2colImage(x.data, n * C * H * W, g, cols.data, n * rows * OH * OW);
  return cols;
}

/** cols [N, C·kH·kW, OH·OW] → [N, C, H, W], overlapping entries summed. */
export function col2im(cols: Tensor, g: Conv2dGeometry): Tensor {
  const { N, C, H, W, kH, kW, OH, OW } = g;
  const rows = C * kH * kW;
  const x = Tensor.zeros([N, C, H, W], cols.dtype);
  for (let n = 0; n < N; n++) col2imImage(cols.data, n * rows * OH * OW, g, x.data, n * C * H * W);
  return x;
}

/** A [rows, columns] matrix view over data starting at offset (no copy). */
function view(data: Data, offset: number, rows: number, columns: number): Tensor {
  return new Tensor(data.subarray(offset, offset + rows * columns), [rows, columns]);
}

/** w's shape for geometry g: [outC, C / groups, kH, kW]. */
function weightShape(g: Conv2dGeometry): number[] {
  return [g.outC, g.C / g.groups, g.kH, g.kW];
}

/** Sizes of one group's GEMM: W_g [outCg, Kg], cols_g [Kg, P], y_g [outCg, P]. */
function groupSizes(g: Conv2dGeometry): { Cg: number; outCg: number; Kg: number; P: number } {
  const Cg = g.C / g.groups;
  return { Cg, outCg: g.outC / g.groups, Kg: Cg * g.kH * g.kW, P: g.OH * g.OW };
}

/** y[n, gi] = W_g · cols_g[n] + b, per image n and group gi. */
export function conv2d(x: Tensor, w: Tensor, b: Tensor | null, g: Conv2dGeometry, options: EpilogueOptions = {}): Tensor {
  const dtype = commonDtype('conv2d', x, w, b);
  checkSizes('conv2d', ['x', x, [g.N, g.C, g.H, g.W]], ['w', w, weightShape(g)], ['b', b, [g.outC]]);
  const { N, C, H, W, outC, groups } = g;
  const { outCg, Kg, P } = groupSizes(g);
  const y = Tensor.zeros([N, outC, g.OH, g.OW], dtype);
  const pointwise = isPointwise(g);
  const cols = pointwise ? null : Tensor.zeros([C * g.kH * g.kW, P], dtype);
  for (let n = 0; n < N; n++) {
    if (cols) im2colImage(x.data, n * C * H * W, g, cols.data, 0);
    const source = cols ? cols.data : x.data;
    const sourceOffset = cols ? 0 : n * C * H * W;
    for (let gi = 0; gi < groups; gi++) {
      const wG = view(w.data, gi * outCg * Kg, outCg, Kg);
      const colsG = view(source, sourceOffset + gi * Kg * P, Kg, P);
      const yG = view(y.data, (n * outC + gi * outCg) * P, outCg, P);
      matmul(wG, colsG, { out: yG });
    }
  }
  if (b) addBias(y, b); // y[n, oc, oh, ow] += b[oc]
  if (options.relu) reluInPlace(y.data);
  return y;
}

/**
 * dx[n] += col2im(W_gᵀ · dY_g[n]) for every group: the input gradient of one image (dx zeroed by
 * the caller). dCols [C·kH·kW, OH·OW] is scratch; null for a 1×1 kernel, whose dCols is dx itself.
 */
function addInputGradImage(w: Tensor, dy: Tensor, n: number, g: Conv2dGeometry, dCols: Tensor | null, dx: Tensor): void {
  const { C, H, W, outC, groups } = g;
  const { outCg, Kg, P } = groupSizes(g);
  for (let gi = 0; gi < groups; gi++) {
    const dYG = view(dy.data, (n * outC + gi * outCg) * P, outCg, P);
    const target = dCols ? view(dCols.data, gi * Kg * P, Kg, P) : view(dx.data, n * C * H * W + gi * Kg * P, Kg, P);
    matmul(view(w.data, gi * outCg * Kg, outCg, Kg), dYG, { transA: true, out: target });
  }
  if (dCols) col2imImage(dCols.data, 0, g, dx.data, n * C * H * W);
}

/**
 * Transposed convolution: y[n] = col2im(W_gᵀ · x_g[n]) + b, the input gradient of the conv of
 * geometry g (see convTranspose2dGeometry) with x in the place of its dy. x [N, g.outC, g.OH, g.OW],
 * w [g.outC, g.C/groups, kH, kW] → y [N, g.C, g.H, g.W].
 */
export function convTranspose2d(x: Tensor, w: Tensor, b: Tensor | null, g: Conv2dGeometry): Tensor {
  const dtype = commonDtype('convTranspose2d', x, w, b);
  checkSizes('convTranspose2d', ['x', x, [g.N, g.outC, g.OH, g.OW]], ['w', w, weightShape(g)], ['b', b, [g.C]]);
  const y = Tensor.zeros([g.N, g.C, g.H, g.W], dtype);
  const dCols = isPointwise(g) ? null : Tensor.zeros([g.C * g.kH * g.kW, g.OH * g.OW], dtype);
  for (let n = 0; n < g.N; n++) addInputGradImage(w, x, n, g, dCols, y);
  if (b) addBias(y, b); // y[n, c, h, w] += b[c]
  return y;
}

/** dW_g += dY_g · cols_gᵀ, db += Σ dy, dx = col2im(W_gᵀ · dY_g), per image and group. */
export function conv2dBackward(
  x: Tensor,
  w: Tensor,
  dy: Tensor,
  g: Conv2dGeometry,
  grads: ConvGrads,
): Tensor | null {
  const dtype = commonDtype('conv2dBackward', x, w, dy, grads.dW, grads.db, grads.reluOutput);
  const yShape = [g.N, g.outC, g.OH, g.OW];
  checkSizes('conv2dBackward', ['x', x, [g.N, g.C, g.H, g.W]], ['w', w, weightShape(g)], ['dW', grads.dW, weightShape(g)],
    ['db', grads.db, [g.outC]], ['reluOutput', grads.reluOutput, yShape], ['dy', grads.maxPool ? null : dy, yShape]);
  const pg = grads.maxPool?.g;
  if (pg && (pg.N !== g.N || pg.C !== g.outC || pg.H !== g.OH || pg.W !== g.OW)) {
    throw new Error(`conv2dBackward: the fused max pool's input [${pg.N}, ${pg.C}, ${pg.H}, ${pg.W}] is not the convolution's output [${yShape.join(', ')}]`);
  }
  if (grads.maxPool) dy = maxPool2dBackward(dy, grads.maxPool.argmax, grads.maxPool.g); // the pool's dx
  const y = grads.reluOutput;
  if (y) dy = activationBackward({ kind: 'relu' }, y, y, dy); // dy ⊙ [y > 0]: the fused ReLU's backward
  const { N, C, H, W, outC, groups } = g;
  const { outCg, Kg, P } = groupSizes(g);
  const pointwise = isPointwise(g);
  const dW = grads.dW; // null for a frozen weight: no im2col, no GEMM
  const cols = pointwise || !dW ? null : Tensor.zeros([C * g.kH * g.kW, P], dtype);
  const dCols = pointwise ? null : Tensor.zeros([C * g.kH * g.kW, P], dtype);
  const dx = grads.needDx ? Tensor.zeros([N, C, H, W], dtype) : null;
  for (let n = 0; n < N; n++) {
    if (dW) {
      if (cols) im2colImage(x.data, n * C * H * W, g, cols.data, 0);
      const source = cols ? cols.data : x.data;
      const sourceOffset = cols ? 0 : n * C * H * W;
      for (let gi = 0; gi < groups; gi++) {
        const dYG = view(dy.data, (n * outC + gi * outCg) * P, outCg, P);
        const colsG = view(source, sourceOffset + gi * Kg * P, Kg, P);
        matmul(dYG, colsG, { transB: true, out: view(dW.data, gi * outCg * Kg, outCg, Kg), accumulate: true });
      }
    }
    if (dx) addInputGradImage(w, dy, n, g, dCols, dx);
    if (grads.db) {
      for (let oc = 0; oc < outC; oc++) {
        let sum = 0;
        const base = (n * outC + oc) * P;
        for (let p = 0; p < P; p++) sum += dy.data[base + p];
        grads.db.data[oc] += sum;
      }
    }
  }
  return dx;
}
