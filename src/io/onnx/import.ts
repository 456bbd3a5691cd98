// SPDX-License-Identifier: MIT
// ONNX import: walks the graph from its input to its output, one layer per node or per fixed
// node pattern (MatMul + Add, the erf formula of GELU, Mul + Softplus + Div, Pad + AveragePool,
// PyTorch's flatten Reshapes), and builds the equivalent Sequential with the file's weights.
// Anything else (another op, attribute or a branching graph) is an error naming the node.
// The mapping is documented in docs/interop.md.
import { outputSize } from '../../kernels/geometry.js';
import type { LayerSpec } from '../../layers/layer.js';
import type { Sequential } from '../../layers/sequential.js';
import { sequentialFromSpec } from '../../layers/spec.js';
import { formatShape } from '../../tensor/tensor.js';
import { OnnxGraph, describeNode, type Dim } from './graph.js';
import { Attributes, DataType, onnx, shortestFloat32, toInt, type DecodedGraph, type NodeProto } from './proto.js';

export interface OnnxImportOptions {
  /**
   * What to do when the graph ends in Softmax. Nabla models output logits (the loss applies the
   * softmax), so by default this is an error; 'drop' imports the model without it.
   */
  trailingSoftmax?: 'error' | 'drop';
}

export interface OnnxImportResult {
  model: Sequential;
  /** The layer specs, one per layer (as sequentialFromSpec takes them). */
  specs: LayerSpec[];
  /** The graph input's shape: 'N' for the batch, null for a symbolic non-batch dimension. */
  inputShape: Dim[];
  /** Whether a trailing Softmax was dropped. */
  droppedSoftmax: boolean;
  /** The model's metadata_props (string keys and values; others are skipped). */
  metadata: Record<string, string>;
}

/** The Sequential an ONNX file describes (see readOnnx for the details it also returns). */
export function importOnnx(bytes: Uint8Array, options: OnnxImportOptions = {}): Sequential {
  return readOnnx(bytes, options).model;
}

interface Weight {
  dims: number[];
  values: Float64Array;
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

const ELEMENTWISE: Record<string, string> = { Relu: 'ReLU', Sigmoid: 'Sigmoid', Tanh: 'Tanh', Softplus: 'Softplus' };

class Converter {
  readonly specs: LayerSpec[] = [];
  readonly weights = new Map<string, Weight>();
  private readonly consumed = new Set<NodeProto>();
  private cur: string;
  private shape: Dim[];
  droppedSoftmax = false;

  constructor(
    private readonly g: OnnxGraph,
    input: string,
    inputShape: Dim[],
    private readonly output: string,
    private readonly opset: number,
    private readonly options: OnnxImportOptions,
    /** The batch size when the file fixes it (no dynamic batch axis), else null. */
    private readonly fixedBatch: number | null,
  ) {
    this.cur = input;
    this.shape = inputShape;
    g.shapes.set(input, inputShape);
  }

  run(): void {
    // Each step consumes at least one node, so the walk ends within nodes.length steps.
    for (let steps = 0; this.cur !== this.output; steps++) {
      if (steps > this.g.nodes.length) throw new Error('the graph has a cycle');
      const before = this.cur;
      const readers = this.g.readersOf(before).filter((n) => !this.consumed.has(n) && n.opType !== 'Shape');
      if (readers.length === 0) throw new Error(`value '${before}' is not read by any node and is not the graph output '${this.output}'`);
      this.step(readers[0]);
      const left = this.g.readersOf(before).filter((n) => !this.consumed.has(n) && n.opType !== 'Shape');
      if (left.length > 0) {
        throw new Error(
          `${describeNode(left[0])} also reads '${before}': a branching graph (e.g. a residual connection) cannot become a Sequential`,
        );
      }
    }
  }

  /** Adds a layer; its weights are keyed by the Sequential's parameter names ('3.weight'). */
  private add(spec: LayerSpec, weights: Record<string, Weight> = {}): void {
    const index = this.specs.length;
    this.specs.push(spec);
    for (const [local, w] of Object.entries(weights)) this.weights.set(`${index}.${local}`, w);
  }

