// SPDX-License-Identifier: MIT
// ONNX import, node by node: walks the graph in topological order and turns each node reading the
// model's input (directly or through other nodes) into a Graph node, or into nothing (Identity,
// Dropout, a Reshape that changes nothing), or fuses it with the nodes after it (MatMul + Add,
// Pad + AveragePool, the formulas in import-patterns.ts), or into one layer per output (Split).
// Nodes computing only from constants (weights, PyTorch's shape arithmetic) are evaluated on
// demand by OnnxGraph. This file holds the walk, the dispatch, the layers with weights,
// activations and merges; pooling, shape ops, norms, upsampling, slices and channel shuffles have
// files of their own. Every refusal names the node, its op and the attribute or input at fault.
// The mapping: docs/interop.md.
import { layerDef } from '../../layers/all.js';
import type { LayerSpec } from '../../layers/layer.js';
import { formatShape } from '../../tensor/tensor.js';
import { OnnxGraph, describeNode, type Dim } from './graph.js';
import { describeShape, foldedBatchNorm, GraphBuilder, type Value, type Weight } from './import-builder.js';
import { instanceNormalization, layerNormalization } from './import-norms.js';
import { matchPattern } from './import-patterns.js';
import { convTranspose, resize } from './import-upsampling.js';
import { globalPool, pad, pool, reduceMean, zeroPad } from './import-pools.js';
import { reshape, skip, softmax, transpose } from './import-shapes.js';
import { gather } from './import-gather.js';
import { slice, split } from './import-slices.js';
import { readWindow } from './import-window.js';
import { Attributes, shortestFloat32, type NodeProto } from './proto.js';

export interface ConverterOptions {
  trailingSoftmax?: 'error' | 'drop';
}

/** ONNX elementwise ops with no attributes and the Nabla layer of each. */
const PLAIN: Record<string, string> = { Relu: 'ReLU', Sigmoid: 'Sigmoid', Tanh: 'Tanh', Softplus: 'Softplus', Mish: 'Mish', HardSwish: 'Hardswish' };

export class Converter {
  readonly builder: GraphBuilder;
  private readonly values = new Map<string, Value>();
  private readonly consumed = new Set<NodeProto>();
  /** ONNX values mapped to a value of another shape (a Pad's output, folded into the next layer). */
  readonly reshaped = new Set<string>();
  droppedSoftmax = false;

  constructor(
    readonly g: OnnxGraph,
    private readonly onnxInput: string,
    inputShape: Dim[],
    readonly output: string,
    readonly opset: number,
    readonly options: ConverterOptions,
    /** The batch size when the file fixes it (no dynamic batch axis), else null. */
    readonly fixedBatch: number | null,
  ) {
    this.builder = new GraphBuilder('input', fixedBatch ?? 1);
    this.setValue(onnxInput, { name: 'input', shape: inputShape });
  }

  /** Converts every node the output depends on; returns the Nabla value of the graph's output. */
  run(): Value {
    const live = this.g.nodesLeadingTo(this.output);
    for (const node of this.g.sorted()) {
      if (!live.has(node) || this.consumed.has(node)) continue;
      const readsData = (node.input ?? []).some((v) => this.values.has(v));
      if (!readsData || node.opType === 'Shape') continue; // a constant, evaluated where it is read
      this.step(node);
    }
    const out = this.values.get(this.output);
    if (!out) throw new Error(`the graph output '${this.output}' does not depend on the input '${this.onnxInput}'`);
    return out;
  }

  // ---- what handlers use ----------------------------------------------------------------------

  valueOf(name: string): Value | undefined {
    return this.values.get(name);
  }

  isData(name: string): boolean {
    return this.values.has(name);
  }

  private setValue(onnxName: string, v: Value): void {
    this.values.set(onnxName, v);
    this.g.shapes.set(onnxName, v.shape);
  }

