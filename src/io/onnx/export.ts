// SPDX-License-Identifier: MIT
// ONNX export of a Sequential: one node (or a short fixed chain) per layer, parameters as
// initializers named after Nabla's parameter names (`0.weight`, `1.runningMean`; `2.0.weight`
// inside a nested Sequential, from the layer's path), input `input`
// and output `output` with a symbolic batch dimension 'N'. The mapping, layer by layer, is in
// docs/interop.md; importOnnx (import.ts) reads the same patterns back.
import { GELU, LeakyReLU, ReLU, Sigmoid, Softplus, Tanh } from '../../layers/activations.js';
import { AvgPool2d } from '../../layers/avg-pool2d.js';
import { BatchNorm1d, BatchNorm2d } from '../../layers/batch-norm.js';
import { Conv2d } from '../../layers/conv2d.js';
import { Dropout } from '../../layers/dropout.js';
import { Flatten } from '../../layers/flatten.js';
import type { Layer } from '../../layers/layer.js';
import { Linear } from '../../layers/linear.js';
import { MaxPool2d } from '../../layers/max-pool2d.js';
import { Sequential } from '../../layers/sequential.js';
import { Tensor, formatShape } from '../../tensor/tensor.js';
import {
  attr,
  floatTensor,
  floatValueInfo,
  onnx,
  type AttributeProto,
  type GraphProto,
  type ModelProto,
  type NodeProto,
  type TensorProto,
} from './proto.js';

export interface OnnxExportOptions {
  /**
   * Shape of one input batch, batch dimension first ([N, 784] or [N, 1, 28, 28]), as for
   * Sequential.summary. N is exported as the symbolic dimension 'N' (unless fixedBatch).
   */
  inputShape: readonly number[];
  /** ONNX opset, 13 to 21 (default 17). GELU is one Gelu node from opset 20, its erf formula before. */
  opset?: number;
  /** Append Softmax over dim 1, so the file outputs probabilities instead of logits (default false). */
  softmax?: boolean;
  /** Export the batch dimension as the fixed size inputShape[0] instead of 'N' (default false). */
  fixedBatch?: boolean;
  /** Key–value strings stored as the model's metadata_props (e.g. 'nabla.data', the data settings). */
  metadata?: Record<string, string>;
  /** Appended to the model's doc_string (e.g. how to normalise the input). */
  doc?: string;
}

export const MIN_OPSET = 13;
export const MAX_OPSET = 21;

/** The IR version that goes with an opset (onnx/helper.py's VERSION_TABLE). */
function irVersionFor(opset: number): number {
  if (opset <= 14) return 7;
  if (opset <= 18) return 8;
  if (opset <= 20) return 9;
  return 10;
}

/** Collects nodes and initializers; every value name is unique because it carries the layer path. */
class GraphBuilder {
  readonly nodes: NodeProto[] = [];
  readonly initializers: TensorProto[] = [];

  constructor(readonly opset: number) {}

  node(opType: string, name: string, inputs: string[], attributes: AttributeProto[] = []): string {
    const output = `${name}_output`;
    this.nodes.push({ opType, name, input: inputs, output: [output], attribute: attributes });
    return output;
  }

  initializer(name: string, t: Tensor): string {
    this.initializers.push(floatTensor(name, t.shape, t.data));
    return name;
  }

  scalar(name: string, value: number): string {
    this.initializers.push(floatTensor(name, [], [value]));
    return name;
  }
}

/**
 * Serialises `model` (in eval semantics: BatchNorm uses its running statistics, Dropout is left
 * out) as an ONNX ModelProto. Every layer of src/layers is supported; see docs/interop.md.
 * Throws naming the layer when one cannot be expressed (e.g. a Softplus threshold below 12).
 */