  /** Marks nodes as consumed and moves the main path to `value` with `shape`. */
  private advance(nodes: NodeProto[], value: string, shape: Dim[]): void {
    for (const n of nodes) {
      this.consumed.add(n);
      for (const out of (n.output ?? []).slice(1)) {
        if (out !== '' && (this.g.readersOf(out).length > 0 || out === this.output)) {
          throw new Error(`${describeNode(n)}: output '${out}' is used, only the first output is supported`);
        }
      }
    }
    this.cur = value;
    this.shape = shape;
    this.g.shapes.set(value, shape);
  }

  /** The single node reading `value`, when exactly one does (for fusing a pattern). */
  private onlyReader(value: string): NodeProto | null {
    const readers = this.g.readersOf(value);
    return readers.length === 1 && value !== this.output ? readers[0] : null;
  }

  private step(node: NodeProto): void {
    const where = describeNode(node);
    if (node.domain && node.domain !== 'ai.onnx') throw new Error(`${where}: unsupported operator domain '${node.domain}'`);
    if ((node.input ?? [])[0] !== this.cur) {
      throw new Error(`${where}: reads '${this.cur}' as input ${(node.input ?? []).indexOf(this.cur)}, only input 0 is supported`);
    }
    const out = node.output?.[0] ?? '';
    const a = new Attributes(where, node.attribute ?? []);
    switch (node.opType) {
      case 'Gemm':
        return this.gemm(node, a);
      case 'MatMul':
        return this.matmul(node);
      case 'Conv':
        return this.conv(node, a);
      case 'MaxPool':
      case 'AveragePool':
        return this.pool(node, a, [0, 0]);
      case 'Pad':
        return this.padThenAveragePool(node, a);
      case 'BatchNormalization':
        return this.batchNorm(node, a);
      case 'Relu':
      case 'Sigmoid':
      case 'Tanh':
      case 'Softplus':
        a.checkAllUsed();
        this.add({ type: ELEMENTWISE[node.opType] });
        return this.advance([node], out, this.shape);
      case 'LeakyRelu': {
        const alpha = shortestFloat32(a.float('alpha', 0.01));
        a.checkAllUsed();
        this.add(alpha === 0.01 ? { type: 'LeakyReLU' } : { type: 'LeakyReLU', negativeSlope: alpha });
        return this.advance([node], out, this.shape);
      }
      case 'Gelu': {
        const approximate = a.string('approximate', 'none');
        if (approximate !== 'none') throw new Error(`${where}: attribute approximate = '${approximate}' is not supported (only 'none', exact GELU)`);
        a.checkAllUsed();
        this.add({ type: 'GELU' });
        return this.advance([node], out, this.shape);
      }
      case 'Div':
      case 'Mul':
        return this.geluOrSoftplusPattern(node);
      case 'Flatten': {
        const axis = a.int('axis', 1);
        a.checkAllUsed();
        if (axis !== 1 && axis !== 1 - this.shape.length) throw new Error(`${where}: attribute axis = ${axis} is not supported (only 1)`);
        this.add({ type: 'Flatten' });
        return this.advance([node], out, flattened(this.shape));
      }
      case 'Reshape':
        return this.reshape(node, a);
      case 'Identity':
      case 'Dropout':
        return this.skip(node, a);
      case 'Softmax':
        return this.softmax(node, a);
      default:
        throw new Error(`${where}: unsupported operator '${node.opType}'`);
    }
  }

  private skip(node: NodeProto, a: Attributes): void {
    if (node.opType === 'Dropout') {
      a.float('ratio', 0.5);
      a.int('seed', 0);
      a.int('is_test', 1);
      // From opset 12 ratio and training_mode are inputs; a constant training_mode must be false.
      const trainingMode = node.input?.[2] ? this.g.constant(node.input[2]) : null;
      if (trainingMode?.ints?.[0]) throw new Error(`${describeNode(node)}: training_mode = true is not supported`);
    }
    a.checkAllUsed();
    this.advance([node], node.output?.[0] ?? '', this.shape);
  }

