// SPDX-License-Identifier: MIT
// Entry points of nabla.wasm. A job is described by a block of i32 words in linear memory
// (written by the TS side, see ../runtime.ts and ../kernels.ts) and split into items (row or
// column blocks of a GEMM, panels of the operand a threaded GEMM packs once for all its blocks,
// samples of a convolution, pieces of samples of a convolution's backward pass). Threads claim
// items from a shared counter in the control block, so a thread the OS has descheduled simply
// ends up with fewer items and never holds the others up. What an item computes
// never depends on the thread that claims it (the thread only picks its scratch), so results are
// bit-identical from run to run. Nothing here allocates; all buffers live in the TS side's arena.
import { gemm, GEMM_SCRATCH_BYTES, MR, NR, packAPanels, packBPanels } from './gemm';
import { conv2dForwardItem, conv2dBackwardPiece } from './conv';
import { F4_STAGE_BYTES, winogradKernelRows } from './winograd';
import { maxPool2dBackwardItem, maxPool2dItem } from './pool';
import { softmaxCrossEntropyItem } from './softmax';
import { mulBroadcastItem, sumRowsItem } from './broadcast';
import { avgPool2dBackwardItem, avgPool2dItem } from './avg-pool';
import { convDepthwiseBackwardItem, convDepthwiseForwardItem } from './conv-depthwise';
import { transcendentalItem } from './transcendental';
import { batchNormBackwardChannels, batchNormForwardChannels, batchNormStatsChannels } from './batch-norm';
import { addReluSimd, addSimd, mulSimd, reluBackwardSimd, reluSimd } from './elementwise';

export const JOB_GEMM = 1;
export const JOB_CONV2D_FORWARD = 2;
export const JOB_CONV2D_BACKWARD = 3;
/** Batch norm jobs: [kind, channels per item, then batch-norm.ts's descriptor]; an item is a range of channels. */
export const JOB_BATCH_NORM_STATS = 5;
export const JOB_BATCH_NORM_FORWARD = 6;
export const JOB_BATCH_NORM_BACKWARD = 7;
/** Element-wise job: [kind, floats per item (a multiple of 4), op (0 add, 1 relu, 2 relu backward, 3 add then relu, 4 multiply), a, b, y, n]. */
export const JOB_ELEMENTWISE = 8;
/**
 * Packs one operand of a threaded GEMM whole, for the GEMM job that follows to share:
 * [kind, operand (0 op(A), 1 op(B)), trans, pointer, leading dimension, rows of op(A) or columns
 * of op(B), K, packed, panels per item]; an item is a range of MR-row (NR-column) panels.
 */
export const JOB_GEMM_PACK = 9;
/** Max pooling: conv's geometry words, then [x, y, argmax, planes per item]; an item is a range of planes. */
export const JOB_MAX_POOL2D = 4;
/** Max-pool backward (pool.ts, maxPool2dBackwardItem); an item is a range of planes. */
export const JOB_MAX_POOL2D_BACKWARD = 11;
/** Fused softmax + cross-entropy over sample ranges (softmax.ts softmaxCrossEntropyItem). */
export const JOB_SOFTMAX_CROSS_ENTROPY = 12;
/** Broadcast product over ranges of rows (broadcast.ts mulBroadcastItem). */
export const JOB_MUL_BROADCAST = 13;
/** Float64 row sums of a sum to shape over ranges of rows (broadcast.ts sumRowsItem). */
export const JOB_SUM_ROWS = 14;
/** Average pooling and its backward over ranges of planes (avg-pool.ts). */
export const JOB_AVG_POOL2D = 15;
export const JOB_AVG_POOL2D_BACKWARD = 16;
/** Depthwise convolution (groups = C), direct: forward by output planes, backward by input channels (conv-depthwise.ts). */
export const JOB_CONV_DEPTHWISE_FORWARD = 17;
export const JOB_CONV_DEPTHWISE_BACKWARD = 18;
/** SiLU, sigmoid, tanh, GELU… and their derivatives over ranges of floats (transcendental.ts transcendentalItem). */
export const JOB_TRANSCENDENTAL = 19;
/**
 * Winograd kernel transform: [kind, w, packed, Cout, Cin, adjoint, rows per item (a multiple of MR), padded rows,
 * m (2 or 4; 3: stride 2), scratch (winogradKernelScratchBytes per thread)].
 */
