// SPDX-License-Identifier: MIT
// The wasm backend: the Kernels interface over nabla.wasm. GEMM and convolution (forward and
// backward: im2col + GEMM, or Winograd F(4×4, 3×3) / F(2×2, 3×3) for 3×3 stride-1 convolutions with enough
// channels, assembly/winograd.ts) run in wasm, split across threads when the work is large enough
// (always the same way for the same shapes and thread count, so runs are bit-identical), as do
// transposed convolution (the convolution's dx alone) and max pooling forward and backward (by
// planes); batch norm and Add/ReLU passes are threaded too (kernels-simple.ts). Adaptive (global)
// average pooling, group/layer normalisation, every activation,
// bias, upsampling (kernels-upsample.ts), the fused softmax + cross-entropy
// (in float64) and the SGD and Adam updates (kernels-optim.ts) run in wasm on the calling thread,
// the element-wise product (dropout) threaded when large; every other kernel, and every float64
// call, is the reference kernel (they do not show in the profiles of docs/performance.md).
// Outside a frame each call copies its inputs into the arena, runs and copies the results out, so
// tensors stay plain Float32Arrays; inside one (runtime.ts) outputs stay in the arena as views.
import type { Activation, ConvGrads, EpilogueOptions, LinearGrads, GroupNormResult, GroupNormView, Kernels, MatmulOptions, MaxPoolResult } from '../backend.js';
import type { Conv2dGeometry } from '../geometry.js';
import { refKernels } from '../ref/index.js';
import { Tensor } from '../../tensor/tensor.js';
import { WasmRuntime, type WasmRuntimeOptions } from './runtime.js';
import { checkArgmax, elementwiseJob, isPlain2x2, maxPoolBackwardJob, maxPoolBackwardWords, planesPerItem, simpleWasmKernels } from './kernels-simple.js';
import { optimWasmKernels } from './kernels-optim.js';
import { copyWasmKernels } from './kernels-copy.js';
import { broadcastWasmKernels } from './kernels-broadcast.js';
import { avgPoolWasmKernels } from './kernels-avg-pool.js';
import { upsampleWasmKernels } from './kernels-upsample.js';

/** Job kinds, as in assembly/index.ts. */
const JOB_GEMM = 1;
const JOB_CONV2D_FORWARD = 2;
const JOB_CONV2D_BACKWARD = 3;
const JOB_MAX_POOL2D = 4;
const JOB_GEMM_PACK = 9;
const JOB_WINOGRAD_KERNELS = 10;
const JOB_CONV_DEPTHWISE_FORWARD = 17;
const JOB_CONV_DEPTHWISE_BACKWARD = 18;
const JOB_TRANSCENDENTAL = 19;
/** Floats from which an activation with e^x (SiLU, sigmoid, GELU…) is shared with the workers: some 20 operations a float. */
const TRANSCENDENTAL_PARALLEL_MIN = 1 << 15;
/**
 * Multiply-adds below which a job stays on the calling thread: waking a worker costs tens of
 * microseconds, about what 2^18 multiply-adds take on one core.
 */
const PARALLEL_MIN_WORK = 1 << 18;
/**
 * Multiply-adds from which a threaded GEMM packs its shared operand once (packWhole) rather than
 * in every item: below, the extra job (tens of microseconds) costs more than the repeated packing
 * (on 2 threads, 192³ ran 8% slower with it, 256³ 8% faster).
 */
const SHARED_PACK_MIN_WORK = 1 << 23;
/** Floats of per-piece dW partials a convolution backward pass may use (32 MiB) before it cuts fewer pieces. */
const PARTIALS_MAX_FLOATS = 1 << 23;

/**
 * Output tiles a Winograd item's GEMMs should see at least, by algorithm word (F(2×2), stride 2,
 * F(4×4)): samples with fewer are grouped, so that the GEMMs' rows are wide enough, yet the
 * transformed inputs and outputs of a group ((m + 2)² or 25 · (Cin + Cout) floats per tile) stay in
 * cache. F(4×4): 32 measured best for the resnet preset (W5, bench/ab.ts: 1.11× over F(2×2) at 1
 * thread with 32, 1.09× with 96, 1.00× with 384). Stride 2: 48 and 32 each 1.01× over 96 at 1 and 2
 * threads, 192 0.99× (AMD EPYC Zen 4).
 */
const WINOGRAD_MIN_TILES = { 2: 96, 3: 48, 4: 32 } as const;
/**
 * Where im2col's GEMM takes several samples (batchSamples), a 3×3 convolution goes by Winograd
 * only from this many F(2×2) tiles in the whole batch (stride 1; a batch's 2×2 output tiles at
 * stride 2): below, its transformed kernels ((m + 2)² · Cin · Cout floats, made every call) cost
 * more than its GEMMs save. Measured (batch-ab scratch, 1 thread, forward + backward): 8 × 512 ×
 * 4 × 4 (32 tiles) 43.6 ms by im2col against 46.4 by F(2×2), 2 × 256 × 7 × 7 (32) 8.3 against 9.4,
 * but 4 × 256 × 7 × 7 (64) 15.8 against 14.4; stride 2, 8 × 128 × 14 × 14 (128 tiles) 15.1
 * against 17.4 by the stride-2 algorithm, 8 × 64 × 28 × 28 (392) 15.1 against 14.5. F(4×4) (36
 * transformed positions to F(2×2)'s 16) takes over from F(2×2) from 64 of its own tiles, whatever
 * batchSamples: 8 × 256 × 7 × 7 (32 of them) 22.9 ms by F(2×2) against 24.5 at 1 thread, 13.4
 * against 16.9 at 2; 16 × 256 × 7 × 7 (64) 40.1 against 38.4 and 23.7 against 23.4; 8 × 128 ×
 * 14 × 14 (128) 17.0 against 14.0 (scratch f2f4, forward + backward, medians of 10).
 */
const WINOGRAD_MIN_BATCH_TILES = { f2: 48, s2: 256, f4: 64 } as const;
/**
 * The algorithm word of the stride-2 Winograd convolution (assembly/winograd-s2.ts: 2×2 outputs a
 * tile from 5×5 inputs, 25 multiplies for direct convolution's 36), beside F(2×2) and F(4×4)'s 2 and 4.
 */
const WINOGRAD_S2 = 3;
/** A convolution's pass, for the choice of its algorithm: y, ∂L/∂x or ∂L/∂w. */
type ConvPass = 'forward' | 'dx' | 'dW';
/** Input and output channels from which a 3×3 stride-1 convolution goes by Winograd (below, its GEMMs are too thin to gain). */
const WINOGRAD_MIN_CHANNELS = 16;

export interface WasmKernelOptions extends WasmRuntimeOptions {
  /**
   * false: every convolution by im2col + GEMM. Default true: 3×3 stride-1 convolutions with
   * enough channels go by Winograd (forward, input and weight gradient; assembly/winograd.ts),
   * F(4×4, 3×3) or F(2×2, 3×3), whichever needs fewer multiplies for the output's size; 2 or 4
   * fixes F(2×2) or F(4×4) for every such convolution (the tests run both). 3×3 stride-2
   * convolutions with enough channels go by the stride-2 algorithm of assembly/winograd-s2.ts
   * in the forward pass and the input gradient (their weight gradient by im2col) unless this is false.
   */
  winograd?: boolean | 2 | 4;
  /**
   * false: convolutions of few input channels by im2col + GEMM too. Default true: stride-1,
   * undilated, ungrouped convolutions of at most DIRECT_MAX_CHANNELS input channels (a network's
   * first layer) go by assembly/conv-direct.ts in the weight gradient and, from
   * DIRECT_MIN_TAPS_FORWARD taps C·kH·kW, in the forward pass (im2col's bits when C·kH·kW ≤ 256).
   */
  direct?: boolean;
  /**
   * false: every im2col convolution one sample per GEMM. Default true: a one-group convolution
   * of small maps runs several samples' columns as one GEMM, forward and for dx (BATCH_COLUMNS):
   * the same bits.
   */
  batchSamples?: boolean;
}

