// SPDX-License-Identifier: MIT
// ONNX export of Upsample in ONNX Runtime: one Resize as PyTorch 1.13 writes it (nearest:
// asymmetric + floor; bilinear: half_pixel or align_corners; a scale factor as the scales input, a
// size as sizes from Shape → Slice → Concat so the batch may vary), at opsets 13, 17 and 21,
// against Nabla's forward (itself checked against PyTorch by the goldens), at the exported batch and
// another; each file passes ONNX's checker where python3-onnx knows the opset, and imports back
// to the same layer.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { exportOnnx } from '../../src/io/onnx/export.js';
import { readOnnx } from '../../src/io/onnx/import.js';
import { onnx, type AttributeProto, type DecodedGraph } from '../../src/io/onnx/proto.js';
import { Sequential } from '../../src/layers/sequential.js';
import { layerFromSpec } from '../../src/layers/spec.js';
import { Upsample, type UpsampleOptions } from '../../src/layers/upsample.js';
import { expectClose } from '../helpers/close.js';
import { decoderUpsample } from './convt-models.js';
import { randomInput } from './onnx-models.js';
import { checkExport, expectOrtMatches, twoBatches } from './onnx-export-check.js';

interface ExportCase {
  name: string;
  options: UpsampleOptions;
  x: number[];
  /** The Resize node's string attributes. */
  modes: { mode: string; coordinate_transformation_mode: string; nearest_mode?: string };
  /** The scales written, when a scale factor is exported. */
  scales?: number[];
}

const NEAREST = { mode: 'nearest', coordinate_transformation_mode: 'asymmetric', nearest_mode: 'floor' };
const HALF_PIXEL = { mode: 'linear', coordinate_transformation_mode: 'half_pixel' };
const CORNERS = { mode: 'linear', coordinate_transformation_mode: 'align_corners' };

const CASES: ExportCase[] = [
  { name: 'nearest ×2 x=[2,3,5,7]', options: { scaleFactor: 2 }, x: [2, 3, 5, 7], modes: NEAREST, scales: [1, 1, 2, 2] },
  { name: 'nearest ×3 x=[1,2,4,3]', options: { scaleFactor: 3 }, x: [1, 2, 4, 3], modes: NEAREST },
  { name: 'nearest ×[2,3] x=[2,2,3,5]', options: { scaleFactor: [2, 3] }, x: [2, 2, 3, 5], modes: NEAREST, scales: [1, 1, 2, 3] },
  { name: 'nearest ×1.5 x=[2,2,5,7]', options: { scaleFactor: 1.5 }, x: [2, 2, 5, 7], modes: NEAREST },
  { name: 'nearest ×[1.7,2.5] x=[1,3,6,7]', options: { scaleFactor: [1.7, 2.5] }, x: [1, 3, 6, 7], modes: NEAREST },
  { name: 'nearest ×2.1 x=[1,2,5,3] (out = 2·in)', options: { scaleFactor: 2.1 }, x: [1, 2, 5, 3], modes: NEAREST },
  // ONNX Runtime reads ⌊o/s⌋, PyTorch ⌊o·float32(1/s)⌋: float32(1.2) misses PyTorch's rows on 16, one step down hits them.
  { name: 'nearest ×1.2 x=[1,2,16,5] (a scale one float32 step from the factor)', options: { scaleFactor: 1.2 }, x: [1, 2, 16, 5], modes: NEAREST,
    scales: [1, 1, 1.1999999284744263, 1.2000000476837158] },
  // PyTorch reads row 0 twice (⌊1·float32(1/1.2)⌋ = 0) where the length stays 2: the scale is not 1.
  { name: 'nearest ×1.2 x=[1,2,2,5] (H keeps its length, not its rows)', options: { scaleFactor: 1.2 }, x: [1, 2, 2, 5], modes: NEAREST,
    scales: [1, 1, 1.2000000476837158, 1.2000000476837158] },
  { name: 'nearest size [7,5] x=[2,2,3,4]', options: { size: [7, 5] }, x: [2, 2, 3, 4], modes: NEAREST },
  // sizes would give ONNX Runtime float32(94/4) = 23.5, which misses PyTorch's rows; one float32 step up does not.
  { name: 'nearest size [94,5] x=[1,2,4,5] (written as scales)', options: { size: [94, 5] }, x: [1, 2, 4, 5], modes: NEAREST, scales: [1, 1, 23.500001907348633, 1] },
  { name: 'nearest size [3,4] x=[1,2,5,7] (smaller)', options: { size: [3, 4] }, x: [1, 2, 5, 7], modes: NEAREST },
  { name: 'nearest ×3 x=[1,2,1,1] (1×1 input)', options: { scaleFactor: 3 }, x: [1, 2, 1, 1], modes: NEAREST },
  { name: 'bilinear ×2 x=[2,3,5,7]', options: { scaleFactor: 2, mode: 'bilinear' }, x: [2, 3, 5, 7], modes: HALF_PIXEL },
  { name: 'bilinear ×2 alignCorners x=[2,3,5,7]', options: { scaleFactor: 2, mode: 'bilinear', alignCorners: true }, x: [2, 3, 5, 7], modes: CORNERS },
  { name: 'bilinear ×[3,2] x=[2,2,3,5]', options: { scaleFactor: [3, 2], mode: 'bilinear' }, x: [2, 2, 3, 5], modes: HALF_PIXEL },
  { name: 'bilinear ×1.5 x=[1,2,5,4]', options: { scaleFactor: 1.5, mode: 'bilinear' }, x: [1, 2, 5, 4], modes: HALF_PIXEL },
  { name: 'bilinear ×[2.3,1.75] alignCorners x=[1,2,5,4]', options: { scaleFactor: [2.3, 1.75], mode: 'bilinear', alignCorners: true }, x: [1, 2, 5, 4], modes: CORNERS },
  // W keeps its 2 columns, which PyTorch copies: the scale written for W is 1.
  { name: 'bilinear ×1.2 x=[1,2,5,2] (W kept)', options: { scaleFactor: 1.2, mode: 'bilinear' }, x: [1, 2, 5, 2], modes: HALF_PIXEL, scales: [1, 1, Math.fround(1.2), 1] },
  // ⌊5·1.4⌋ = 7, but float32(1.4)·5 is 6.9999998 in float32: the scale written is one float32 step up.
  { name: 'bilinear ×1.4 x=[1,2,5,5] (float32 output length)', options: { scaleFactor: 1.4, mode: 'bilinear' }, x: [1, 2, 5, 5], modes: HALF_PIXEL },
  { name: 'bilinear size [7,5] x=[2,2,3,4]', options: { size: [7, 5], mode: 'bilinear' }, x: [2, 2, 3, 4], modes: HALF_PIXEL },
  { name: 'bilinear size [7,5] alignCorners x=[2,2,3,4]', options: { size: [7, 5], mode: 'bilinear', alignCorners: true }, x: [2, 2, 3, 4], modes: CORNERS },
  { name: 'bilinear size [4,5] x=[1,3,6,9] (smaller)', options: { size: [4, 5], mode: 'bilinear' }, x: [1, 3, 6, 9], modes: HALF_PIXEL },
  { name: 'bilinear size 1 x=[1,2,3,5] (1×1 output)', options: { size: 1, mode: 'bilinear' }, x: [1, 2, 3, 5], modes: HALF_PIXEL },
  { name: 'bilinear ×3 x=[1,2,1,1] (1×1 input)', options: { scaleFactor: 3, mode: 'bilinear' }, x: [1, 2, 1, 1], modes: HALF_PIXEL },
];

