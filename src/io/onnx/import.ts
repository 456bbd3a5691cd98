// SPDX-License-Identifier: MIT
// ONNX import: any graph (a chain, ResNet's shortcuts, DenseNet's and U-Net's concatenations)
// from its one input to its one output becomes a Nabla model with the file's weights, nested as
// the file's modules (import-nesting.ts): a Sequential when the layers form a chain, else a Graph.
// The node-by-node conversion is in import-nodes.ts, the fused formulas in import-patterns.ts;
// anything unsupported is an error naming the node, its op and the attribute. The mapping is documented in docs/interop.md.
import type { Container, LayerSpec } from '../../layers/layer.js';
import { OnnxGraph, type Dim } from './graph.js';
import { describeShape, loadWeights } from './import-builder.js';
import { Converter } from './import-nodes.js';
import { buildModel } from './import-nesting.js';
import { DataType, onnx, toInt, type DecodedGraph, type ValueInfoProto } from './proto.js';

export interface OnnxImportOptions {
  /**
   * What to do when the graph ends in Softmax. Nabla models output logits (the loss applies the
   * softmax), so by default this is an error; 'drop' imports the model without it.
   */
  trailingSoftmax?: 'error' | 'drop';
  /** Load weights holding NaN or ±Infinity (refused by default, naming the tensor and the first bad element). */
  allowNonFinite?: boolean;
}

export interface OnnxImportResult {
  /** A Sequential when the layers form a chain, else a Graph; nested as the file's modules (PyTorch's names). */
  model: Container;
  /** The whole model's spec (model.toSpec()). */
  spec: LayerSpec;
  /** The layer specs, one per layer or graph node, in order. */
  specs: LayerSpec[];
  /** The graph input's shape: 'N' for the batch, null for a symbolic non-batch dimension. */
  inputShape: Dim[];
  /** Whether a trailing Softmax was dropped. */
  droppedSoftmax: boolean;
  /** The model's metadata_props (string keys and values; others are skipped). */
  metadata: Record<string, string>;
}

/** The model an ONNX file describes (see readOnnx for the details it also returns). */
export function importOnnx(bytes: Uint8Array, options: OnnxImportOptions = {}): Container {
  return readOnnx(bytes, options).model;
}

/** Decodes and converts an ONNX model; every error starts with 'importOnnx:'. */
export function readOnnx(bytes: Uint8Array, options: OnnxImportOptions = {}): OnnxImportResult {
  try {
    return convert(decodeGraph(bytes), options);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    throw new Error(message.startsWith('importOnnx:') ? message : `importOnnx: ${message}`);
  }
}

function decodeGraph(bytes: Uint8Array): { graph: DecodedGraph; opset: number; metadata: Record<string, string> } {
  if (!(bytes instanceof Uint8Array)) throw new Error('importOnnx: expected the file contents as a Uint8Array');
  if (bytes.length === 0) throw new Error('importOnnx: the file is empty');
  let model: ReturnType<typeof onnx.ModelProto.decode>;
  try {
    model = onnx.ModelProto.decode(bytes);
  } catch (e) {
    // Subgraph attributes nest messages; a file nesting them thousands deep exhausts the stack.
    const why = e instanceof RangeError && /call stack/.test(e.message) ? 'messages nested too deeply' : (e as Error).message;
    throw new Error(`importOnnx: not a valid ONNX file (protobuf decoding failed: ${why})`);
  }
  if (!model.graph) throw new Error('importOnnx: the file has no graph (not an ONNX model?)');
  const graph = model.graph as DecodedGraph;
  let opset = 0;
  for (const o of model.opsetImport) {
    if (o.domain === '' || o.domain === 'ai.onnx' || o.domain === undefined) opset = toInt(o.version, 'opset_import version');
  }
  if (opset === 0) throw new Error('importOnnx: the model imports no default-domain (ai.onnx) opset');
  const metadata: Record<string, string> = {};
  for (const { key, value } of model.metadataProps ?? []) {
    if (typeof key === 'string' && typeof value === 'string') metadata[key] = value;
  }
  return { graph, opset, metadata };
}

/** Converts the graph, builds the model, loads the weights and checks the shapes the file declares. */
function convert({ graph, opset, metadata }: { graph: DecodedGraph; opset: number; metadata: Record<string, string> }, options: OnnxImportOptions): OnnxImportResult {
  const g = new OnnxGraph(graph, options.allowNonFinite ?? false);
  const inputs = graph.input.filter((vi) => !g.isInitializer(vi.name ?? ''));
  if (inputs.length !== 1) throw new Error(`the graph must have exactly one input, got ${inputs.length} (${inputs.map((i) => i.name).join(', ')})`);
  if (graph.output.length !== 1) throw new Error(`the graph must have exactly one output, got ${graph.output.length} (${graph.output.map((o) => o.name).join(', ')})`);
  const input = inputs[0];
  const tensorType = input.type?.tensorType;
  if (!tensorType || (tensorType.elemType !== DataType.FLOAT && tensorType.elemType !== undefined)) {
    throw new Error(`input '${input.name}' must be a float tensor`);
  }
  const dims = tensorType.shape?.dim ?? [];
  if (dims.length < 2) throw new Error(`input '${input.name}' must have a batch dimension and at least one more, got rank ${dims.length}`);
  const inputShape: Dim[] = dims.map((d, i) => {
    if (i === 0) return 'N';
    return d.dimValue !== undefined && d.dimValue !== null && !d.dimParam ? toInt(d.dimValue, `input dim ${i}`) : null;
  });
  for (const [i, d] of inputShape.entries()) {
    if (typeof d === 'number' && d < 1) throw new Error(`input '${input.name}': dimension ${i} is ${d}`);
  }
  const batch = dims[0].dimValue && !dims[0].dimParam ? toInt(dims[0].dimValue, 'input dim 0') : null;
  const outputName = graph.output[0].name ?? '';
  const c = new Converter(g, input.name ?? '', inputShape, outputName, opset, options, batch);
  const out = c.run();
  checkDeclaredShape(graph.output[0], out.shape);
  for (const info of graph.valueInfo ?? []) {
    const v = c.valueOf(info.name ?? '');
    if (v && !c.reshaped.has(info.name ?? '')) checkDeclaredShape(info, v.shape);
  }
  const nodes = c.builder.nodes;
  loadWeights(nodes);
  const model = buildModel(nodes, out.name);
  return { model, spec: model.toSpec(), specs: nodes.map((n) => n.spec), inputShape, droppedSoftmax: c.droppedSoftmax, metadata };
}

/**
 * Throws when the file declares the output's size and it differs from what the layers compute
 * (a file whose attributes were damaged, or an operator read differently from its writer).
 */
function checkDeclaredShape(info: ValueInfoProto, shape: Dim[]): void {
  const declared = info.type?.tensorType?.shape?.dim;
  if (!declared) return;
  const fixed = declared.map((d) => (d.dimValue !== undefined && d.dimValue !== null && !d.dimParam ? toInt(d.dimValue, `output '${info.name}' dim`) : null));
  const differs = fixed.length !== shape.length || fixed.some((d, i) => i > 0 && d !== null && shape[i] !== null && d !== shape[i]);
  if (differs) {
    throw new Error(`value '${info.name}': the file declares shape ${describeShape(fixed)} but the layers compute ${describeShape(shape)}`);
  }
}
