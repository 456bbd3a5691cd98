// SPDX-License-Identifier: MIT
// The MLP preset of a table: hidden sizes from the width of its input. With categorical columns
// embedded (TableSchema.categorical 'embedding', table.ts), a Graph that narrows the feature row
// into its numeric part and one index per categorical column, looks each index up in the
// column's own Embedding (its categories plus the zero padding row 0 for missing and unseen
// values; width by fastai's rule, table.ts embeddingDimFor), and concatenates the standardised
// numbers with the embeddings before the MLP.
import type { LayerSpec } from '../layers/layer.js';
import { embeddingDimFor, featureOffsets, type TableSchema } from '../data/table.js';

/** The first hidden size for an input of `width` features: 2·width rounded up to a power of 2, within 16..256 (the second is half). */
export function tableHidden(width: number): number {
  return Math.min(256, Math.max(16, 2 ** Math.ceil(Math.log2(2 * width))));
}

/** width-H-H/2-K with ReLU, as layer specs. */
export function mlpHead(width: number, numClasses: number): LayerSpec[] {
  const hidden = tableHidden(width);
  return [{ type: 'Linear', outFeatures: hidden }, { type: 'ReLU' }, { type: 'Linear', outFeatures: hidden / 2 }, { type: 'ReLU' }, { type: 'Linear', outFeatures: numClasses }];
}

/** A node name from a column name: letters, digits and '_' kept, the rest '_' (names cannot hold '.' or '/'). */
function nodeName(prefix: string, k: number, column: string): string {
  return `${prefix}${k}_${column.replace(/[^A-Za-z0-9_]/g, '_').slice(0, 40)}`;
}

/**
 * The Graph spec of a table whose categorical columns are embedded: input [N, F, 1, 1] with the
 * P numeric features first and one index per categorical column after them.
 *   flatten → [N, F];  numeric = Narrow(1, 0, P);  per column k: Narrow(1, P + k, 1) → Embedding(n_k + 1, d_k, paddingIdx 0) → Flatten
 *   Concat(numeric, embeddings…) → Linear-ReLU-Linear-ReLU-Linear (hidden sizes from P + Σ d_k)
 */
export function tableEmbeddingSpec(schema: TableSchema, numClasses: number): LayerSpec {
  const offsets = featureOffsets(schema);
  const numeric = schema.columns.filter((c) => c.kind === 'numeric').length;
  const nodes: Record<string, unknown>[] = [{ name: 'flatten', type: 'Flatten' }];
  const joined: string[] = [];
  if (numeric > 0) {
    nodes.push({ name: 'numeric', inputs: ['flatten'], type: 'Narrow', dim: 1, start: 0, length: numeric });
    joined.push('numeric');
  }
  let width = numeric;
  let k = 0;
  schema.columns.forEach((c, j) => {
    if (c.kind !== 'categorical') return;
    const rows = c.categories.length + 1; // row 0: missing or unseen (padding, stays zero)
    const dim = embeddingDimFor(rows);
    const [index, embed, flat] = ['index', 'embed', 'flat'].map((p) => nodeName(p, k, c.name));
    nodes.push(
      { name: index, inputs: ['flatten'], type: 'Narrow', dim: 1, start: offsets[j], length: 1 },
      { name: embed, type: 'Embedding', numEmbeddings: rows, embeddingDim: dim, paddingIdx: 0 },
      { name: flat, type: 'Flatten' },
    );
    joined.push(flat);
    width += dim;
    k++;
  });
  nodes.push({ name: 'concat', inputs: joined, type: 'Concat', axis: 1 });
  mlpHead(width, numClasses).forEach((layer, i) => nodes.push({ name: `${layer.type === 'Linear' ? 'fc' : 'relu'}${Math.floor(i / 2) + 1}`, ...layer })); // fc1, relu1, fc2, relu2, fc3
  return { type: 'Graph', nodes };
}
