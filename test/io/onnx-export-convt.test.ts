// SPDX-License-Identifier: MIT
// ONNX export of ConvTranspose2d in ONNX Runtime: ConvTranspose with strides, pads,
// output_padding, group and dilations, at opsets 13, 17 and 21, against Nabla's forward (itself
// checked against PyTorch by the goldens), at the exported batch and another.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readOnnx } from '../../src/io/onnx/import.js';
import { expectClose } from '../helpers/close.js';
import { randomTensor } from '../kernels/util.js';
import { exportOnnx } from '../../src/io/onnx/export.js';
import { ConvTranspose2d, type ConvTranspose2dLayerOptions } from '../../src/layers/conv-transpose2d.js';
import type { Layer } from '../../src/layers/layer.js';
import { Sequential } from '../../src/layers/sequential.js';
import { Rng } from '../../src/tensor/rng.js';
import { decoderEveryConvTranspose } from './convt-models.js';
import { checkExport, expectOrtMatches, twoBatches } from './onnx-export-check.js';

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

describe('exportOnnx of ConvTranspose2d runs in ONNX Runtime with Nabla\'s outputs', () => {
  for (const c of CASES) {
    it(c.name, (t) => checkExport({ name: c.name, model: new Sequential([c.layer]), inputShape: c.x, opsets: OPSETS,
      ops: () => c.ops, attributes: c.attributes }, t));
  }

  it('a decoder with every option chained (conv, grouped and dilated transposed convs, ReLU)', async () => {
    const { model, inputShape } = decoderEveryConvTranspose();
    for (const opset of OPSETS) {
      await expectOrtMatches(`decoder opset ${opset}`, model, exportOnnx(model, { inputShape, opset }), twoBatches(inputShape));
    }
  });
});

describe('readOnnx of exportOnnx gives back each ConvTranspose2d', () => {
  // Output padding ≥ stride (a larger dilation allows it) leaves the file as ConvTranspose → Pad → Add(bias):
  // the importer reads the three as one layer again (it refused the Add of a constant before).
  for (const c of CASES) {
    it(c.name, () => {
      const model = new Sequential([c.layer]);
      const back = readOnnx(exportOnnx(model, { inputShape: c.x, opset: 17 }));
      const spec = c.layer.toSpec();
      assert.deepEqual(back.specs.map((s) => s.type), ['ConvTranspose2d'], 'one layer');
      const pair = (v: unknown) => (typeof v === 'number' ? [v, v] : v ?? [0, 0]);
      assert.deepEqual(pair(back.specs[0].outputPadding), pair(spec.outputPadding));
      assert.equal(back.specs[0].bias ?? true, spec.bias ?? true);
      const x = randomTensor(new Rng(8), [2, ...c.x.slice(1)], 'float32');
      expectClose(back.model.forward(x, 'eval').data, model.forward(x, 'eval').data, { rtol: 1e-6, atol: 1e-6, name: c.name });
    });
  }
});