  /** Linear from Gemm: y = α·x·op(B) + β·C. PyTorch exports transB = 1 (B = W as [out, in]). */
  private gemm(node: NodeProto, a: Attributes): void {
    const where = describeNode(node);
    const alpha = a.float('alpha', 1);
    const beta = a.float('beta', 1);
    const transA = a.int('transA', 0);
    const transB = a.int('transB', 0);
    a.checkAllUsed();
    if (transA !== 0) throw new Error(`${where}: attribute transA = ${transA} is not supported`);
    const B = this.g.floats(node, 1, 'B');
    if (B.dims.length !== 2) throw new Error(`${where}: B must be 2-D, got dims ${formatShape(B.dims)}`);
    // Nabla's W is [in, out]: B as stored when transB = 0, its transpose when transB = 1.
    const W = transB ? transpose(B) : B;
    const bias = node.input?.[2] ? this.g.floats(node, 2, 'C') : null;
    this.linear(node, scaled(W, alpha), bias ? scaled(bias, beta) : null, [node]);
  }

  /** Linear from MatMul (B is [in, out] already), fused with a following Add of a constant bias. */
  private matmul(node: NodeProto): void {
    new Attributes(describeNode(node), node.attribute ?? []).checkAllUsed();
    const W = this.g.floats(node, 1, 'B');
    const add = this.onlyReader(node.output?.[0] ?? '');
    if (add?.opType === 'Add' && add.input?.[0] === node.output?.[0]) {
      const bias = this.g.constant(add.input?.[1] ?? '');
      if (bias?.floats) return this.linear(node, W, { dims: bias.dims, values: bias.floats }, [node, add]);
    }
    this.linear(node, W, null, [node]);
  }

  private linear(node: NodeProto, W: Weight, bias: Weight | null, nodes: NodeProto[]): void {
    const where = describeNode(node);
    if (W.dims.length !== 2) throw new Error(`${where}: the weight must be 2-D, got dims ${formatShape(W.dims)}`);
    const [inFeatures, outFeatures] = W.dims;
    if (this.shape.length !== 2 || (this.shape[1] !== null && this.shape[1] !== inFeatures)) {
      throw new Error(`${where}: weight [in, out] = ${formatShape(W.dims)} does not fit its input ${describeShape(this.shape)}`);
    }
    if (bias && (bias.values.length !== outFeatures || bias.dims.some((d, i) => d !== 1 && i !== bias.dims.length - 1))) {
      throw new Error(`${where}: bias dims ${formatShape(bias.dims)} do not broadcast as [${outFeatures}]`);
    }
    const spec: LayerSpec = { type: 'Linear', inFeatures, outFeatures };
    if (!bias) spec.bias = false;
    this.add(spec, bias ? { weight: W, bias: { dims: [outFeatures], values: bias.values } } : { weight: W });
    const last = nodes[nodes.length - 1];
    this.advance(nodes, last.output?.[0] ?? '', ['N', outFeatures]);
  }

  private conv(node: NodeProto, a: Attributes): void {
    const where = describeNode(node);
    const W = this.g.floats(node, 1, 'W');
    if (W.dims.length !== 4) throw new Error(`${where}: only 2-D convolution is supported, W has dims ${formatShape(W.dims)}`);
    const [outChannels, inPerGroup, kH, kW] = W.dims;
    const kernel = a.ints('kernel_shape') ?? [kH, kW];
    if (kernel[0] !== kH || kernel[1] !== kW) throw new Error(`${where}: kernel_shape ${formatShape(kernel)} disagrees with W ${formatShape(W.dims)}`);
    const window = this.window(a, where, kernel);
    const groups = a.int('group', 1);
    a.checkAllUsed();
    const inChannels = inPerGroup * groups;
    if (this.shape.length !== 4 || (this.shape[1] !== null && this.shape[1] !== inChannels)) {
      throw new Error(`${where}: W ${formatShape(W.dims)} with group ${groups} needs [N, ${inChannels}, H, W] input, got ${describeShape(this.shape)}`);
    }
    const bias = node.input?.[2] ? this.g.floats(node, 2, 'B') : null;
    if (bias && bias.values.length !== outChannels) throw new Error(`${where}: bias has ${bias.values.length} values, expected ${outChannels}`);
    const spec: LayerSpec = { type: 'Conv2d', inChannels, outChannels, kernelSize: [kH, kW], stride: window.strides };
    Object.assign(spec, { padding: window.pads, dilation: window.dilations, groups });
    if (!bias) spec.bias = false;
    this.add(spec, bias ? { weight: W, bias: { dims: [outChannels], values: bias.values } } : { weight: W });
    this.advance([node], node.output?.[0] ?? '', this.spatial(where, outChannels, kernel, window));
  }

