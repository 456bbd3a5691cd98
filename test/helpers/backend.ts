// SPDX-License-Identifier: MIT
// Running a piece of a test on a given backend.
import type { Kernels } from '../../src/kernels/backend.js';
import { kernels, setKernels } from '../../src/kernels/index.js';

/** fn with `k` as the kernels, restoring the previous ones after. */
export function withBackend<T>(k: Kernels, fn: () => T): T {
  const previous = kernels();
  setKernels(k);
  try {
    return fn();
  } finally {
    setKernels(previous);
  }
}
