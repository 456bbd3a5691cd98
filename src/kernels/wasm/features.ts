// SPDX-License-Identifier: MIT
// Feature detection for the wasm backend, by validating tiny modules (never by version), and
// the one Node-only step: turning on relaxed SIMD in Node 20, where V8 keeps it behind a flag.
// Node modules are imported dynamically and only when running under Node, so browsers and
// bundlers never see them.

// (module (func (result v128) (v128.const i32x4 0 0 0 0)))
const SIMD_PROBE = new Uint8Array([
  0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 22, 1, 20, 0, 253, 12, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 11,
]);

// (module (func (param v128 v128 v128) (result v128) (f32x4.relaxed_madd (local.get 0) (local.get 1) (local.get 2))))
const RELAXED_PROBE = new Uint8Array([
  0, 97, 115, 109, 1, 0, 0, 0, 1, 8, 1, 96, 3, 123, 123, 123, 1, 123, 3, 2, 1, 0, 10, 13, 1, 11, 0, 32, 0, 32, 1,
  32, 2, 253, 133, 2, 11,
]);

export interface WasmFeatures {
  simd: boolean;
  relaxedSimd: boolean;
  /** SharedArrayBuffer and shared wasm memory are usable (cross-origin isolated in a page). */
  sharedMemory: boolean;
  /** Atomics.wait may block this thread (Node's main thread, workers; not a page's main thread). */
  canBlock: boolean;
}

export function isNode(): boolean {
  const proc = (globalThis as { process?: { versions?: { node?: string } } }).process;
  return typeof proc?.versions?.node === 'string';
}

/** Imports a Node built-in without letting bundlers try to resolve it. */
export async function importNode<T>(name: string): Promise<T> {
  const specifier = `node:${name}`;
  return (await import(/* @vite-ignore */ specifier)) as T;
}

let relaxedFlagTried = false;

/** Under Node, asks V8 for relaxed SIMD (needed on Node 20, harmless where it is already on). */
async function enableRelaxedSimdFlag(): Promise<void> {
  if (relaxedFlagTried || !isNode()) return;
  relaxedFlagTried = true;
  if (WebAssembly.validate(RELAXED_PROBE)) return;
  const v8 = await importNode<{ setFlagsFromString(flags: string): void }>('v8');
  v8.setFlagsFromString('--experimental-wasm-relaxed-simd');
}

function probeSharedMemory(): boolean {
  if (typeof SharedArrayBuffer === 'undefined') return false;
  try {
    const memory = new WebAssembly.Memory({ initial: 1, maximum: 1, shared: true });
    return memory.buffer instanceof SharedArrayBuffer;
  } catch {
    return false;
  }
}

function probeCanBlock(): boolean {
  if (typeof SharedArrayBuffer === 'undefined') return false;
  try {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 1, 0); // value differs: returns at once
    return true;
  } catch {
    return false;
  }
}

export async function detectFeatures(): Promise<WasmFeatures> {
  await enableRelaxedSimdFlag();
  return {
    simd: WebAssembly.validate(SIMD_PROBE),
    relaxedSimd: WebAssembly.validate(RELAXED_PROBE),
    sharedMemory: probeSharedMemory(),
    canBlock: probeCanBlock(),
  };
}