  /** Input `index` of `node`, which must be computed from the model's input. */
  data(node: NodeProto, index: number): Value {
    const name = node.input?.[index] ?? '';
    const v = this.values.get(name);
    if (!v) throw new Error(`${describeNode(node)}: input ${index} ('${name}') must be computed from the model's input (it is a constant)`);
    return v;
  }

  /** Throws unless every input but the first is a constant (or absent). */
  onlyFirstIsData(node: NodeProto): Value {
    (node.input ?? []).forEach((name, i) => {
      if (i > 0 && this.values.has(name)) {
        throw new Error(`${describeNode(node)}: input ${i} ('${name}') is computed from the model's input; only a constant is supported there`);
      }
    });
    return this.data(node, 0);
  }

  /** The single live reader of `value`, when exactly one node reads it and it is not the output. */
  onlyReader(value: string): NodeProto | null {
    const readers = this.g.readersOf(value).filter((n) => !this.consumed.has(n));
    return readers.length === 1 && value !== this.output ? readers[0] : null;
  }

  /** Adds a layer computed by `nodes` (the last one's first output is its value). */
  emit(nodes: NodeProto[], spec: LayerSpec, inputs: Value[], weights: Record<string, Weight> = {}, main = nodes[0]): Value {
    this.consume(nodes);
    const v = this.builder.add(main, spec, inputs, weights, describeNode(main));
    this.setValue(nodes[nodes.length - 1].output?.[0] ?? '', v);
    return v;
  }

  /** `nodes` compute nothing new: the last one's output is `value`. */
  alias(nodes: NodeProto[], value: Value): void {
    this.consume(nodes);
    this.setValue(nodes[nodes.length - 1].output?.[0] ?? '', value);
  }

  /** A node with several outputs (Split): each used output i becomes the layer specs[i] reading x (null: x itself). */
  emitEach(node: NodeProto, specs: readonly (LayerSpec | null)[], x: Value): void {
    this.consumed.add(node);
    (node.output ?? []).forEach((name, i) => {
      if (!this.isUsed(name)) return;
      const spec = specs[i];
      this.setValue(name, spec ? this.builder.add(node, spec, [x], {}, describeNode(node)) : x);
    });
  }

  /** Whether a node reads `value` or it is the graph's output. */
  isUsed(value: string): boolean {
    return value !== '' && (this.g.readersOf(value).length > 0 || value === this.output);
  }

  private consume(nodes: NodeProto[]): void {
    for (const n of nodes) {
      this.consumed.add(n);
      for (const out of (n.output ?? []).slice(1)) {
        if (this.isUsed(out)) {
          throw new Error(`${describeNode(n)}: output '${out}' is used, only the first output is supported`);
        }
      }
    }
  }

  /** Throws unless the layer type is registered (layers written elsewhere may not be in this build). */
  private need(type: string, node: NodeProto): void {
    if (!layerDef(type)) throw new Error(`${describeNode(node)}: unsupported operator '${node.opType}' (it needs a ${type} layer, which Nabla does not have yet)`);
  }

  // ---- dispatch -------------------------------------------------------------------------------

