// SPDX-License-Identifier: MIT
// Formulas exporters write out node by node that Nabla reads back as one layer:
//   GELU      x·½(1 + erf(x/√2)): Div(x, √2) or Mul(x, 1/√2) → Erf → Add(1) → Mul(x, ·) → Mul(½)
//   GELU tanh ½x(1 + tanh(√(2/π)(x + 0.044715x³))): Mul(x, x) → Mul(x, ·) (or Pow(x, 3)) → Mul(0.044715)
//             → Add(x, ·) → Mul(√(2/π)) → Tanh → Add(1) → Mul(x, ·) → Mul(½)
//   LayerNorm, GroupNorm: see import-norms.ts; ChannelShuffle: see import-slices.ts
//   Softplus  with β: Mul(x, β) → Softplus → Div(β) or Mul(1/β)
//   SiLU      x·σ(x): Sigmoid(x) → Mul(x, ·)             (when the SiLU layer exists)
//   Hardswish x·hardsigmoid(x): HardSigmoid(x) → Mul(x, ·) (opset < 14; when the layer exists)
//   Mish      x·tanh(softplus(x)): Softplus → Tanh → Mul(x, ·) (when the layer exists)
// Without the fused layer the last three still import, as their parts and a Mul merge.
// Each matcher returns false when the nodes do not form its formula; the node is then read alone.
import { layerDef } from '../../layers/all.js';
import type { LayerSpec } from '../../layers/layer.js';
import { describeNode } from './graph.js';
import { shortestFloat32, type NodeProto } from './proto.js';
import type { Converter } from './import-nodes.js';
import { groupNormPattern, layerNormPattern } from './import-norms.js';
import { channelShufflePattern } from './import-slices.js';

/** Tries every formula starting at `node`; true when one matched and was added. */
export function matchPattern(c: Converter, node: NodeProto): boolean {
  switch (node.opType) {
    case 'Div':
    case 'Mul':
      return gelu(c, node) || softplusBeta(c, node) || geluTanh(c, node);
    case 'Pow':
      return geluTanh(c, node);
    case 'ReduceMean':
      return layerNormPattern(c, node);
    case 'Reshape':
      return groupNormPattern(c, node) || channelShufflePattern(c, node);
    case 'Sigmoid':
      return gated(c, node, [], 'SiLU');
    case 'HardSigmoid':
      return isPyTorchHardSigmoid(c, node) && gated(c, node, [], 'Hardswish');
    case 'Softplus':
      return gated(c, node, ['Tanh'], 'Mish');
    default:
      return false;
  }
}

/** The scalar constant that `node` combines with `other`, or null. */
function constOf(c: Converter, node: NodeProto | null, other: string): number | null {
  if (!node || node.input?.length !== 2) return null;
  const i = node.input[0] === other ? 1 : node.input[1] === other ? 0 : -1;
  if (i < 0) return null;
  const name = node.input[i];
  const value = c.isData(name) ? null : c.g.constant(name);
  return value?.floats && value.floats.length === 1 ? value.floats[0] : null;
}

/** The only reader of `node`'s output when it has op type `op`. */
function next(c: Converter, node: NodeProto | null, op: string): NodeProto | null {
  const r = node ? c.onlyReader(node.output?.[0] ?? '') : null;
  return r?.opType === op ? r : null;
}

const near = (v: number | null, target: number): boolean => v !== null && Math.abs(v - target) <= 1e-6 * Math.abs(target);
const out = (node: NodeProto): string => node.output?.[0] ?? '';

/** The factor `first` multiplies the model's value x by (Mul(x, k) or Div(x, 1/k)), or null. */
function factor(c: Converter, first: NodeProto): { x: string; k: number } | null {
  const x = first.input?.find((name) => c.isData(name));
  if (!x || (first.opType === 'Div' && first.input?.[0] !== x)) return null;
  const k = constOf(c, first, x);
  if (k === null) return null;
  return { x, k: first.opType === 'Div' ? 1 / k : k };
}

function gelu(c: Converter, first: NodeProto): boolean {
  const f = factor(c, first);
  const erf = next(c, first, 'Erf');
  if (!f || !erf || !near(f.k, Math.SQRT1_2)) return false;
  const add = next(c, erf, 'Add');
  const mul = add ? c.onlyReader(out(add)) : null;
  const half = next(c, mul, 'Mul');
  const mulReadsX = mul?.opType === 'Mul' && mul.input?.includes(f.x) && mul.input?.includes(out(add!));
  if (!add || !near(constOf(c, add, out(erf)), 1) || !mulReadsX || !half || !near(constOf(c, half, out(mul!)), 0.5)) return false;
  c.emit([first, erf, add, mul!, half], { type: 'GELU' }, [c.valueOf(f.x)!], {}, first);
  return true;
}

