// SPDX-License-Identifier: MIT
// The wasm backend's memory-bound kernels: batch normalisation, channel-wise bias and its
// gradient, a Graph's Add, the element-wise product (dropout's mask), the max-pool backward
// scatter, each a SIMD pass, and the fused softmax + cross-entropy, the row softmax and the mean
// squared error (float64, assembly/softmax.ts). Inside a frame
// (Kernels.frame) their tensors are not copied in or out, so the passes themselves are the cost:
// batch norm (by channels) and Add (by ranges) share them with the workers when large. float64
// calls and shapes the wasm loops do not take go to the reference kernels, which also give the
// error messages for bad input.
import type { BatchNormStats, CrossEntropyOptions, EpilogueOptions, Kernels, LossResult } from '../backend.js';
import type { Conv2dGeometry } from '../geometry.js';
import { refKernels } from '../ref/index.js';
import { ARGMAX_OUTSIDE, checkPoolBackwardSizes } from '../ref/pool.js';
import { Tensor } from '../../tensor/tensor.js';
import type { WasmRuntime } from './runtime.js';

type SimpleKernels = Pick<Kernels, 'batchNormStats' | 'batchNormForward' | 'batchNormBackward' | 'addBias' |
  'addChannelSums' | 'add' | 'mul' | 'maxPool2dBackward' | 'softmaxCrossEntropy' | 'softmax' | 'mse'>;

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

/** Job kinds of assembly/index.ts. */
const JOB_BATCH_NORM_STATS = 5, JOB_BATCH_NORM_FORWARD = 6, JOB_BATCH_NORM_BACKWARD = 7, JOB_ELEMENTWISE = 8;
const JOB_MAX_POOL2D_BACKWARD = 11;
const JOB_SOFTMAX_CROSS_ENTROPY = 12;
/** Logits a softmax cross-entropy item covers (whole samples, at least one): 8 items for a batch of 32 28×28 maps of 3 classes. */
const CROSS_ENTROPY_ITEM_FLOATS = 8192;
/** Floats below which a memory-bound pass stays on the calling thread (waking a worker costs tens of microseconds). */
const PARALLEL_MIN_FLOATS = 1 << 16;

/**
 * Items of about a quarter of a thread's share of `planes` (at least one plane), so a thread that
 * runs late leaves little behind; all planes in one item on one thread or for small tensors.
 */
export function planesPerItem(rt: WasmRuntime, planes: number, floats: number): { per: number; items: number; parallel: boolean } {
  const parallel = rt.threads > 1 && planes > 1 && floats >= PARALLEL_MIN_FLOATS;
  const per = parallel ? Math.max(1, Math.ceil(planes / (rt.threads * 4))) : Math.max(planes, 1);
  return { per, items: Math.ceil(planes / per), parallel };
}

/**
 * dx (at pdx, every float written) = the max-pool backward of dy at pdy (argmax at pArgmax) for
 * pooling geometry g, then ⊙ [y > 0] when py is not 0 (a ReLU before the pool, fused into a
 * convolution's epilogue), split by planes over the threads.
 */
export function maxPoolBackwardJob(rt: WasmRuntime, pdy: number, pArgmax: number, pdx: number, py: number, g: Conv2dGeometry): void {
  const planes = g.N * g.C;
  const { per, items, parallel } = planesPerItem(rt, planes, planes * g.H * g.W);
  const desc = rt.writeJob(maxPoolBackwardWords(pdy, pArgmax, pdx, py, g, per));
  rt.run(desc, items, parallel);
  checkArgmax(rt, desc);
}

/** Word of a max-pool backward job that an item sets to 1 when an argmax entry is not an input of its window's plane. */
const ARGMAX_BAD_WORD = 15;

/**
 * Refuses the argmax of the max-pool backward job at desc, after it ran, if an entry was not an
 * input of its own plane (or, for 2×2 windows at stride 2, of its own window): such an entry
 * added nothing, and no write fell outside dx.
 */
export function checkArgmax(rt: WasmRuntime, desc: number): void {
  if (new Int32Array(rt.memory.buffer, desc + ARGMAX_BAD_WORD * 4, 1)[0] !== 0) {
    throw new Error(ARGMAX_OUTSIDE);
  }
}

