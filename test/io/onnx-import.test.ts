// SPDX-License-Identifier: MIT
// importOnnx: PyTorch's exports (test/fixtures/onnx, made by make-onnx-fixtures.py) import and
// give PyTorch's outputs, fine-tune (loss falls on a fixed batch; float64 gradcheck passes), and
// export → import gives back the same model. Unsupported graphs fail naming node and attribute.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { gradcheck, formatGradcheck } from '../../src/gradcheck.js';
import { exportOnnx } from '../../src/io/onnx/export.js';
import { importOnnx, readOnnx } from '../../src/io/onnx/import.js';
import { attr, floatTensor, onnx, readTensor, type AttributeProto, type DecodedGraph } from '../../src/io/onnx/proto.js';
import type { LayerSpec } from '../../src/layers/layer.js';
import type { Container } from '../../src/layers/layer.js';
import { SoftmaxCrossEntropy } from '../../src/losses/softmax-cross-entropy.js';
import { SGD } from '../../src/optim/sgd.js';
import { Rng } from '../../src/tensor/rng.js';
import { Tensor } from '../../src/tensor/tensor.js';
import { expectClose } from '../helpers/close.js';
import { cnnEveryLayer, mlpEveryLayer, randomInput, singleLayerCases } from './onnx-models.js';
import { runOrt } from './onnx-runtime.js';

const FIXTURES = new URL('../fixtures/onnx/', import.meta.url);

interface Fixture {
  inputShape: number[];
  input: number[];
  outputShape: number[];
  output: number[];
  logits?: number[];
}

function fixture(name: string): { bytes: Uint8Array; f: Fixture; x: Tensor } {
  const bytes = new Uint8Array(readFileSync(new URL(`${name}.onnx`, FIXTURES)));
  const f = JSON.parse(readFileSync(new URL(`${name}.json`, FIXTURES), 'utf8')) as Fixture;
  return { bytes, f, x: Tensor.from(f.input, f.inputShape) };
}

/** rtol 1e-4 with an absolute floor of 1e-6 of the largest |value| (float32 on both sides). */
function expectMatches(actual: ArrayLike<number>, expected: ArrayLike<number>, name: string): void {
  const scale = Math.max(...Array.from(expected, Math.abs));
  expectClose(actual, expected, { rtol: 1e-4, atol: 1e-6 * scale, name });
}

const types = (specs: LayerSpec[]) => specs.map((s) => s.type);

describe('PyTorch exports import and give PyTorch\'s outputs', () => {
  const expectedLayers: Record<string, string[]> = {
    mlp: ['Linear', 'ReLU', 'Linear', 'GELU', 'Linear', 'Tanh', 'Linear', 'LeakyReLU', 'Linear', 'Softplus', 'Linear', 'Sigmoid', 'Linear'],
    'cnn-bn': ['Conv2d', 'BatchNorm2d', 'ReLU', 'MaxPool2d', 'Conv2d', 'BatchNorm2d', 'LeakyReLU', 'AvgPool2d', 'Flatten', 'Linear', 'BatchNorm1d', 'ReLU', 'Linear'],
    'cnn-view': ['Conv2d', 'Sigmoid', 'AvgPool2d', 'Flatten', 'Linear'],
    'cnn-view-static': ['Conv2d', 'Sigmoid', 'AvgPool2d', 'Flatten', 'Linear'],
    'cnn-reshape': ['Conv2d', 'Tanh', 'MaxPool2d', 'Flatten', 'Linear'],
  };
  for (const [name, layers] of Object.entries(expectedLayers)) {
    it(name, () => {
      const { bytes, f, x } = fixture(name);
      const { model, specs, inputShape } = readOnnx(bytes);
      assert.deepEqual(types(specs), layers);
      assert.deepEqual(inputShape, ['N', ...f.inputShape.slice(1)]);
      const y = model.forward(x, 'eval');
      assert.deepEqual([...y.shape], f.outputShape);
      expectMatches(y.data, f.output, name);
    });
  }

  it('options PyTorch wrote come through: LeakyReLU 0.1, Softplus β = 2, count_include_pad, Pad + AveragePool', () => {
    const mlp = readOnnx(fixture('mlp').bytes).specs;
    assert.deepEqual(mlp[7], { type: 'LeakyReLU', negativeSlope: 0.1 });
    assert.deepEqual(mlp[9], { type: 'Softplus', beta: 2 });
    assert.equal(readOnnx(fixture('cnn-bn').bytes).specs[7].countIncludePad, false);
    // AvgPool2d(3, 2, padding=1) with count_include_pad=True is exported as Pad + AveragePool.
    const pool = readOnnx(fixture('cnn-view').bytes).specs[2];
    assert.deepEqual([pool.padding, pool.countIncludePad], [[1, 1], true]);
  });

  it('MatMul + Add (onnx.helper) imports as Linear; a trailing Softmax is an error unless dropped', () => {
    const { bytes, f, x } = fixture('matmul-add-softmax');
    assert.throws(() => importOnnx(bytes), /node 'softmax' \(Softmax\): the graph ends in Softmax.*trailingSoftmax: 'drop'/);
    const { model, specs, droppedSoftmax } = readOnnx(bytes, { trailingSoftmax: 'drop' });
    assert.equal(droppedSoftmax, true);
    assert.deepEqual(specs, [
      { type: 'Linear', inFeatures: 6, outFeatures: 5 },
      { type: 'ReLU' },
      { type: 'Linear', inFeatures: 5, outFeatures: 3, bias: false },
    ]);
    expectMatches(model.forward(x, 'eval').data, f.logits!, 'matmul-add-softmax logits');
  });
});

