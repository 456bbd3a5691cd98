// SPDX-License-Identifier: MIT
// ONNX export of any Nabla model (Sequential, Graph, nested): each layer writes its own nodes
// through its registry entry (LayerDef.toOnnx, in the layer's file), containers are walked by
// their trace (children in run order, with inputs and shapes), parameters become initializers
// named after Nabla's tensor names (`0.weight`, `layer1.0.bn1.runningMean`), the input is `input`
// and the output `output` with a symbolic batch dimension 'N'. The mapping, layer by layer, is in
// docs/interop.md; importOnnx (import.ts) reads the same patterns back.
import { defOf } from '../../layers/all.js';
import { isContainer, type Layer, type Module } from '../../layers/layer.js';
import type { OnnxAttribute, OnnxEmitter } from '../../layers/registry.js';
import { Tensor, formatShape } from '../../tensor/tensor.js';
import {
  attr,
  floatTensor,
  floatValueInfo,
  int64Tensor,
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
class GraphBuilder implements OnnxEmitter {
  readonly nodes: NodeProto[] = [];
  readonly initializers: TensorProto[] = [];

  constructor(readonly opset: number) {}

  node(opType: string, name: string, inputs: readonly string[], attributes: Record<string, OnnxAttribute> = {}): string {
    const output = `${name}_output`;
    const attribute = Object.entries(attributes).map(([key, value]) => toAttribute(key, value));
    this.nodes.push({ opType, name, input: [...inputs], output: [output], attribute });
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

  int64s(name: string, values: readonly number[]): string {
    this.initializers.push(int64Tensor(name, [values.length], values));
    return name;
  }

  /** A container: its children in run order, each reading the values its trace names. */
  emit(module: Module, path: string, inputs: readonly string[], inputShapes: readonly (readonly number[])[]): string {
    const where = path === '' ? `${module.name}` : `layer ${path} (${module.name})`;
    if (isContainer(module)) {
      const values = new Map<string, string>([[module.inputName, inputs[0]]]);
      for (const entry of module.trace(inputShapes[0])) {
        const childPath = path === '' ? entry.name : `${path}.${entry.name}`;
        const childInputs = entry.inputs.map((name) => values.get(name)!);
        values.set(entry.name, this.emit(entry.module, childPath, childInputs, entry.inputShapes));
      }
      return values.get(module.outputName)!;
    }
    const def = defOf(module);
    if (!def.toOnnx) throw new Error(`exportOnnx: ${where}: no ONNX mapping for this layer (see docs/interop.md for the supported layers)`);
    try {
      return def.toOnnx(this, module, path, inputs, inputShapes);
    } catch (e) {
      const message = (e as Error).message;
      throw new Error(message.startsWith('exportOnnx:') ? message : `exportOnnx: ${where}: ${message}`);
    }
  }
}

function toAttribute(name: string, value: OnnxAttribute): AttributeProto {
  if ('int' in value) return attr.int(name, value.int);
  if ('ints' in value) return attr.ints(name, value.ints);
  if ('float' in value) return attr.float(name, value.float);
  if ('floats' in value) return attr.floats(name, value.floats);
  return attr.string(name, value.string);
}

/**
 * Serialises `model` (in eval semantics: BatchNorm uses its running statistics, Dropout is left
 * out) as an ONNX ModelProto. Every layer of src/layers is supported; see docs/interop.md.
 * Throws naming the layer when one cannot be expressed (e.g. a Softplus threshold below 12).
 */
export function exportOnnx(model: Layer, options: OnnxExportOptions): Uint8Array {
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
  let outputShape: readonly number[];
  try {
    outputShape = model.outputShape(inputShape);
  } catch (e) {
    throw new Error(`exportOnnx: inputShape ${formatShape(inputShape)} does not fit the model: ${(e as Error).message}`);
  }
  let x = b.emit(model, '', ['input'], [inputShape]);
  if (softmax) x = b.node('Softmax', 'softmax', [x], { axis: { int: 1 } });
  if (x === 'input') x = b.node('Identity', 'identity', [x]);
  // The value the model returns is renamed 'output' wherever it appears.
  for (const node of b.nodes) {
    node.output = node.output!.map((v) => (v === x ? 'output' : v));
    node.input = node.input!.map((v) => (v === x ? 'output' : v));
  }

  const batch = fixedBatch ? inputShape[0] : 'N';
  const graph: GraphProto = {
    name: 'nabla',
    node: b.nodes,
    initializer: b.initializers,
    input: [floatValueInfo('input', [batch, ...inputShape.slice(1)])],
    output: [floatValueInfo('output', [batch, ...outputShape.slice(1)])],
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