  private step(node: NodeProto): void {
    const where = describeNode(node);
    if (node.domain && node.domain !== 'ai.onnx') throw new Error(`${where}: unsupported operator domain '${node.domain}'`);
    const a = new Attributes(where, node.attribute ?? []);
    if (matchPattern(this, node)) return;
    const op = node.opType ?? '';
    switch (op) {
      case 'Conv':
        return this.conv(node, a);
      case 'Gemm':
        return this.gemm(node, a);
      case 'MatMul':
        return this.matmul(node, a);
      case 'MaxPool':
      case 'AveragePool':
        return pool(this, node, a, [node]);
      case 'Pad':
        return pad(this, node, a);
      case 'GlobalAveragePool':
      case 'GlobalMaxPool':
        a.checkAllUsed();
        return globalPool(this, node, op === 'GlobalMaxPool', true);
      case 'ReduceMean':
        return reduceMean(this, node, a);
      case 'BatchNormalization':
        return this.batchNorm(node, a);
      case 'Relu':
      case 'Sigmoid':
      case 'Tanh':
      case 'Softplus':
      case 'Mish':
      case 'HardSwish':
        a.checkAllUsed();
        this.need(PLAIN[op], node);
        this.emit([node], { type: PLAIN[op] }, [this.onlyFirstIsData(node)]);
        return;
      case 'LeakyRelu':
      case 'Elu':
      case 'HardSigmoid':
      case 'Gelu':
      case 'Clip':
        return this.parametric(node, a);
      case 'Add':
      case 'Sum':
      case 'Mul':
        return this.merge(node, a, op === 'Mul' ? 'Mul' : 'Add');
      case 'Concat':
        return this.concat(node, a);
      case 'Flatten':
      case 'Reshape':
      case 'Squeeze':
      case 'Unsqueeze':
        return reshape(this, node, a);
      case 'Transpose':
        return transpose(this, node, a);
      case 'Slice':
        return slice(this, node, a);
      case 'Split':
        return split(this, node, a);
      case 'Identity':
      case 'Dropout':
      case 'Cast':
        return skip(this, node, a);
      case 'Softmax':
        return softmax(this, node, a);
      case 'Gather':
        return gather(this, node, a);
      case 'LayerNormalization':
        return layerNormalization(this, node, a);
      case 'InstanceNormalization':
        return instanceNormalization(this, node, a);
      case 'ConvTranspose':
        return convTranspose(this, node, a);
      case 'Resize':
      case 'Upsample':
        return resize(this, node, a);
      case 'Div':
      case 'Sub':
        throw new Error(`${where}: unsupported operator '${op}' on the model's values (only inside a formula Nabla reads as one layer: GELU, Softplus with β)`);
      default:
        throw new Error(`${where}: unsupported operator '${op}'`);
    }
  }

  // ---- layers with weights --------------------------------------------------------------------

  conv(node: NodeProto, a: Attributes, before: NodeProto[] = [], prePad: number[] = [0, 0, 0, 0]): void {
    const where = describeNode(node);
    const x = this.onlyFirstIsData(node);
    const W = this.g.floats(node, 1, 'W');
    if (W.dims.length !== 4) throw new Error(`${where}: only 2-D convolution is supported, W has dims ${formatShape(W.dims)}`);
    const [outChannels, inPerGroup, kH, kW] = W.dims;
    const kernel = a.ints('kernel_shape') ?? [kH, kW];
    if (kernel.length !== 2 || kernel[0] !== kH || kernel[1] !== kW) throw new Error(`${where}: kernel_shape ${formatShape(kernel)} disagrees with W ${formatShape(W.dims)}`);
    const w = readWindow(a, where, kernel, x.shape, { hasCeilMode: false, hasDilations: true });
    const groups = a.int('group', 1);
    a.checkAllUsed();
    const inChannels = inPerGroup * groups;
    if (x.shape.length !== 4 || (x.shape[1] !== null && x.shape[1] !== inChannels)) {
      throw new Error(`${where}: W ${formatShape(W.dims)} with group ${groups} needs [N, ${inChannels}, H, W] input, got ${describeShape(x.shape)}`);
    }
    let pads = w.pads.map((p, i) => p + prePad[i]); // [top, left, bottom, right]
    let input = x;
    if (pads[0] !== pads[2] || pads[1] !== pads[3]) {
      // Conv2d pads both sides of an axis equally: what one side has more goes into a ZeroPad2d in front.
      if (!layerDef('ZeroPad2d')) throw new Error(`${where}: attribute pads = ${formatShape(pads)} is asymmetric (Conv2d pads both sides equally)`);
      const [ph, pw] = [Math.min(pads[0], pads[2]), Math.min(pads[1], pads[3])];
      input = this.builder.add(node, zeroPad(pads.map((p, i) => p - (i % 2 === 0 ? ph : pw))), [x], {}, where, 'pad');
      pads = [ph, pw, ph, pw];
    }
    const bias = node.input?.[2] ? this.g.floats(node, 2, 'B') : null;
    if (bias && bias.values.length !== outChannels) throw new Error(`${where}: bias has ${bias.values.length} values, expected ${outChannels}`);
    const spec: LayerSpec = { type: 'Conv2d', inChannels, outChannels, kernelSize: [kH, kW], stride: w.strides, padding: [pads[0], pads[1]] };
    Object.assign(spec, { dilation: w.dilations, groups });
    if (!bias) spec.bias = false;
    const folded = bias ? foldedBatchNorm(node) : null;
    if (folded) spec.foldedBatchNorm = folded;
    this.emit([...before, node], spec, [input], bias ? { weight: W, bias: { dims: [outChannels], values: bias.values } } : { weight: W }, node);
  }

