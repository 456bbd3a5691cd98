// SPDX-License-Identifier: MIT
// Reference kernels for graph models: the sum of two tensors, the broadcast product and its
// adjoint (summing back to a shape), joining / slicing / zero-padding along one axis, and the
// channel shuffle. Shapes are checked by the layers; these assume them.
import { Tensor } from '../../tensor/tensor.js';
import type { EpilogueOptions } from '../backend.js';
import { reluInPlace } from './bias.js';
import { commonDtype } from './common.js';

/** a + b element-wise (same shapes), then max(·, 0) with `relu`. */
export function add(a: Tensor, b: Tensor, options: EpilogueOptions = {}): Tensor {
  const y = Tensor.zeros(a.shape, commonDtype('add', a, b));
  for (let i = 0; i < y.size; i++) y.data[i] = a.data[i] + b.data[i];
  if (options.relu) reluInPlace(y.data);
  return y;
}

/** Row-major strides of a shape, with 0 where the dim is 1 and `out` is larger (a broadcast dim). */
export function broadcastStrides(shape: readonly number[], out: readonly number[]): number[] {
  const strides = new Array<number>(shape.length).fill(0);
  let stride = 1;
  for (let d = shape.length - 1; d >= 0; d--) {
    strides[d] = shape[d] === 1 && out[d] !== 1 ? 0 : stride;
    stride *= shape[d];
  }
  return strides;
}

/** Calls visit(i, ia, ib) for every flat index i of `out` with the matching flat indices into a and b. */
function forEachBroadcast(out: readonly number[], a: readonly number[], b: readonly number[], visit: (i: number, ia: number, ib: number) => void): void {
  const rank = out.length;
  const sa = broadcastStrides(a, out);
  const sb = broadcastStrides(b, out);
  const index = new Array<number>(rank).fill(0);
  let ia = 0;
  let ib = 0;
  const size = out.reduce((p, d) => p * d, 1);
  for (let i = 0; i < size; i++) {
    visit(i, ia, ib);
    // Odometer step over the output index, moving ia and ib by their strides.
    for (let d = rank - 1; d >= 0; d--) {
      index[d]++;
      ia += sa[d];
      ib += sb[d];
      if (index[d] < out[d]) break;
      ia -= sa[d] * out[d];
      ib -= sb[d] * out[d];
      index[d] = 0;
    }
  }
}

/** y = a ⊙ b with broadcasting: a and b have one rank, each dim equal or 1 in one of them. */
export function mulBroadcast(a: Tensor, b: Tensor): Tensor {
  const out = a.shape.map((d, i) => (d === 1 ? b.shape[i] : d)); // a dim of 1 takes the other's (an empty 0 too)
  const y = Tensor.zeros(out, commonDtype('mulBroadcast', a, b));
  forEachBroadcast(out, a.shape, b.shape, (i, ia, ib) => {
    y.data[i] = a.data[ia] * b.data[ib];
  });
  return y;
}

/** out[j] = Σ over the entries i of x that broadcast from j: the adjoint of broadcasting to x's shape. */
export function sumToShape(x: Tensor, shape: readonly number[]): Tensor {
  const out = Tensor.zeros(shape, x.dtype);
  const sums = new Float64Array(out.size); // summed in float64, rounded once (as the channel sums of a bias gradient)
  forEachBroadcast(x.shape, x.shape, shape, (i, _ix, io) => {
    sums[io] += x.data[i];
  });
  out.data.set(sums);
  return out;
}

/** [outer, axis size, inner] view of a shape around one axis. */
export function around(shape: readonly number[], axis: number): [number, number, number] {
  let outer = 1;
  let inner = 1;
  for (let d = 0; d < axis; d++) outer *= shape[d];
  for (let d = axis + 1; d < shape.length; d++) inner *= shape[d];
  return [outer, shape[axis], inner];
}

/** Joins xs along `axis` (every other dim equal). */
export function concat(xs: readonly Tensor[], axis: number): Tensor {
  const shape = [...xs[0].shape];
  shape[axis] = xs.reduce((total, x) => total + x.shape[axis], 0);
  const y = Tensor.zeros(shape, commonDtype('concat', ...xs));
  const [outer, total, inner] = around(shape, axis);
  let offset = 0; // where along the axis the current input starts
  for (const x of xs) {
    const size = x.shape[axis] * inner;
    for (let o = 0; o < outer; o++) {
      y.data.set(x.data.subarray(o * size, (o + 1) * size), (o * total + offset) * inner);
    }
    offset += x.shape[axis];
  }
  return y;
}

/** x's entries from `start` to start + size along `axis`. */
export function sliceAxis(x: Tensor, axis: number, start: number, size: number): Tensor {
  const shape = [...x.shape];
  shape[axis] = size;
  const y = Tensor.zeros(shape, x.dtype);
  const [outer, total, inner] = around(x.shape, axis);
  for (let o = 0; o < outer; o++) {
    const from = (o * total + start) * inner;
    y.data.set(x.data.subarray(from, from + size * inner), o * size * inner);
  }
  return y;
}

/** x with `before` zeros ahead of it and `after` zeros behind it along `axis`. */
export function padAxis(x: Tensor, axis: number, before: number, after: number): Tensor {
  const [outer, size, inner] = around(x.shape, axis);
  const total = before + size + after;
  const shape = [...x.shape];
  shape[axis] = total;
  const y = Tensor.zeros(shape, x.dtype);
  for (let o = 0; o < outer; o++) {
    y.data.set(x.data.subarray(o * size * inner, (o + 1) * size * inner), (o * total + before) * inner);
  }
  return y;
}

/** y[n, k·G + g, …] = x[n, g·K + k, …] for x [N, C, …], G = groups, K = C / G. */
export function channelShuffle(x: Tensor, groups: number): Tensor {
  const [N, C, S] = around(x.shape, 1); // S: the entries of one channel plane
  const K = C / groups;
  const y = Tensor.zeros(x.shape, x.dtype);
  for (let n = 0; n < N; n++) {
    for (let g = 0; g < groups; g++) {
      for (let k = 0; k < K; k++) {
        const from = (n * C + g * K + k) * S;
        y.data.set(x.data.subarray(from, from + S), (n * C + k * groups + g) * S);
      }
    }
  }
  return y;
}
