// SPDX-License-Identifier: MIT
// Channel shuffles and slices from ONNX:
//   Reshape [N, G, C/G, *] → Transpose perm [0, 2, 1, 3, …] → Reshape [N, C, *]  → ChannelShuffle(G)
//             (torchvision's channel_shuffle; any other Reshape or Transpose is refused by import-shapes.ts)
//   Slice with constant starts, ends, axes and steps 1                            → a Narrow per sliced axis
//             (x.chunk and x[:, a:b]; negative and INT64_MAX ends as PyTorch writes them)
//   Split (split sizes as input from opset 13, attribute before, num_outputs from 18)
//                                                                                  → a Narrow per used output
// Part of the node-by-node conversion in import-nodes.ts; the mapping is in docs/interop.md.
import { layerDef } from '../../layers/all.js';
import type { LayerSpec } from '../../layers/layer.js';
import { describeNode, type Dim } from './graph.js';
import { describeShape, type Value } from './import-builder.js';
import type { Converter } from './import-nodes.js';
import { reshapeTarget } from './import-shapes.js';
import { Attributes, type NodeProto } from './proto.js';

const out = (node: NodeProto): string => node.output?.[0] ?? '';

/** Whether two shapes agree wherever both are known (the batch 'N' matches a number: the probe batch). */
function sameDims(a: readonly Dim[], b: readonly Dim[]): boolean {
  return a.length === b.length && a.every((d, i) => i === 0 || d === b[i]);
}

/** torchvision's channel shuffle, starting at the Reshape to [N, G, C/G, *]; false when it is not one. */
export function channelShufflePattern(c: Converter, reshape: NodeProto): boolean {
  const x = c.valueOf(reshape.input?.[0] ?? '');
  if (!x || x.shape.length < 3 || typeof x.shape[1] !== 'number' || !reshape.input?.[1] || c.isData(reshape.input[1])) return false;
  const C = x.shape[1];
  const grid = reshapeTarget(c, reshape, new Attributes(describeNode(reshape), reshape.attribute ?? []), x.shape);
  const [G, K] = [grid[1], grid[2]];
  const splitsChannels = grid.length === x.shape.length + 1 && grid[0] === 'N' && typeof G === 'number' && typeof K === 'number' && G * K === C &&
    sameDims(grid.slice(3), x.shape.slice(2)) && grid.slice(3).every((d) => d !== null);
  const transpose = c.onlyReader(out(reshape));
  const perm = transpose?.opType === 'Transpose' ? transpose.attribute?.find((t) => t.name === 'perm')?.ints?.map(Number) : null;
  const swapsGrid = perm?.length === grid.length && perm.every((p, i) => p === (i === 1 ? 2 : i === 2 ? 1 : i));
  const back = swapsGrid ? c.onlyReader(out(transpose!)) : null;
  const readsBack = back?.opType === 'Reshape' && back.input?.[0] === out(transpose!) && (transpose!.attribute ?? []).length === 1;
  if (!splitsChannels || !swapsGrid || !readsBack) return false;
  const transposed = [grid[0], K, G, ...grid.slice(3)];
  const restored = reshapeTarget(c, back!, new Attributes(describeNode(back!), back!.attribute ?? []), transposed);
  if (!sameDims(restored, x.shape)) return false;
  if (!layerDef('ChannelShuffle')) {
    throw new Error(`${describeNode(reshape)}: starts a channel shuffle (Reshape → Transpose → Reshape), which needs a ChannelShuffle layer (Nabla does not have one yet)`);
  }
  c.emit([reshape, transpose!, back!], { type: 'ChannelShuffle', groups: G }, [x], {}, reshape);
  return true;
}

/** Where a slice [start, end) along an axis of `size` lands, as ONNX clamps it (steps 1). */
function clampRange(start: number, end: number, size: number): [number, number] {
  const at = (v: number) => Math.min(Math.max(v < 0 ? v + size : v, 0), size);
  return [at(start), at(end)];
}