  /**
   * Linear from Gemm: y = α·op(A)·op(B) + β·C. PyTorch exports transB = 1 (B = W as [out, in]).
   * `before`: a Transpose of the model's [N, in] value x into A (transA = 1 undoes it, so op(A) = x).
   */
  gemm(node: NodeProto, a: Attributes, before: NodeProto | null = null): void {
    const where = describeNode(node);
    const alpha = a.float('alpha', 1);
    const beta = a.float('beta', 1);
    const transA = a.int('transA', 0);
    const transB = a.int('transB', 0);
    a.checkAllUsed();
    if (!before && !this.isData(node.input?.[0] ?? '') && this.isData(node.input?.[1] ?? '')) return this.gemmOfB(node, alpha, beta, transA, transB);
    const x = before ? this.data(before, 0) : this.onlyFirstIsData(node);
    if (transA !== 0 && !before) {
      throw new Error(`${where}: attribute transA = ${transA} would make the model's input [features, batch]; only transA = 0 is supported (or transA = 1 reading a Transpose of a [batch, features] value)`);
    }
    const B = this.g.floats(node, 1, 'B');
    if (B.dims.length !== 2) throw new Error(`${where}: B must be 2-D, got dims ${formatShape(B.dims)}`);
    // Nabla's W is [in, out]: B as stored when transB = 0, its transpose when transB = 1.
    const W = transB ? transposed(B) : B;
    let bias = node.input?.[2] && beta !== 0 ? this.g.floats(node, 2, 'C') : null;
    // A scalar or one-element C is added to every output: a bias of that value repeated.
    if (bias && bias.values.length === 1) bias = { dims: [W.dims[1]], values: new Float64Array(W.dims[1]).fill(bias.values[0]) };
    this.linear(node, x, scaled(W, alpha), bias ? scaled(bias, beta) : null, before ? [before, node] : [node]);
  }

