// SPDX-License-Identifier: MIT
// Lookups from ONNX on the model's values: Gather of the rows of a constant table [V, D] on axis 0
// by indices computed from the input (an embedding, as PyTorch and Nabla export nn.Embedding: Cast
// to an integer type, then Gather) becomes Embedding (Slice and Split, which become Narrow, are in
// import-slices.ts). Part of the node-by-node conversion in import-nodes.ts; the mapping is in
// docs/interop.md. A file does not record PyTorch's padding_idx, so an imported Embedding has none
// (the same forward; in training its padding row would now get a gradient).
import { formatShape } from '../../tensor/tensor.js';
import { describeNode } from './graph.js';
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
