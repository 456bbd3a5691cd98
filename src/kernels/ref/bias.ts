// SPDX-License-Identifier: MIT
// Reference channel-wise bias: y[n, c, ...] += b[c], and its gradient out[c] += Σ dy[n, c, ...].
// The channel is dim 1 of [N, C] or [N, C, H, W]; the dims after it are flattened into S.
import type { EpilogueOptions } from '../backend.js';
import { formatShape, type Tensor } from '../../tensor/tensor.js';
import { commonDtype, spatialSize } from './common.js';

function checkChannels(kernel: string, t: Tensor, vector: Tensor): void {
  if (t.rank < 2 || vector.rank !== 1 || vector.shape[0] !== t.shape[1]) {
    throw new Error(`${kernel}: expected [N, C, ...] and [C], got ${formatShape(t.shape)} and ${formatShape(vector.shape)}`);
  }
}

/** y[i] = y[i] > 0 or NaN ? y[i] : 0 in place (the ReLU kernel's formula: −0 becomes 0, NaN stays NaN). */
export function reluInPlace(y: Float32Array | Float64Array): void {
  for (let i = 0; i < y.length; i++) y[i] = y[i] > 0 || y[i] !== y[i] ? y[i] : 0;
}

/** y[n, c, s] += b[c] in place, then y = max(y, 0) with `relu`. */
export function addBias(y: Tensor, b: Tensor, options: EpilogueOptions = {}): void {
  commonDtype('addBias', y, b);
  checkChannels('addBias', y, b);
  const [N, C] = y.shape;
  const S = spatialSize(y.shape);
  for (let n = 0; n < N; n++) {
    for (let c = 0; c < C; c++) {
      const base = (n * C + c) * S;
      for (let s = 0; s < S; s++) y.data[base + s] += b.data[c];
    }
  }
  if (options.relu) reluInPlace(y.data);
}

/** out[c] += Σₙ Σₛ dy[n, c, s] (summed in float64, added once). */
export function addChannelSums(dy: Tensor, out: Tensor): void {
  commonDtype('addChannelSums', dy, out);
  checkChannels('addChannelSums', dy, out);
  const [N, C] = dy.shape;
  const S = spatialSize(dy.shape);
  for (let c = 0; c < C; c++) {
    let sum = 0;
    for (let n = 0; n < N; n++) {
      const base = (n * C + c) * S;
      for (let s = 0; s < S; s++) sum += dy.data[base + s];
    }
    out.data[c] += sum;
  }
}