  /**
   * Gemm(A, x) with the model's value x [N, in] as B and a constant A: with transB = 1 the result
   * α·op(A)·xᵀ + β·C is [out, N], which a Transpose after it turns into x·op(A)ᵀ·α + β·Cᵀ: a Linear
   * whose [in, out] weight is op(A)ᵀ (A itself when transA = 1: transA folds into the weight).
   */
  private gemmOfB(node: NodeProto, alpha: number, beta: number, transA: number, transB: number): void {
    const where = describeNode(node);
    const x = this.data(node, 1);
    const after = this.onlyReader(node.output?.[0] ?? '');
    const perm = after?.opType === 'Transpose' ? after.attribute?.find((t) => t.name === 'perm')?.ints?.map(Number) ?? [1, 0] : null;
    if (transB !== 1 || !perm || perm.join() !== '1,0' || (after!.attribute ?? []).some((t) => t.name !== 'perm')) {
      throw new Error(`${where}: input B is the model's value and A a constant; only supported with transB = 1 and a Transpose after it (otherwise the output is [features, batch] or the batch is summed over)`);
    }
    const A = this.g.floats(node, 0, 'A');
    if (A.dims.length !== 2) throw new Error(`${where}: A must be 2-D, got dims ${formatShape(A.dims)}`);
    const W = transA ? A : transposed(A); // op(A)ᵀ
    const outFeatures = W.dims[1];
    let bias = node.input?.[2] && beta !== 0 ? this.g.floats(node, 2, 'C') : null;
    // C is added to [out, N]: one value per output row ([out, 1]) or one for all.
    if (bias && bias.values.length === 1) bias = { dims: [outFeatures], values: new Float64Array(outFeatures).fill(bias.values[0]) };
    else if (bias && (bias.dims.length !== 2 || bias.dims[0] !== outFeatures || bias.dims[1] !== 1)) {
      throw new Error(`${where}: C has dims ${formatShape(bias.dims)}; with the model's value as B only [${outFeatures}, 1] or one value is supported`);
    }
    this.linear(node, x, scaled(W, alpha), bias ? scaled({ dims: [outFeatures], values: bias.values }, beta) : null, [node, after!]);
  }

  /** Linear from MatMul (B is [in, out] already), fused with a following Add of a constant bias. */
  private matmul(node: NodeProto, a: Attributes): void {
    a.checkAllUsed();
    const x = this.onlyFirstIsData(node);
    const W = this.g.floats(node, 1, 'B');
    const out = node.output?.[0] ?? '';
    const add = this.onlyReader(out);
    if (add?.opType === 'Add' && add.input?.length === 2) {
      const other = add.input[0] === out ? add.input[1] : add.input[0];
      const bias = this.isData(other) ? null : this.g.constant(other);
      if (bias?.floats) return this.linear(node, x, W, { dims: bias.dims, values: bias.floats }, [node, add]);
    }
    this.linear(node, x, W, null, [node]);
  }

  private linear(node: NodeProto, x: Value, W: Weight, bias: Weight | null, nodes: NodeProto[]): void {
    const where = describeNode(node);
    if (W.dims.length !== 2) throw new Error(`${where}: the weight must be 2-D, got dims ${formatShape(W.dims)}`);
    const [inFeatures, outFeatures] = W.dims;
    if (x.shape.length !== 2 || (x.shape[1] !== null && x.shape[1] !== inFeatures)) {
      throw new Error(`${where}: weight [in, out] = ${formatShape(W.dims)} does not fit its input ${describeShape(x.shape)}`);
    }
    // The added constant broadcasts against [N, out] as a bias when it is a scalar, [1], [out], [1, 1] or [1, out].
    const last = bias && bias.dims.length > 0 ? bias.dims[bias.dims.length - 1] : 1;
    if (bias && (bias.dims.length > 2 || bias.dims.slice(0, -1).some((d) => d !== 1) || (last !== 1 && last !== outFeatures) ||
      bias.values.length !== last)) {
      throw new Error(`${where}: the added constant of dims ${formatShape(bias.dims)} is not a bias of the ${outFeatures} outputs (a scalar, [1] or [${outFeatures}])`);
    }
    const values = bias && bias.values.length === 1 && outFeatures !== 1 ? new Float32Array(outFeatures).fill(bias.values[0]) : bias?.values;
    const spec: LayerSpec = { type: 'Linear', inFeatures, outFeatures };
    if (!bias) spec.bias = false;
    this.emit(nodes, spec, [x], bias ? { weight: W, bias: { dims: [outFeatures], values: values! } } : { weight: W });
  }