/** Slice with constant starts, ends, axes (default: the first ones) and steps 1: one Narrow per axis it cuts. */
export function slice(c: Converter, node: NodeProto, a: Attributes): void {
  const where = describeNode(node);
  const x = c.onlyFirstIsData(node);
  const rank = x.shape.length;
  // Before opset 10 starts, ends and axes are attributes; from 10 they are inputs (with steps).
  const attr = { starts: a.ints('starts'), ends: a.ints('ends'), axes: a.ints('axes') };
  a.checkAllUsed();
  const read = (i: number, what: 'starts' | 'ends' | 'axes' | 'steps'): number[] | null => {
    if (what !== 'steps' && attr[what]) return attr[what];
    if (!node.input?.[i]) return null;
    const values = c.g.ints(node, i, what);
    if (values.some((v) => typeof v !== 'number')) throw new Error(`${where}: ${what} ${JSON.stringify(values)} depend on the batch size; only constants are supported`);
    return values as number[];
  };
  const starts = read(1, 'starts');
  const ends = read(2, 'ends');
  if (!starts || !ends || starts.length !== ends.length) {
    throw new Error(`${where}: starts and ends must be constant lists of one length, got ${JSON.stringify(starts)} and ${JSON.stringify(ends)}`);
  }
  const axes = read(3, 'axes') ?? starts.map((_, i) => i);
  const steps = read(4, 'steps') ?? starts.map(() => 1);
  if (axes.length !== starts.length || steps.length !== starts.length) {
    throw new Error(`${where}: axes ${JSON.stringify(axes)} and steps ${JSON.stringify(steps)} must have one entry per start`);
  }
  let v: Value = x;
  const parts: LayerSpec[] = [];
  axes.forEach((axisRaw, i) => {
    const axis = axisRaw < 0 ? axisRaw + rank : axisRaw;
    if (axis < 0 || axis >= rank) throw new Error(`${where}: axis ${axisRaw} is out of range for ${describeShape(x.shape)}`);
    if (steps[i] !== 1) throw new Error(`${where}: steps = ${steps[i]} along axis ${axisRaw} is not supported (only steps of 1)`);
    const size = x.shape[axis];
    if (axis === 0) {
      // PyTorch's x[:, a:b] may slice the batch axis from 0 to INT64_MAX: the whole of it.
      if (starts[i] === 0 && ends[i] >= 2 ** 31 - 1) return;
      throw new Error(`${where}: slicing the batch axis (starts ${starts[i]}, ends ${ends[i]}) is not supported`);
    }
    if (typeof size !== 'number') throw new Error(`${where}: axis ${axis} of ${describeShape(x.shape)} has an unknown size; Slice needs it known`);
    const [from, to] = clampRange(starts[i], ends[i], size);
    if (to <= from) throw new Error(`${where}: starts ${starts[i]}, ends ${ends[i]} along axis ${axisRaw} of size ${size} select nothing`);
    if (from === 0 && to === size) return; // the whole axis: nothing to do
    parts.push({ type: 'Narrow', dim: axis, start: from, length: to - from });
  });
  if (parts.length === 0) return c.alias([node], x);
  need('Narrow', node);
  parts.slice(0, -1).forEach((spec) => (v = c.builder.add(node, spec, [v], {}, where)));
  c.emit([node], parts[parts.length - 1], [v]);
}

/** Split along one axis into the given sizes (or equal parts, the last one smaller): a Narrow per used output. */
export function split(c: Converter, node: NodeProto, a: Attributes): void {
  const where = describeNode(node);
  const x = c.onlyFirstIsData(node);
  const axisRaw = a.int('axis', 0);
  const splitAttr = a.ints('split'); // before opset 13
  const numOutputs = a.int('num_outputs', 0); // opset 18
  a.checkAllUsed();
  const rank = x.shape.length;
  const axis = axisRaw < 0 ? axisRaw + rank : axisRaw;
  if (axis < 1 || axis >= rank) throw new Error(`${where}: attribute axis = ${axisRaw} of ${describeShape(x.shape)} is not supported (only an axis after the batch)`);
  const size = x.shape[axis];
  if (typeof size !== 'number') throw new Error(`${where}: axis ${axis} of ${describeShape(x.shape)} has an unknown size; Split needs it known`);
  const outputs = node.output ?? [];
  let sizes: number[];
  const given = splitAttr ?? (node.input?.[1] ? c.g.ints(node, 1, 'split') : null);
  if (given) {
    if (given.some((d) => typeof d !== 'number' || d < 0)) throw new Error(`${where}: split ${JSON.stringify(given)} must be constant sizes ≥ 0`);
    sizes = given as number[];
  } else {
    // Equal parts of ⌈size/k⌉, the last one what is left (opset 18's num_outputs; PyTorch's chunk).
    // Without num_outputs ONNX asks for equal parts: the size must divide.
    const k = numOutputs || outputs.length;
    if (!numOutputs && size % k !== 0) throw new Error(`${where}: ${outputs.length} equal parts of axis ${axis} (size ${size}) do not divide it; give split sizes`);
    const part = Math.ceil(size / k);
    sizes = Array.from({ length: k }, (_, i) => Math.max(0, Math.min(part, size - i * part)));
  }
  if (sizes.length !== outputs.length || sizes.reduce((p, d) => p + d, 0) !== size) {
    throw new Error(`${where}: split sizes ${JSON.stringify(sizes)} must give ${outputs.length} parts adding up to ${size} (axis ${axis} of ${describeShape(x.shape)})`);
  }
  need('Narrow', node);
  let start = 0;
  const specs = sizes.map((length, i) => {
    const spec: LayerSpec | null = length === size ? null : { type: 'Narrow', dim: axis, start, length };
    if (length === 0 && c.isUsed(outputs[i])) throw new Error(`${where}: output ${i} ('${outputs[i]}') is an empty part (size 0) and is used; not supported`);
    start += length;
    return spec;
  });
  c.emitEach(node, specs, x);
}

function need(type: string, node: NodeProto): void {
  if (!layerDef(type)) throw new Error(`${describeNode(node)}: unsupported operator '${node.opType}' (it needs a ${type} layer, which Nabla does not have yet)`);
}