  /** MaxPool or AveragePool; `extraPads` comes from a Pad node fused in front of an AveragePool. */
  private pool(node: NodeProto, a: Attributes, extraPads: [number, number], before: NodeProto[] = []): void {
    const where = describeNode(node);
    const kernel = a.ints('kernel_shape');
    if (!kernel || kernel.length !== 2) throw new Error(`${where}: kernel_shape must list 2 sizes (2-D pooling), got ${JSON.stringify(kernel)}`);
    const window = this.window(a, where, kernel);
    if (window.dilations.some((d) => d !== 1)) throw new Error(`${where}: attribute dilations = ${formatShape(window.dilations)} is not supported`);
    a.int('storage_order', 0); // only affects the indices output, which must be unused
    const isAverage = node.opType === 'AveragePool';
    const countIncludePad = isAverage ? a.int('count_include_pad', 0) === 1 : false;
    a.checkAllUsed();
    if (this.shape.length !== 4) throw new Error(`${where}: needs an [N, C, H, W] input, got ${describeShape(this.shape)}`);
    const pads: [number, number] = [window.pads[0] + extraPads[0], window.pads[1] + extraPads[1]];
    const spec: LayerSpec = { type: isAverage ? 'AvgPool2d' : 'MaxPool2d', kernelSize: kernel, stride: window.strides, padding: pads };
    // Zeros padded by a Pad node count in the average, so the fused pair is countIncludePad = true.
    if (isAverage) spec.countIncludePad = extraPads[0] + extraPads[1] > 0 ? true : countIncludePad;
    if (isAverage && extraPads[0] + extraPads[1] > 0 && window.pads.some((p) => p !== 0)) {
      throw new Error(`${where}: padding both in a Pad node and in the AveragePool is not supported`);
    }
    this.add(spec);
    const all = [...before, node];
    this.advance(all, node.output?.[0] ?? '', this.spatial(where, this.shape[1], kernel, { ...window, pads }));
  }

  /** PyTorch writes AvgPool2d(padding = p, count_include_pad = True) as Pad(zeros) + AveragePool. */
  private padThenAveragePool(node: NodeProto, a: Attributes): void {
    const where = describeNode(node);
    const mode = a.string('mode', 'constant');
    const padsAttr = a.ints('pads'); // before opset 11 pads and value were attributes
    const valueAttr = a.float('value', 0);
    a.checkAllUsed();
    const pool = this.onlyReader(node.output?.[0] ?? '');
    if (!pool || pool.opType !== 'AveragePool') throw new Error(`${where}: a Pad is only supported right before an AveragePool`);
    if (node.input?.[3]) throw new Error(`${where}: the axes input (opset 18) is not supported`);
    const pads = padsAttr ?? this.g.ints(node, 1, 'pads');
    const value = node.input?.[2] ? this.g.floats(node, 2, 'constant_value').values[0] : valueAttr;
    const isSymmetric2d =
      pads.length === 8 && pads.every((p) => typeof p === 'number' && p >= 0) && pads[0] === 0 && pads[1] === 0 &&
      pads[4] === 0 && pads[5] === 0 && pads[2] === pads[6] && pads[3] === pads[7];
    if (mode !== 'constant' || value !== 0 || !isSymmetric2d) {
      throw new Error(`${where}: only zero padding of H and W, equal on both sides, is supported (mode ${mode}, value ${value}, pads ${JSON.stringify(pads)})`);
    }
    const poolAttributes = new Attributes(describeNode(pool), pool.attribute ?? []);
    this.pool(pool, poolAttributes, [pads[2] as number, pads[3] as number], [node]);
  }