export const JOB_WINOGRAD_KERNELS = 10;

/** Control block words (the TS side and the workers use the same offsets). */
const NEXT_ITEM = 1;
const DONE_ITEMS = 2;
const TOTAL_ITEMS = 3;
const DESC = 4;

/** Bytes the TS arena must reserve per thread for gemm packing. */
export function gemmScratchBytes(): i32 {
  return GEMM_SCRATCH_BYTES;
}

/** First byte the TS arena may use (after this module's own data, if any). */
export function heapBase(): usize {
  return __heap_base;
}

// @ts-ignore: decorator
@inline function word(desc: usize, i: i32): i32 {
  return load<i32>(desc + <usize>i * 4);
}

// @ts-ignore: decorator
@inline function fetchAdd(ptr: usize, value: i32): i32 {
  if (ASC_FEATURE_THREADS) return atomic.add<i32>(ptr, value);
  const old = load<i32>(ptr);
  store<i32>(ptr, old + value);
  return old;
}

/** Claims the next item of the posted job, or returns −1 when there is none left. */
function claimItem(control: usize): i32 {
  for (;;) {
    const next = ASC_FEATURE_THREADS ? atomic.load<i32>(control + NEXT_ITEM * 4) : word(control, NEXT_ITEM);
    const total = ASC_FEATURE_THREADS ? atomic.load<i32>(control + TOTAL_ITEMS * 4) : word(control, TOTAL_ITEMS);
    if (next >= total) return -1;
    if (!ASC_FEATURE_THREADS) {
      store<i32>(control + NEXT_ITEM * 4, next + 1);
      return next;
    }
    if (atomic.cmpxchg<i32>(control + NEXT_ITEM * 4, next, next + 1) == next) return next;
  }
  return -1; // not reached
}

/** Item `item` of the job at desc, run by thread `thread` (which picks the thread's scratch). */
function runItem(desc: usize, item: i32, thread: i32): void {
  const kind = word(desc, 0);
  if (kind == JOB_GEMM) gemmItem(desc, item, thread);
  else if (kind == JOB_CONV2D_FORWARD) conv2dForwardItem(desc, item, thread);
  else if (kind == JOB_CONV2D_BACKWARD) conv2dBackwardPiece(desc, item, thread);
  else if (kind == JOB_ELEMENTWISE) elementwiseItem(desc, item);
  else if (kind == JOB_GEMM_PACK) gemmPackItem(desc, item);
  else if (kind == JOB_MAX_POOL2D) maxPool2dItem(desc, item);
  else if (kind == JOB_MAX_POOL2D_BACKWARD) maxPool2dBackwardItem(desc, item);
  else if (kind == JOB_SOFTMAX_CROSS_ENTROPY) softmaxCrossEntropyItem(desc, item, thread);
  else if (kind == JOB_MUL_BROADCAST) mulBroadcastItem(desc, item);
  else if (kind == JOB_SUM_ROWS) sumRowsItem(desc, item);
  else if (kind == JOB_AVG_POOL2D) avgPool2dItem(desc, item);
  else if (kind == JOB_AVG_POOL2D_BACKWARD) avgPool2dBackwardItem(desc, item);
  else if (kind == JOB_CONV_DEPTHWISE_FORWARD) convDepthwiseForwardItem(desc, item, thread);
  else if (kind == JOB_CONV_DEPTHWISE_BACKWARD) convDepthwiseBackwardItem(desc, item, thread);
  else if (kind == JOB_TRANSCENDENTAL) transcendentalItem(desc, item);
  else if (kind == JOB_WINOGRAD_KERNELS) {
    const per = word(desc, 6), r0 = item * per;
    winogradKernelRows(<usize>word(desc, 1), <usize>word(desc, 2), word(desc, 3), word(desc, 4), word(desc, 5) != 0, r0,
      min(word(desc, 7), r0 + per), word(desc, 8), <usize>word(desc, 9) + <usize>thread * <usize>F4_STAGE_BYTES);
  }
  else if (kind >= JOB_BATCH_NORM_STATS && kind <= JOB_BATCH_NORM_BACKWARD) {
    const inner = desc + 8, per = word(desc, 1);
    const c0 = item * per, c1 = min(word(inner, 1), c0 + per);
    if (kind == JOB_BATCH_NORM_STATS) batchNormStatsChannels(inner, c0, c1);
    else if (kind == JOB_BATCH_NORM_FORWARD) batchNormForwardChannels(inner, c0, c1);
    else batchNormBackwardChannels(inner, c0, c1);
  }
}

