// SPDX-License-Identifier: MIT
// ONNX export of ConvTranspose2d in ONNX Runtime: ConvTranspose with strides, pads,
// output_padding, group and dilations, at opsets 13, 17 and 21, against Nabla's forward (itself
// checked against PyTorch by the goldens), at the exported batch and another.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { exportOnnx } from '../../src/io/onnx/export.js';
import { onnx, type AttributeProto, type DecodedGraph } from '../../src/io/onnx/proto.js';
import { ConvTranspose2d, type ConvTranspose2dLayerOptions } from '../../src/layers/conv-transpose2d.js';
import type { Layer } from '../../src/layers/layer.js';
import { Sequential } from '../../src/layers/sequential.js';
import { Rng } from '../../src/tensor/rng.js';
import { expectClose } from '../helpers/close.js';
import { decoderEveryConvTranspose } from './convt-models.js';
import { randomInput } from './onnx-models.js';
import { checkAllWithPythonOnnx, runOrt } from './onnx-runtime.js';

interface ExportCase {
  name: string;
  layer: Layer;
  x: number[];
  ops: string[];
  attributes?: Record<string, number | number[]>;
}

const convT = (name: string, inC: number, outC: number, k: number | [number, number], o: ConvTranspose2dLayerOptions, x: number[],
  attributes?: ExportCase['attributes']): ExportCase =>
  ({ name: `ConvTranspose2d ${name}`, layer: new ConvTranspose2d(inC, outC, k, { ...o, rng: new Rng(3) }), x, ops: ['ConvTranspose'], attributes });

const CASES: ExportCase[] = [
  convT('k=3 x=[2,3,4,4]', 3, 2, 3, {}, [2, 3, 4, 4], { kernel_shape: [3, 3], group: 1 }),
  convT('k=3 s=2 p=1 outputPadding=1 x=[1,2,3,5]', 2, 3, 3, { stride: 2, padding: 1, outputPadding: 1 }, [1, 2, 3, 5],
    { strides: [2, 2], pads: [1, 1, 1, 1], output_padding: [1, 1] }),
  convT('k=2 s=2 x=[2,4,7,7]', 4, 2, 2, { stride: 2 }, [2, 4, 7, 7]),
  convT('k=3 p=1 groups=2 x=[2,4,5,3]', 4, 6, 3, { padding: 1, groups: 2 }, [2, 4, 5, 3], { group: 2 }),
  convT('k=3 s=2 depthwise x=[1,3,4,4]', 3, 3, 3, { stride: 2, groups: 3 }, [1, 3, 4, 4], { group: 3 }),
  convT('k=3 d=2 p=2 x=[2,2,5,6]', 2, 3, 3, { dilation: 2, padding: 2 }, [2, 2, 5, 6], { dilations: [2, 2] }),
  // ONNX Runtime refuses output_padding ≥ stride: end pads shortened, the rest zero-padded, then the bias.
  { ...convT('k=2 d=3 outputPadding=2 x=[1,2,4,4] (outputPadding ≥ stride)', 2, 2, 2, { dilation: 3, outputPadding: 2 }, [1, 2, 4, 4],
    { pads: [0, 0, 0, 0], dilations: [3, 3] }), ops: ['ConvTranspose', 'Pad', 'Add'] },
  { ...convT('k=3 d=3 p=[1,3] outputPadding=2 x=[1,2,4,4] (outputPadding ≥ stride, within the padding in W)', 2, 2, 3,
    { dilation: 3, padding: [1, 3], outputPadding: 2 }, [1, 2, 4, 4], { pads: [1, 3, 0, 1] }), ops: ['ConvTranspose', 'Pad', 'Add'] },
  { ...convT('k=2 s=[1,2] d=2 p=1 outputPadding=1 bias=false x=[1,2,3,4] (H within the padding)', 2, 2, 2,
    { stride: [1, 2], dilation: 2, padding: 1, outputPadding: 1, bias: false }, [1, 2, 3, 4], { pads: [1, 1, 0, 0] }), ops: ['ConvTranspose'] },
  convT('k=[2,3] s=[3,2] p=[1,2] outputPadding=[2,1] x=[1,2,5,7]', 2, 5, [2, 3], { stride: [3, 2], padding: [1, 2], outputPadding: [2, 1] },
    [1, 2, 5, 7], { kernel_shape: [2, 3], pads: [1, 2, 1, 2] }),
  convT('k=1 bias=false x=[2,5,3,2]', 5, 3, 1, { bias: false }, [2, 5, 3, 2]),
];

const OPSETS = [13, 17, 21];

function attributeValue(a: AttributeProto): number | number[] {
  return a.ints && a.ints.length > 0 ? a.ints.map(Number) : Number(a.i);
}

async function expectOrtMatches(model: Sequential, bytes: Uint8Array, shape: number[], name: string): Promise<void> {
  for (const N of [shape[0], 3]) {
    const x = randomInput([N, ...shape.slice(1)], 40 + N);
    const expected = model.forward(x, 'eval');
    const actual = await runOrt(bytes, x.data as Float32Array, x.shape);
    assert.deepEqual(actual.dims, [...expected.shape], `${name} N=${N}: dims`);
    const scale = Math.max(...Array.from(expected.data, Math.abs));
    expectClose(actual.data, expected.data, { rtol: 1e-4, atol: 1e-6 * scale, name: `${name} N=${N}` });
  }
}

describe('exportOnnx of ConvTranspose2d runs in ONNX Runtime with Nabla\'s outputs', () => {
  for (const c of CASES) {
    it(c.name, async (t) => {
      const model = new Sequential([c.layer]);
      const toCheck = [];
      for (const opset of OPSETS) {
        const bytes = exportOnnx(model, { inputShape: c.x, opset });
        const g = onnx.ModelProto.decode(bytes).graph as DecodedGraph;
        assert.deepEqual(g.node.map((n) => n.opType), c.ops, `${c.name} opset ${opset}: nodes`);
        const attributes = new Map((g.node[0].attribute ?? []).map((a) => [a.name!, attributeValue(a)]));
        for (const [key, value] of Object.entries(c.attributes ?? {})) {
          assert.deepEqual(attributes.get(key), value, `${c.name} opset ${opset}: attribute ${key}`);
        }
        await expectOrtMatches(model, bytes, c.x, `${c.name} opset ${opset}`);
        toCheck.push({ name: `${c.name} opset ${opset}`, bytes, opset });
      }
      for (const reason of checkAllWithPythonOnnx(toCheck)) t.diagnostic(`onnx.checker: ${reason}`);
    });
  }

  it('a decoder with every option chained (conv, grouped and dilated transposed convs, ReLU)', async () => {
    const { model, inputShape } = decoderEveryConvTranspose();
    for (const opset of OPSETS) await expectOrtMatches(model, exportOnnx(model, { inputShape, opset }), inputShape, `decoder opset ${opset}`);
  });
});
