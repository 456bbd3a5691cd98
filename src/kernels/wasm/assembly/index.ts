// SPDX-License-Identifier: MIT
// Entry points of nabla.wasm. Every job is described by a block of i32 words in linear memory
// (written by the TS side, see ../jobs.ts) and run by `runJob(desc, thread, threads)`: the
// calling thread runs part 0 and each worker one other part of the same job, over one shared
// memory. Nothing here allocates; all buffers live in the TS side's arena.
import { gemm, GEMM_SCRATCH_BYTES, MR, NR } from './gemm';
import { conv2dForwardSamples, conv2dBackwardSamples } from './conv';

export const JOB_GEMM = 1;
export const JOB_CONV2D_FORWARD = 2;
export const JOB_CONV2D_BACKWARD = 3;

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

/** Part `thread` of `threads` of the job described at desc. */
export function runJob(desc: usize, thread: i32, threads: i32): void {
  const kind = word(desc, 0);
  if (kind == JOB_GEMM) gemmPart(desc, thread, threads);
  else if (kind == JOB_CONV2D_FORWARD) conv2dForwardSamples(desc, thread, threads);
  else if (kind == JOB_CONV2D_BACKWARD) conv2dBackwardSamples(desc, thread, threads);
}

/**
 * GEMM job words: [kind, transA, transB, M, N, K, a, lda, b, ldb, c, ldc, accumulate, scratch, scratchStride].
 * The larger of M and N is split into `threads` contiguous blocks (whole register tiles each).
 */
function gemmPart(desc: usize, thread: i32, threads: i32): void {
  const transA = word(desc, 1) != 0;
  const transB = word(desc, 2) != 0;
  const M = word(desc, 3), N = word(desc, 4), K = word(desc, 5);
  let a = <usize>word(desc, 6), b = <usize>word(desc, 8), c = <usize>word(desc, 10);
  const lda = word(desc, 7), ldb = word(desc, 9), ldc = word(desc, 11);
  const accumulate = word(desc, 12) != 0;
  const scratch = <usize>word(desc, 13) + <usize>thread * <usize>word(desc, 14);
  if (M >= N) {
    const i0 = blockStart(M, MR, thread, threads);
    const i1 = blockStart(M, MR, thread + 1, threads);
    if (i0 >= i1) return;
    a += transA ? <usize>i0 * 4 : <usize>i0 * lda * 4;
    c += <usize>i0 * ldc * 4;
    gemm(transA, transB, i1 - i0, N, K, a, lda, b, ldb, c, ldc, accumulate, scratch);
  } else {
    const j0 = blockStart(N, NR, thread, threads);
    const j1 = blockStart(N, NR, thread + 1, threads);
    if (j0 >= j1) return;
    b += transB ? <usize>j0 * ldb * 4 : <usize>j0 * 4;
    c += <usize>j0 * 4;
    gemm(transA, transB, M, j1 - j0, K, a, lda, b, ldb, c, ldc, accumulate, scratch);
  }
}

/** Start of block `part` of `parts` over 0..n, each block a multiple of `unit` long (the last may be short). */
export function blockStart(n: i32, unit: i32, part: i32, parts: i32): i32 {
  const units = (n + unit - 1) / unit;
  const per = (units + parts - 1) / parts;
  return min(n, part * per * unit);
}
export { convScratchBytes } from './conv';
export { reluSimd, reluBackwardSimd } from './elementwise';
export { maxPool2dPlanes } from './pool';
