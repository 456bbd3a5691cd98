// SPDX-License-Identifier: MIT
// A backend wrapper for tests that must see which kernels a layer asked for (not just the
// numbers): it records every conv2dBackward's needDx and dW, and every GEMM (matmul, and those of linear and
// linearBackward: one each, plus dx's when it is asked for), then delegates.
import type { Kernels } from '../../src/kernels/backend.js';
import { kernels, setKernels } from '../../src/kernels/index.js';

export interface KernelCalls {
  /** needDx of each conv2dBackward call, in call order. */
  convNeedDx: boolean[];
  /** Whether each conv2dBackward call was given a dW to add into (null: a frozen weight). */
  convHasDW: boolean[];
  /** Number of GEMMs asked for: matmul calls, one per linear, per linearBackward one for dW (unless frozen) and one for dx (when asked). */
  matmuls: number;
}

/** Runs fn with `base` (default: the active backend) wrapped in a recorder, then restores the backend. */
export function recordKernelCalls(fn: () => void, base: Kernels = kernels()): KernelCalls {
  const calls: KernelCalls = { convNeedDx: [], convHasDW: [], matmuls: 0 };
  const spy: Kernels = Object.assign(Object.create(base) as Kernels, {
    conv2dBackward: ((x, w, dy, g, grads) => {
      calls.convNeedDx.push(grads.needDx);
      calls.convHasDW.push(grads.dW !== null);
      return base.conv2dBackward(x, w, dy, g, grads);
    }) satisfies Kernels['conv2dBackward'],
    matmul: ((a, b, options) => {
      calls.matmuls++;
      return base.matmul(a, b, options);
    }) satisfies Kernels['matmul'],
    linear: ((x, w, b, options) => {
      calls.matmuls++;
      return base.linear(x, w, b, options);
    }) satisfies Kernels['linear'],
    linearBackward: ((x, w, dy, grads) => {
      calls.matmuls += (grads.dW ? 1 : 0) + (grads.needDx ? 1 : 0);
      return base.linearBackward(x, w, dy, grads);
    }) satisfies Kernels['linearBackward'],
  });
  const previous = kernels();
  setKernels(spy);
  try {
    fn();
  } finally {
    setKernels(previous);
  }
  return calls;
}