/** Floats [item·per, min(n, (item + 1)·per)) of an element-wise job (exact operations: any split gives the same bits). */
function elementwiseItem(desc: usize, item: i32): void {
  const per = word(desc, 1), op = word(desc, 2), n = word(desc, 6);
  const start = item * per, count = min(n, start + per) - start;
  const at = <usize>start * 4;
  const a = <usize>word(desc, 3) + at, b = <usize>word(desc, 4) + at, y = <usize>word(desc, 5) + at;
  if (op == 0) addSimd(a, b, y, count);
  else if (op == 1) reluSimd(a, y, count);
  else if (op == 3) addReluSimd(a, b, y, count);
  else if (op == 4) mulSimd(a, b, y, count);
  else reluBackwardSimd(a, b, y, count);
}

/**
 * Claims and runs items of the job posted in the control block until none are left, counting
 * each one done. The poster closes the job (total = 0), resets the counters, writes the
 * descriptor and only then opens it (total = items); a claim is a compare-exchange on the item
 * counter checked against the total read after it, so a thread that wakes late either claims a
 * real item of the open job or nothing, and reads the descriptor only after a successful claim.
 */
export function runJobItems(control: usize, thread: i32): void {
  for (;;) {
    const item = claimItem(control);
    if (item < 0) return;
    runItem(<usize>word(control, DESC), item, thread);
    fetchAdd(control + DONE_ITEMS * 4, 1);
  }
}

/** Runs every item of the job at desc on the calling thread (thread 0's scratch); no counters. */
export function runJobSerial(desc: usize, items: i32): void {
  for (let item = 0; item < items; item++) runItem(desc, item, 0);
}

/**
 * GEMM job words: [kind, transA, transB, M, N, K, a, lda, b, ldb, c, ldc, accumulate, scratch,
 * scratchStride, splitRows, items, packed]. The register tiles of rows (splitRows) or of columns
 * are shared out as evenly as they go: item i gets tiles [⌊i·T/items⌋, ⌊(i+1)·T/items⌋) of the T.
 * A non-zero `packed` is the operand every item needs whole, packed by a JOB_GEMM_PACK job:
 * op(B) for a split by rows, op(A) for a split by columns.
 */
