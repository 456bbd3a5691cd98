// SPDX-License-Identifier: MIT
// The wasm backend's broadcasting (assembly/broadcast.ts): the product a ⊙ b of a Graph's Mul
// (a squeeze-and-excitation gate, features [N, C, H, W] times [N, C, 1, 1]) and its adjoint, the
// sum back to a shape. Both shapes are collapsed here into rows of the output (broadcastRows), so
// the wasm loops see one contiguous row dim and a few outer dims. The product's rows and the
// sums of summed rows are shared with the workers when large; the float64 sums are gathered into
// the output in row order on the calling thread, so 1 and 2 threads give the same bits. float64
// calls, shapes that do not broadcast and empty tensors go to the reference kernels.
import type { Kernels } from '../backend.js';
import { refKernels } from '../ref/index.js';
import { broadcastStrides } from '../ref/merge.js';
import { Tensor } from '../../tensor/tensor.js';
import { planesPerItem } from './kernels-simple.js';
import type { WasmRuntime } from './runtime.js';

type BroadcastKernels = Pick<Kernels, 'mulBroadcast' | 'sumToShape'>;

/** Job kinds of assembly/index.ts. */
const JOB_MUL_BROADCAST = 13, JOB_SUM_ROWS = 14;
/** Outer dims a collapsed shape may keep (each costs three descriptor words). */
const MAX_OUTER_DIMS = 12;

/** An output shape as rows of L contiguous floats: each operand's stride along the row (1, or 0 when broadcast) and over the outer dims. */
export interface BroadcastRows {
  rows: number;
  L: number;
  rowStrides: number[];
  outerDims: number[];
  outerStrides: number[][];
}

/**
 * `out` with its dims of 1 dropped and each pair of neighbours merged where every operand steps
 * through the two as through one dim (strides [s·d, s] or [0, 0]), for operands with the given
 * strides over `out` (0 where broadcast, as broadcastStrides). The last dim left is the row.
 */
export function broadcastRows(out: readonly number[], strides: readonly (readonly number[])[]): BroadcastRows {
  const dims: number[] = []; // innermost first
  const kept = strides.map((): number[] => []);
  for (let d = out.length - 1; d >= 0; d--) {
    if (out[d] === 1) continue;
    const last = dims.length - 1;
    if (last >= 0 && strides.every((s, k) => s[d] === kept[k][last] * dims[last])) {
      dims[last] *= out[d];
      continue;
    }
    dims.push(out[d]);
    strides.forEach((s, k) => kept[k].push(s[d]));
  }
  if (dims.length === 0) return { rows: 1, L: 1, rowStrides: strides.map(() => 1), outerDims: [], outerStrides: strides.map(() => []) };
  const outerDims = dims.slice(1).reverse();
  return {
    rows: outerDims.reduce((p, d) => p * d, 1),
    L: dims[0],
    rowStrides: kept.map((s) => s[0]),
    outerDims,
    outerStrides: kept.map((s) => s.slice(1).reverse()),
  };
}

function broadcasts(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i] || d === 1 || b[i] === 1);
}

export function broadcastWasmKernels(rt: WasmRuntime): BroadcastKernels {
  const input = (t: Tensor): number => rt.input(t.data as Float32Array);

  function mulBroadcast(a: Tensor, b: Tensor): Tensor {
    if (!(a.data instanceof Float32Array && b.data instanceof Float32Array) || !broadcasts(a.shape, b.shape)) {
      return refKernels.mulBroadcast(a, b);
    }
    const out = a.shape.map((d, i) => (d === 1 ? b.shape[i] : d)); // a dim of 1 takes the other's (an empty 0 too)
    const size = out.reduce((p, d) => p * d, 1);
    const shape = broadcastRows(out, [broadcastStrides(a.shape, out), broadcastStrides(b.shape, out)]);
    if (size === 0 || shape.outerDims.length > MAX_OUTER_DIMS) return refKernels.mulBroadcast(a, b);
    const { rows, L, rowStrides, outerDims, outerStrides } = shape;
    rt.reset();
    const py = rt.keep(size * 4);
    const pa = input(a), pb = input(b);
    const { per, items, parallel } = planesPerItem(rt, rows, size);
    const words = [JOB_MUL_BROADCAST, per, rows, L, ...rowStrides, pa, pb, py, outerDims.length, ...outerDims, ...outerStrides[0], ...outerStrides[1]];
    rt.run(rt.writeJob(words), items, parallel);
    return new Tensor(rt.take(py, size), out);
  }

  function sumToShape(x: Tensor, shape: readonly number[]): Tensor {
    const fits = shape.length === x.rank && shape.every((d, i) => d === x.shape[i] || d === 1);
    if (!(x.data instanceof Float32Array) || !fits || x.size === 0) return refKernels.sumToShape(x, shape);
    const rowsOf = broadcastRows(x.shape, [broadcastStrides(shape, x.shape)]);
    if (rowsOf.outerDims.length > MAX_OUTER_DIMS) return refKernels.sumToShape(x, shape);
    const { rows, L, rowStrides, outerDims, outerStrides } = rowsOf;
    const size = shape.reduce((p, d) => p * d, 1);
    rt.reset();
    const pOut = rt.keep(size * 4);
    const px = input(x);
    const acc = rt.alloc(size * 8);
    let sums = 0;
    if (rowStrides[0] === 0) {
      // The row dim is summed: each row's float64 sum first, in parallel when large.
      sums = rt.alloc(rows * 8);
      const { per, items, parallel } = planesPerItem(rt, rows, x.size);
      rt.run(rt.writeJob([JOB_SUM_ROWS, per, rows, L, px, sums]), items, parallel);
    }
    rt.exports.sumToShapeFinish(rt.writeJob([JOB_SUM_ROWS, 0, rows, L, px, sums, acc, pOut, size, outerDims.length, ...outerDims, ...outerStrides[0]]));
    return new Tensor(rt.take(pOut, size), [...shape]);
  }

  return { mulBroadcast, sumToShape };
}