export function exportOnnx(model: Sequential, options: OnnxExportOptions): Uint8Array {
  const { inputShape, opset = 17, softmax = false, fixedBatch = false } = options;
  if (!Number.isInteger(opset) || opset < MIN_OPSET || opset > MAX_OPSET) {
    throw new Error(`exportOnnx: opset must be an integer from ${MIN_OPSET} to ${MAX_OPSET}, got ${String(opset)}`);
  }
  if (!Array.isArray(inputShape) || inputShape.length < 2 || inputShape.some((d) => !Number.isInteger(d) || d < 1)) {
    throw new Error(
      `exportOnnx: inputShape must list the batch dimension and at least one more, each ≥ 1 (e.g. [1, 784]), got ${JSON.stringify(inputShape)}`,
    );
  }
  const b = new GraphBuilder(opset);
  // A probe forward in eval mode gives each layer's input shape and checks inputShape fits.
  let x = 'input';
  let probe = Tensor.zeros(inputShape, model.parameters()[0]?.value.dtype ?? 'float32');
  for (const [path, layer] of flattenLayers(model, '')) {
    const input = probe;
    try {
      probe = layer.forward(input, 'eval');
    } catch (e) {
      throw new Error(`exportOnnx: inputShape ${formatShape(inputShape)} does not fit the model: ${(e as Error).message}`);
    }
    x = emitLayer(b, layer, path, x, input.shape);
  }
  if (softmax) x = b.node('Softmax', 'softmax', [x], [attr.int('axis', 1)]);
  if (b.nodes.length === 0) x = b.node('Identity', 'identity', [x]);
  b.nodes[b.nodes.length - 1].output = ['output'];

  const batch = fixedBatch ? inputShape[0] : 'N';
  const graph: GraphProto = {
    name: 'nabla',
    node: b.nodes,
    initializer: b.initializers,
    input: [floatValueInfo('input', [batch, ...inputShape.slice(1)])],
    output: [floatValueInfo('output', [batch, ...probe.shape.slice(1)])],
  };
  const message: ModelProto = {
    irVersion: irVersionFor(opset),
    opsetImport: [{ domain: '', version: opset }],
    producerName: 'nabla',
    docString: `Exported by Nabla (eval semantics: BatchNorm uses running statistics, Dropout removed).${options.doc ? ` ${options.doc}` : ''}`,
    metadataProps: Object.entries(options.metadata ?? {}).map(([key, value]) => ({ key, value })),
    graph,
  };
  return onnx.ModelProto.encode(onnx.ModelProto.create(message)).finish();
}

/** [path, layer] for every leaf layer, nested Sequentials expanded ('2.0' is layer 0 inside layer 2). */
function flattenLayers(model: Sequential, prefix: string): [string, Layer][] {
  return model.layers.flatMap((layer, i): [string, Layer][] => {
    const path = `${prefix}${i}`;
    return layer instanceof Sequential ? flattenLayers(layer, `${path}.`) : [[path, layer]];
  });
}

const pads2d = (p: readonly [number, number]): number[] => [p[0], p[1], p[0], p[1]]; // [top, left, bottom, right]

