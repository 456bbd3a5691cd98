// SPDX-License-Identifier: MIT
// The wasm backend's public surface.
export { createWasmKernels, type WasmKernelOptions, type WasmKernels } from './kernels.js';
export { WasmRuntime, type WasmRuntimeOptions } from './runtime.js';
export { detectFeatures, type WasmFeatures } from './features.js';