describe('an imported model fine-tunes', () => {
  it('cnn-bn: SGD on a fixed batch lowers the loss, and the result still exports and runs', async () => {
    const { bytes } = fixture('cnn-bn');
    const model = importOnnx(bytes);
    const rng = new Rng(5);
    const x = randomInput([8, 1, 16, 16], 6);
    const targets = Array.from({ length: 8 }, () => rng.int(10));
    const loss = new SoftmaxCrossEntropy();
    const opt = new SGD(model.parameters(), { lr: 0.05, momentum: 0.9 });
    const losses: number[] = [];
    for (let step = 0; step < 15; step++) {
      opt.zeroGrad();
      losses.push(loss.forward(model.forward(x, 'train'), targets));
      model.backward(loss.backward());
      opt.step();
    }
    // Memorising 8 labels: the loss must fall well below its start, not merely wobble down.
    assert.ok(losses[14] < 0.5 * losses[0], `loss ${losses[0]} → ${losses[14]}: ${losses.map((l) => l.toFixed(3)).join(' ')}`);
    const probe = randomInput([3, 1, 16, 16], 8);
    const again = exportOnnx(model, { inputShape: [3, 1, 16, 16] });
    const ort = await runOrt(again, probe.data as Float32Array, probe.shape);
    expectMatches(ort.data, model.forward(probe, 'eval').data, 'fine-tuned cnn-bn in ONNX Runtime');
  });

  for (const name of ['mlp', 'cnn-bn', 'cnn-view']) {
    it(`${name}: float64 gradcheck of the imported model (eval mode)`, () => {
      const { bytes, f } = fixture(name);
      const model = importOnnx(bytes);
      const x = Tensor.from(f.input.slice(0, f.input.length / f.inputShape[0] * 2), [2, ...f.inputShape.slice(1)]);
      const report = gradcheck(model, x, { mode: 'eval', tolerance: 1e-6, maxChecksPerTensor: 12 });
      assert.ok(report.ok, formatGradcheck(report));
    });
  }
});

