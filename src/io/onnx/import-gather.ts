// SPDX-License-Identifier: MIT
// Lookups and slices from ONNX on the model's values: Gather of the rows of a constant table
// [V, D] on axis 0 by indices computed from the input (an embedding, as PyTorch and Nabla export
// nn.Embedding: Cast to an integer type, then Gather) becomes Embedding; Slice along one axis with
// step 1 becomes Narrow. Part of the node-by-node conversion in import-nodes.ts; the mapping is in
// docs/interop.md. A file does not record PyTorch's padding_idx, so an imported Embedding has none
// (the same forward; in training its padding row would now get a gradient).
import { formatShape } from '../../tensor/tensor.js';
import { describeNode, type Dim } from './graph.js';
import { describeShape } from './import-builder.js';
import type { Converter } from './import-nodes.js';
import type { Attributes, NodeProto } from './proto.js';

/** Gather(table, indices, axis 0) with a constant 2-D table: Embedding(V, D) with the table as its weight. */
export function gather(c: Converter, node: NodeProto, a: Attributes): void {
  const where = describeNode(node);
  const axis = a.int('axis', 0);
  a.checkAllUsed();
  if (c.isData(node.input?.[0] ?? '')) {
    throw new Error(`${where}: Gather from a value computed from the input is not supported (only rows of a constant table by computed indices: an embedding)`);
  }
  const indices = c.data(node, 1);
  const table = c.g.floats(node, 0, 'data');
  if (table.dims.length !== 2 || (axis !== 0 && axis !== -2)) {
    throw new Error(`${where}: only Gather of the rows (axis 0) of a 2-D table is supported (an embedding), got data ${formatShape(table.dims)} and axis ${axis}`);
  }
  const [numEmbeddings, embeddingDim] = table.dims;
  c.emit([node], { type: 'Embedding', numEmbeddings, embeddingDim }, [indices], { weight: table });
}

/** ONNX clamps a slice bound: negative counts from the end, then into 0 … size. */
function clampBound(v: number, size: number): number {
  return Math.min(Math.max(v < 0 ? v + size : v, 0), size);
}

/** Slice of one known axis with step 1 (starts, ends, axes as inputs from opset 10, attributes before): Narrow. */
export function slice(c: Converter, node: NodeProto, a: Attributes): void {
  const where = describeNode(node);
  const x = c.onlyFirstIsData(node);
  const read = (index: number, key: string): Dim[] | null => (c.opset >= 10 ? (node.input?.[index] ? c.g.ints(node, index, key) : null) : a.ints(key) ?? null);
  const starts = read(1, 'starts');
  const ends = read(2, 'ends');
  const axes = read(3, 'axes') ?? starts?.map((_, i) => i) ?? [];
  const steps = c.opset >= 10 ? read(4, 'steps') : null;
  a.checkAllUsed();
  const numbers = (list: Dim[] | null) => list !== null && list.every((v): v is number => typeof v === 'number');
  if (!starts || !ends || !numbers(starts) || !numbers(ends) || !numbers(axes) || starts.length !== 1 || ends.length !== 1 || axes.length !== 1) {
    throw new Error(`${where}: only a Slice of one axis with constant starts and ends is supported, got starts ${JSON.stringify(starts)}, ends ${JSON.stringify(ends)}, axes ${JSON.stringify(axes)}`);
  }
  if (steps && !(steps.length === 1 && steps[0] === 1)) throw new Error(`${where}: only step 1 is supported, got steps ${JSON.stringify(steps)}`);
  const rank = x.shape.length;
  const axis = (axes[0] as number) < 0 ? (axes[0] as number) + rank : (axes[0] as number);
  const size = x.shape[axis];
  if (axis <= 0 || axis >= rank || typeof size !== 'number') {
    throw new Error(`${where}: Slice along axis ${axes[0]} of ${describeShape(x.shape)} is not supported (a known axis other than the batch)`);
  }
  const start = clampBound(starts[0] as number, size);
  const end = clampBound(ends[0] as number, size);
  if (end <= start) throw new Error(`${where}: the slice ${start} … ${end} of axis ${axis} (size ${size}) is empty`);
  if (start === 0 && end === size) return c.alias([node], x);
  c.emit([node], { type: 'Narrow', dim: axis, start, length: end - start }, [x]);
}