/** Input channels up to which a stride-1 convolution goes by the direct path (conv-direct.ts). */
const DIRECT_MAX_CHANNELS = 4;
/** Taps (C·kH·kW) from which its forward pass goes by it too (the weight gradient always does). */
const DIRECT_MIN_TAPS_FORWARD = 16;
/**
 * Columns an im2col GEMM should have: a one-group convolution whose maps have fewer outputs
 * (OH·OW) runs several samples' columns as one GEMM, forward and for dx (conv2dForwardBatch,
 * conv2dBackwardDxBatch), so that w is read once for them rather than once a sample (bench, 1
 * thread: resnet18's 4×4-map 512 → 512 layer, batch 8, forward 16.5 → 12.4 ms by GEMM shape).
 */
const BATCH_COLUMNS = 128;

export interface WasmKernels extends Kernels {
  readonly runtime: WasmRuntime;
  /** Stops the worker threads (optional: they never keep Node alive). */
  close(): void;
}

function isFloat32(...tensors: readonly (Tensor | null | undefined)[]): boolean {
  return tensors.every((t) => !t || t.data instanceof Float32Array);
}

/**
 * db[oc] += Σ_{oh, ow} dy[n, oc, oh, ow] for n = 0, 1, …: the per-sample sums (float64, from
 * wasm) are added one sample at a time in the reference's order, so a bias gradient that is zero
 * in exact arithmetic (a conv before batch norm) rounds the same way on both backends.
 */
function addSampleSums(sums: Float64Array, db: Float32Array, N: number, outC: number): void {
  for (let n = 0; n < N; n++) for (let oc = 0; oc < outC; oc++) db[oc] += sums[n * outC + oc];
}

/** A depthwise convolution: one input channel a group (each with outC / C kernels), more than one group. */
function isDepthwise(g: Conv2dGeometry): boolean {
  return g.groups > 1 && g.groups === g.C;
}

function geometryWords(g: Conv2dGeometry): number[] {
  return [g.N, g.C, g.H, g.W, g.outC, g.kH, g.kW, g.strideH, g.strideW, g.padH, g.padW, g.dilationH, g.dilationW,
    g.groups, g.OH, g.OW];
}

