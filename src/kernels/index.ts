// SPDX-License-Identifier: MIT
// The active kernel backend. Chosen once at start; layers fetch it with kernels().
// `initBackend` picks wasm when it loads (SIMD128 is required) and otherwise falls back to the
// reference kernels with one console line saying why; `setKernels` installs any backend directly.
import type { Kernels } from './backend.js';
import type { Parameter, Tensor } from '../tensor/tensor.js';
import { refKernels } from './ref/index.js';
import { createWasmKernels } from './wasm/index.js';

let current: Kernels = refKernels;

/** The backend every layer calls. */
export function kernels(): Kernels {
  return current;
}

/** Runs one step (a training batch, an evaluation batch) in the active backend's frame (Kernels.frame): nothing made inside may be used after it returns. */
export function inFrame<T>(fn: () => T): T {
  const k = current;
  return k.frame ? k.frame(fn) : fn();
}

/**
 * Moves the model's parameters, their gradients and the optimizer's state into the active
 * backend's memory where it has one (Kernels.keepResident), as fit() does before training and
 * after each step (the optimizer creates its state in its first step); a loop of your own may do
 * the same. Call it between steps, not inside a frame.
 */
export function keepResident(tensors: readonly Tensor[]): void {
  current.keepResident?.(tensors);
}

/** The tensors of a training run that live across steps: every parameter, its gradient, and the optimizer's state. */
export function trainingTensors(parameters: readonly Parameter[], optimizer?: { stateTensors(): Tensor[] }): Tensor[] {
  return [...parameters.flatMap((p) => [p.value, p.grad]), ...(optimizer?.stateTensors() ?? [])];
}

/** Replaces the active backend (tests run the same suite per backend through this). */
export function setKernels(k: Kernels): void {
  current = k;
}

export interface BackendOptions {
  /** 'auto' (default): wasm when it loads, else ref. 'wasm' throws when wasm cannot load. */
  backend?: 'auto' | 'wasm' | 'ref';
  /** Threads for the wasm backend (default: the machine's cores; 1 without shared memory). */
  threads?: number;
}

/** Chooses and installs the backend; returns it. */
export async function initBackend(options: BackendOptions = {}): Promise<Kernels> {
  const backend = options.backend ?? 'auto';
  if (backend !== 'auto' && backend !== 'wasm' && backend !== 'ref') {
    throw new Error(`initBackend: backend must be 'auto', 'wasm' or 'ref', got '${String(backend)}'`);
  }
  const threads = options.threads;
  if (threads !== undefined && (!Number.isInteger(threads) || threads < 1)) {
    throw new Error(`initBackend: threads must be a positive integer, got ${String(threads)}`);
  }
  if (backend === 'ref') {
    setKernels(refKernels);
    return refKernels;
  }
  try {
    setKernels(await createWasmKernels({ threads }));
  } catch (error) {
    if (backend === 'wasm') throw error;
    console.warn(`nabla: using the reference kernels: the wasm backend did not load (${(error as Error).message})`);
    setKernels(refKernels);
  }
  return current;
}

export { refKernels, createWasmKernels };