describe('export → import gives back the model', () => {
  /**
   * The spec without what ONNX does not carry: Dropout (removed), init, Softplus threshold, and
   * BatchNorm affine = false (exported as γ = 1, β = 0, imported as affine with those values).
   */
  function comparable(model: Container): LayerSpec[] {
    const strip = (spec: LayerSpec): LayerSpec[] => {
      if (spec.type === 'Dropout') return [];
      if (spec.type === 'Sequential') return (spec.layers as LayerSpec[]).flatMap(strip);
      const { init: _init, threshold: _threshold, affine: _affine, ...rest } = spec;
      return [rest as LayerSpec];
    };
    return strip(model.toSpec());
  }
  const cases = [
    { name: 'mlp every layer', ...mlpEveryLayer() },
    { name: 'cnn every layer', ...cnnEveryLayer() },
    ...singleLayerCases().filter((c) => !c.name.includes('affine=false')),
  ];
  for (const opset of [13, 20]) {
    it(`every test model, opset ${opset}: same specs and the same eval outputs`, () => {
      for (const { name, model, inputShape } of cases) {
        const back = importOnnx(exportOnnx(model, { inputShape, opset }));
        assert.deepEqual(comparable(back), comparable(model), name);
        const x = randomInput(inputShape, 9);
        expectClose(back.forward(x, 'eval').data, model.forward(x, 'eval').data, { rtol: 1e-6, atol: 1e-7, name });
      }
    });
  }

  it('BatchNorm without affine comes back with γ = 1, β = 0 (ONNX requires them)', () => {
    const c = singleLayerCases().find((k) => k.name === 'BatchNorm2d affine=false')!;
    const back = importOnnx(exportOnnx(c.model, { inputShape: c.inputShape }));
    const x = randomInput(c.inputShape, 4);
    expectClose(back.forward(x, 'eval').data, c.model.forward(x, 'eval').data, { rtol: 1e-6, atol: 1e-7, name: 'bn affine=false' });
  });
});

/** A decoded node with its repeated fields present (protobufjs always decodes them as arrays). */
interface Node {
  opType?: string | null;
  name?: string | null;
  input: string[];
  output: string[];
  attribute: AttributeProto[];
}
const nodes = (g: DecodedGraph): Node[] => g.node as Node[];

/** Decodes an exported model, lets `edit` change the graph, encodes it again (protobufjs both ways). */
function edited(model: Container, inputShape: number[], edit: (g: DecodedGraph) => void): Uint8Array {
  const m = onnx.ModelProto.decode(exportOnnx(model, { inputShape }));
  edit(m.graph as DecodedGraph);
  return onnx.ModelProto.encode(m).finish();
}