  private batchNorm(node: NodeProto, a: Attributes): void {
    const where = describeNode(node);
    const eps = a.float('epsilon', 1e-5);
    const momentum = a.float('momentum', 0.9);
    if (a.int('training_mode', 0) !== 0) throw new Error(`${where}: attribute training_mode = 1 is not supported`);
    a.int('spatial', 1); // opset < 9; 1 is the per-channel normalisation Nabla does
    a.int('is_test', 1);
    a.checkAllUsed();
    const [scale, bias, mean, variance] = [1, 2, 3, 4].map((i) => this.g.floats(node, i, ['scale', 'B', 'mean', 'var'][i - 1]));
    const C = mean.values.length;
    for (const t of [scale, bias, variance]) {
      if (t.values.length !== C) throw new Error(`${where}: scale, B, mean and var must have the same length, got ${[scale, bias, mean, variance].map((x) => x.values.length).join(', ')}`);
    }
    const rank = this.shape.length;
    if ((rank !== 2 && rank !== 4) || (this.shape[1] !== null && this.shape[1] !== C)) {
      throw new Error(`${where}: ${C} channels need an [N, ${C}] or [N, ${C}, H, W] input, got ${describeShape(this.shape)}`);
    }
    // ONNX's momentum weighs the running value; Nabla's (as PyTorch's) weighs the new batch.
    const spec: LayerSpec = { type: rank === 2 ? 'BatchNorm1d' : 'BatchNorm2d', numFeatures: C };
    if (shortestFloat32(eps) !== 1e-5) spec.eps = shortestFloat32(eps);
    // 1 − 0.9f is 0.1 only to 7 digits, which is all a float32 attribute carries.
    const m = Number(Math.min(Math.max(1 - momentum, 0), 1).toPrecision(7));
    if (m !== 0.1) spec.momentum = m;
    const vec = (t: Weight): Weight => ({ dims: [C], values: t.values });
    this.add(spec, { weight: vec(scale), bias: vec(bias), runningMean: vec(mean), runningVar: vec(variance) });
    this.advance([node], node.output?.[0] ?? '', this.shape);
  }

  /**
   * GELU as x·½(1 + erf(x/√2)): Div(x, √2) or Mul(x, 1/√2) → Erf → Add(1) → Mul(x, ·) → Mul(0.5).
   * Softplus with β: Mul(x, β) → Softplus → Div(β) or Mul(1/β).
   */
  private geluOrSoftplusPattern(first: NodeProto): void {
    const where = describeNode(first);
    const x = this.cur;
    const scalar = (node: NodeProto | null, index: number): number | null => {
      const name = node?.input?.[index] ?? '';
      const c = name && !this.isMain(name) ? this.g.constant(name) : null;
      return c?.floats && c.floats.length === 1 ? c.floats[0] : null;
    };
    const constOf = (node: NodeProto | null, other: string): number | null => {
      if (!node || node.input?.length !== 2) return null;
      const i = node.input[0] === other ? 1 : node.input[1] === other ? 0 : -1;
      return i < 0 ? null : scalar(node, i);
    };
    const next = (node: NodeProto | null, op: string): NodeProto | null => {
      const r = node ? this.onlyReader(node.output?.[0] ?? '') : null;
      return r?.opType === op ? r : null;
    };
    const near = (v: number | null, target: number): boolean => v !== null && Math.abs(v - target) <= 1e-6 * Math.abs(target);
    const c = constOf(first, x);
    if (first.opType === 'Div' && first.input?.[0] !== x) throw new Error(`${where}: only division of the input by a constant is supported`);
    const inv = first.opType === 'Div' ? (c === null ? null : 1 / c) : c; // x is multiplied by this

    const erf = next(first, 'Erf');
    if (erf && near(inv, Math.SQRT1_2)) {
      const add = next(erf, 'Add');
      const mul = add ? this.onlyReader(add.output?.[0] ?? '') : null;
      const half = next(mul, 'Mul');
      const mulReadsX = mul?.opType === 'Mul' && mul.input?.includes(x) && mul.input?.includes(add!.output![0]);
      if (add && near(constOf(add, erf.output![0]), 1) && mulReadsX && half && near(constOf(half, mul!.output![0]), 0.5)) {
        this.add({ type: 'GELU' });
        return this.advance([first, erf, add, mul!, half], half.output![0], this.shape);
      }
    }
    const softplus = next(first, 'Softplus');
    if (softplus && first.opType === 'Mul' && inv !== null && inv > 0) {
      const back = this.onlyReader(softplus.output?.[0] ?? '');
      const k = constOf(back, softplus.output![0]);
      const undoes = back && k !== null && (back.opType === 'Div' ? near(k, inv) : back.opType === 'Mul' && near(k, 1 / inv));
      if (undoes && (back.opType === 'Mul' || back.input?.[0] === softplus.output![0])) {
        this.add(inv === 1 ? { type: 'Softplus' } : { type: 'Softplus', beta: shortestFloat32(inv) });
        return this.advance([first, softplus, back], back.output![0], this.shape);
      }
    }
    throw new Error(`${where}: unsupported operator '${first.opType}' (only as part of GELU's erf formula or a Softplus with β)`);
  }

