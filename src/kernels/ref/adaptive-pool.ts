// SPDX-License-Identifier: MIT
// Reference adaptive average pooling over [N, C, H, W]: PyTorch's windows (adaptiveWindow in
// geometry.ts), whose sizes may differ by one when the output size does not divide the input.
// outH = outW = 1 is global average pooling.
import { adaptiveWindow } from '../geometry.js';
import { Tensor } from '../../tensor/tensor.js';

/** y[n, c, oh, ow] = mean of x[n, c, h, w] over the window's rows h and columns w. */
export function adaptiveAvgPool2d(x: Tensor, outH: number, outW: number): Tensor {
  if (x.shape.length !== 4) throw new Error(`adaptiveAvgPool2d: x must be [N, C, H, W], got [${x.shape.join(', ')}]`);
  const [N, C, H, W] = x.shape;
  const y = Tensor.zeros([N, C, outH, outW], x.dtype);
  for (let plane = 0; plane < N * C; plane++) {
    const base = plane * H * W;
    for (let oh = 0; oh < outH; oh++) {
      const rows = adaptiveWindow(oh, H, outH);
      for (let ow = 0; ow < outW; ow++) {
        const cols = adaptiveWindow(ow, W, outW);
        let sum = 0;
        for (let h = rows.start; h < rows.end; h++) {
          for (let w = cols.start; w < cols.end; w++) sum += x.data[base + h * W + w];
        }
        y.data[(plane * outH + oh) * outW + ow] = sum / ((rows.end - rows.start) * (cols.end - cols.start));
      }
    }
  }
  return y;
}

/** dx[n, c, h, w] = Σ over the windows (oh, ow) containing (h, w) of dy[n, c, oh, ow] / |window|. */
export function adaptiveAvgPool2dBackward(dy: Tensor, inputShape: readonly number[]): Tensor {
  const [N, C, H, W] = inputShape;
  if (inputShape.length !== 4 || dy.shape.length !== 4 || dy.shape[0] !== N || dy.shape[1] !== C) {
    throw new Error(`adaptiveAvgPool2dBackward: dy [${dy.shape.join(', ')}] is not the output of an input [${inputShape.join(', ')}] (both [N, C, ·, ·])`);
  }
  const [outH, outW] = [dy.shape[2], dy.shape[3]];
  const dx = Tensor.zeros([N, C, H, W], dy.dtype);
  for (let plane = 0; plane < N * C; plane++) {
    const base = plane * H * W;
    for (let oh = 0; oh < outH; oh++) {
      const rows = adaptiveWindow(oh, H, outH);
      for (let ow = 0; ow < outW; ow++) {
        const cols = adaptiveWindow(ow, W, outW);
        const share = dy.data[(plane * outH + oh) * outW + ow] / ((rows.end - rows.start) * (cols.end - cols.start));
        for (let h = rows.start; h < rows.end; h++) {
          for (let w = cols.start; w < cols.end; w++) dx.data[base + h * W + w] += share;
        }
      }
    }
  }
  return dx;
}
