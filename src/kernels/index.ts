// SPDX-License-Identifier: MIT
// The active kernel backend. Chosen once at start; layers fetch it with kernels().
import type { Kernels } from './backend.js';
import { refKernels } from './ref/index.js';

let current: Kernels = refKernels;

/** The backend every layer calls. */
export function kernels(): Kernels {
  return current;
}

/** Replaces the active backend (tests run the same suite per backend through this). */
export function setKernels(k: Kernels): void {
  current = k;
}

export { refKernels };
