// SPDX-License-Identifier: MIT
// Reference upsampling over [N, C, H, W]: nearest (a gather) and bilinear (four taps, separable
// weights), and their adjoints (a scatter-add of dy over the same taps). Where each output reads
// comes from upsample-geometry.ts (PyTorch's rules); derivation: docs/math/upsample.md.
import { Tensor } from '../../tensor/tensor.js';
import { checkSizes } from './common.js';
import { linearTaps, nearestIndices, type UpsampleGeometry } from '../upsample-geometry.js';

/** nearest: y[n, c, oh, ow] = x[n, c, r[oh], q[ow]]; bilinear: Σ of the four taps' weights times x. */
export function upsample2d(x: Tensor, g: UpsampleGeometry): Tensor {
  checkSizes('upsample2d', ['x', x, [g.N, g.C, g.H, g.W]]);
  const { N, C, H, W, OH, OW } = g;
  const y = Tensor.zeros([N, C, OH, OW], x.dtype);
  if (g.mode === 'nearest') {
    const rows = nearestIndices(H, OH, g.scaleH);
    const cols = nearestIndices(W, OW, g.scaleW);
    for (let plane = 0; plane < N * C; plane++) {
      const base = plane * H * W;
      for (let oh = 0; oh < OH; oh++) {
        for (let ow = 0; ow < OW; ow++) y.data[(plane * OH + oh) * OW + ow] = x.data[base + rows[oh] * W + cols[ow]];
      }
    }
    return y;
  }
  const r = linearTaps(H, OH, g.alignCorners, g.scaleH);
  const q = linearTaps(W, OW, g.alignCorners, g.scaleW);
  for (let plane = 0; plane < N * C; plane++) {
    const base = plane * H * W;
    for (let oh = 0; oh < OH; oh++) {
      const top = base + r.i0[oh] * W;
      const bottom = base + r.i1[oh] * W;
      for (let ow = 0; ow < OW; ow++) {
        const [w0, w1] = [q.i0[ow], q.i1[ow]];
        // y = l0ʰ·(l0ʷ·x₀₀ + l1ʷ·x₀₁) + l1ʰ·(l0ʷ·x₁₀ + l1ʷ·x₁₁), PyTorch's order
        y.data[(plane * OH + oh) * OW + ow] =
          r.l0[oh] * (q.l0[ow] * x.data[top + w0] + q.l1[ow] * x.data[top + w1]) +
          r.l1[oh] * (q.l0[ow] * x.data[bottom + w0] + q.l1[ow] * x.data[bottom + w1]);
      }
    }
  }
  return y;
}

/** The adjoint: dx [N, C, H, W] gets each dy[n, c, oh, ow] times its weight at every tap it read. */
export function upsample2dBackward(dy: Tensor, g: UpsampleGeometry): Tensor {
  checkSizes('upsample2dBackward', ['dy', dy, [g.N, g.C, g.OH, g.OW]]);
  const { N, C, H, W, OH, OW } = g;
  const dx = Tensor.zeros([N, C, H, W], dy.dtype);
  if (g.mode === 'nearest') {
    const rows = nearestIndices(H, OH, g.scaleH);
    const cols = nearestIndices(W, OW, g.scaleW);
    for (let plane = 0; plane < N * C; plane++) {
      const base = plane * H * W;
      for (let oh = 0; oh < OH; oh++) {
        for (let ow = 0; ow < OW; ow++) dx.data[base + rows[oh] * W + cols[ow]] += dy.data[(plane * OH + oh) * OW + ow];
      }
    }
    return dx;
  }
  const r = linearTaps(H, OH, g.alignCorners, g.scaleH);
  const q = linearTaps(W, OW, g.alignCorners, g.scaleW);
  for (let plane = 0; plane < N * C; plane++) {
    const base = plane * H * W;
    for (let oh = 0; oh < OH; oh++) {
      const top = base + r.i0[oh] * W;
      const bottom = base + r.i1[oh] * W;
      for (let ow = 0; ow < OW; ow++) {
        const [w0, w1] = [q.i0[ow], q.i1[ow]];
        const d = dy.data[(plane * OH + oh) * OW + ow];
        dx.data[top + w0] += r.l0[oh] * q.l0[ow] * d; // ∂y/∂x₀₀ = l0ʰ·l0ʷ
        dx.data[top + w1] += r.l0[oh] * q.l1[ow] * d;
        dx.data[bottom + w0] += r.l1[oh] * q.l0[ow] * d;
        dx.data[bottom + w1] += r.l1[oh] * q.l1[ow] * d;
      }
    }
  }
  return dx;
}