/** 2×2 windows at stride 2, inside the input, no dilation (pool.ts isPlain2x2): the backward's dense pass. */
export function isPlain2x2(g: Conv2dGeometry): boolean {
  return g.kH === 2 && g.kW === 2 && g.strideH === 2 && g.strideW === 2 && g.padH === 0 && g.padW === 0 &&
    g.dilationH === 1 && g.dilationW === 1 && 2 * g.OH <= g.H && 2 * g.OW <= g.W;
}

/**
 * The words of a max-pool backward job (pool.ts maxPool2dBackwardItem) with `per` planes per
 * item; pPooled (the pool's output, for the ReLU mask in the dense pass) 0 when not given.
 */
export function maxPoolBackwardWords(pdy: number, pArgmax: number, pdx: number, py: number, g: Conv2dGeometry, per: number,
  pPooled = 0): number[] {
  return [JOB_MAX_POOL2D_BACKWARD, per, g.N * g.C, g.H * g.W, g.OH * g.OW, pdy, pArgmax, pdx, py,
    g.H, g.W, g.OH, g.OW, isPlain2x2(g) ? 1 : 0, pPooled, 0];
}

/** y = a + b (op 0), max(a, 0) (op 1), a > 0 ? b : 0·b (op 2, the ReLU backward), max(a + b, 0) (op 3) or a·b (op 4) over n floats, in ranges shared among the threads when large. */
export function elementwiseJob(rt: WasmRuntime): (op: number, a: number, b: number, y: number, n: number) => void {
  return (op, a, b, y, n) => {
    const parallel = rt.threads > 1 && n >= PARALLEL_MIN_FLOATS;
    const per = parallel ? Math.ceil(n / (rt.threads * 4 * 4)) * 4 : Math.max(1, n);
    rt.run(rt.writeJob([JOB_ELEMENTWISE, per, op, a, b, y, n]), Math.ceil(n / per), parallel);
  };
}

