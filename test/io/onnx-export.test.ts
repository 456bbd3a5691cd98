// SPDX-License-Identifier: MIT
// exportOnnx: the exported files run in ONNX Runtime and match Nabla's eval forward, pass ONNX's
// own checker (when python3-onnx is installed), and carry the documented names and dimensions.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { exportOnnx } from '../../src/io/onnx/export.js';
import { onnx, type DecodedGraph, type ValueInfoProto } from '../../src/io/onnx/proto.js';
import { GELU, ReLU, Softplus } from '../../src/layers/activations.js';
import { Linear } from '../../src/layers/linear.js';
import type { Layer } from '../../src/layers/layer.js';
import { Sequential } from '../../src/layers/sequential.js';
import { Rng } from '../../src/tensor/rng.js';
import type { Tensor } from '../../src/tensor/tensor.js';
import { expectClose } from '../helpers/close.js';
import { cnnEveryLayer, graphEveryMerge, mlpEveryLayer, randomInput, singleLayerCases } from './onnx-models.js';
import { checkAllWithPythonOnnx, checkWithPythonOnnx, runOrt } from './onnx-runtime.js';

/**
 * Outputs are compared with rtol 1e-4 plus an absolute floor of 1e-6 of the largest |output|:
 * both sides compute in float32 with different summation orders, so entries near zero can only
 * be compared relative to the output's scale.
 */
export async function expectOrtMatches(bytes: Uint8Array, model: Layer, x: Tensor, name: string): Promise<void> {
  const expected = model.forward(x, 'eval');
  const actual = await runOrt(bytes, x.data as Float32Array, x.shape);
  assert.deepEqual(actual.dims, [...expected.shape], `${name}: output dims`);
  const scale = Math.max(...Array.from(expected.data, Math.abs));
  expectClose(actual.data, expected.data, { rtol: 1e-4, atol: 1e-6 * scale, name });
}

const cases = [
  { name: 'mlp using every element-wise layer', make: mlpEveryLayer },
  { name: 'cnn using every conv/pool layer', make: cnnEveryLayer },
  { name: 'graph with Residual, Add (2 and 3 inputs), Mul broadcast and Concat', make: graphEveryMerge },
];

describe('exportOnnx runs in ONNX Runtime with Nabla\'s outputs', () => {
  for (const { name, make } of cases) {
    for (const opset of [13, 17, 20, 21]) {
      it(`${name}, opset ${opset}`, async (t) => {
        const { model, inputShape } = make();
        const bytes = exportOnnx(model, { inputShape, opset });
        // A different batch size than the one exported: the batch dimension is symbolic.
        for (const N of [inputShape[0], 5]) {
          await expectOrtMatches(bytes, model, randomInput([N, ...inputShape.slice(1)], 100 + N), `${name} opset ${opset} N=${N}`);
        }
        const skipped = checkWithPythonOnnx(bytes, opset);
        if (skipped) t.diagnostic(`onnx.checker skipped: ${skipped}`);
      });
    }
  }

  it('every layer alone, opsets 13 and 20', async (t) => {
    const toCheck: { name: string; bytes: Uint8Array; opset: number }[] = [];
    for (const { name, model, inputShape } of singleLayerCases()) {
      for (const opset of [13, 20]) {
        const bytes = exportOnnx(model, { inputShape, opset });
        // Scaled by 4 so Softplus inputs cross its threshold and activations see their tails.
        const x = randomInput(inputShape, 3);
        x.data.forEach((v, i) => (x.data[i] = 4 * v));
        await expectOrtMatches(bytes, model, x, `${name} opset ${opset}`);
        toCheck.push({ name: `${name} opset ${opset}`, bytes, opset });
      }
    }
    for (const reason of checkAllWithPythonOnnx(toCheck)) t.diagnostic(`onnx.checker skipped: ${reason}`);
  });

  it('softmax: true appends Softmax over dim 1 (rows sum to 1, argmax kept)', async () => {
    const { model, inputShape } = mlpEveryLayer();
    const bytes = exportOnnx(model, { inputShape, softmax: true });
    const x = randomInput([4, 8], 7);
    const logits = model.forward(x, 'eval');
    const { data } = await runOrt(bytes, x.data as Float32Array, x.shape);
    const K = logits.shape[1];
    const expected = new Float64Array(logits.size);
    for (let n = 0; n < 4; n++) {
      const row = Array.from(logits.data.subarray(n * K, (n + 1) * K));
      const max = Math.max(...row);
      const sum = row.reduce((s, v) => s + Math.exp(v - max), 0);
      row.forEach((v, k) => (expected[n * K + k] = Math.exp(v - max) / sum));
    }
    expectClose(data, expected, { rtol: 1e-4, atol: 1e-6, name: 'softmax output' });
  });
});