  private isMain(value: string): boolean {
    return this.g.shapes.has(value) && !this.g.isInitializer(value);
  }

  /**
   * Reshape to [N, K] where it flattens: the batch entry may be the symbolic N (from a Shape
   * computation), -1, 0 (copy) or the file's fixed batch size; K may be -1.
   */
  private reshape(node: NodeProto, a: Attributes): void {
    const where = describeNode(node);
    const allowZero = a.int('allowzero', 0);
    a.checkAllUsed();
    const target = this.g.ints(node, 1, 'shape');
    const features = flattened(this.shape)[1];
    const batchOk = (d: Dim): boolean => d === 'N' || d === -1 || (d === 0 && allowZero === 0) || (d !== null && d === this.fixedBatch);
    const featuresOk = (d: Dim): boolean => d === -1 || (d !== null && d === features);
    const isFlatten = target.length === 2 && batchOk(target[0]) && featuresOk(target[1]) && !(target[0] === -1 && target[1] === -1);
    if (!isFlatten) {
      throw new Error(`${where}: Reshape of ${describeShape(this.shape)} to ${JSON.stringify(target)} is not a flatten to [N, ${features ?? '?'}]`);
    }
    if (this.shape.length > 2) this.add({ type: 'Flatten' });
    this.advance([node], node.output?.[0] ?? '', flattened(this.shape));
  }

  private softmax(node: NodeProto, a: Attributes): void {
    const where = describeNode(node);
    const axis = a.int('axis', this.opset >= 13 ? -1 : 1);
    a.checkAllUsed();
    if (node.output?.[0] !== this.output) throw new Error(`${where}: Softmax is only supported as the last node`);
    const rank = this.shape.length;
    if (rank !== 2 || (axis !== 1 && axis !== -1)) throw new Error(`${where}: Softmax over axis ${axis} of a rank-${rank} value is not supported`);
    if (this.options.trailingSoftmax !== 'drop') {
      throw new Error(
        `${where}: the graph ends in Softmax; Nabla models output logits (the loss applies softmax). ` +
          `Import with {trailingSoftmax: 'drop'} to load the model without it`,
      );
    }
    this.droppedSoftmax = true;
    this.advance([node], node.output?.[0] ?? '', this.shape);
  }