const OPSETS = [13, 17, 21];

function stringAttributes(attributes: AttributeProto[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const a of attributes) if (a.s && a.s.length > 0) out[a.name!] = new TextDecoder().decode(a.s);
  return out;
}

describe("exportOnnx of Upsample runs in ONNX Runtime with Nabla's outputs", () => {
  for (const c of CASES) {
    it(c.name, async (t) => {
      const model = new Sequential([new Upsample(c.options)]);
      const ops = c.options.size === undefined || c.name.includes('written as scales') ? ['Resize'] : ['Shape', 'Slice', 'Concat', 'Resize'];
      await checkExport({ name: c.name, model, inputShape: c.x, opsets: OPSETS, ops: () => ops }, t);
      for (const opset of OPSETS) {
        const name = `${c.name} opset ${opset}`;
        const bytes = exportOnnx(model, { inputShape: c.x, opset });
        const g = onnx.ModelProto.decode(bytes).graph as DecodedGraph;
        const resize = g.node[g.node.length - 1];
        assert.deepEqual(stringAttributes(resize.attribute ?? []), c.modes, `${name}: attributes`);
        if (c.scales) {
          const init = g.initializer.find((i) => i.name === resize.input![2])!;
          assert.deepEqual([...new Float32Array(new Uint8Array(init.rawData!).buffer)], c.scales, `${name}: scales`);
        }
        const x = randomInput(c.x, 7);
        const y = model.forward(x, 'eval');
        const back = readOnnx(bytes).model;
        expectClose(back.forward(x, 'eval').data, y.data, { rtol: 1e-4, atol: 1e-6 * Math.max(...Array.from(y.data, Math.abs)), name: `${name}: imported back` });
      }
    });
  }

  it('imports back as the same spec (float32 scales read as the decimals they round)', () => {
    for (const c of CASES) {
      const layer = new Upsample(c.options);
      const { specs } = readOnnx(exportOnnx(new Sequential([layer]), { inputShape: c.x, opset: 17 }));
      const { name: _name, ...imported } = specs.find((s) => s.type === 'Upsample')!;
      const spec = layerFromSpec(imported).toSpec();
      const expected = layer.toSpec();
      // An axis that keeps its length is written as 1 (PyTorch copies it either way); 1.4 one float32 step up.
      if (c.name.includes('W kept')) expected.scaleFactor = [1.2, 1];
      if (c.name.includes('float32 output length')) expected.scaleFactor = 1.4000001;
      if (c.name.includes('one float32 step')) expected.scaleFactor = [1.1999999, 1.2];
      if (c.name.includes('written as scales')) {
        delete expected.size;
        expected.scaleFactor = [23.500002, 1];
      }
      assert.deepEqual(spec, expected, c.name);
    }
  });

  it('two Upsamples in a row (bilinear ×2, nearest ×[2, 1]) export and match at a batch of 3', async () => {
    const model = new Sequential([new Upsample({ scaleFactor: 2, mode: 'bilinear' }), new Upsample({ scaleFactor: [2, 1] })]);
    await expectOrtMatches('two in a row', model, exportOnnx(model, { inputShape: [1, 2, 4, 5] }), [randomInput([3, 2, 4, 5], 9)]);
  });

  it('a decoder of convs and Upsamples (both modes, factors and a size) at every opset, batch 2 and 3', async () => {
    const { model, inputShape } = decoderUpsample();
    for (const opset of OPSETS) {
      await expectOrtMatches(`decoder opset ${opset}`, model, exportOnnx(model, { inputShape, opset }), twoBatches(inputShape, 11));
    }
  });
});
