// SPDX-License-Identifier: MIT
// When a container (Sequential, Graph) runs a layer and the ReLU after it as one pass: forward in
// the layer's output pass (Conv2d, Linear, BatchNorm), backward with the ReLU's mask inside the
// layer's kernel call. Either gives the same numbers as running the two apart. Never when either
// has forward or backward replaced on the instance: instrumentation (such as fit's non-finite
// diagnosis) must see every call.
import { ReLU } from './activations.js';
import type { Tensor } from '../tensor/tensor.js';
import { hasReLUEpilogue, isMerge, type Layer, type Merge, type Mode, type ReLUEpilogue } from './layer.js';

/** Whether `layer` (a Merge too: Add) and the ReLU `next` after it run forward as one pass. */
export function fusesWithReLU(layer: Layer | Merge, next: Layer): next is ReLU {
  const epilogue = isMerge(layer) ? typeof (layer as Partial<MergeReLUEpilogue>).forwardWithReLU === 'function' : hasReLUEpilogue(layer);
  return next instanceof ReLU && epilogue && !Object.hasOwn(layer, 'forward') && !Object.hasOwn(next, 'forward');
}

/** A merge with a ReLU epilogue (Add): forward(inputs), then max(·, 0), in one pass. */
export interface MergeReLUEpilogue {
  forwardWithReLU(inputs: readonly Tensor[], mode: Mode): Tensor;
}

/** The merge as one with a ReLU epilogue (after fusesWithReLU said so). */
export function asMergeReLUEpilogue(merge: Merge): Merge & MergeReLUEpilogue {
  return merge as Merge & MergeReLUEpilogue;
}

/** The layer as one with a ReLU epilogue (after fusesWithReLU said so). */
export function asReLUEpilogue(layer: Layer): Layer & ReLUEpilogue {
  return layer as Layer & ReLUEpilogue;
}

/**
 * y of the ReLU `relu` whose last forward was fused into `layer`, when their backward may run as
 * one call too (neither replaced on the instance); else null.
 */
export function fusedReLUOutput(layer: Layer, relu: Layer): Tensor | null {
  if (!(relu instanceof ReLU) || Object.hasOwn(layer, 'backward') || Object.hasOwn(relu, 'backward')) return null;
  return relu.fusedOutput();
}
