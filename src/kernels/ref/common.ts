// SPDX-License-Identifier: MIT
// Small helpers shared by the reference kernels: one dtype for all inputs, the size of a channel.
import type { DType, Tensor } from '../../tensor/tensor.js';

/** The common dtype of the given tensors; throws naming the kernel when they mix float32 and float64. */
export function commonDtype(kernel: string, ...tensors: readonly (Tensor | null | undefined)[]): DType {
  let dtype: DType | null = null;
  for (const t of tensors) {
    if (!t) continue;
    if (dtype === null) dtype = t.dtype;
    else if (t.dtype !== dtype) {
      const list = tensors.filter((u): u is Tensor => !!u).map((u) => u.toString());
      throw new Error(`${kernel}: inputs mix dtypes (${list.join(', ')}); convert them to one dtype first`);
    }
  }
  return dtype ?? 'float32';
}

/** Product of the dims after dim 1: H·W for [N, C, H, W], 1 for [N, C]. */
export function spatialSize(shape: readonly number[]): number {
  let size = 1;
  for (let i = 2; i < shape.length; i++) size *= shape[i];
  return size;
}

/**
 * Throws naming the kernel and the tensor when a tensor's size is not that of the shape its
 * geometry implies (the wasm kernels hand such calls here, so both backends refuse them alike).
 * Entries: [name, tensor (null/undefined: not given), expected shape].
 */
export function checkSizes(kernel: string, ...entries: readonly [string, Tensor | null | undefined, readonly number[]][]): void {
  for (const [name, t, shape] of entries) {
    if (!t) continue;
    const size = shape.reduce((product, d) => product * d, 1);
    if (t.size !== size) {
      throw new Error(`${kernel}: ${name} has shape [${t.shape.join(', ')}] (${t.size} values); the geometry needs [${shape.join(', ')}] (${size})`);
    }
  }
}