  private batchNorm(node: NodeProto, a: Attributes): void {
    const where = describeNode(node);
    const eps = a.float('epsilon', 1e-5);
    const momentum = a.float('momentum', 0.9);
    if (a.int('training_mode', 0) !== 0) throw new Error(`${where}: attribute training_mode = 1 is not supported (export the model in eval mode)`);
    // Before opset 14 a training-mode BatchNormalization is marked by its outputs past Y (running and saved statistics).
    if ((node.output ?? []).slice(1).some((name) => name !== '')) {
      throw new Error(`${where}: ${node.output!.length} outputs (the running and saved statistics of training mode) are not supported: export the model in eval mode (model.eval())`);
    }
    if (a.int('spatial', 1) !== 1) throw new Error(`${where}: attribute spatial = 0 (per-element statistics) is not supported`);
    a.int('is_test', 1);
    a.ints('consumed_inputs'); // opset 1–5 bookkeeping, no effect on the values
    a.checkAllUsed();
    const x = this.onlyFirstIsData(node);
    const [scale, bias, mean, variance] = [1, 2, 3, 4].map((i) => this.g.floats(node, i, ['scale', 'B', 'mean', 'var'][i - 1]));
    const C = mean.values.length;
    for (const t of [scale, bias, variance]) {
      if (t.values.length !== C) throw new Error(`${where}: scale, B, mean and var must have the same length, got ${[scale, bias, mean, variance].map((v) => v.values.length).join(', ')}`);
    }
    const rank = x.shape.length;
    if ((rank !== 2 && rank !== 4) || (x.shape[1] !== null && x.shape[1] !== C)) {
      throw new Error(`${where}: ${C} channels need an [N, ${C}] or [N, ${C}, H, W] input, got ${describeShape(x.shape)}`);
    }
    const spec: LayerSpec = { type: rank === 2 ? 'BatchNorm1d' : 'BatchNorm2d', numFeatures: C };
    if (shortestFloat32(eps) !== 1e-5) spec.eps = shortestFloat32(eps);
    // ONNX's momentum weighs the running value; Nabla's (as PyTorch's) weighs the new batch.
    // 1 − 0.9f is 0.1 only to 7 digits, which is all a float32 attribute carries.
    const m = Number(Math.min(Math.max(1 - momentum, 0), 1).toPrecision(7));
    if (m !== 0.1) spec.momentum = m;
    const vec = (t: Weight): Weight => ({ dims: [C], values: t.values });
    this.emit([node], spec, [x], { weight: vec(scale), bias: vec(bias), runningMean: vec(mean), runningVar: vec(variance) });
  }

  // ---- activations ----------------------------------------------------------------------------

  private parametric(node: NodeProto, a: Attributes): void {
    const where = describeNode(node);
    const x = this.onlyFirstIsData(node);
    const op = node.opType;
    let spec: LayerSpec;
    if (op === 'LeakyRelu') {
      const alpha = shortestFloat32(a.float('alpha', 0.01));
      spec = alpha === 0.01 ? { type: 'LeakyReLU' } : { type: 'LeakyReLU', negativeSlope: alpha };
    } else if (op === 'Elu') {
      const alpha = shortestFloat32(a.float('alpha', 1));
      spec = alpha === 1 ? { type: 'ELU' } : { type: 'ELU', alpha };
    } else if (op === 'HardSigmoid') {
      const alpha = a.float('alpha', 0.2);
      const beta = a.float('beta', 0.5);
      // PyTorch's Hardsigmoid is relu6(x + 3)/6: ONNX's max(0, min(1, αx + β)) with α = 1/6, β = ½.
      if (Math.abs(alpha - 1 / 6) > 1e-7 || beta !== 0.5) {
        throw new Error(`${where}: attributes alpha = ${shortestFloat32(alpha)}, beta = ${shortestFloat32(beta)} are not supported (only PyTorch's Hardsigmoid, α = 1/6, β = 0.5)`);
      }
      spec = { type: 'Hardsigmoid' };
    } else if (op === 'Gelu') {
      const approximate = a.string('approximate', 'none');
      if (approximate !== 'none' && approximate !== 'tanh') throw new Error(`${where}: attribute approximate = '${approximate}' is not supported (none, tanh are)`);
      spec = approximate === 'none' ? { type: 'GELU' } : { type: 'GELU', approximate: 'tanh' };
      if (approximate === 'tanh' && !layerDef('GELU')?.options.includes('approximate')) {
        throw new Error(`${where}: attribute approximate = 'tanh' is not supported (Nabla's GELU has no tanh approximation yet)`);
      }
    } else {
      spec = this.clip(node, a);
    }
    a.checkAllUsed();
    this.need(spec.type, node);
    this.emit([node], spec, [x]);
  }

