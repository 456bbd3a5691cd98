// SPDX-License-Identifier: MIT
// The layer contract. forward keeps what backward needs; backward adds into each parameter's
// grad and returns dx (or null when told nobody reads dx and the layer skips it). Parameter names
// are local ('weight', 'bias'); Sequential prefixes them with the layer's index ('0.weight') for
// checkpoints and export.
import type { Buffer, Parameter, Tensor } from '../tensor/tensor.js';

export type Mode = 'train' | 'eval';

/** A JSON-serialisable description of a layer: its type and constructor options. */
export interface LayerSpec {
  type: string;
  [option: string]: unknown;
}

export interface BackwardOptions {
  /**
   * Whether the caller reads dL/dx (default true). false when x is the model's input (training
   * needs no gradient for the images): a layer may then skip computing dx and return null; the
   * parameter grads it adds are exactly those of a full backward. Layers that do not skip
   * ignore it and return dx as usual.
   */
  needInputGrad?: boolean;
}

export interface Layer {
  /** Class name used in error messages and summaries ('Conv2d'). */
  readonly name: string;
  forward(x: Tensor, mode: Mode): Tensor;
  /** Adds into each parameter's grad and returns dL/dx. */
  backward(dy: Tensor): Tensor;
  /** The same, but with `needInputGrad: false` dx may be skipped (null). */
  backward(dy: Tensor, options: BackwardOptions): Tensor | null;
  /** Trainable parameters with local, stable names. */
  parameters(): Parameter[];
  /** Non-trainable state (running statistics), saved with the weights. */
  buffers(): Buffer[];
  /** The spec that rebuilds this layer (weights aside). */
  toSpec(): LayerSpec;
}