describe('unsupported graphs fail naming the node and the attribute', () => {
  const { model, inputShape } = cnnEveryLayer();
  const node = (g: DecodedGraph, op: string) => nodes(g).find((n) => n.opType === op)!;

  it('an unknown operator', () => {
    const bytes = edited(model, inputShape, (g) => (node(g, 'Relu').opType = 'Einsum'));
    assert.throws(() => importOnnx(bytes), /^Error: importOnnx: node '2.Relu' \(Einsum\): unsupported operator 'Einsum'$/);
  });
  it('an unknown attribute', () => {
    const bytes = edited(model, inputShape, (g) => node(g, 'Conv').attribute.push(attr.int('fancy', 1)));
    assert.throws(() => importOnnx(bytes), /node '0.Conv' \(Conv\): unsupported attribute 'fancy'/);
  });
  it('auto_pad with pads, ceil_mode 2, an attribute of the wrong type, Div of the input', () => {
    const cases: [(g: DecodedGraph) => void, RegExp][] = [
      [(g) => node(g, 'Conv').attribute.push(attr.string('auto_pad', 'SAME_UPPER')), /'0.Conv' \(Conv\): attribute auto_pad = 'SAME_UPPER' together with non-zero pads/],
      [(g) => node(g, 'Conv').attribute.push(attr.string('auto_pad', 'SAME')), /'0.Conv' \(Conv\): attribute auto_pad = 'SAME' is not an ONNX value/],
      [(g) => node(g, 'MaxPool').attribute.push(attr.int('ceil_mode', 2)), /'3.MaxPool' \(MaxPool\): attribute ceil_mode = 2 must be 0 or 1/],
      [(g) => Object.assign(node(g, 'Conv').attribute.find((a) => a.name === 'group')!, { type: 1, f: 1 }), /'0.Conv' \(Conv\): attribute 'group' should be INT, got FLOAT/],
      [(g) => node(g, 'Div').input.splice(1, 1, node(g, 'Div').input[0]), /'7.Div' \(Div\): unsupported operator 'Div' on the model's values \(only inside a formula/],
    ];
    for (const [edit, message] of cases) assert.throws(() => importOnnx(edited(model, inputShape, edit)), message);
  });
  it('a branching graph (a residual Add) becomes a Graph: y = relu(x) + x', () => {
    const small = singleLayerCases().find((c) => c.name === 'ReLU')!;
    const bytes = edited(small.model, small.inputShape, (g) => {
      nodes(g)[0].output = ['r'];
      g.node.push(onnx.NodeProto.create({ opType: 'Add', name: 'residual', input: ['r', 'input'], output: ['output'] }));
    });
    const model = importOnnx(bytes);
    assert.equal(model.name, 'Graph');
    const x = randomInput(small.inputShape, 3);
    const y = model.forward(x, 'eval');
    expectClose(y.data, Array.from(x.data, (v) => Math.max(v, 0) + v), { rtol: 1e-7, atol: 0, name: 'relu(x) + x' });
  });
  it('Gelu with approximate = tanh imports, another approximate value and a Reshape that is not a flatten fail', () => {
    const gelu = singleLayerCases().find((c) => c.name === 'GELU')!;
    const tanh = onnx.ModelProto.decode(exportOnnx(gelu.model, { inputShape: gelu.inputShape, opset: 20 }));
    nodes(tanh.graph as DecodedGraph)[0].attribute[0].s = new TextEncoder().encode('tanh');
    assert.deepEqual(readOnnx(onnx.ModelProto.encode(tanh).finish()).specs, [{ type: 'GELU', approximate: 'tanh' }]);
    nodes(tanh.graph as DecodedGraph)[0].attribute[0].s = new TextEncoder().encode('fast');
    assert.throws(() => importOnnx(onnx.ModelProto.encode(tanh).finish()), /'0.Gelu' \(Gelu\): attribute approximate = 'fast' is not supported \(none, tanh are\)/);
    const flat = singleLayerCases().find((c) => c.name === 'Flatten')!;
    const bytes = edited(flat.model, flat.inputShape, (g) => {
      nodes(g)[0].opType = 'Reshape';
      nodes(g)[0].attribute = [];
      nodes(g)[0].input.push('shape');
      (g.initializer ??= []).push(onnx.TensorProto.create({ name: 'shape', dims: [3], dataType: 7, int64Data: [0, 4, -1] }));
    });
    assert.throws(() => importOnnx(bytes), /'0.Flatten' \(Reshape\): Reshape of \[N, 4, 7, 6\] to \[N, 4, 42\] is not supported \(only to the same shape, or a flatten to \[N, 168\]\)/);
  });
});

describe('readTensor: the values of initializers', () => {
  it('keeps FLOAT values as float32 (half the memory of widening them; the same numbers), DOUBLE as float64', () => {
    const values = [0.1, -2.5, 3e-39, Number.MAX_VALUE / 2 ** 900, -0];
    const raw = readTensor(floatTensor('w', [5], values), 'w');
    assert.ok(raw.floats instanceof Float32Array);
    assert.deepEqual(Array.from(raw.floats!), Array.from(Float32Array.from(values)));
    // float_data (no raw_data) rounds to float32 likewise.
    const listed = readTensor({ name: 'w', dims: [5], dataType: onnx.TensorProto.DataType.FLOAT, floatData: values }, 'w');
    assert.ok(listed.floats instanceof Float32Array);
    assert.deepEqual(Array.from(listed.floats!), Array.from(Float32Array.from(values)));
    const doubles = readTensor({ name: 'd', dims: [2], dataType: onnx.TensorProto.DataType.DOUBLE, doubleData: [0.1, 1e300] }, 'd');
    assert.ok(doubles.floats instanceof Float64Array);
    assert.deepEqual(Array.from(doubles.floats!), [0.1, 1e300]);
  });
});
