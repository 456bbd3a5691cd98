// SPDX-License-Identifier: MIT
// Normalisation layers from ONNX:
//   LayerNormalization (opset 17)                       → LayerNorm(the dims from `axis` on)
//   ReduceMean → Sub → Pow(2) or Mul(d, d) → ReduceMean → Add(ε) → Sqrt → Div [→ Mul(γ)] [→ Add(β)]
//                (PyTorch's LayerNorm before opset 17)  → LayerNorm
//   Reshape([0, G, −1]) → InstanceNormalization(1, 0) → Reshape(Shape(x)) [→ Mul(γ) → Add(β)]
//                (PyTorch's GroupNorm)                  → GroupNorm(G, C)
//   InstanceNormalization(scale, B) on [N, C, H, W]     → GroupNorm(C, C) with γ = scale, β = B
import { layerDef } from '../../layers/all.js';
import type { LayerSpec } from '../../layers/layer.js';
import { formatShape } from '../../tensor/tensor.js';
import { describeNode } from './graph.js';
import { describeShape, type Weight } from './import-builder.js';
import type { Converter } from './import-nodes.js';
import { Attributes, shortestFloat32, type NodeProto } from './proto.js';

const out = (node: NodeProto): string => node.output?.[0] ?? '';

function need(type: string, node: NodeProto): void {
  if (!layerDef(type)) throw new Error(`${describeNode(node)}: unsupported operator '${node.opType}' (it needs a ${type} layer, which Nabla does not have yet)`);
}

/** As need, for a formula recognised from several nodes starting at `node`. */
function needFormula(type: string, node: NodeProto): void {
  if (!layerDef(type)) throw new Error(`${describeNode(node)}: starts PyTorch's ${type} formula, which needs a ${type} layer (Nabla does not have one yet)`);
}

/** The live readers of a value. */
function readers(c: Converter, value: string): NodeProto[] {
  return c.g.readersOf(value);
}

/** The only reader of `node`'s output when it has op type `op`. */
function next(c: Converter, node: NodeProto, op: string): NodeProto | null {
  const r = c.onlyReader(out(node));
  return r?.opType === op ? r : null;
}

/** The constant (not computed from the input) that `node` combines with `value`, or null. */
function otherConst(c: Converter, node: NodeProto | null, value: string): Weight | null {
  if (!node || node.input?.length !== 2) return null;
  const i = node.input[0] === value ? 1 : node.input[1] === value ? 0 : -1;
  if (i < 0 || c.isData(node.input[i])) return null;
  const v = c.g.constant(node.input[i]);
  return v?.floats ? { dims: v.dims, values: v.floats } : null;
}

/** The axes of a ReduceMean (attribute, or input from opset 18) as non-negative numbers, or null. */
function reduceAxes(c: Converter, node: NodeProto, rank: number): number[] | null {
  const a = node.attribute?.find((x) => x.name === 'axes');
  const raw = a ? (a.ints ?? []).map(Number) : node.input?.[1] ? (c.g.constant(node.input[1])?.ints ?? null) : null;
  const keep = node.attribute?.find((x) => x.name === 'keepdims');
  if (!raw || raw.some((d) => typeof d !== 'number') || (keep && Number(keep.i) !== 1)) return null;
  return (raw as number[]).map((d) => (d < 0 ? d + rank : d)).sort((x, y) => x - y);
}

/** The trailing dims `axes` cover (they must run to the last axis), or null. */
function trailing(shape: readonly (number | string | null)[], axes: number[]): number[] | null {
  const k = axes.length;
  if (k === 0 || axes.some((d, i) => d !== shape.length - k + i) || axes[0] === 0) return null;
  const dims = shape.slice(shape.length - k);
  return dims.every((d) => typeof d === 'number') ? (dims as number[]) : null;
}

