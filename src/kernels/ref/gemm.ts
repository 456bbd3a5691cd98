// SPDX-License-Identifier: MIT
// Reference GEMM: C = op(A)·op(B) with optional transposes, output tensor and accumulation.
// Each output row is summed in float64 and written once (float32 outputs are rounded once).
// Loop order follows B's storage so the inner loop is contiguous: i-k-j for B [K, N], i-j-k for Bᵀ.
import type { MatmulOptions } from '../backend.js';
import { formatShape, Tensor } from '../../tensor/tensor.js';
import { commonDtype } from './common.js';

/** C [M, N] = op(A)·op(B); A [M, K] or [K, M] (transA), B [K, N] or [N, K] (transB). */
export function matmul(a: Tensor, b: Tensor, options: MatmulOptions = {}): Tensor {
  const transA = options.transA ?? false;
  const transB = options.transB ?? false;
  const dtype = commonDtype('matmul', a, b, options.out);
  if (a.rank !== 2 || b.rank !== 2) {
    throw new Error(`matmul: A and B must be matrices, got A ${formatShape(a.shape)} and B ${formatShape(b.shape)}`);
  }
  const [M, K] = transA ? [a.shape[1], a.shape[0]] : [a.shape[0], a.shape[1]];
  const [Kb, N] = transB ? [b.shape[1], b.shape[0]] : [b.shape[0], b.shape[1]];
  if (K !== Kb) {
    throw new Error(
      `matmul: inner dimensions differ: op(A) is [${M}, ${K}] (A ${formatShape(a.shape)}${transA ? ', transposed' : ''}), ` +
        `op(B) is [${Kb}, ${N}] (B ${formatShape(b.shape)}${transB ? ', transposed' : ''})`,
    );
  }
  const out = options.out ?? Tensor.zeros([M, N], dtype);
  if (out.rank !== 2 || out.shape[0] !== M || out.shape[1] !== N) {
    throw new Error(`matmul: out must be [${M}, ${N}], got ${formatShape(out.shape)}`);
  }
  if (options.accumulate && !options.out) throw new Error('matmul: accumulate needs an out tensor');
  const accumulate = options.accumulate ?? false;

  const A = a.data;
  const B = b.data;
  const C = out.data;
  const row = new Float64Array(N); // C[i, :] summed in float64
  for (let i = 0; i < M; i++) {
    if (transB) {
      // B is stored [N, K]: row j of B is contiguous, so take dot products (i-j-k).
      for (let j = 0; j < N; j++) {
        let sum = 0;
        for (let k = 0; k < K; k++) sum += (transA ? A[k * M + i] : A[i * K + k]) * B[j * K + k];
        row[j] = sum;
      }
    } else {
      // B is stored [K, N]: add aik times row k of B (i-k-j).
      row.fill(0);
      for (let k = 0; k < K; k++) {
        const aik = transA ? A[k * M + i] : A[i * K + k];
        const bRow = k * N;
        for (let j = 0; j < N; j++) row[j] += aik * B[bRow + j];
      }
    }
    const cRow = i * N;
    if (accumulate) for (let j = 0; j < N; j++) C[cRow + j] += row[j];
    else for (let j = 0; j < N; j++) C[cRow + j] = row[j];
  }
  return out;
}
