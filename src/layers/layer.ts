// SPDX-License-Identifier: MIT
// The layer contract. forward keeps what backward needs; backward adds into each parameter's
// grad and returns dx (or null when told nobody reads dx and the layer skips it). A layer knows
// the output shape it gives for an input shape without running (outputShape), so models are
// checked, summarised, planned and exported from shapes alone. Parameter names are local
// ('weight', 'bias') until a container adopts the layer and prefixes them with its path
// ('0.weight', 'layer1.0.conv1.weight').
import type { Buffer, Parameter, Tensor } from '../tensor/tensor.js';
import type { ModelSummary } from './summary.js';

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

/** What every node of a model has, whether it takes one input (Layer) or several (Merge). */
export interface Module {
  /** The registered type, used in specs, error messages and summaries ('Conv2d'). */
  readonly name: string;
  /** Trainable parameters with stable names (local, or prefixed by the container holding it). */
  parameters(): Parameter[];
  /** Non-trainable state (running statistics), saved with the weights. */
  buffers(): Buffer[];
  /** The spec that rebuilds this layer (weights aside). */
  toSpec(): LayerSpec;
  /** Containers only: their direct children with the names that prefix the children's tensors. */
  children?(): readonly Child[];
  /**
   * false: backward reads only the shape of forward's input(s), never their numbers (ReLU and
   * ReLU6 take their mask from y, Add and Concat route dy). Absent: it may read them.
   */
  readonly backwardReadsInput?: boolean;
  /**
   * false: backward never reads the output forward returned (a Conv2d, Linear or BatchNorm whose
   * ReLU was not fused into it, Add). Absent: it may. With backwardReadsInput, these let a
   * container release a value as soon as its readers have run forward (Kernels.release): a
   * BatchNorm's output that only a ReLU6 reads is not kept for the step, as PyTorch's in-place
   * ReLU6 overwrites it.
   */
  readonly backwardReadsOutput?: boolean;
}

export interface Child {
  /** '3' in a Sequential, 'conv1' in a Graph. */
  readonly name: string;
  readonly module: Module;
}

/** A layer that can apply a ReLU following it in its own output pass (Sequential fuses the pair). */
export interface ReLUEpilogue {
  /** forward(x, mode), then max(·, 0), in one pass; the layer saves what its backward needs as in forward. */
  forwardWithReLU(x: Tensor, mode: Mode): Tensor;
}

export function hasReLUEpilogue(layer: Layer): layer is Layer & ReLUEpilogue {
  return typeof (layer as Partial<ReLUEpilogue>).forwardWithReLU === 'function';
}

/** A layer whose backward can take a fused ReLU's backward in the same kernel call (Conv2d). */
export interface ReLUBackwardFusion {
  /** backward(dy ⊙ [y > 0], options), with y the output of the ReLU fused after this layer, in one pass. */
  backwardThroughReLU(dy: Tensor, y: Tensor, options: BackwardOptions): Tensor | null;
}

export function hasReLUBackwardFusion(layer: Layer): layer is Layer & ReLUBackwardFusion {
  return typeof (layer as Partial<ReLUBackwardFusion>).backwardThroughReLU === 'function';
}

export interface Layer extends Module {
  forward(x: Tensor, mode: Mode): Tensor;
  /** Adds into each parameter's grad and returns dL/dx. */
  backward(dy: Tensor): Tensor;
  /** The same, but with `needInputGrad: false` dx may be skipped (null). */
  backward(dy: Tensor, options: BackwardOptions): Tensor | null;
  /**
   * The shape forward returns for an input of `inputShape` (batch first), or a ShapeError naming
   * the layer and the shapes when that input does not fit. Allocates nothing.
   */
  outputShape(inputShape: readonly number[]): number[];
}

/** A node with several inputs (Add, Concat, Mul): used inside a Graph. */
export interface Merge extends Module {
  readonly isMerge: true;
  forward(inputs: readonly Tensor[], mode: Mode): Tensor;
  /** Adds into each parameter's grad and returns dL/d(input i) for every input, in order. */
  backward(dy: Tensor): Tensor[];
  outputShape(inputShapes: readonly (readonly number[])[]): number[];
}

export function isMerge(m: Module): m is Merge {
  return (m as Partial<Merge>).isMerge === true;
}

/** One child of a container as it runs on a given input shape. */
export interface TraceEntry {
  readonly name: string;
  readonly module: Module;
  /** The values it reads: sibling names, or the container's inputName. */
  readonly inputs: readonly string[];
  readonly inputShapes: readonly (readonly number[])[];
  readonly outputShape: readonly number[];
}

/** A module made of named children (Sequential, Graph): every walk over a model goes through this. */
export interface Container extends Layer {
  children(): readonly Child[];
  /** The name the container's own input goes by in `trace` ('input'). */
  readonly inputName: string;
  /** Its children in run order with their inputs and shapes for this input; the last one is the output. */
  trace(inputShape: readonly number[]): TraceEntry[];
  /** The value the container returns (a child's name, or inputName when it has no children). */
  readonly outputName: string;
  /** Every node (nested containers expanded) with its inputs, output shape and parameter count. */
  summary(inputShape: readonly number[]): ModelSummary;
}

export function isContainer(m: Module): m is Container {
  return typeof (m as Partial<Container>).trace === 'function' && typeof m.children === 'function';
}