export function simpleWasmKernels(rt: WasmRuntime): SimpleKernels {
  const elementwise = elementwiseJob(rt);

  /** Runs a batch-norm pass over [N, C, S] (its descriptor words), the channels shared among the threads when large. */
  function channelJob(kind: number, dims: readonly [number, number, number], words: readonly number[]): void {
    const [N, C, S] = dims;
    const parallel = rt.threads > 1 && C > 1 && N * C * S >= PARALLEL_MIN_FLOATS;
    const per = parallel ? Math.ceil(C / (rt.threads * 4)) : Math.max(1, C); // a few items per thread: a descheduled one holds less up
    rt.run(rt.writeJob([kind, per, ...dims, ...words]), Math.ceil(C / per), parallel);
  }

  const out = (ptr: number, shape: readonly number[], size: number): Tensor => new Tensor(rt.take(ptr, size), shape);
  const input = (t: Tensor): number => rt.input(t.data as Float32Array);

  function batchNormStats(x: Tensor): BatchNormStats {
    const dims = channelDims(x);
    if (!dims || !isFloat32(x)) return refKernels.batchNormStats(x);
    const C = dims[1];
    rt.reset();
    const pMean = rt.keep(C * 4), pVariance = rt.keep(C * 4);
    const px = input(x);
    channelJob(JOB_BATCH_NORM_STATS, dims, [px, pMean, pVariance, rt.alloc(C * 16)]); // float64 sums a channel
    return { mean: out(pMean, [C], C), variance: out(pVariance, [C], C) };
  }

  function batchNormForward(x: Tensor, mean: Tensor, invStd: Tensor, gamma: Tensor, beta: Tensor, options: EpilogueOptions = {}): Tensor {
    const dims = channelDims(x);
    if (!dims || !isFloat32(x, mean, invStd, gamma, beta) || !hasChannels(dims[1], mean, invStd, gamma, beta)) {
      return refKernels.batchNormForward(x, mean, invStd, gamma, beta, options);
    }
    rt.reset();
    const py = rt.keep(x.size * 4);
    const px = input(x);
    const vectors = [mean, invStd, gamma, beta].map(input);
    channelJob(JOB_BATCH_NORM_FORWARD, dims, [px, ...vectors, py, options.relu ? 1 : 0]); // ReLU in the same pass
    return out(py, x.shape, x.size);
  }

  function batchNormBackward(
    dy: Tensor, x: Tensor, mean: Tensor, invStd: Tensor, gamma: Tensor, dGamma: Tensor, dBeta: Tensor,
    reluOutput: Tensor | null = null,
  ): Tensor {
    const dims = channelDims(dy);
    const y = reluOutput;
    if (!dims || !isFloat32(dy, x, mean, invStd, gamma, dGamma, dBeta, ...(y ? [y] : [])) || x.size !== dy.size ||
      (y && y.size !== dy.size) || !hasChannels(dims[1], mean, invStd, gamma, dGamma, dBeta)) {
      return refKernels.batchNormBackward(dy, x, mean, invStd, gamma, dGamma, dBeta, reluOutput);
    }
    const C = dims[1];
    rt.reset();
    const pdx = rt.keep(dy.size * 4);
    const pdy = input(dy), px = input(x);
    const py = y ? input(y) : 0; // dy ⊙ [y > 0] inside the job, into dx's planes
    const [pMean, pInvStd, pGamma] = [mean, invStd, gamma].map(input);
    const [pdGamma, pdBeta] = [dGamma, dBeta].map((v) => rt.inOut(v.data as Float32Array));
    channelJob(JOB_BATCH_NORM_BACKWARD, dims, [pdy, px, pMean, pInvStd, pGamma, pdGamma, pdBeta, pdx, py, rt.alloc(C * 16)]);
    rt.writeBack(dGamma.data as Float32Array, pdGamma);
    rt.writeBack(dBeta.data as Float32Array, pdBeta);
    return out(pdx, dy.shape, dy.size);
  }

  function addBias(y: Tensor, b: Tensor, options: EpilogueOptions = {}): void {
    if (y.rank < 2 || !isFloat32(y, b) || !hasChannels(y.shape[1], b)) return refKernels.addBias(y, b, options);
    const [N, C] = y.shape;
    rt.reset();
    const inPlace = rt.holds(y.data as Float32Array); // a frame's view: worked on where it lies
    const py = inPlace ? y.data.byteOffset : rt.put(y.data as Float32Array), pb = input(b);
    rt.exports.addBiasSimd(py, pb, N, C, y.size / (N * C || 1));
    if (options.relu) rt.exports.reluSimd(py, py, y.size);
    if (!inPlace) (y.data as Float32Array).set(rt.f32(py, y.size));
  }

  function addChannelSums(dy: Tensor, sums: Tensor): void {
    if (dy.rank < 2 || !isFloat32(dy, sums) || !hasChannels(dy.shape[1], sums)) return refKernels.addChannelSums(dy, sums);
    const [N, C] = dy.shape;
    rt.reset();
    const pdy = input(dy), pOut = rt.inOut(sums.data as Float32Array);
    rt.exports.addChannelSumsSimd(pdy, pOut, rt.alloc(C * 8), N, C, dy.size / (N * C || 1));
    rt.writeBack(sums.data as Float32Array, pOut);
  }

  function add(a: Tensor, b: Tensor, options: EpilogueOptions = {}): Tensor {
    if (!isFloat32(a, b) || a.size !== b.size) return refKernels.add(a, b, options);
    rt.reset();
    const py = rt.keep(a.size * 4);
    elementwise(options.relu ? 3 : 0, input(a), input(b), py, a.size); // 3: the sum, then max(·, 0), in one pass
    return out(py, a.shape, a.size);
  }

  function mul(a: Tensor, b: Tensor): Tensor {
    if (!isFloat32(a, b) || a.rank !== b.rank || a.shape.some((d, i) => d !== b.shape[i])) return refKernels.mul(a, b);
    rt.reset();
    const py = rt.keep(a.size * 4);
    elementwise(4, input(a), input(b), py, a.size);
    return out(py, a.shape, a.size);
  }

  /**
   * The reference's loss (ref/softmax.ts) in one wasm pass; the divisor (Σ w[t] over the targets
   * kept, their count, or 1 for 'sum') is summed here first, in the reference's order, so the
   * gradient is divided in the same pass. Targets outside [0, K) that are not ignored, float64
   * tensors and bad shapes go to the reference kernel (its results, its errors). From 65,536
   * logits on, ranges of samples are items of a job shared with the workers; the loss is then the
   * sum of the items' float64 sums (the gradient's bits are the same either way).
   */
  function softmaxCrossEntropy(logits: Tensor, targets: Int32Array, options: CrossEntropyOptions): LossResult {
    const weight = options.weight;
    if (logits.rank < 2 || !isFloat32(logits, ...(weight ? [weight] : []))) return refKernels.softmaxCrossEntropy(logits, targets, options);
    const [N, K] = logits.shape;
    const S = logits.size / Math.max(N * K, 1);
    if (targets.length !== N * S || (weight && weight.size !== K)) return refKernels.softmaxCrossEntropy(logits, targets, options);
    const ignore = options.ignoreIndex ?? null;
    let divisor = options.reduction === 'sum' ? 1 : 0;
    for (let i = 0; i < targets.length; i++) {
      const t = targets[i];
      if (t === ignore) continue;
      if (!(t >= 0 && t < K)) return refKernels.softmaxCrossEntropy(logits, targets, options);
      if (options.reduction === 'mean') divisor += weight ? weight.data[t] : 1;
    }
    rt.reset();
    const pGrad = rt.keep(logits.size * 4);
    const pz = input(logits), pTargets = rt.inputInt32(targets), pWeight = weight ? input(weight) : 0;
    const eps = options.labelSmoothing, hasIgnore = ignore === null ? 0 : 1;
    let total = 0;
    if (N > 1 && logits.size >= PARALLEL_MIN_FLOATS) {
      // Ranges of samples (a U-Net's per-pixel loss): a split fixed by the shape alone, so the
      // loss's sum of the items' partial sums is the same on any number of threads.
      const per = Math.max(1, Math.ceil(CROSS_ENTROPY_ITEM_FLOATS / (K * S))), items = Math.ceil(N / per);
      const pParams = rt.alloc(16), pLogP = rt.alloc(K * 16 * rt.threads), pPartials = rt.alloc(items * 8);
      new Float64Array(rt.memory.buffer, pParams, 2).set([eps, divisor]);
      rt.run(rt.writeJob([JOB_SOFTMAX_CROSS_ENTROPY, per, pz, pTargets, pWeight, N, K, S, ignore ?? 0, hasIgnore, pGrad, pParams,
        pLogP, pPartials]), items, rt.threads > 1);
      for (const partial of new Float64Array(rt.memory.buffer, pPartials, items)) total += partial; // in item order
    } else {
      const pOut = rt.alloc(8), pLogP = rt.alloc(K * 16);
      rt.exports.softmaxCrossEntropyF64(pz, pTargets, pWeight, N, K, S, eps, ignore ?? 0, hasIgnore, divisor, pGrad, pLogP, pOut);
      total = new Float64Array(rt.memory.buffer, pOut, 1)[0];
    }
    return { loss: total / divisor, grad: out(pGrad, logits.shape, logits.size) };
  }

  /** Row-wise softmax of [N, K] (a classifier's probabilities) in float64, on the calling thread. */
  function softmax(x: Tensor): Tensor {
    if (x.rank !== 2 || !isFloat32(x)) return refKernels.softmax(x); // its error names a bad rank
    rt.reset();
    const pp = rt.keep(x.size * 4);
    rt.exports.softmaxRowsF64(input(x), pp, x.shape[0], x.shape[1]);
    return out(pp, x.shape, x.size);
  }

  /** Mean squared error (a regression's loss) in float64 in the reference's order: its loss and gradient, bit for bit. */
  function mse(prediction: Tensor, target: Tensor, reduction: 'mean' | 'sum'): LossResult {
    const same = prediction.rank === target.rank && prediction.shape.every((d, i) => d === target.shape[i]);
    if (!same || !isFloat32(prediction, target)) return refKernels.mse(prediction, target, reduction); // its error names the shapes
    const divisor = reduction === 'mean' ? prediction.size : 1;
    rt.reset();
    const pGrad = rt.keep(prediction.size * 4);
    const pOut = rt.alloc(8);
    rt.exports.mseF64(input(prediction), input(target), pGrad, prediction.size, divisor, pOut);
    const total = new Float64Array(rt.memory.buffer, pOut, 1)[0];
    return { loss: total / divisor, grad: out(pGrad, prediction.shape, prediction.size) };
  }

  function maxPool2dBackward(dy: Tensor, argmax: Int32Array, g: Conv2dGeometry): Tensor {
    checkPoolBackwardSizes(dy, argmax, g);
    if (!isFloat32(dy)) return refKernels.maxPool2dBackward(dy, argmax, g);
    const dxSize = g.N * g.C * g.H * g.W;
    rt.reset();
    const pdx = rt.keep(dxSize * 4); // the job zeroes it, plane by plane
    maxPoolBackwardJob(rt, input(dy), rt.inputInt32(argmax), pdx, 0, g);
    return out(pdx, [g.N, g.C, g.H, g.W], dxSize);
  }

  return { batchNormStats, batchNormForward, batchNormBackward, addBias, addChannelSums, add, mul, maxPool2dBackward, softmaxCrossEntropy,
    softmax, mse };
}