  /** strides, symmetric pads and dilations of a Conv or pool (auto_pad NOTSET or VALID). */
  private window(a: Attributes, where: string, kernel: number[]) {
    const autoPad = a.string('auto_pad', 'NOTSET');
    if (autoPad !== 'NOTSET' && autoPad !== 'VALID') throw new Error(`${where}: attribute auto_pad = '${autoPad}' is not supported (NOTSET, VALID are)`);
    if (a.int('ceil_mode', 0) !== 0) throw new Error(`${where}: attribute ceil_mode = 1 is not supported`);
    const strides = a.ints('strides') ?? [1, 1];
    const dilations = a.ints('dilations') ?? [1, 1];
    const pads = a.ints('pads') ?? [0, 0, 0, 0];
    if (strides.length !== 2 || dilations.length !== 2 || pads.length !== 4 || kernel.length !== 2) {
      throw new Error(`${where}: expected 2-D strides, dilations and pads, got ${JSON.stringify({ strides, dilations, pads })}`);
    }
    if (pads[0] !== pads[2] || pads[1] !== pads[3]) {
      throw new Error(`${where}: attribute pads = ${formatShape(pads)} is asymmetric (Nabla pads both sides equally)`);
    }
    if (autoPad === 'VALID' && pads.some((p) => p !== 0)) throw new Error(`${where}: auto_pad = 'VALID' with non-zero pads`);
    return { strides: [strides[0], strides[1]], pads: [pads[0], pads[1]], dilations: [dilations[0], dilations[1]] };
  }

  /** [N, channels, OH, OW] after a window over this.shape (null where H or W is unknown). */
  private spatial(where: string, channels: Dim, kernel: number[], w: { strides: number[]; pads: number[]; dilations: number[] }): Dim[] {
    const out = [2, 3].map((d, i) => {
      const size = this.shape[d];
      return typeof size === 'number' ? outputSize(size, kernel[i], w.strides[i], w.pads[i], w.dilations[i]) : null;
    });
    if (out.some((o) => o !== null && o < 1)) throw new Error(`${where}: window ${formatShape(kernel)} is larger than its input ${describeShape(this.shape)}`);
    return ['N', channels, ...out];
  }
}

/** Builds the Sequential and copies every weight in, checking each parameter got its tensor. */
function convert({ graph, opset, metadata }: { graph: DecodedGraph; opset: number; metadata: Record<string, string> }, options: OnnxImportOptions): OnnxImportResult {
  const g = new OnnxGraph(graph);
  const inputs = graph.input.filter((vi) => !g.isInitializer(vi.name ?? ''));
  if (inputs.length !== 1) throw new Error(`the graph must have exactly one input, got ${inputs.length} (${inputs.map((i) => i.name).join(', ')})`);
  if (graph.output.length !== 1) throw new Error(`the graph must have exactly one output, got ${graph.output.length}`);
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
  const batch = dims[0].dimValue && !dims[0].dimParam ? toInt(dims[0].dimValue, 'input dim 0') : null;
  const c = new Converter(g, input.name ?? '', inputShape, graph.output[0].name ?? '', opset, options, batch);
  c.run();
  const model = sequentialFromSpec(c.specs);
  for (const t of [...model.parameters(), ...model.buffers()]) {
    const w = c.weights.get(t.name);
    if (!w) throw new Error(`no weights found for ${t.name}`);
    if (w.values.length !== t.value.size) {
      throw new Error(`${t.name}: the file has ${w.values.length} values, the layer needs ${formatShape(t.value.shape)}`);
    }
    t.value.data.set(w.values);
  }
  return { model, specs: c.specs, inputShape, droppedSoftmax: c.droppedSoftmax, metadata };
}

function flattened(shape: Dim[]): Dim[] {
  let features: Dim = 1;
  for (const d of shape.slice(1)) features = typeof d === 'number' && typeof features === 'number' ? features * d : null;
  return ['N', features];
}

function describeShape(shape: Dim[]): string {
  return `[${shape.map((d) => (d === null ? '?' : String(d))).join(', ')}]`;
}

function transpose(t: Weight): Weight {
  const [rows, cols] = t.dims;
  const values = new Float64Array(rows * cols);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) values[c * rows + r] = t.values[r * cols + c];
  return { dims: [cols, rows], values };
}

function scaled(t: Weight, factor: number): Weight {
  return factor === 1 ? t : { dims: t.dims, values: t.values.map((v) => v * factor) };
}