function gemmItem(desc: usize, item: i32, thread: i32): void {
  const transA = word(desc, 1) != 0;
  const transB = word(desc, 2) != 0;
  const M = word(desc, 3), N = word(desc, 4), K = word(desc, 5);
  let a = <usize>word(desc, 6), b = <usize>word(desc, 8), c = <usize>word(desc, 10);
  const lda = word(desc, 7), ldb = word(desc, 9), ldc = word(desc, 11);
  const accumulate = word(desc, 12) != 0;
  const scratch = <usize>word(desc, 13) + <usize>thread * <usize>word(desc, 14);
  const splitRows = word(desc, 15) != 0, items = word(desc, 16);
  const packed = <usize>word(desc, 17);
  const tile = splitRows ? MR : NR, size = splitRows ? M : N;
  const tiles = <i64>((size + tile - 1) / tile);
  const start = <i32>(<i64>item * tiles / items) * tile;
  const end = min(size, <i32>(<i64>(item + 1) * tiles / items) * tile);
  if (start >= end) return;
  if (splitRows) {
    a += transA ? <usize>start * 4 : <usize>start * lda * 4;
    c += <usize>start * ldc * 4;
    gemm(transA, transB, end - start, N, K, a, lda, b, ldb, c, ldc, accumulate, scratch, 0, packed);
  } else {
    b += transB ? <usize>start * ldb * 4 : <usize>start * 4;
    c += <usize>start * 4;
    gemm(transA, transB, M, end - start, K, a, lda, b, ldb, c, ldc, accumulate, scratch, packed, 0);
  }
}

/** Panels [item·per, min(panels, (item + 1)·per)) of a JOB_GEMM_PACK job, for every k-block. */
function gemmPackItem(desc: usize, item: i32): void {
  const ofB = word(desc, 1) != 0, trans = word(desc, 2) != 0;
  const src = <usize>word(desc, 3), ld = word(desc, 4), size = word(desc, 5), K = word(desc, 6);
  const packed = <usize>word(desc, 7), per = word(desc, 8);
  const panels = (size + (ofB ? NR : MR) - 1) / (ofB ? NR : MR);
  const q0 = item * per, q1 = min(panels, q0 + per);
  if (q0 >= q1) return;
  if (ofB) packBPanels(trans, src, ld, K, size, q0, q1, packed);
  else packAPanels(trans, src, ld, size, K, q0, q1, packed);
}

/** Register-tile sizes, so the TS side can cut GEMM blocks on tile boundaries. */
export function tileRows(): i32 {
  return MR;
}
export function tileCols(): i32 {
  return NR;
}

export { addPartials, convBatchDxScratchBytes, convBatchScratchBytes, convScratchBytes } from './conv';
export { convDirectPrepare, convDirectScratchBytes, convDirectTableBytes } from './conv-direct';
// Exported to stay functions of their own (see conv-direct.ts), not for the host to call.
export { directTile, directTile4, directGradientTile } from './conv-direct';
export { winogradPackedBytes, winogradPositions, winogradWorkBytes, winogradGradWorkBytes, winogradInputGradientWorkBytes } from './winograd';
/** Bytes of scratch per thread that a Winograd kernel-transform job needs. */
export function winogradKernelScratchBytes(): i32 {
  return F4_STAGE_BYTES;
}
export { reluSimd, reluBackwardSimd, relu6Simd, relu6BackwardSimd, hardSimd, hardsigmoidBackwardSimd, hardswishBackwardSimd } from './elementwise';
export { adaptiveAvgPool2dPlanes, adaptiveAvgPool2dBackwardPlanes } from './adaptive-pool';
export { upsampleNearestPlanes, upsampleNearestBackwardPlanes, upsampleBilinearPlanes, upsampleBilinearBackwardPlanes } from './upsample';
export { addSimd } from './elementwise';
export { addBiasSimd, addChannelSumsSimd } from './bias';
export { batchNormStatsSimd, batchNormForwardSimd, batchNormBackwardSimd } from './batch-norm';
export { groupNormForwardBlocks, groupNormBackwardBlocks } from './group-norm';
export { transcendentalSimd, transcendentalBackwardSimd } from './transcendental';
export { sgdStepSimd, adamStepSimd } from './optim';
export { softmaxCrossEntropyF64, softmaxRowsF64, mseF64 } from './softmax';
export { sumToShapeFinish } from './broadcast';
export { convDepthwiseScratchBytes } from './conv-depthwise';