/** PyTorch's LayerNorm before opset 17, starting at the first ReduceMean. */
export function layerNormPattern(c: Converter, mean: NodeProto): boolean {
  const x = c.valueOf(mean.input?.[0] ?? '');
  if (!x) return false;
  const axes = reduceAxes(c, mean, x.shape.length);
  const dims = axes && trailing(x.shape, axes);
  const sub = next(c, mean, 'Sub');
  if (!dims || !sub || sub.input?.[0] !== mean.input?.[0] || sub.input?.[1] !== out(mean)) return false;
  const centred = out(sub);
  const users = readers(c, centred);
  const square = users.find((n) => (n.opType === 'Pow' && otherConst(c, n, centred)?.values[0] === 2 && n.input?.[0] === centred) || (n.opType === 'Mul' && n.input?.[0] === centred && n.input?.[1] === centred));
  const div = users.find((n) => n.opType === 'Div' && n.input?.[0] === centred);
  if (users.length !== 2 || !square || !div) return false;
  const variance = next(c, square, 'ReduceMean');
  const varAxes = variance && reduceAxes(c, variance, x.shape.length);
  if (!variance || !varAxes || varAxes.join() !== axes!.join()) return false;
  const addEps = next(c, variance, 'Add');
  const eps = otherConst(c, addEps, out(variance));
  const sqrt = addEps && next(c, addEps, 'Sqrt');
  if (!eps || eps.values.length !== 1 || !sqrt || div.input?.[1] !== out(sqrt) || c.onlyReader(out(sqrt)) !== div) return false;
  const nodes = [mean, sub, square, variance, addEps!, sqrt, div];
  const size = dims.reduce((p, d) => p * d, 1);
  const affine = (node: NodeProto | null, value: string) => {
    const w = otherConst(c, node, value);
    return w && w.values.length === size ? w : null;
  };
  const mul = c.onlyReader(out(div));
  const gamma = mul?.opType === 'Mul' ? affine(mul, out(div)) : null;
  const add = gamma ? c.onlyReader(out(mul!)) : null;
  const beta = gamma && add?.opType === 'Add' ? affine(add, out(mul!)) : null;
  needFormula('LayerNorm', mean);
  const spec: LayerSpec = { type: 'LayerNorm', normalizedShape: dims };
  if (shortestFloat32(eps.values[0]) !== 1e-5) spec.eps = shortestFloat32(eps.values[0]);
  const weights: Record<string, Weight> = {};
  if (gamma) {
    nodes.push(mul!);
    weights.weight = { dims, values: gamma.values };
    if (beta) {
      nodes.push(add!);
      weights.bias = { dims, values: beta.values };
    } else spec.bias = false;
  } else spec.elementwiseAffine = false;
  c.emit(nodes, spec, [x], weights, mean);
  return true;
}

/** LayerNormalization (opset 17): X, Scale, optional B; normalises the dims from `axis` on. */
export function layerNormalization(c: Converter, node: NodeProto, a: Attributes): void {
  const where = describeNode(node);
  const x = c.data(node, 0);
  const axis = a.int('axis', -1);
  const eps = a.float('epsilon', 1e-5);
  a.int('stash_type', 1); // the precision of the mean and variance; Nabla computes them in float32 too
  a.checkAllUsed();
  const rank = x.shape.length;
  const at = axis < 0 ? axis + rank : axis;
  const dims = at >= 1 && at < rank ? trailing(x.shape, Array.from({ length: rank - at }, (_, i) => at + i)) : null;
  if (!dims) throw new Error(`${where}: attribute axis = ${axis} of ${describeShape(x.shape)} must pick known trailing dims after the batch`);
  if (node.output?.slice(1).some((o) => o !== '' && readers(c, o).length > 0)) throw new Error(`${where}: the Mean and InvStdDev outputs are not supported`);
  need('LayerNorm', node);
  // PyTorch 1.13 writes LayerNorm(elementwise_affine = False) at opset 17 with the Scale input left empty.
  const scale = node.input?.[1] ? c.g.floats(node, 1, 'Scale') : null;
  const bias = scale && node.input?.[2] ? c.g.floats(node, 2, 'B') : null;
  const size = dims.reduce((p, d) => p * d, 1);
  for (const [what, t] of [['Scale', scale], ['B', bias]] as const) {
    if (t && t.values.length !== size) throw new Error(`${where}: ${what} has dims ${formatShape(t.dims)}, expected ${formatShape(dims)}`);
  }
  const spec: LayerSpec = { type: 'LayerNorm', normalizedShape: dims };
  if (shortestFloat32(eps) !== 1e-5) spec.eps = shortestFloat32(eps);
  if (!scale) spec.elementwiseAffine = false;
  else if (!bias) spec.bias = false;
  const weights: Record<string, Weight> = scale ? { weight: { dims, values: scale.values } } : {};
  if (bias) weights.bias = { dims, values: bias.values };
  c.emit([node], spec, [x], weights);
}

