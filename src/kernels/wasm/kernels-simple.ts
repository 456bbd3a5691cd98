// SPDX-License-Identifier: MIT
// The wasm backend's memory-bound kernels: batch normalisation, channel-wise bias and its
// gradient, a Graph's Add and the max-pool backward scatter, each a SIMD pass on the calling
// thread (their work is about what copying the tensors into the arena costs, so threads would
// save little). float64 calls and shapes the wasm loops do not take go to the reference kernels,
// which also give the error messages for bad input.
import type { BatchNormStats, EpilogueOptions, Kernels } from '../backend.js';
import type { Conv2dGeometry } from '../geometry.js';
import { refKernels } from '../ref/index.js';
import { Tensor } from '../../tensor/tensor.js';
import type { WasmRuntime } from './runtime.js';

type SimpleKernels = Pick<Kernels, 'batchNormStats' | 'batchNormForward' | 'batchNormBackward' | 'addBias' |
  'addChannelSums' | 'add' | 'maxPool2dBackward'>;

function isFloat32(...tensors: readonly Tensor[]): boolean {
  return tensors.every((t) => t.data instanceof Float32Array);
}

/** [N, C, S] of an [N, C] or [N, C, H, W] tensor, or null for other ranks. */
function channelDims(x: Tensor): [number, number, number] | null {
  if (x.rank !== 2 && x.rank !== 4) return null;
  return [x.shape[0], x.shape[1], x.rank === 4 ? x.shape[2] * x.shape[3] : 1];
}

/** Whether every per-channel vector has C entries (else the reference kernel names the bad one). */
function hasChannels(C: number, ...vectors: readonly Tensor[]): boolean {
  return vectors.every((v) => v.rank === 1 && v.size === C);
}

export function simpleWasmKernels(rt: WasmRuntime): SimpleKernels {
  const out = (ptr: number, shape: readonly number[], size: number): Tensor => new Tensor(rt.f32(ptr, size).slice(), shape);

  function batchNormStats(x: Tensor): BatchNormStats {
    const dims = channelDims(x);
    if (!dims || !isFloat32(x)) return refKernels.batchNormStats(x);
    const C = dims[1];
    rt.reset();
    const px = rt.put(x.data as Float32Array);
    const pMean = rt.alloc(C * 4), pVariance = rt.alloc(C * 4);
    rt.exports.batchNormStatsSimd(rt.writeJob([...dims, px, pMean, pVariance]));
    return { mean: out(pMean, [C], C), variance: out(pVariance, [C], C) };
  }

  function batchNormForward(x: Tensor, mean: Tensor, invStd: Tensor, gamma: Tensor, beta: Tensor, options: EpilogueOptions = {}): { y: Tensor; xHat: Tensor } {
    const dims = channelDims(x);
    if (!dims || !isFloat32(x, mean, invStd, gamma, beta) || !hasChannels(dims[1], mean, invStd, gamma, beta)) {
      return refKernels.batchNormForward(x, mean, invStd, gamma, beta, options);
    }
    rt.reset();
    const px = rt.put(x.data as Float32Array);
    const vectors = [mean, invStd, gamma, beta].map((v) => rt.put(v.data as Float32Array));
    const py = rt.alloc(x.size * 4), pxHat = rt.alloc(x.size * 4);
    rt.exports.batchNormForwardSimd(rt.writeJob([...dims, px, ...vectors, py, pxHat]));
    if (options.relu) rt.exports.reluSimd(py, py, x.size);
    return { y: out(py, x.shape, x.size), xHat: out(pxHat, x.shape, x.size) };
  }

  function batchNormBackward(
    dy: Tensor, xHat: Tensor, invStd: Tensor, gamma: Tensor, dGamma: Tensor, dBeta: Tensor, reluOutput: Tensor | null = null,
  ): Tensor {
    const dims = channelDims(dy);
    const y = reluOutput;
    if (!dims || !isFloat32(dy, xHat, invStd, gamma, dGamma, dBeta, ...(y ? [y] : [])) || xHat.size !== dy.size ||
      (y && y.size !== dy.size) || !hasChannels(dims[1], invStd, gamma, dGamma, dBeta)) {
      return refKernels.batchNormBackward(dy, xHat, invStd, gamma, dGamma, dBeta, reluOutput);
    }
    const C = dims[1];
    rt.reset();
    const pdy = rt.put(dy.data as Float32Array), pxHat = rt.put(xHat.data as Float32Array);
    if (y) rt.exports.reluBackwardSimd(rt.put(y.data as Float32Array), pdy, pdy, dy.size); // dy ⊙ [y > 0] in place
    const [pInvStd, pGamma, pdGamma, pdBeta] = [invStd, gamma, dGamma, dBeta].map((v) => rt.put(v.data as Float32Array));
    const pdx = rt.alloc(dy.size * 4);
    rt.exports.batchNormBackwardSimd(rt.writeJob([...dims, pdy, pxHat, pInvStd, pGamma, pdGamma, pdBeta, pdx]));
    (dGamma.data as Float32Array).set(rt.f32(pdGamma, C));
    (dBeta.data as Float32Array).set(rt.f32(pdBeta, C));
    return out(pdx, dy.shape, dy.size);
  }

  function addBias(y: Tensor, b: Tensor, options: EpilogueOptions = {}): void {
    if (y.rank < 2 || !isFloat32(y, b) || !hasChannels(y.shape[1], b)) return refKernels.addBias(y, b, options);
    const [N, C] = y.shape;
    rt.reset();
    const py = rt.put(y.data as Float32Array), pb = rt.put(b.data as Float32Array);
    rt.exports.addBiasSimd(py, pb, N, C, y.size / (N * C || 1));
    if (options.relu) rt.exports.reluSimd(py, py, y.size);
    (y.data as Float32Array).set(rt.f32(py, y.size));
  }

  function addChannelSums(dy: Tensor, sums: Tensor): void {
    if (dy.rank < 2 || !isFloat32(dy, sums) || !hasChannels(dy.shape[1], sums)) return refKernels.addChannelSums(dy, sums);
    const [N, C] = dy.shape;
    rt.reset();
    const pdy = rt.put(dy.data as Float32Array), pOut = rt.put(sums.data as Float32Array);
    rt.exports.addChannelSumsSimd(pdy, pOut, rt.alloc(C * 8), N, C, dy.size / (N * C || 1));
    (sums.data as Float32Array).set(rt.f32(pOut, C));
  }

  function add(a: Tensor, b: Tensor): Tensor {
    if (!isFloat32(a, b) || a.size !== b.size) return refKernels.add(a, b);
    rt.reset();
    const pa = rt.put(a.data as Float32Array), pb = rt.put(b.data as Float32Array);
    rt.exports.addSimd(pa, pb, pa, a.size);
    return out(pa, a.shape, a.size);
  }

  function maxPool2dBackward(dy: Tensor, argmax: Int32Array, g: Conv2dGeometry): Tensor {
    if (!isFloat32(dy) || argmax.length !== dy.size) return refKernels.maxPool2dBackward(dy, argmax, g);
    const dxSize = g.N * g.C * g.H * g.W;
    rt.reset();
    const pdy = rt.put(dy.data as Float32Array), pArgmax = rt.putInt32(argmax);
    const pdx = rt.zeros(dxSize);
    rt.exports.maxPool2dBackwardScatter(pdy, pArgmax, pdx, dy.size);
    return out(pdx, [g.N, g.C, g.H, g.W], dxSize);
  }

  return { batchNormStats, batchNormForward, batchNormBackward, addBias, addChannelSums, add, maxPool2dBackward };
}