describe('exportOnnx graph contents', () => {
  it('names input, output, the symbolic batch N and initializers after Nabla parameters', () => {
    const { model, inputShape } = cnnEveryLayer();
    const m = onnx.ModelProto.decode(exportOnnx(model, { inputShape }));
    const g = m.graph as DecodedGraph;
    assert.equal(g.input[0].name, 'input');
    assert.equal(g.output[0].name, 'output');
    const dims = (vi: ValueInfoProto) => vi.type!.tensorType!.shape!.dim!.map((d) => d.dimParam || Number(d.dimValue));
    assert.deepEqual(dims(g.input[0]), ['N', 3, 12, 10]);
    assert.deepEqual(dims(g.output[0]), ['N', 5]);
    const names = g.initializer.map((t) => t.name);
    const expected = [...model.parameters().map((p) => p.name), ...model.buffers().map((b) => b.name)];
    for (const n of expected) assert.ok(names.includes(n), `initializer ${n} missing from ${names.join(', ')}`);
    assert.deepEqual(g.node.map((n) => n.opType), [
      'Conv', 'BatchNormalization', 'Relu', 'MaxPool', 'Conv', 'MaxPool', 'AveragePool',
      'Div', 'Erf', 'Add', 'Mul', 'Mul', 'AveragePool', 'Flatten', 'Gemm',
    ]);
    assert.equal(Number(m.opsetImport[0].version), 17);
  });

  it('fixedBatch exports the batch dimension as a number', () => {
    const model = new Sequential([new Linear(3, 2), new ReLU()]);
    const g = onnx.ModelProto.decode(exportOnnx(model, { inputShape: [4, 3], fixedBatch: true })).graph as DecodedGraph;
    assert.equal(Number(g.input[0].type!.tensorType!.shape!.dim![0].dimValue), 4);
  });

  it('Gemm keeps W as [in, out] with transB = 0 (no transpose)', () => {
    const model = new Sequential([new Linear(3, 2, { rng: new Rng(1) })]);
    const g = onnx.ModelProto.decode(exportOnnx(model, { inputShape: [1, 3] })).graph as DecodedGraph;
    assert.deepEqual((g.initializer[0].dims ?? []).map(Number), [3, 2]);
    const transB = (g.node[0].attribute ?? []).find((a) => a.name === 'transB');
    assert.equal(Number(transB?.i), 0);
  });

  it('rejects a bad inputShape, opset or unexportable layer with a message naming it', () => {
    const model = new Sequential([new Linear(3, 2), new GELU()]);
    assert.throws(() => exportOnnx(model, { inputShape: [1, 4] }), /inputShape \[1, 4\] does not fit the model: .*Linear/);
    assert.throws(() => exportOnnx(model, { inputShape: [3] }), /inputShape must list the batch dimension/);
    assert.throws(() => exportOnnx(model, { inputShape: [1, 3], opset: 9 }), /opset must be an integer from 13 to 21, got 9/);
    const sharp = new Sequential([new Softplus({ threshold: 5 })]);
    assert.throws(() => exportOnnx(sharp, { inputShape: [1, 3] }), /layer 0 \(Softplus\): threshold 5 cannot be exported/);
  });
});
