// SPDX-License-Identifier: MIT
// Embedding lookup and its adjoint: rows of a weight table gathered by integer indices (stored as
// floats, as every Nabla tensor), and the upstream gradient's rows scattered back, added.
import { Tensor } from '../../tensor/tensor.js';

/** y[i, d] = W[idx[i], d]: W [V, D], idx of any shape → y [...idx.shape, D]. */
export function embedding(indices: Tensor, weight: Tensor): Tensor {
  const D = weight.shape[1];
  const y = Tensor.zeros([...indices.shape, D], weight.dtype);
  for (let i = 0; i < indices.size; i++) {
    const v = indices.data[i];
    for (let d = 0; d < D; d++) y.data[i * D + d] = weight.data[v * D + d];
  }
  return y;
}

/** dW[idx[i], d] += dy[i, d] for every i with idx[i] ≠ paddingIdx (a repeated index sums its rows). */
export function embeddingBackward(indices: Tensor, dy: Tensor, dW: Tensor, paddingIdx: number): void {
  const D = dW.shape[1];
  for (let i = 0; i < indices.size; i++) {
    const v = indices.data[i];
    if (v === paddingIdx) continue; // the padding row gets no gradient (PyTorch's padding_idx)
    for (let d = 0; d < D; d++) dW.data[v * D + d] += dy.data[i * D + d];
  }
}
