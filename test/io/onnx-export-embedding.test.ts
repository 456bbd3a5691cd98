// SPDX-License-Identifier: MIT
// ONNX export of Embedding (Cast to int64, Gather on axis 0), Narrow (Slice) and the table model
// that embeds categorical columns (presets-table.ts), in ONNX Runtime at opsets 13, 17 and 21,
// against Nabla's forward (itself checked against PyTorch by the goldens), with repeated indices
// and the padding row 0 among them; and the exported table model read back by importOnnx (Cast to
// INT64 + Gather → Embedding, Slice → Narrow) computing the same outputs.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TableSchema } from '../../src/data/table.js';
import { Embedding } from '../../src/layers/embedding.js';
import type { Container } from '../../src/layers/layer.js';
import { Narrow } from '../../src/layers/narrow.js';
import { Sequential } from '../../src/layers/sequential.js';
import { modelFromSpec } from '../../src/layers/spec.js';
import { Rng } from '../../src/tensor/rng.js';
import { Tensor } from '../../src/tensor/tensor.js';
import { tableEmbeddingSpec } from '../../src/train/presets-table.js';
import { exportOnnx } from '../../src/io/onnx/export.js';
import { readOnnx } from '../../src/io/onnx/import.js';
import { expectClose } from '../helpers/close.js';
import { checkExport } from './onnx-export-check.js';

const OPSETS = [13, 17, 21];

/** Integer indices 0 … V−1 (each repeated), as floats. */
function indices(shape: number[], V: number, seed: number): Tensor {
  const rng = new Rng(seed);
  const x = Tensor.zeros(shape);
  for (let i = 0; i < x.size; i++) x.data[i] = i < V ? i : rng.int(V);
  return x;
}

/** The exported batch and batch 3, each drawn by `make(N)`. */
const batches = (make: (N: number) => Tensor) => (shape: number[]) => [shape[0], 3].map(make);

describe('exportOnnx of Embedding and Narrow runs in ONNX Runtime with Nabla\'s outputs', () => {
  const GATHER = { ops: () => ['Cast', 'Gather'], attributes: { to: 7 }, opsets: OPSETS };
  it('Embedding V=7 D=4 on [N, 5] indices', (t) =>
    checkExport({ ...GATHER, name: 'Embedding', model: new Sequential([new Embedding(7, 4, { rng: new Rng(1) })]), inputShape: [2, 5], inputs: batches((N) => indices([N, 5], 7, N)) }, t));

  it('Embedding paddingIdx 0 on [N, 2, 3] indices', (t) =>
    checkExport({ ...GATHER, name: 'Embedding padding', model: new Sequential([new Embedding(4, 3, { paddingIdx: 0, rng: new Rng(2) })]), inputShape: [2, 2, 3], inputs: batches((N) => indices([N, 2, 3], 4, 10 + N)) }, t));

  it('Narrow dim 1 and dim -1', async (t) => {
    await checkExport({ name: 'Narrow dim 1', model: new Sequential([new Narrow(1, 2, 3)]), inputShape: [2, 7], opsets: OPSETS, ops: () => ['Slice'] }, t);
    await checkExport({ name: 'Narrow dim -1', model: new Sequential([new Narrow(-1, 0, 2)]), inputShape: [2, 3, 4], opsets: OPSETS, ops: () => ['Slice'] }, t);
  });

  it('the table model with embedded categorical columns (two categorical, two numeric)', async (t) => {
    const schema: TableSchema = {
      target: 'y',
      categorical: 'embedding',
      columns: [
        { name: 'colour', kind: 'categorical', categories: ['green', 'red', 'yellow'] },
        { name: 'weight', kind: 'numeric', mean: 0, std: 1 },
        { name: 'city.name', kind: 'categorical', categories: ['a', 'b', 'c', 'd', 'e', 'f'] },
        { name: 'age', kind: 'numeric', mean: 0, std: 1 },
      ],
    };
    const model = modelFromSpec(tableEmbeddingSpec(schema, 3), { rng: new Rng(3), inputShape: [1, 4, 1, 1] }) as Container;
    const row = (N: number) => {
      const rng = new Rng(20 + N);
      const x = Tensor.zeros([N, 4, 1, 1]);
      for (let n = 0; n < N; n++) x.data.set([rng.normal(), rng.normal(), rng.int(4), rng.int(7)], 4 * n); // index 0: the padding row
      return x;
    };
    const ops = ['Flatten', 'Slice', 'Slice', 'Cast', 'Gather', 'Flatten', 'Slice', 'Cast', 'Gather', 'Flatten', 'Concat', 'Gemm', 'Relu', 'Gemm', 'Relu', 'Gemm'];
    await checkExport({ name: 'table model', model, inputShape: [2, 4, 1, 1], opsets: OPSETS, ops: () => ops, inputs: batches(row) }, t);

    // Read back: the same layers (the padding index is not in the file) and the same outputs.
    const back = readOnnx(exportOnnx(model, { inputShape: [2, 4, 1, 1], opset: 17 }));
    assert.deepEqual(back.specs.map((s) => s.type), ['Flatten', 'Narrow', 'Narrow', 'Embedding', 'Flatten', 'Narrow', 'Embedding', 'Flatten', 'Concat', 'Linear', 'ReLU', 'Linear', 'ReLU', 'Linear']);
    const x = row(5);
    expectClose(back.model.forward(x, 'eval').data, model.forward(x, 'eval').data, { rtol: 1e-6, atol: 1e-7, name: 'table model imported' });
  });
});