/** Loads nabla.wasm (and its workers) and returns the backend. Throws when wasm SIMD is unavailable. */
export async function createWasmKernels(options: WasmKernelOptions = {}): Promise<WasmKernels> {
  const rt = await WasmRuntime.create(options);
  const winogradOption = options.winograd ?? true;
  const winogradOn = winogradOption !== false;
  const directOn = options.direct ?? true;
  const batchOn = options.batchSamples ?? true;
  const gemmScratch = rt.exports.gemmScratchBytes();
  const elementwise = elementwiseJob(rt);

  function matmul(a: Tensor, b: Tensor, options: MatmulOptions = {}): Tensor {
    if (!isFloat32(a, b, options.out) || a.rank !== 2 || b.rank !== 2) return refKernels.matmul(a, b, options);
    const transA = options.transA ?? false;
    const transB = options.transB ?? false;
    const [M, K] = transA ? [a.shape[1], a.shape[0]] : [a.shape[0], a.shape[1]];
    const [Kb, N] = transB ? [b.shape[1], b.shape[0]] : [b.shape[0], b.shape[1]];
    const out = options.out;
    // Bad shapes get the reference kernel's error messages.
    if (K !== Kb || (out && (out.rank !== 2 || out.shape[0] !== M || out.shape[1] !== N))) {
      return refKernels.matmul(a, b, options);
    }
    if (options.accumulate && !out) throw new Error('matmul: accumulate needs an out tensor');
    const accumulate = options.accumulate ?? false;
    rt.reset();
    // An out that is a frame's view is worked on where it lies; else C is copied back into it.
    const inPlace = out !== undefined && rt.holds(out.data as Float32Array);
    const pc = inPlace ? out.data.byteOffset : accumulate ? rt.put(out!.data as Float32Array) : rt.keep(M * N * 4);
    const pa = rt.input(a.data as Float32Array);
    const pb = rt.input(b.data as Float32Array);
    gemmInArena(pa, pb, pc, M, N, K, transA, transB, accumulate);
    if (!out) return new Tensor(rt.take(pc, M * N), [M, N]);
    if (!inPlace) (out.data as Float32Array).set(rt.f32(pc, M * N));
    return out;
  }

  /**
   * C (=|+=) op(A)·op(B) on operands already in the arena (row-major, no padding), split over
   * threads when large. Every item of a split needs the whole of one operand (op(B) when split by
   * rows, op(A) by columns); above SHARED_PACK_MIN_WORK that operand is packed once, as a job of
   * its own, and the items read it, instead of each packing a copy.
   */
  function gemmInArena(pa: number, pb: number, pc: number, M: number, N: number, K: number,
    transA: boolean, transB: boolean, accumulate: boolean): void {
    const parallel = rt.threads > 1 && M * N * K >= PARALLEL_MIN_WORK;
    const threads = parallel ? rt.threads : 1;
    const scratch = rt.alloc(gemmScratch * threads);
    const sharedPack = parallel && M * N * K >= SHARED_PACK_MIN_WORK;
    const split = gemmSplit(M, N, threads, sharedPack);
    const packed = sharedPack && split.items > 1 ? packWhole(split.splitRows, pa, pb, M, N, K, transA, transB, threads) : 0;
    const desc = rt.writeJob([JOB_GEMM, transA ? 1 : 0, transB ? 1 : 0, M, N, K, pa, transA ? M : K, pb,
      transB ? K : N, pc, N, accumulate ? 1 : 0, scratch, gemmScratch, split.splitRows ? 1 : 0, split.items, packed]);
    rt.run(desc, split.items, parallel);
  }

  /**
   * Packs op(B) (ofB) or op(A) whole into the arena, in parallel, about four items of panels per
   * thread; returns where (the layout of packBPanels / packAPanels in assembly/gemm.ts).
   */
  function packWhole(ofB: boolean, pa: number, pb: number, M: number, N: number, K: number,
    transA: boolean, transB: boolean, threads: number): number {
    const tile = ofB ? rt.exports.tileCols() : rt.exports.tileRows();
    const size = ofB ? N : M;
    const panels = Math.ceil(size / tile);
    const packed = rt.alloc(panels * tile * K * 4);
    const per = Math.ceil(panels / (threads * 4));
    const desc = ofB
      ? rt.writeJob([JOB_GEMM_PACK, 1, transB ? 1 : 0, pb, transB ? K : N, N, K, packed, per])
      : rt.writeJob([JOB_GEMM_PACK, 0, transA ? 1 : 0, pa, transA ? M : K, M, K, packed, per]);
    rt.run(desc, Math.ceil(panels / per), true);
    return packed;
  }

  /** Whether x [N, in], W [in, out] and every [N, out] / [out] tensor given are float32 of matching shapes. */
  function linearFits(x: Tensor, w: Tensor, rows: readonly (Tensor | null | undefined)[], vectors: readonly (Tensor | null)[]): boolean {
    if (x.rank !== 2 || w.rank !== 2 || x.shape[1] !== w.shape[0] || !isFloat32(x, w, ...rows, ...vectors)) return false;
    const [N, out] = [x.shape[0], w.shape[1]];
    return rows.every((t) => !t || (t.rank === 2 && t.shape[0] === N && t.shape[1] === out)) &&
      vectors.every((t) => !t || (t.rank === 1 && t.size === out));
  }

  /** y = x·W + b, then max(y, 0), in one arena: the GEMM, the bias pass and the ReLU of the separate kernels. */
  function linear(x: Tensor, w: Tensor, b: Tensor | null, options: EpilogueOptions = {}): Tensor {
    if (!linearFits(x, w, [], [b])) return refKernels.linear(x, w, b, options);
    const [N, inF, outF] = [x.shape[0], x.shape[1], w.shape[1]];
    rt.reset();
    const py = rt.keep(N * outF * 4);
    const px = rt.input(x.data as Float32Array), pw = rt.input(w.data as Float32Array);
    gemmInArena(px, pw, py, N, outF, inF, false, false, false); // y = x·W
    if (b) rt.exports.addBiasSimd(py, rt.input(b.data as Float32Array), N, outF, 1); // y += b
    if (options.relu) rt.exports.reluSimd(py, py, N * outF);
    return new Tensor(rt.take(py, N * outF), [N, outF]);
  }

  /** dy ⊙ [y > 0], dW += xᵀ·dy, db += Σₙ dy, dx = dy·Wᵀ with dy copied in once: the separate kernels' bits. */
  function linearBackward(x: Tensor, w: Tensor, dy: Tensor, grads: LinearGrads): Tensor | null {
    const { dW, db, needDx, reluOutput: y } = grads;
    if (!linearFits(x, w, [dy, y], [db]) || (dW && (dW.rank !== 2 || dW.shape[0] !== w.shape[0] || dW.shape[1] !== w.shape[1] ||
      !isFloat32(dW)))) {
      return refKernels.linearBackward(x, w, dy, grads);
    }
    const [N, inF, outF] = [x.shape[0], x.shape[1], w.shape[1]];
    rt.reset();
    const pdx = needDx ? rt.keep(N * inF * 4) : 0;
    const px = rt.input(x.data as Float32Array);
    const pdy = y ? rt.put(dy.data as Float32Array) : rt.input(dy.data as Float32Array); // a copy where it is masked in place
    if (y) elementwise(2, rt.input(y.data as Float32Array), pdy, pdy, dy.size); // dy ⊙ [y > 0] in place
    if (dW) { // null: a frozen weight, no GEMM
      const pdW = rt.inOut(dW.data as Float32Array);
      gemmInArena(px, pdy, pdW, inF, outF, N, true, false, true); // dW += xᵀ·dy
      rt.writeBack(dW.data as Float32Array, pdW);
    }
    if (db) {
      const pdb = rt.inOut(db.data as Float32Array);
      rt.exports.addChannelSumsSimd(pdy, pdb, rt.alloc(outF * 8), N, outF, 1); // db += Σₙ dy
      rt.writeBack(db.data as Float32Array, pdb);
    }
    if (!needDx) return null;
    const pw = rt.input(w.data as Float32Array);
    gemmInArena(pdy, pw, pdx, N, inF, outF, false, true, false); // dx = dy·Wᵀ
    return new Tensor(rt.take(pdx, N * inF), [N, inF]);
  }

  /**
   * Whether x (the convolution's input; dy for the transposed one), w and b have the sizes g
   * gives: the kernels read them by g, so any other size goes to the reference kernel, which
   * names what does not fit.
   */
  function fitsGeometry(g: Conv2dGeometry, x: Tensor, w: Tensor, b: Tensor | null, transposed = false): boolean {
    const xSize = transposed ? g.N * g.outC * g.OH * g.OW : g.N * g.C * g.H * g.W;
    return x.size === xSize && w.size === g.outC * (g.C / g.groups) * g.kH * g.kW && (!b || b.size === (transposed ? g.C : g.outC));
  }

  function conv2d(x: Tensor, w: Tensor, b: Tensor | null, g: Conv2dGeometry, options: EpilogueOptions = {}): Tensor {
    if (!isFloat32(x, w, b) || !fitsGeometry(g, x, w, b)) return refKernels.conv2d(x, w, b, g, options);
    if (isDepthwise(g)) return depthwiseConv2d(x, w, b, g, options);
    const rows = (g.C / g.groups) * g.kH * g.kW;
    const OHW = g.OH * g.OW;
    const ySize = g.N * g.outC * OHW;
    rt.reset();
    const py = rt.keep(ySize * 4);
    const parallel = rt.threads > 1 && g.N > 1 && ySize * rows >= PARALLEL_MIN_WORK;
    const threads = parallel ? rt.threads : 1;
    const group = winogradGroup(g, g.N, threads);
    const m = winogradTile(g);
    const px = rt.input(x.data as Float32Array);
    const pw = rt.input(w.data as Float32Array);
    const pb = b ? rt.input(b.data as Float32Array) : 0;
    const pu = group ? winogradKernels(pw, g, false) : 0;
    // The direct forward pass pays from about 16 taps; with fewer, im2col's columns are few and
    // the GEMM, tiled over all of a sample's outputs at once, wastes fewer lanes (bench: the 3×3
    // stems of W3 and W5, 9 taps, ran 1.3× slower direct; LeNet's 5×5, 25 taps, 1.05× faster).
    const tables = !group && g.C * g.kH * g.kW >= DIRECT_MIN_TAPS_FORWARD ? directTables(pw, g) : 0;
    const batch = !group && !tables ? im2colBatch(g, g.N, threads) : 1;
    const scratchStride = group ? rt.exports.winogradWorkBytes(g.C, g.outC, g.OH, g.OW, group, m) + gemmScratch
      : tables ? rt.exports.convDirectScratchBytes(g.C, g.OH, g.OW, g.kH, g.kW)
        : batch > 1 ? rt.exports.convBatchScratchBytes(rows, g.outC, OHW, batch) : rt.exports.convScratchBytes(rows, OHW);
    const scratch = rt.alloc(scratchStride * threads);
    const packedW = !group && !tables ? packWeightsOnce(pw, g, false, threads) : 0;
    const desc = rt.writeJob([JOB_CONV2D_FORWARD, ...geometryWords(g), px, pw, pb, py, scratch, scratchStride,
      options.relu ? 1 : 0, pu, Math.max(group, 1), m, tables, packedW, batch]);
    // One item per sample (Winograd: per group of samples; small maps by im2col: per batch of samples).
    rt.run(desc, group ? Math.ceil(g.N / group) : Math.ceil(g.N / batch), parallel);
    return new Tensor(rt.take(py, ySize), [g.N, g.outC, g.OH, g.OW]);
  }

  function conv2dBackward(
    x: Tensor, w: Tensor, dy: Tensor, g: Conv2dGeometry,
    grads: ConvGrads,
  ): Tensor | null {
    const { reluOutput: y, maxPool: pool } = grads;
    const dySize = g.N * g.outC * g.OH * g.OW; // the conv's dy (dy itself is the pool's with maxPool)
    const poolFits = !pool || (pool.argmax.length === dy.size && dy.size === pool.g.N * pool.g.C * pool.g.OH * pool.g.OW &&
      pool.g.N * pool.g.C * pool.g.H * pool.g.W === dySize);
    if (!isFloat32(x, w, dy, grads.dW, grads.db, y) || (y && y.size !== dySize) || !poolFits || !fitsGeometry(g, x, w, null) ||
      (!pool && dy.size !== dySize) || (grads.dW && grads.dW.size !== w.size) || (grads.db && grads.db.size !== g.outC)) {
      return refKernels.conv2dBackward(x, w, dy, g, grads);
    }
    if (isDepthwise(g) && !pool) return depthwiseConv2dBackward(x, w, dy, g, grads);
    const rows = (g.C / g.groups) * g.kH * g.kW;
    const OHW = g.OH * g.OW;
    const dW = grads.dW;
    const dWSize = dW ? dW.size : 0;
    rt.reset();
    const pdx = grads.needDx ? rt.keep(x.size * 4) : 0; // each sample's item zeroes its dx
    // Which gradients go by Winograd: at stride 1 both or neither, at stride 2 dx alone.
    const winogradDW = dW !== null && winogradTile(g, 'dW') !== 0;
    const winogradDx = grads.needDx && winogradTile(g, 'dx') !== 0;
    const im2colPath = !winogradDW && !winogradDx;
    const px = rt.input(x.data as Float32Array);
    const pw = rt.input(w.data as Float32Array);
    // With the pool by im2col: each sample's dy_conv[argmax] += dy_pool, ⊙ [y > 0], is made in its
    // item's scratch (poolDesc, read there while in cache; the mask from the pool's output where
    // given); by Winograd, which reads dy whole, in one threaded pass by planes first.
    const poolInItems = pool !== undefined && pool !== null && im2colPath && pool.g.N === g.N && pool.g.C === g.outC &&
      pool.g.H === g.OH && pool.g.W === g.OW;
    const pooled = poolInItems && y && isPlain2x2(pool.g) && pool.output?.data instanceof Float32Array &&
      pool.output.size === dy.size ? pool.output : null;
    const py = y && !pooled ? rt.input(y.data as Float32Array) : 0;
    // A ReLU alone, by im2col: each sample's dy ⊙ [y > 0] made in its item's scratch too.
    const reluInItems = !pool && !!y && im2colPath;
    let pdy = 0, poolDesc = 0;
    if (reluInItems) {
      pdy = rt.input(dy.data as Float32Array);
    } else if (poolInItems) {
      const words = maxPoolBackwardWords(rt.input(dy.data as Float32Array), rt.inputInt32(pool.argmax), 0, py, pool.g, 1,
        pooled ? rt.input(pooled.data as Float32Array) : 0);
      poolDesc = rt.alloc(words.length * 4);
      new Int32Array(rt.memory.buffer, poolDesc, words.length).set(words);
    } else {
      // dy is copied where it is scattered or masked in place; else read where it lies.
      pdy = pool ? rt.alloc(dySize * 4) : y ? rt.put(dy.data as Float32Array) : rt.input(dy.data as Float32Array);
      // With the pool: dy_conv[argmax] += dy_pool, then ⊙ [y > 0], in one threaded pass by planes.
      if (pool) maxPoolBackwardJob(rt, rt.input(dy.data as Float32Array), rt.inputInt32(pool.argmax), pdy, py, pool.g);
      else if (y) elementwise(2, py, pdy, pdy, dySize); // dy ⊙ [y > 0] in place
    }
    const pdW = dW ? rt.inOut(dW.data as Float32Array) : 0; // 0: a frozen weight, no dW (the job skips its im2col and GEMM)
    const parallel = rt.threads > 1 && g.N > 1 && dySize * rows >= PARALLEL_MIN_WORK;
    const threads = parallel ? rt.threads : 1;
    // Without dW the samples need no partial sums: one item per sample, as convTranspose2d runs it,
    // or by Winograd one per group of samples, so that a map of few tiles still gives its GEMMs
    // enough columns (a 7×7 map by F(4×4) has 4 tiles a sample). With dW by Winograd, one piece
    // per thread: a piece sums its weight gradient over its own tiles in the transformed domain
    // ((m + 2)² · outC · C floats, zeroed and transformed back per piece), so fewer, larger pieces
    // give its GEMMs a longer inner dimension.
    const dxGroup = !dW && winogradDx ? winogradGroup(g, g.N, threads, 'dx') : 0;
    // dx by im2col on small maps: several samples a GEMM (conv2dBackwardDxBatch), up to a piece's samples.
    const dxBatchable = grads.needDx && !winogradDx && !pool;
    const dxAlone = !dW && dxBatchable ? im2colBatch(g, g.N, threads) : 1; // without dW: items of that many samples
    const { pieces, perPiece } = dxGroup ? { pieces: Math.ceil(g.N / dxGroup), perPiece: dxGroup }
      : !dW ? { pieces: Math.ceil(g.N / dxAlone), perPiece: dxAlone } : !parallel ? { pieces: 1, perPiece: g.N }
      : winogradDW ? { pieces: Math.ceil(g.N / Math.ceil(g.N / threads)), perPiece: Math.ceil(g.N / threads) }
        : backwardPieces(g.N, dWSize, threads);
    const partials = dW ? rt.alloc(dWSize * (pieces - 1) * 4) : 0; // each piece's item zeroes its own
    // By Winograd: dx as the convolution of dy with the rotated kernels (Cout → C channels, output
    // H × W; at stride 2 the adjoint of the stride-2 algorithm), dW summed in the transformed
    // domain; `group` samples of a piece per GEMM.
    const group = winogradDW || winogradDx ? winogradGroup(g, perPiece, 1, winogradDW ? 'dW' : 'dx') : 0;
    const m = winogradTile(g, 'dx');
    const pu = winogradDx ? winogradKernels(pw, g, true) : 0;
    const dxWork = !pu ? 0 : m === WINOGRAD_S2
      ? rt.exports.winogradInputGradientWorkBytes(g.C, g.outC, g.H, g.W, g.OH, g.OW, g.padH, g.padW, group)
      : rt.exports.winogradWorkBytes(g.outC, g.C, g.H, g.W, group, m);
    // The weight gradient by the direct path: its padded planes after the im2col path's scratch.
    const tables = dW && im2colPath ? directTables(pw, g) : 0;
    const directBytes = tables ? rt.exports.convDirectScratchBytes(g.C, g.OH, g.OW, g.kH, g.kW) : 0;
    const dxBatch = dxBatchable ? im2colBatch(g, perPiece, 1) : 1;
    const scratchStride = Math.max(rt.exports.convScratchBytes(rows, OHW) + (poolDesc || reluInItems ? Math.ceil((g.outC * OHW * 4) / 64) * 64 : 0) +
      directBytes,
      dxBatch > 1 ? rt.exports.convBatchDxScratchBytes(rows, g.outC, OHW, dxBatch) : 0,
      pu ? dxWork + gemmScratch : 0,
      winogradDW ? rt.exports.winogradGradWorkBytes(g.C, g.outC, g.OH, g.OW, group, m) + gemmScratch : 0);
    const scratch = rt.alloc(scratchStride * threads);
    const pSums = grads.db ? rt.alloc(g.N * g.outC * 8) : 0;
    const packedWT = grads.needDx && !winogradDx ? packWeightsOnce(pw, g, true, threads) : 0;
    const desc = rt.writeJob([JOB_CONV2D_BACKWARD, ...geometryWords(g), px, pw, pdy, pdW, partials, pdx, scratch,
      scratchStride, pSums, perPiece, pu, Math.max(group, 1), winogradDW ? 1 : 0, poolDesc, reluInItems ? py : 0, m, tables, packedWT, dxBatch]);
    rt.run(desc, pieces, parallel); // one item per piece of samples
    if (poolDesc) checkArgmax(rt, poolDesc);
    if (dW) {
      // dW = ((dW + Σ piece 0) + Σ piece 1) + …: in piece order, whichever thread ran which piece.
      rt.exports.addPartials(pdW, partials, pieces - 1, dWSize);
      rt.writeBack(dW.data as Float32Array, pdW);
    }
    const dx = grads.needDx ? new Tensor(rt.take(pdx, x.size), x.shape) : null;
    if (grads.db) {
      const sums = new Float64Array(rt.memory.buffer, pSums, g.N * g.outC);
      addSampleSums(sums, grads.db.data as Float32Array, g.N, g.outC);
    }
    return dx;
  }

  /**
   * Samples per im2col GEMM of a one-group convolution over `samples` samples (BATCH_COLUMNS), 1
   * for maps with enough outputs of their own; at most a thread's share of them, so that every
   * thread still gets an item.
   */
  function im2colBatch(g: Conv2dGeometry, samples: number, threads: number): number {
    const OHW = g.OH * g.OW;
    if (!batchOn || g.groups !== 1 || OHW === 0 || OHW * 2 > BATCH_COLUMNS) return 1;
    return Math.max(1, Math.min(Math.ceil(BATCH_COLUMNS / OHW), Math.ceil(samples / threads)));
  }

  /**
   * The weights w [outC, rows] (or, for dx, wᵀ) of a one-group im2col convolution packed once as
   * the per-sample GEMMs' A, which each sample's GEMM would otherwise pack again: on small maps
   * packing is a large share of a GEMM of OH·OW columns. 0 (each GEMM packs its own) for one
   * sample or several groups. The same panels either way: the same bits.
   */
  function packWeightsOnce(pw: number, g: Conv2dGeometry, transposed: boolean, threads: number): number {
    if (g.N < 2 || g.groups !== 1) return 0;
    const rows = g.C * g.kH * g.kW;
    return transposed ? packWhole(false, pw, 0, rows, g.OH * g.OW, g.outC, true, false, threads)
      : packWhole(false, pw, 0, g.outC, g.OH * g.OW, rows, false, false, threads);
  }

  /** Scratch bytes a thread needs for the depthwise jobs of g. */
  function depthwiseScratch(g: Conv2dGeometry): number {
    return rt.exports.convDepthwiseScratchBytes(g.H, g.W, g.kH, g.kW, g.strideH, g.strideW, g.padH, g.padW, g.dilationH,
      g.dilationW, g.OH, g.OW, g.outC / g.C);
  }

  /** Depthwise forward (assembly/conv-depthwise.ts): output planes shared among the threads when the work is large. */
  function depthwiseConv2d(x: Tensor, w: Tensor, b: Tensor | null, g: Conv2dGeometry, options: EpilogueOptions): Tensor {
    const ySize = g.N * g.outC * g.OH * g.OW;
    rt.reset();
    const py = rt.keep(ySize * 4);
    const px = rt.input(x.data as Float32Array), pw = rt.input(w.data as Float32Array);
    const pb = b ? rt.input(b.data as Float32Array) : 0;
    const planes = g.N * g.outC;
    const parallel = rt.threads > 1 && planes > 1 && ySize * g.kH * g.kW >= PARALLEL_MIN_WORK;
    const per = parallel ? Math.ceil(planes / (rt.threads * 4)) : planes;
    const stride = depthwiseScratch(g);
    const scratch = rt.alloc(stride * (parallel ? rt.threads : 1));
    rt.run(rt.writeJob([JOB_CONV_DEPTHWISE_FORWARD, per, ...geometryWords(g), px, pw, pb, py, options.relu ? 1 : 0, scratch, stride]),
      Math.ceil(planes / per), parallel);
    return new Tensor(rt.take(py, ySize), [g.N, g.outC, g.OH, g.OW]);
  }

  /**
   * Depthwise backward: dx, dW and db's per-sample sums in one job whose items are ranges of input
   * channels over all samples (each channel's dW summed in sample order, whichever thread runs it);
   * dy ⊙ [y > 0] first when a ReLU ran in the forward epilogue.
   */
  function depthwiseConv2dBackward(x: Tensor, w: Tensor, dy: Tensor, g: Conv2dGeometry, grads: ConvGrads): Tensor | null {
    const { dW, db, reluOutput: y } = grads;
    const dySize = g.N * g.outC * g.OH * g.OW;
    rt.reset();
    const pdx = grads.needDx ? rt.keep(x.size * 4) : 0;
    const px = rt.input(x.data as Float32Array), pw = rt.input(w.data as Float32Array);
    let pdy: number;
    if (y) {
      const py = rt.input(y.data as Float32Array);
      pdy = rt.put(dy.data as Float32Array);
      elementwise(2, py, pdy, pdy, dySize); // dy ⊙ [y > 0] in place
    } else {
      pdy = rt.input(dy.data as Float32Array);
    }
    const pdW = dW ? rt.inOut(dW.data as Float32Array) : 0;
    const pSums = db ? rt.alloc(g.N * g.outC * 8) : 0;
    const parallel = rt.threads > 1 && g.C > 1 && dySize * g.kH * g.kW >= PARALLEL_MIN_WORK;
    const per = parallel ? Math.ceil(g.C / (rt.threads * 4)) : g.C;
    const stride = depthwiseScratch(g);
    const scratch = rt.alloc(stride * (parallel ? rt.threads : 1));
    rt.run(rt.writeJob([JOB_CONV_DEPTHWISE_BACKWARD, per, ...geometryWords(g), px, pw, pdy, pdW, pdx, pSums, scratch, stride]),
      Math.ceil(g.C / per), parallel);
    if (dW) rt.writeBack(dW.data as Float32Array, pdW);
    if (db) addSampleSums(new Float64Array(rt.memory.buffer, pSums, g.N * g.outC), db.data as Float32Array, g.N, g.outC);
    return grads.needDx ? new Tensor(rt.take(pdx, x.size), x.shape) : null;
  }

  /**
   * The Winograd algorithm word m that the convolution of geometry g goes by (0: none, im2col):
   * one needs a 3×3 kernel, the same stride (1 or 2) along both axes, dilation 1, one group,
   * padding ≤ 2 before each axis and enough channels. Stride 1 (forward and backward): F(4×4)
   * where its (m + 2)² multiplies per tile over the tiles that cover the output are fewer than
   * F(2×2)'s (on maps larger than about 4×4) and the batch has WINOGRAD_MIN_BATCH_TILES.f4 of its
   * tiles, else F(2×2) — but im2col below WINOGRAD_MIN_BATCH_TILES.f2 F(2×2) tiles where its GEMM
   * takes several samples — unless the backend's `winograd` option fixes m. Stride 2: WINOGRAD_S2
   * for the forward pass and the input gradient (`pass` 'forward' or 'dx') when the batch has its
   * minimum of tiles (WINOGRAD_MIN_BATCH_TILES.s2 with batchSamples), 0 for the weight gradient,
   * whatever that option's m.
   */
  function winogradTile(g: Conv2dGeometry, pass: ConvPass = 'forward'): number {
    if (!winogradOn || g.kH !== 3 || g.kW !== 3 || g.strideH !== g.strideW || g.strideH > 2 || g.dilationH !== 1 ||
      g.dilationW !== 1 || g.groups !== 1 || g.padH > 2 || g.padW > 2 || g.C < WINOGRAD_MIN_CHANNELS ||
      g.outC < WINOGRAD_MIN_CHANNELS) return 0;
    // Stride 2: the forward pass and the input gradient (the weight gradient measured slower than
    // im2col's: 25 GEMMs with a quarter of the stride-1 layer's tiles as their inner dimension).
    // The whole batch's tiles of m (outputs along each axis of a tile): below an algorithm's
    // WINOGRAD_MIN_TILES its GEMMs have too few columns to pay for the transforms (resnet18 at
    // 112×112, batch 8: a 4×4 map by F(4×4), 8 columns, 20.8 ms a forward pass, by F(2×2) 16.3;
    // a 7×7 → 4×4 stride-2 layer by WINOGRAD_S2 12.3 ms, by im2col 7.6).
    const batchTiles = (m: number): number => g.N * Math.ceil(g.OH / m) * Math.ceil(g.OW / m);
    const fewTiles = (stride: 'f2' | 's2'): boolean => batchOn && batchTiles(2) < WINOGRAD_MIN_BATCH_TILES[stride];
    if (g.strideH === 2) return pass === 'dW' || batchTiles(2) < WINOGRAD_MIN_TILES[WINOGRAD_S2] || fewTiles('s2') ? 0 : WINOGRAD_S2;
    if (winogradOption === 2 || winogradOption === 4) return winogradOption;
    if (fewTiles('f2')) return 0;
    const products = (m: number): number => (m + 2) ** 2 * Math.ceil(g.OH / m) * Math.ceil(g.OW / m);
    return products(4) < products(2) && batchTiles(4) >= WINOGRAD_MIN_BATCH_TILES.f4 ? 4 : 2;
  }

  /**
   * The direct path's tables (packed weights and tap offsets, assembly/conv-direct.ts) for the
   * convolution of geometry g with weights at pw, or 0 when g does not go by it: stride 1,
   * undilated, one group, at most DIRECT_MAX_CHANNELS input channels, a kernel larger than 1×1,
   * and output rows of at least 8 (its tiles run along a row: shorter rows would leave most
   * lanes of each idle, where im2col's GEMM tiles all of a sample's outputs at once).
   */
  function directTables(pw: number, g: Conv2dGeometry): number {
    if (!directOn || g.groups !== 1 || g.strideH !== 1 || g.strideW !== 1 || g.dilationH !== 1 || g.dilationW !== 1 ||
      g.C > DIRECT_MAX_CHANNELS || g.kH * g.kW === 1 || g.OW < 8) return 0;
    const tables = rt.alloc(rt.exports.convDirectTableBytes(g.outC, g.C, g.kH, g.kW));
    rt.exports.convDirectPrepare(pw, g.outC, g.C, g.kH, g.kW, g.OH, g.OW, tables);
    return tables;
  }

  /**
   * Whether the convolution of geometry g goes by Winograd (winogradTile) and, if so, how many
   * samples (of at most `samples`) an item's GEMMs take: enough tiles, yet one item per thread.
   */
  function winogradGroup(g: Conv2dGeometry, samples: number, threads: number, pass: ConvPass = 'forward'): number {
    const m = winogradTile(g, pass);
    if (m === 0) return 0;
    const t = m === WINOGRAD_S2 ? 2 : m; // outputs along each axis of a tile
    const tiles = Math.ceil(g.OH / t) * Math.ceil(g.OW / t);
    const most = Math.max(1, Math.ceil(samples / threads));
    let group = Math.min(Math.ceil(WINOGRAD_MIN_TILES[m as 2 | 3 | 4] / tiles), most);
    // The GEMMs' columns come in register tiles of 8 (tileCols): a few more samples where that
    // leaves fewer columns computed and dropped (a 28×28 map's 49 tiles: one sample leaves 7 of
    // 56 unused, three 5 of 152).
    const waste = (n: number): number => (Math.ceil((n * tiles) / 8) * 8 - n * tiles) / (n * tiles);
    for (let n = group + 1; n <= Math.min(most, 4 * group) && waste(group) > 0.05; n++) if (waste(n) < waste(group)) group = n;
    return Math.max(1, group);
  }

  /**
   * The Winograd transforms of the kernels at pw, written into the GEMMs' packed panels (for dx
   * with `adjoint`: the rotated kernels, C × outC), split by rows over the threads when large.
   * They live in the arena until the call returns.
   */
  function winogradKernels(pw: number, g: Conv2dGeometry, adjoint: boolean): number {
    const [rows, cols] = adjoint ? [g.C, g.outC] : [g.outC, g.C];
    const m = winogradTile(g);
    const packed = rt.alloc(rt.exports.winogradPackedBytes(rows, cols, m));
    const tile = rt.exports.tileRows();
    const rowsPad = Math.ceil(rows / tile) * tile;
    const parallel = rt.threads > 1 && rt.exports.winogradPositions(m) * rows * cols >= PARALLEL_MIN_WORK / 4;
    const per = parallel ? Math.ceil(rowsPad / tile / rt.threads) * tile : rowsPad;
    const scratch = rt.alloc(rt.exports.winogradKernelScratchBytes() * rt.threads);
    rt.run(rt.writeJob([JOB_WINOGRAD_KERNELS, pw, packed, g.outC, g.C, adjoint ? 1 : 0, per, rowsPad, m, scratch]),
      Math.ceil(rowsPad / per), parallel);
    return packed;
  }

  /**
   * Transposed convolution: the backward job of the conv of geometry g with x as its dy and no dW,
   * so only dx = col2im(w_gᵀ·x_g) runs, one sample per item; the bias is added afterwards (a SIMD
   * pass in the arena: the reference's loop over a U-Net's up-step output took 0.3–0.4 ms).
   */
  function convTranspose2d(x: Tensor, w: Tensor, b: Tensor | null, g: Conv2dGeometry): Tensor {
    if (!isFloat32(x, w, b) || !fitsGeometry(g, x, w, b, true)) return refKernels.convTranspose2d(x, w, b, g);
    const rows = (g.C / g.groups) * g.kH * g.kW;
    const OHW = g.OH * g.OW;
    const ySize = g.N * g.C * g.H * g.W;
    rt.reset();
    const py = rt.keep(ySize * 4); // each sample's item zeroes its dx (here y)
    const pw = rt.input(w.data as Float32Array);
    const px = rt.input(x.data as Float32Array);
    const parallel = rt.threads > 1 && g.N > 1 && x.size * rows >= PARALLEL_MIN_WORK;
    const threads = parallel ? rt.threads : 1;
    const batch = im2colBatch(g, g.N, threads); // small maps: several samples a GEMM
    const scratchStride = Math.max(rt.exports.convScratchBytes(rows, OHW),
      batch > 1 ? rt.exports.convBatchDxScratchBytes(rows, g.outC, OHW, batch) : 0);
    const scratch = rt.alloc(scratchStride * threads);
    const packedWT = packWeightsOnce(pw, g, true, threads); // every word the job reads is written: the block holds the last job's
    const desc = rt.writeJob([JOB_CONV2D_BACKWARD, ...geometryWords(g), 0, pw, px, 0, 0, py, scratch, scratchStride, 0, batch, 0, 1, 0, 0, 0, 0,
      0, packedWT, batch]);
    rt.run(desc, Math.ceil(g.N / batch), parallel); // one item per sample, or per batch of samples
    if (b) rt.exports.addBiasSimd(py, rt.input(b.data as Float32Array), g.N, g.C, g.H * g.W); // y[n, c, h, w] += b[c]
    return new Tensor(rt.take(py, ySize), [g.N, g.C, g.H, g.W]);
  }

  /**
   * SiLU, ELU, Mish, GELU (tanh), sigmoid, tanh, leaky ReLU, GELU (erf) and softplus: the kind
   * numbers of assembly/transcendental.ts, ELU's α, leaky ReLU's slope or softplus' β (and its
   * threshold), and whether the derivative is taken from the forward's output y (sigmoid, tanh: as
   * the reference's y(1 − y) and 1 − y²) instead of x.
   */
  function transcendental(f: Activation): { kind: number; alpha: number; threshold?: number; fromY?: boolean } | null {
    switch (f.kind) {
      case 'sigmoid':
        return { kind: 4, alpha: 0, fromY: true };
      case 'tanh':
        return { kind: 5, alpha: 0, fromY: true };
      case 'leakyRelu':
        return { kind: 6, alpha: f.negativeSlope };
      case 'gelu':
        return { kind: 7, alpha: 0 };
      case 'softplus':
        return { kind: 8, alpha: f.beta, threshold: f.threshold };
      case 'silu':
        return { kind: 0, alpha: 0 };
      case 'elu':
        return { kind: 1, alpha: f.alpha };
      case 'mish':
        return { kind: 2, alpha: 0 };
      case 'geluTanh':
        return { kind: 3, alpha: 0 };
      default:
        return null;
    }
  }

  /** The wasm forward of an activation, or null where the reference kernel runs (none of the kinds today). */
  /**
   * y = f(x) (or dx = f'(x)·dy with `backward`) over n floats by transcendental.ts, in ranges
   * shared with the workers from TRANSCENDENTAL_PARALLEL_MIN floats on (each float's value does
   * not depend on the split; only the last range has a tail, done through its 4-float scratch).
   */
  function transcendentalJob(t: { kind: number; alpha: number; threshold?: number }, backward: boolean, x: number, dy: number, y: number, n: number): void {
    const parallel = rt.threads > 1 && n >= TRANSCENDENTAL_PARALLEL_MIN;
    const per = parallel ? Math.ceil(n / (rt.threads * 4 * 4)) * 4 : Math.max(4, Math.ceil(n / 4) * 4);
    const bits = new Int32Array(new Float32Array([t.alpha, t.threshold ?? 0]).buffer);
    rt.run(rt.writeJob([JOB_TRANSCENDENTAL, per, t.kind, backward ? 1 : 0, x, dy, y, n, bits[0], bits[1], rt.alloc(16)]),
      Math.max(1, Math.ceil(n / per)), parallel);
  }

  function forwardOf(f: Activation): ((x: number, y: number, n: number) => void) | null {
    const e = rt.exports;
    const t = transcendental(f);
    if (t) return (x, y, n) => transcendentalJob(t, false, x, 0, y, n);
    switch (f.kind) {
      case 'relu':
        return (x, y, n) => elementwise(1, x, 0, y, n);
      case 'relu6':
        return e.relu6Simd;
      case 'hardsigmoid':
        return (x, y, n) => e.hardSimd(x, y, n, 0);
      case 'hardswish':
        return (x, y, n) => e.hardSimd(x, y, n, 1);
      default:
        return null;
    }
  }

  /** dx = f'(x)·dy in wasm, or null where the reference kernel runs. */
  function backwardOf(f: Activation): ((x: number, dy: number, dx: number, n: number) => void) | null {
    const e = rt.exports;
    const t = transcendental(f);
    if (t) return (x, dy, dx, n) => transcendentalJob(t, true, x, dy, dx, n);
    switch (f.kind) {
      case 'relu':
        return (x, dy, dx, n) => elementwise(2, x, dy, dx, n);
      case 'relu6':
        return e.relu6BackwardSimd;
      case 'hardsigmoid':
        return e.hardsigmoidBackwardSimd;
      case 'hardswish':
        return e.hardswishBackwardSimd;
      default:
        return null;
    }
  }

  function activation(f: Activation, x: Tensor): Tensor {
    const run = forwardOf(f);
    if (!run || !isFloat32(x)) return refKernels.activation(f, x);
    rt.reset();
    const py = rt.keep(x.size * 4);
    const px = rt.input(x.data as Float32Array);
    run(px, py, x.size);
    return new Tensor(rt.take(py, x.size), x.shape);
  }

  function activationBackward(f: Activation, x: Tensor, y: Tensor, dy: Tensor): Tensor {
    const run = backwardOf(f);
    const sameShapes = x.rank === dy.rank && x.rank === y.rank && x.shape.every((d, i) => d === dy.shape[i] && d === y.shape[i]);
    if (!run || !isFloat32(x, y, dy) || !sameShapes) return refKernels.activationBackward(f, x, y, dy); // (which refuses other shapes)
    rt.reset();
    const pdx = rt.keep(x.size * 4);
    const px = rt.input((transcendental(f)?.fromY ? y : x).data as Float32Array); // sigmoid, tanh: f' from y
    const pdy = rt.input(dy.data as Float32Array);
    run(px, pdy, pdx, x.size);
    return new Tensor(rt.take(pdx, x.size), x.shape);
  }

  function maxPool2d(x: Tensor, g: Conv2dGeometry): MaxPoolResult {
    if (!isFloat32(x) || x.size !== g.N * g.C * g.H * g.W) return refKernels.maxPool2d(x, g); // (which refuses the size)
    const ySize = g.N * g.C * g.OH * g.OW;
    rt.reset();
    const py = rt.keep(ySize * 4);
    const pArgmax = rt.keep(ySize * 4); // kept too: the backward pass reads it where it lies
    const px = rt.input(x.data as Float32Array);
    const planes = g.N * g.C;
    const { per, items, parallel } = planesPerItem(rt, planes, planes * g.H * g.W);
    rt.run(rt.writeJob([JOB_MAX_POOL2D, ...geometryWords(g), px, py, pArgmax, per]), items, parallel);
    const y = new Tensor(rt.take(py, ySize), [g.N, g.C, g.OH, g.OW]);
    return { y, argmax: rt.takeInt32(pArgmax, ySize) };
  }

  /**
   * Adaptive (and, at 1×1, global) average pooling on the calling thread: a memory-bound pass
   * that costs about what copying x into the arena does, so splitting it over threads would
   * save little of a step.
   */
  function adaptiveAvgPool2d(x: Tensor, outH: number, outW: number): Tensor {
    if (!isFloat32(x) || x.rank !== 4) return refKernels.adaptiveAvgPool2d(x, outH, outW);
    const [N, C, H, W] = x.shape;
    const ySize = N * C * outH * outW;
    rt.reset();
    const py = rt.keep(ySize * 4);
    const px = rt.input(x.data as Float32Array);
    rt.exports.adaptiveAvgPool2dPlanes(rt.writeJob([N * C, H, W, outH, outW, px, py]));
    return new Tensor(rt.take(py, ySize), [N, C, outH, outW]);
  }

  function adaptiveAvgPool2dBackward(dy: Tensor, inputShape: readonly number[]): Tensor {
    if (!isFloat32(dy) || dy.rank !== 4 || inputShape.length !== 4 || dy.shape[0] !== inputShape[0] || dy.shape[1] !== inputShape[1]) {
      return refKernels.adaptiveAvgPool2dBackward(dy, inputShape); // (which refuses a dy that is not of this input)
    }
    const [N, C, H, W] = inputShape;
    const [outH, outW] = [dy.shape[2], dy.shape[3]];
    const dxSize = N * C * H * W;
    rt.reset();
    const pdx = outH === 1 && outW === 1 ? rt.keep(dxSize * 4) : rt.keepZeros(dxSize); // 1×1 writes every entry
    const pdy = rt.input(dy.data as Float32Array);
    rt.exports.adaptiveAvgPool2dBackwardPlanes(rt.writeJob([N * C, H, W, outH, outW, pdy, pdx]));
    return new Tensor(rt.take(pdx, dxSize), [N, C, H, W]);
  }

  /**
   * Group (and layer) normalisation on the calling thread: two memory-bound passes over x (three
   * backward), about what copying into the arena costs. Views the reference would refuse (sizes
   * that do not fit) go to it for its message.
   */
  function groupNormFits(x: Tensor, view: GroupNormView, ...perChannel: Tensor[]): boolean {
    const { N, C, S, groups } = view;
    return groups >= 1 && C % groups === 0 && x.size === N * C * S && perChannel.every((t) => t.size === C);
  }

  function groupNormForward(x: Tensor, view: GroupNormView, eps: number, gamma: Tensor, beta: Tensor): GroupNormResult {
    if (!isFloat32(x, gamma, beta) || !groupNormFits(x, view, gamma, beta)) return refKernels.groupNormForward(x, view, eps, gamma, beta);
    const blocks = view.N * view.groups;
    rt.reset();
    const py = rt.keep(x.size * 4);
    const pXHat = rt.keep(x.size * 4);
    const pInvStd = rt.keep(blocks * 4);
    const px = rt.input(x.data as Float32Array);
    const pGamma = rt.input(gamma.data as Float32Array);
    const pBeta = rt.input(beta.data as Float32Array);
    rt.exports.groupNormForwardBlocks(rt.writeJob([view.N, view.C, view.S, view.groups, px, pGamma, pBeta, py, pXHat, pInvStd]), eps);
    return {
      y: new Tensor(rt.take(py, x.size), x.shape),
      xHat: new Tensor(rt.take(pXHat, x.size), x.shape),
      invStd: new Tensor(rt.take(pInvStd, blocks), [blocks]),
    };
  }

  function groupNormBackward(
    dy: Tensor, xHat: Tensor, invStd: Tensor, view: GroupNormView, gamma: Tensor, dGamma: Tensor, dBeta: Tensor,
  ): Tensor {
    const fits = groupNormFits(dy, view, gamma, dGamma, dBeta) && xHat.size === dy.size && invStd.size === view.N * view.groups;
    if (!isFloat32(dy, xHat, invStd, gamma, dGamma, dBeta) || !fits) {
      return refKernels.groupNormBackward(dy, xHat, invStd, view, gamma, dGamma, dBeta);
    }
    const C = view.C;
    rt.reset();
    const pdx = rt.keep(dy.size * 4);
    const pdy = rt.input(dy.data as Float32Array);
    const pXHat = rt.input(xHat.data as Float32Array);
    const pInvStd = rt.input(invStd.data as Float32Array);
    const pGamma = rt.input(gamma.data as Float32Array);
    const pSums = rt.zeros(4 * C); // two float64 arrays of C: Σ dy⊙xHat, Σ dy
    rt.exports.groupNormBackwardBlocks(rt.writeJob([view.N, C, view.S, view.groups, pdy, pXHat, pInvStd, pGamma, pdx, pSums, pSums + 8 * C]));
    const sums = new Float64Array(rt.memory.buffer, pSums, 2 * C);
    for (let c = 0; c < C; c++) {
      dGamma.data[c] += sums[c]; // one rounding of the float64 sum, as the reference
      dBeta.data[c] += sums[C + c];
    }
    return new Tensor(rt.take(pdx, dy.size), dy.shape);
  }

  /**
   * How a parallel convolution backward pass is cut into items: `pieces` runs of `perPiece`
   * consecutive samples (the last may be shorter), each summing its samples' dW into a buffer of
   * its own, so the rounding of dW depends only on N, the weight size and the thread count, not on
   * which thread claims which piece. About four pieces per thread (a thread that runs late leaves
   * little behind), fewer when the partial buffers would pass PARTIALS_MAX_FLOATS, never fewer
   * than one per thread.
   */
  function backwardPieces(N: number, dWSize: number, threads: number): { pieces: number; perPiece: number } {
    const byMemory = 1 + Math.floor(PARTIALS_MAX_FLOATS / Math.max(dWSize, 1));
    const wanted = Math.min(N, Math.max(threads, Math.min(threads * 4, byMemory)));
    const perPiece = Math.ceil(N / wanted);
    return { pieces: Math.ceil(N / perPiece), perPiece };
  }

  /**
   * How a GEMM is cut into items: the register tiles of the larger of M and N, shared out evenly
   * (assembly/index.ts), two items per thread (a thread that runs late leaves half its share to
   * the other; four per thread cut each item's row block into an MC block and a sliver, and
   * measured 3% slower at n = 1024 on 2 threads, bench/ab.ts). Items that pack the other operand each (not sharedPack) get at least 8 tiles, so
   * re-packing it per item costs no more than ~2% of the item's work; with fewer than two such
   * items a thread, one item a thread of at least 4 tiles (LeNet-5's 400 → 120 layer: 15 column
   * tiles, which ran on one thread: its three forward GEMMs 0.22 → 0.17 ms on 2 threads).
   */
  function gemmSplit(M: number, N: number, threads: number, sharedPack: boolean): { splitRows: boolean; items: number } {
    const splitRows = M >= N;
    const tiles = Math.ceil((splitRows ? M : N) / (splitRows ? rt.exports.tileRows() : rt.exports.tileCols()));
    const minTiles = sharedPack ? 1 : 8;
    if (threads === 1) return { splitRows, items: 1 };
    const items = Math.min(threads * 2, Math.floor(tiles / minTiles));
    return { splitRows, items: items >= threads ? items : tiles >= threads * 4 ? threads : 1 };
  }

  function keepResident(tensors: readonly Tensor[]): void {
    for (const t of tensors) {
      if (!(t.data instanceof Float32Array) || rt.isResident(t.data)) continue;
      const view = rt.residentArray(t.size);
      if (!view) return; // inside a frame, or private memory: nothing can move now
      t.relocate(view);
    }
  }

  const wasmKernels: WasmKernels = {
    ...refKernels,
    ...simpleWasmKernels(rt),
    ...optimWasmKernels(rt),
    ...upsampleWasmKernels(rt),
    ...copyWasmKernels(rt),
    ...broadcastWasmKernels(rt),
    ...avgPoolWasmKernels(rt),
    activation,
    activationBackward,
    maxPool2d,
    name: `wasm (${rt.variant}, ${rt.threads} thread${rt.threads === 1 ? '' : 's'}${winogradOption === true ? '' :
      winogradOption === false ? ', no Winograd' : `, Winograd F(${winogradOption}×${winogradOption}) only`})`,
    runtime: rt,
    matmul,
    linear,
    linearBackward,
    conv2d,
    conv2dBackward,
    convTranspose2d,
    close: () => rt.close(),
    frame: (fn) => rt.frame(fn),
    keepResident,
    release: (dead, live) => {
      if (!rt.inFrame) return;
      const views = dead.flatMap((t) => (t.data instanceof Float32Array ? [t.data] : []));
      if (views.length > 0) rt.release(views, live.map((t) => t.data));
    },
    adaptiveAvgPool2d,
    adaptiveAvgPool2dBackward,
    groupNormForward,
    groupNormBackward,
  };
  // The kernels left to the reference (im2col, col2im, embeddingBackward, …) refuse a view of a
  // finished frame as the wasm ones do, instead of reading memory that is another tensor's by now.
  const refuseStale = (arg: unknown): void => {
    if (arg instanceof Tensor && arg.data instanceof Float32Array) rt.holds(arg.data);
    else if (Array.isArray(arg)) arg.forEach(refuseStale);
  };
  const table = wasmKernels as unknown as Record<string, unknown>;
  for (const [key, kernel] of Object.entries(refKernels)) {
    if (typeof kernel !== 'function' || table[key] !== kernel) continue;
    table[key] = (...args: unknown[]): unknown => {
      args.forEach(refuseStale);
      return (kernel as (...a: unknown[]) => unknown)(...args);
    };
  }
  return wasmKernels;
}