/** The tanh approximation of GELU as PyTorch 1.13 writes it, starting at x·x (or Pow(x, 3)). */
function geluTanh(c: Converter, first: NodeProto): boolean {
  const x = first.input?.[0] ?? '';
  if (!c.isData(x)) return false;
  let cube: NodeProto | null = null;
  if (first.opType === 'Pow' && near(constOf(c, first, x), 3)) cube = first;
  if (first.opType === 'Mul' && first.input?.[1] === x) {
    const m = c.onlyReader(out(first));
    if (m?.opType === 'Mul' && m.input?.includes(x) && m.input.includes(out(first))) cube = m;
  }
  if (!cube) return false;
  const scaled = next(c, cube, 'Mul');
  const inner = next(c, scaled, 'Add');
  const k = next(c, inner, 'Mul');
  const tanh = next(c, k, 'Tanh');
  const plus1 = next(c, tanh, 'Add');
  const gate = plus1 ? c.onlyReader(out(plus1)) : null;
  const half = next(c, gate, 'Mul');
  const ok = scaled && near(constOf(c, scaled, out(cube)), 0.044715) && inner?.input?.includes(x) && inner.input.includes(out(scaled)) &&
    near(constOf(c, k, out(inner!)), Math.sqrt(2 / Math.PI)) && tanh && near(constOf(c, plus1, out(tanh)), 1) &&
    gate?.opType === 'Mul' && gate.input?.includes(x) && gate.input.includes(out(plus1!)) && half && near(constOf(c, half, out(gate)), 0.5);
  if (!ok) return false;
  if (!layerDef('GELU')?.options.includes('approximate')) {
    throw new Error(`${describeNode(first)}: GELU's tanh approximation (nodes ${first.name} … ${half!.name}) is not supported: Nabla's GELU has no approximate = 'tanh' yet`);
  }
  const nodes = [first, ...(cube === first ? [] : [cube]), scaled!, inner!, k!, tanh!, plus1!, gate!, half!];
  c.emit(nodes, { type: 'GELU', approximate: 'tanh' }, [c.valueOf(x)!], {}, first);
  return true;
}

function softplusBeta(c: Converter, first: NodeProto): boolean {
  const f = factor(c, first);
  const softplus = next(c, first, 'Softplus');
  if (!f || !softplus || first.opType !== 'Mul' || f.k <= 0) return false;
  const back = c.onlyReader(out(softplus));
  const k = constOf(c, back, out(softplus));
  const undoes = back && k !== null && (back.opType === 'Div' ? near(k, f.k) && back.input?.[0] === out(softplus) : back.opType === 'Mul' && near(k, 1 / f.k));
  if (!undoes) return false;
  const spec: LayerSpec = f.k === 1 ? { type: 'Softplus' } : { type: 'Softplus', beta: shortestFloat32(f.k) };
  c.emit([first, softplus, back!], spec, [c.valueOf(f.x)!], {}, first);
  return true;
}

/** g(x) through `chain` then Mul(x, ·): one `type` layer when Nabla has it. */
function gated(c: Converter, first: NodeProto, chain: string[], type: string): boolean {
  const x = first.input?.[0] ?? '';
  if (!layerDef(type) || !c.isData(x) || first.input?.length !== 1) return false;
  const nodes = [first];
  for (const op of chain) {
    const n = next(c, nodes[nodes.length - 1], op);
    if (!n) return false;
    nodes.push(n);
  }
  const mul = next(c, nodes[nodes.length - 1], 'Mul');
  const g = out(nodes[nodes.length - 1]);
  if (!mul || mul.input?.length !== 2 || !(mul.input.includes(x) && mul.input.includes(g))) return false;
  c.emit([...nodes, mul], { type }, [c.valueOf(x)!], {}, first);
  return true;
}

/** HardSigmoid with α = 1/6, β = ½ (PyTorch's relu6(x + 3)/6). */
function isPyTorchHardSigmoid(_c: Converter, node: NodeProto): boolean {
  const get = (name: string, fallback: number) => node.attribute?.find((a) => a.name === name)?.f ?? fallback;
  return (node.attribute ?? []).every((a) => a.name === 'alpha' || a.name === 'beta') && Math.abs(get('alpha', 0.2) - 1 / 6) < 1e-7 && get('beta', 0.5) === 0.5;
}
