// SPDX-License-Identifier: MIT
// What a layer type is, in one place: its name, how a spec builds it (with sizes inferred from
// the input shape), its ONNX nodes and its PyTorch state-dict names. Each layer file exports its
// LayerDef beside the class; layers/all.ts lists them, and the spec reader, ONNX export, the
// PyTorch mapping, the CLI and the tests all read that list. The ONNX side is an interface
// (OnnxEmitter) that io/onnx implements, so layers never import the protobuf code.
import type { Rng } from '../tensor/rng.js';
import type { Tensor } from '../tensor/tensor.js';
import type { Module } from './layer.js';
import type { SpecReader } from './spec-reader.js';

/** Where a spec is being built, and what the layer will receive. */
export interface BuildContext {
  /** Draws initial weights (Dropout takes a fork for its masks). */
  readonly rng: Rng;
  /** The layer's path in its model ('3', 'layer1.0.conv1'), for messages. */
  readonly path: string;
  /** Shapes (batch first) of the layer's inputs when known (one for a Layer, several for a Merge). */
  readonly inputShapes: readonly (readonly number[] | null)[];
  /** Builds a child spec (containers), with its own path and input shapes. */
  build(spec: unknown, path: string, inputShapes: readonly (readonly number[] | null)[]): Module;
}

/** One ONNX attribute value, typed as the protobuf wants it. */
export type OnnxAttribute =
  | { int: number }
  | { ints: readonly number[] }
  | { float: number }
  | { floats: readonly number[] }
  | { string: string };

/** What a layer's ONNX mapping may write; implemented by io/onnx/export.ts. */
export interface OnnxEmitter {
  readonly opset: number;
  /** Appends a node; returns the name of its (first) output value. */
  node(opType: string, name: string, inputs: readonly string[], attributes?: Record<string, OnnxAttribute>): string;
  /** A float initializer under `name` (the model's own tensor names: 'layer1.0.conv1.weight'). */
  initializer(name: string, t: Tensor): string;
  /** A float scalar constant. */
  scalar(name: string, value: number): string;
  /** An int64 constant (shapes for Reshape, axes, sizes). */
  int64s(name: string, values: readonly number[]): string;
  /** The nodes of a child module (containers call this for each child). */
  emit(module: Module, path: string, inputs: readonly string[], inputShapes: readonly (readonly number[])[]): string;
}

/** One tensor of a layer and its name in the equivalent PyTorch module's state dict. */
export interface TorchEntry {
  /** The layer's local name ('weight', 'runningMean'). */
  local: string;
  /** PyTorch's local name ('weight', 'running_mean'). */
  torch: string;
  tensor: Tensor;
  /** Whether PyTorch stores the transpose (Linear weights: Nabla [in, out], PyTorch [out, in]). */
  transposed?: boolean;
  /**
   * A bias that PyTorch holds as the β of a BatchNorm2d, the layer's sibling of this name ('bn1'),
   * folded into the layer by PyTorch's ONNX exporter; the layer's weight entry must come first.
   */
  foldedBatchNorm?: string;
}

export interface LayerDef<M extends Module = Module> {
  /** The spec type and the layer's `name` ('Conv2d'). */
  readonly type: string;
  /** Option names the spec accepts (anything else is an error naming the option). */
  readonly options: readonly string[];
  /** Builds the layer from a checked spec; sizes the spec leaves out come from ctx.inputShapes. */
  fromSpec(r: SpecReader, ctx: BuildContext): M;
  /**
   * Writes the layer as ONNX nodes reading `inputs` (value names, shapes batch first); returns the
   * output value name. Absent: the layer cannot be exported (the error says so).
   */
  toOnnx?(e: OnnxEmitter, layer: M, path: string, inputs: readonly string[], inputShapes: readonly (readonly number[])[]): string;
  /** The layer's tensors under PyTorch's names (absent: it has none). */
  torch?(layer: M): TorchEntry[];
  /** A one-line description of a tiny instance for gradcheck and coverage tests (spec and input shape). */
  readonly example?: { spec: Record<string, unknown>; inputShapes: readonly (readonly number[])[] };
}