  /** Clip(0, ∞) is ReLU, Clip(0, 6) ReLU6 (min and max are attributes before opset 11, inputs after). */
  private clip(node: NodeProto, a: Attributes): LayerSpec {
    const where = describeNode(node);
    const attrMin = a.float('min', -Infinity);
    const attrMax = a.float('max', Infinity);
    const bound = (i: number, fallback: number): number => {
      if (!node.input?.[i]) return fallback;
      const t = this.g.floats(node, i, i === 1 ? 'min' : 'max');
      if (t.values.length !== 1) throw new Error(`${where}: input ${i} must be a scalar, got dims ${formatShape(t.dims)}`);
      return t.values[0];
    };
    // Before opset 11 the bounds are attributes, after it inputs; a file may only have one kind.
    const min = bound(1, attrMin);
    const max = bound(2, attrMax);
    if (min === 0 && max === Infinity) return { type: 'ReLU' };
    if (min === 0 && max === 6) return { type: 'ReLU6' };
    throw new Error(`${where}: Clip to [${min}, ${max}] is not supported (only [0, ∞) as ReLU and [0, 6] as ReLU6)`);
  }

  // ---- merges ---------------------------------------------------------------------------------

  /** Add, Sum or Mul of values computed from the input: the Add or Mul merge layer. */
  private merge(node: NodeProto, a: Attributes, type: 'Add' | 'Mul'): void {
    const where = describeNode(node);
    a.checkAllUsed();
    const inputs = (node.input ?? []).map((name, i) => {
      const v = this.values.get(name);
      if (!v) throw new Error(`${where}: input ${i} ('${name}') is a constant; ${node.opType} of a constant is only supported inside a formula Nabla reads as one layer (Linear's bias, GELU, Softplus with β)`);
      return v;
    });
    if (inputs.length === 1) return this.alias([node], inputs[0]);
    if (type === 'Add') {
      const first = inputs[0].shape;
      inputs.forEach((v, i) => {
        const same = v.shape.length === first.length && v.shape.every((d, j) => d === null || first[j] === null || d === first[j]);
        if (!same) throw new Error(`${where}: input ${i} has shape ${describeShape(v.shape)}, input 0 ${describeShape(first)}: Add needs equal shapes (no broadcasting)`);
      });
    }
    this.emit([node], { type }, inputs);
  }

  private concat(node: NodeProto, a: Attributes): void {
    const where = describeNode(node);
    const axis = a.int('axis', 1);
    a.checkAllUsed();
    const inputs = (node.input ?? []).map((name, i) => {
      const v = this.values.get(name);
      if (!v) throw new Error(`${where}: input ${i} ('${name}') is a constant; Concat is only supported on values computed from the input`);
      return v;
    });
    const rank = inputs[0].shape.length;
    const resolved = axis < 0 ? axis + rank : axis;
    if (resolved === 0) throw new Error(`${where}: Concat along axis 0 (the batch) is not supported`);
    this.emit([node], resolved === 1 ? { type: 'Concat' } : { type: 'Concat', axis: resolved }, inputs);
  }

}

function transposed(t: Weight): Weight {
  const [rows, cols] = t.dims;
  const values = new Float64Array(rows * cols);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) values[c * rows + r] = t.values[r * cols + c];
  return { dims: [cols, rows], values };
}

function scaled(t: Weight, factor: number): Weight {
  return factor === 1 ? t : { dims: t.dims, values: t.values.map((v) => v * factor) };
}