/** PyTorch's GroupNorm export, starting at the Reshape to [0, G, −1]. */
export function groupNormPattern(c: Converter, reshape: NodeProto): boolean {
  const x = c.valueOf(reshape.input?.[0] ?? '');
  const target = reshape.input?.[1] && !c.isData(reshape.input[1]) ? c.g.constant(reshape.input[1])?.ints : null;
  if (!x || x.shape.length < 2 || typeof x.shape[1] !== 'number' || !target || target.length !== 3 || target[0] !== 0 || target[2] !== -1) return false;
  const G = target[1];
  const C = x.shape[1];
  const norm = next(c, reshape, 'InstanceNormalization');
  if (typeof G !== 'number' || G < 1 || C % G !== 0 || !norm) return false;
  const isUnit = (i: number, v: number) => {
    const t = norm.input?.[i] && !c.isData(norm.input[i]) ? c.g.constant(norm.input[i]) : null;
    return t?.floats?.length === G && t.floats.every((e) => e === v);
  };
  const back = next(c, norm, 'Reshape');
  const shapeOf = back?.input?.[1] ? c.g.producerOf(back.input[1]) : undefined;
  const restores = shapeOf?.opType === 'Shape' && shapeOf.input?.[0] === reshape.input?.[0];
  if (!isUnit(1, 1) || !isUnit(2, 0) || !back || !restores) return false;
  const eps = new Attributes(describeNode(norm), norm.attribute ?? []).float('epsilon', 1e-5);
  // γ and β are [C, 1, …, 1] (one 1 per spatial dim); without affine PyTorch still writes Mul(1) and Add(0) of shape [1, 1, 1].
  const rank = x.shape.length;
  const perChannel = (node: NodeProto | null, value: string) => {
    const w = otherConst(c, node, value);
    const isPerChannel = w && w.values.length === C && w.dims.length === rank - 1 && w.dims.slice(1).every((d) => d === 1);
    const isScalar = w && w.values.length === 1 && w.dims.length < rank;
    return isPerChannel || isScalar ? w : null;
  };
  const mul = c.onlyReader(out(back));
  const gamma = mul?.opType === 'Mul' ? perChannel(mul, out(back)) : null;
  const add = gamma ? c.onlyReader(out(mul!)) : null;
  const beta = gamma && add?.opType === 'Add' ? perChannel(add, out(mul!)) : null;
  needFormula('GroupNorm', reshape);
  const spec: LayerSpec = { type: 'GroupNorm', numGroups: G, numChannels: C };
  if (shortestFloat32(eps) !== 1e-5) spec.eps = shortestFloat32(eps);
  const nodes = [reshape, norm, back];
  const expand = (w: Weight | null, fill: number): Weight => ({ dims: [C], values: w ? (w.values.length === C ? w.values : new Float64Array(C).fill(w.values[0])) : new Float64Array(C).fill(fill) });
  let weights: Record<string, Weight> = {};
  if (gamma) {
    nodes.push(mul!);
    if (beta) nodes.push(add!);
    weights = { weight: expand(gamma, 1), bias: expand(beta, 0) };
  }
  const isIdentity = !gamma || (weights.weight.values.every((v) => v === 1) && weights.bias.values.every((v) => v === 0) && gamma.values.length === 1);
  if (isIdentity) {
    spec.affine = false;
    weights = {};
  }
  c.emit(nodes, spec, [x], weights, reshape);
  return true;
}

/** InstanceNormalization of an image: GroupNorm with one group per channel. */
export function instanceNormalization(c: Converter, node: NodeProto, a: Attributes): void {
  const where = describeNode(node);
  const x = c.data(node, 0);
  const eps = a.float('epsilon', 1e-5);
  a.checkAllUsed();
  const C = x.shape[1];
  if (x.shape.length !== 4 || typeof C !== 'number') throw new Error(`${where}: needs an [N, C, H, W] input with known C, got ${describeShape(x.shape)}`);
  const scale = c.g.floats(node, 1, 'scale');
  const bias = c.g.floats(node, 2, 'B');
  if (scale.values.length !== C || bias.values.length !== C) throw new Error(`${where}: scale and B need ${C} values, got ${scale.values.length} and ${bias.values.length}`);
  need('GroupNorm', node);
  const spec: LayerSpec = { type: 'GroupNorm', numGroups: C, numChannels: C };
  if (shortestFloat32(eps) !== 1e-5) spec.eps = shortestFloat32(eps);
  c.emit([node], spec, [x], { weight: { dims: [C], values: scale.values }, bias: { dims: [C], values: bias.values } });
}
