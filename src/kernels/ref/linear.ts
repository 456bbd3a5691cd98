// SPDX-License-Identifier: MIT
// Reference fully connected layer kernels, composed from the GEMM, bias and ReLU kernels exactly as
// the layer would call them one by one (so a backend that runs them as one call must give the
// same bits): y = x·W + b (then max(y, 0) with relu) and its backward.
import type { EpilogueOptions, LinearGrads } from '../backend.js';
import type { Tensor } from '../../tensor/tensor.js';
import { addBias, addChannelSums } from './bias.js';
import { activation, activationBackward } from './elementwise.js';
import { matmul } from './gemm.js';

/** y = x·W + b (b may be null), then max(y, 0) with `relu`. x [N, in], W [in, out], b [out] → y [N, out]. */
export function linear(x: Tensor, w: Tensor, b: Tensor | null, options: EpilogueOptions = {}): Tensor {
  const y = matmul(x, w); // y = x·W
  if (b) addBias(y, b, options); // y += b, then max(y, 0)
  else if (options.relu) return activation({ kind: 'relu' }, y);
  return y;
}

/** dy ← dy ⊙ [y > 0] (with reluOutput y), then dW += xᵀ·dy, db += Σₙ dy, dx = dy·Wᵀ (when needDx). */
export function linearBackward(x: Tensor, w: Tensor, dy: Tensor, grads: LinearGrads): Tensor | null {
  const y = grads.reluOutput;
  if (y) dy = activationBackward({ kind: 'relu' }, y, y, dy);
  if (grads.dW) matmul(x, dy, { transA: true, out: grads.dW, accumulate: true }); // null: a frozen weight
  if (grads.db) addChannelSums(dy, grads.db);
  return grads.needDx ? matmul(dy, w, { transB: true }) : null;
}
