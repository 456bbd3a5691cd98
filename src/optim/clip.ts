// SPDX-License-Identifier: MIT
// Gradient clipping by global norm, as torch.nn.utils.clip_grad_norm_.
import type { Parameter } from '../tensor/tensor.js';

/**
 * Scales every grad by min(1, maxNorm / (‖g‖ + 1e-6)), where ‖g‖ is the 2-norm of all grads
 * taken together (or the largest |gᵢ| when normType is Infinity). Returns ‖g‖ before clipping;
 * a non-finite norm is returned unchanged and the grads are left as they are for the caller to report.
 */
export function clipGradNorm(params: Parameter[], maxNorm: number, normType: 2 | typeof Infinity = 2): number {
  if (!(maxNorm > 0)) throw new Error(`clipGradNorm: maxNorm must be > 0, got ${maxNorm}`);
  let total = 0;
  for (const p of params) {
    const g = p.grad.data;
    for (let k = 0; k < g.length; k++) {
      total = normType === 2 ? total + g[k] * g[k] : Math.max(total, Math.abs(g[k]));
    }
  }
  const norm = normType === 2 ? Math.sqrt(total) : total;
  if (!Number.isFinite(norm)) return norm;
  const scale = maxNorm / (norm + 1e-6); // PyTorch's 1e-6 keeps a zero norm from dividing by zero
  if (scale < 1) {
    for (const p of params) {
      const g = p.grad.data;
      for (let k = 0; k < g.length; k++) g[k] *= scale;
    }
  }
  return norm;
}
