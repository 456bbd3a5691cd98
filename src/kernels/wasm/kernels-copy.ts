// SPDX-License-Identifier: MIT
// The wasm backend's copy kernels: Concat and its backward (sliceAxis), Narrow and ZeroPad2d
// (sliceAxis, padAxis), ChannelShuffle and the Embedding lookup. They compute nothing, so they
// need no wasm code: what they gain from the backend is where their output lies. Inside a frame
// it is kept in the arena (rt.keep, then rt.take hands out a view), so the next kernel reads it
// where it lies instead of copying a fresh Float32Array in, and a step allocates nothing for them
// (a U-Net's skip connections, a ShuffleNet's split and shuffle). The blocks are moved by
// TypedArray.set (a memmove), from wherever the input lies. Outside a frame, and for float64,
// the reference kernels run: their fresh arrays are what the caller gets either way.
import type { Kernels } from '../backend.js';
import { refKernels } from '../ref/index.js';
import { around } from '../ref/merge.js';
import { Tensor } from '../../tensor/tensor.js';
import type { WasmRuntime } from './runtime.js';

type CopyKernels = Pick<Kernels, 'concat' | 'sliceAxis' | 'padAxis' | 'channelShuffle' | 'embedding'>;

export function copyWasmKernels(rt: WasmRuntime): CopyKernels {
  /**
   * Whether the arena path runs: inside a frame, every tensor float32. Reading a view of a
   * finished frame throws here, as every wasm kernel's input() does (its memory is another
   * tensor's by now).
   */
  function arena(...tensors: readonly Tensor[]): boolean {
    let inArena = rt.inFrame;
    for (const t of tensors) {
      if (t.data instanceof Float32Array) rt.holds(t.data); // throws for a finished frame's view, in a frame or not
      else inArena = false;
    }
    return inArena;
  }

  /** An output of `shape` kept in the frame, filled by fill (every float it does not write is garbage unless zeroed). */
  function output(shape: readonly number[], fill: (y: Float32Array) => void, zeroed = false): Tensor {
    const size = shape.reduce((p, d) => p * d, 1);
    rt.reset();
    const py = zeroed ? rt.keepZeros(size) : rt.keep(size * 4);
    fill(rt.f32(py, size));
    return new Tensor(rt.take(py, size), shape);
  }

  function concat(xs: readonly Tensor[], axis: number): Tensor {
    if (xs.length === 0 || !arena(...xs)) return refKernels.concat(xs, axis);
    const shape = [...xs[0].shape];
    shape[axis] = xs.reduce((total, x) => total + x.shape[axis], 0);
    const [outer, total, inner] = around(shape, axis);
    return output(shape, (y) => {
      let offset = 0; // where along the axis the current input starts
      for (const x of xs) {
        const size = x.shape[axis] * inner;
        const data = x.data as Float32Array;
        for (let o = 0; o < outer; o++) y.set(data.subarray(o * size, (o + 1) * size), (o * total + offset) * inner);
        offset += x.shape[axis];
      }
    });
  }

  function sliceAxis(x: Tensor, axis: number, start: number, size: number): Tensor {
    if (!arena(x)) return refKernels.sliceAxis(x, axis, start, size);
    const shape = [...x.shape];
    shape[axis] = size;
    const [outer, total, inner] = around(x.shape, axis);
    const data = x.data as Float32Array;
    return output(shape, (y) => {
      for (let o = 0; o < outer; o++) {
        const from = (o * total + start) * inner;
        y.set(data.subarray(from, from + size * inner), o * size * inner);
      }
    });
  }

  function padAxis(x: Tensor, axis: number, before: number, after: number): Tensor {
    if (!arena(x)) return refKernels.padAxis(x, axis, before, after);
    const [outer, size, inner] = around(x.shape, axis);
    const total = before + size + after;
    const shape = [...x.shape];
    shape[axis] = total;
    const data = x.data as Float32Array;
    return output(shape, (y) => {
      for (let o = 0; o < outer; o++) {
        const at = o * total * inner;
        y.fill(0, at, at + before * inner);
        y.set(data.subarray(o * size * inner, (o + 1) * size * inner), at + before * inner);
        y.fill(0, at + (before + size) * inner, at + total * inner);
      }
    });
  }

  function channelShuffle(x: Tensor, groups: number): Tensor {
    if (!arena(x) || x.rank < 2) return refKernels.channelShuffle(x, groups);
    const [N, C, S] = around(x.shape, 1); // S: the entries of one channel plane
    const K = C / groups;
    const data = x.data as Float32Array;
    return output(x.shape, (y) => {
      for (let n = 0; n < N; n++) {
        for (let g = 0; g < groups; g++) {
          for (let k = 0; k < K; k++) {
            const from = (n * C + g * K + k) * S;
            y.set(data.subarray(from, from + S), (n * C + k * groups + g) * S);
          }
        }
      }
    });
  }

  function embedding(indices: Tensor, weight: Tensor): Tensor {
    const [V, D] = weight.shape;
    if (weight.rank !== 2 || !arena(indices, weight) || !indices.data.every((v) => Number.isInteger(v) && v >= 0 && v < V)) {
      return refKernels.embedding(indices, weight);
    }
    const table = weight.data as Float32Array, idx = indices.data;
    return output([...indices.shape, D], (y) => {
      for (let i = 0; i < idx.length; i++) y.set(table.subarray(idx[i] * D, idx[i] * D + D), i * D);
    });
  }

  return { concat, sliceAxis, padAxis, channelShuffle, embedding };
}