/** Appends the nodes of one layer reading value `x` (of shape `shape`); returns the output value. */
function emitLayer(b: GraphBuilder, layer: Layer, path: string, x: string, shape: readonly number[]): string {
  const where = `exportOnnx: layer ${path} (${layer.name})`;
  if (layer instanceof Linear) {
    if (shape.length !== 2) throw new Error(`${where}: Gemm needs a [N, in] input, got ${formatShape(shape)}`);
    // Gemm computes A·op(B) + C. Nabla's W is already [in, out], so transB = 0: no transpose here
    // (PyTorch stores [out, in] and exports transB = 1; importOnnx handles both).
    const inputs = [x, b.initializer(`${path}.weight`, layer.weight.value)];
    if (layer.bias) inputs.push(b.initializer(`${path}.bias`, layer.bias.value));
    return b.node('Gemm', `${path}.Gemm`, inputs, [attr.float('alpha', 1), attr.float('beta', 1), attr.int('transB', 0)]);
  }
  if (layer instanceof Conv2d) {
    const inputs = [x, b.initializer(`${path}.weight`, layer.weight.value)]; // [outC, C/groups, kH, kW], as ONNX
    if (layer.bias) inputs.push(b.initializer(`${path}.bias`, layer.bias.value));
    return b.node('Conv', `${path}.Conv`, inputs, [
      attr.ints('kernel_shape', layer.kernelSize),
      attr.ints('strides', layer.stride),
      attr.ints('pads', pads2d(layer.padding)),
      attr.ints('dilations', layer.dilation),
      attr.int('group', layer.groups),
    ]);
  }
  if (layer instanceof MaxPool2d) {
    return b.node('MaxPool', `${path}.MaxPool`, [x], [
      attr.ints('kernel_shape', layer.kernelSize),
      attr.ints('strides', layer.stride),
      attr.ints('pads', pads2d(layer.padding)),
    ]);
  }
  if (layer instanceof AvgPool2d) {
    return b.node('AveragePool', `${path}.AveragePool`, [x], [
      attr.ints('kernel_shape', layer.kernelSize),
      attr.ints('strides', layer.stride),
      attr.ints('pads', pads2d(layer.padding)),
      attr.int('count_include_pad', layer.countIncludePad ? 1 : 0),
    ]);
  }
  if (layer instanceof BatchNorm1d || layer instanceof BatchNorm2d) {
    const C = layer.numFeatures;
    // Without affine parameters γ = 1 and β = 0 are written out, since ONNX requires them.
    const scale = b.initializer(`${path}.weight`, layer.weight?.value ?? Tensor.full([C], 1));
    const bias = b.initializer(`${path}.bias`, layer.bias?.value ?? Tensor.zeros([C]));
    const mean = b.initializer(`${path}.runningMean`, layer.runningMean.value);
    const variance = b.initializer(`${path}.runningVar`, layer.runningVar.value);
    // ONNX's momentum weighs the old running value (PyTorch's weighs the new batch): 1 − m.
    // It only matters to a runtime that trains; inference uses the running statistics.
    return b.node('BatchNormalization', `${path}.BatchNormalization`, [x, scale, bias, mean, variance], [
      attr.float('epsilon', layer.eps),
      attr.float('momentum', 1 - layer.momentum),
    ]);
  }
  if (layer instanceof ReLU) return b.node('Relu', `${path}.Relu`, [x]);
  if (layer instanceof LeakyReLU) return b.node('LeakyRelu', `${path}.LeakyRelu`, [x], [attr.float('alpha', layer.negativeSlope)]);
  if (layer instanceof Sigmoid) return b.node('Sigmoid', `${path}.Sigmoid`, [x]);
  if (layer instanceof Tanh) return b.node('Tanh', `${path}.Tanh`, [x]);
  if (layer instanceof GELU) return emitGelu(b, path, x);
  if (layer instanceof Softplus) return emitSoftplus(b, layer, path, x, where);
  if (layer instanceof Flatten) return b.node('Flatten', `${path}.Flatten`, [x], [attr.int('axis', 1)]);
  if (layer instanceof Dropout) return x; // identity in eval: no node
  throw new Error(`${where}: no ONNX mapping for this layer (see docs/interop.md for the supported layers)`);
}

/** Gelu (opset ≥ 20), else x·½(1 + erf(x/√2)) as Div, Erf, Add, Mul, Mul (the chain PyTorch emits too). */
function emitGelu(b: GraphBuilder, path: string, x: string): string {
  if (b.opset >= 20) return b.node('Gelu', `${path}.Gelu`, [x], [attr.string('approximate', 'none')]);
  const scaled = b.node('Div', `${path}.Div`, [x, b.scalar(`${path}.sqrt2`, Math.SQRT2)]);
  const erf = b.node('Erf', `${path}.Erf`, [scaled]);
  const onePlus = b.node('Add', `${path}.Add`, [erf, b.scalar(`${path}.one`, 1)]);
  const times = b.node('Mul', `${path}.Mul`, [x, onePlus]);
  return b.node('Mul', `${path}.Mul_half`, [times, b.scalar(`${path}.half`, 0.5)]);
}

/**
 * Softplus (1/β)·log(1 + e^{βx}). ONNX Softplus has no β: for β ≠ 1 it becomes Mul(β), Softplus,
 * Div(β). It has no threshold either: above βx > threshold Nabla returns x, ONNX the exact value,
 * which differs by log(1 + e^{−βx})/β < e^{−threshold}/β (2·10⁻⁹/β at the default 20). Below a
 * threshold of 12 that difference could pass 10⁻⁶ relative, so such a layer is refused.
 */
function emitSoftplus(b: GraphBuilder, layer: Softplus, path: string, x: string, where: string): string {
  if (layer.threshold < 12) {
    throw new Error(
      `${where}: threshold ${layer.threshold} cannot be exported (ONNX Softplus has no threshold; from 12 up the difference is below 10⁻⁶)`,
    );
  }
  if (layer.beta === 1) return b.node('Softplus', `${path}.Softplus`, [x]);
  const beta = b.scalar(`${path}.beta`, layer.beta);
  const scaled = b.node('Mul', `${path}.Mul`, [x, beta]);
  const soft = b.node('Softplus', `${path}.Softplus`, [scaled]);
  return b.node('Div', `${path}.Div`, [soft, beta]);
}
