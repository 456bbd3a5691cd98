// SPDX-License-Identifier: MIT
// ONNX export of Embedding (Cast to int64, Gather on axis 0), Narrow (Slice) and the table model
// that embeds categorical columns (presets-table.ts), in ONNX Runtime at opsets 13, 17 and 21,
// against Nabla's forward (itself checked against PyTorch by the goldens), with repeated indices
// and the padding row 0 among them.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TableSchema } from '../../src/data/table.js';
import { exportOnnx } from '../../src/io/onnx/export.js';
import { onnx, type DecodedGraph } from '../../src/io/onnx/proto.js';
import { Embedding } from '../../src/layers/embedding.js';
import type { Container, Layer } from '../../src/layers/layer.js';
import { Narrow } from '../../src/layers/narrow.js';
import { Sequential } from '../../src/layers/sequential.js';
import { modelFromSpec } from '../../src/layers/spec.js';
import { Rng } from '../../src/tensor/rng.js';
import { Tensor } from '../../src/tensor/tensor.js';
import { tableEmbeddingSpec } from '../../src/train/presets-table.js';
import { expectClose } from '../helpers/close.js';
import { randomInput } from './onnx-models.js';
import { checkAllWithPythonOnnx, runOrt } from './onnx-runtime.js';

const OPSETS = [13, 17, 21];

async function expectOrtMatches(name: string, model: Layer, bytes: Uint8Array, inputs: Tensor[]): Promise<void> {
  for (const x of inputs) {
    const expected = model.forward(x, 'eval');
    const actual = await runOrt(bytes, x.data as Float32Array, x.shape);
    const at = `${name} x=[${x.shape.join(',')}]`;
    assert.deepEqual(actual.dims, [...expected.shape], `${at}: dims`);
    const scale = Math.max(...Array.from(expected.data, Math.abs));
    expectClose(actual.data, expected.data, { rtol: 1e-4, atol: 1e-6 * scale, name: at });
  }
}

/** Integer indices 0 … V−1 (each repeated), as floats. */
function indices(shape: number[], V: number, seed: number): Tensor {
  const rng = new Rng(seed);
  const x = Tensor.zeros(shape);
  for (let i = 0; i < x.size; i++) x.data[i] = i < V ? i : rng.int(V);
  return x;
}

async function check(t: { diagnostic(message: string): void }, name: string, model: Layer, shape: number[], ops: string[], inputs: (N: number) => Tensor): Promise<void> {
  const toCheck = [];
  for (const opset of OPSETS) {
    const bytes = exportOnnx(model, { inputShape: shape, opset });
    const g = onnx.ModelProto.decode(bytes).graph as DecodedGraph;
    assert.deepEqual(g.node.map((n) => n.opType), ops, `${name} opset ${opset}: nodes`);
    await expectOrtMatches(`${name} opset ${opset}`, model, bytes, [shape[0], 3].map(inputs));
    toCheck.push({ name: `${name} opset ${opset}`, bytes, opset });
  }
  for (const reason of checkAllWithPythonOnnx(toCheck)) t.diagnostic(`onnx.checker: ${reason}`);
}

describe('exportOnnx of Embedding and Narrow runs in ONNX Runtime with Nabla\'s outputs', () => {
  it('Embedding V=7 D=4 on [N, 5] indices', async (t) => {
    const model = new Sequential([new Embedding(7, 4, { rng: new Rng(1) })]);
    await check(t, 'Embedding', model, [2, 5], ['Cast', 'Gather'], (N) => indices([N, 5], 7, N));
  });

  it('Embedding paddingIdx 0 on [N, 2, 3] indices', async (t) => {
    const model = new Sequential([new Embedding(4, 3, { paddingIdx: 0, rng: new Rng(2) })]);
    await check(t, 'Embedding padding', model, [2, 2, 3], ['Cast', 'Gather'], (N) => indices([N, 2, 3], 4, 10 + N));
  });

  it('Narrow dim 1 and dim -1', async (t) => {
    await check(t, 'Narrow dim 1', new Sequential([new Narrow(1, 2, 3)]), [2, 7], ['Slice'], (N) => randomInput([N, 7], N));
    await check(t, 'Narrow dim -1', new Sequential([new Narrow(-1, 0, 2)]), [2, 3, 4], ['Slice'], (N) => randomInput([N, 3, 4], N));
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
    await check(t, 'table model', model, [2, 4, 1, 1], ops, row);
  });
});
