// SPDX-License-Identifier: MIT
// ONNX export of the pools in ONNX Runtime: MaxPool with ceil_mode and dilations, AveragePool with
// ceil_mode and count_include_pad, four-sided padding and padding past half the kernel (which
// PyTorch refuses but ONNX files carry), divisorOverride as a depthwise Conv, GlobalAveragePool
// for GlobalAvgPool2d and AdaptiveAvgPool2d(1), AveragePool for adaptive sizes that divide the
// input, and the refusal of those that do not. Each file runs at opsets 13, 17 and 21 against
// Nabla's forward (itself checked against PyTorch by the goldens), at the exported batch and
// another, and passes ONNX's checker with shape inference where python3-onnx knows the opset.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { exportOnnx } from '../../src/io/onnx/export.js';
import { AdaptiveAvgPool2d } from '../../src/layers/adaptive-avg-pool2d.js';
import { AvgPool2d, type AvgPool2dOptions } from '../../src/layers/avg-pool2d.js';
import { Flatten } from '../../src/layers/flatten.js';
import { GlobalAvgPool2d } from '../../src/layers/global-avg-pool2d.js';
import type { Layer } from '../../src/layers/layer.js';
import { Linear } from '../../src/layers/linear.js';
import { MaxPool2d, type MaxPool2dOptions } from '../../src/layers/max-pool2d.js';
import { Sequential } from '../../src/layers/sequential.js';
import { Rng } from '../../src/tensor/rng.js';
import { expectClose } from '../helpers/close.js';
import { randomInput } from './onnx-models.js';
import { checkExport } from './onnx-export-check.js';
import { checkAllWithPythonOnnx, runOrt } from './onnx-runtime.js';

interface ExportCase {
  name: string;
  layer: Layer;
  x: number[];
  /** The node types the file must hold, in order. */
  ops: string[];
  /** Attributes of the pooling node that must be there (name → int or ints). */
  attributes?: Record<string, number | number[]>;
}

const max = (name: string, k: number | [number, number], o: MaxPool2dOptions, x: number[], attributes?: ExportCase['attributes']): ExportCase =>
  ({ name: `MaxPool2d ${name}`, layer: new MaxPool2d(k, o), x, ops: ['MaxPool'], attributes });
const avg = (name: string, k: number | [number, number], o: AvgPool2dOptions, x: number[], ops = ['AveragePool'], attributes?: ExportCase['attributes']): ExportCase =>
  ({ name: `AvgPool2d ${name}`, layer: new AvgPool2d(k, o), x, ops, attributes });

const CASES: ExportCase[] = [
  max('k=2 ceilMode x=[2,3,5,7] (ragged)', 2, { ceilMode: true }, [2, 3, 5, 7], { ceil_mode: 1, pads: [0, 0, 0, 0] }),
  max('k=3 s=2 p=1 ceilMode x=[1,2,6,6]', 3, { stride: 2, padding: 1, ceilMode: true }, [1, 2, 6, 6], { ceil_mode: 1 }),
  // ⌈(4 + 2 − 2)/3⌉ + 1 = 3 windows by ONNX's formula, the third starting in the padding: PyTorch
  // drops it, and so floor mode gives PyTorch's windows.
  max('k=2 s=3 p=1 ceilMode x=[2,2,4,4] (last window dropped)', 2, { stride: 3, padding: 1, ceilMode: true }, [2, 2, 4, 4], { pads: [1, 1, 1, 1] }),
  // H rounds up, W drops a window: floor mode with one more row of end padding.
  max('k=2 s=[2,3] p=[0,1] ceilMode x=[1,2,5,4] (H ragged, W dropped)', 2, { stride: [2, 3], padding: [0, 1], ceilMode: true }, [1, 2, 5, 4], { pads: [0, 1, 1, 1] }),
  max('k=3 s=1 p=1 d=2 x=[2,2,7,8]', 3, { stride: 1, padding: 1, dilation: 2 }, [2, 2, 7, 8], { dilations: [2, 2] }),
  max('k=3 s=2 p=1 d=2 ceilMode x=[1,2,8,9]', 3, { stride: 2, padding: 1, dilation: 2, ceilMode: true }, [1, 2, 8, 9], { dilations: [2, 2], ceil_mode: 1 }),
  max('k=4 s=2 ceilMode x=[1,2,3,3] (kernel larger than the input)', 4, { stride: 2, ceilMode: true }, [1, 2, 3, 3], { ceil_mode: 1 }),
  max('k=3 s=2 p=[0,2,1,1] x=[1,2,7,8] (four sides)', 3, { stride: 2, padding: [0, 2, 1, 1] }, [1, 2, 7, 8], { pads: [0, 2, 1, 1] }),
  max('k=3 s=1 p=2 x=[1,2,5,5] (past half the kernel)', 3, { stride: 1, padding: 2 }, [1, 2, 5, 5], { pads: [2, 2, 2, 2] }),
  avg('k=2 ceilMode countIncludePad x=[2,3,5,7]', 2, { ceilMode: true }, [2, 3, 5, 7], undefined, { ceil_mode: 1, count_include_pad: 1 }),
  avg('k=2 ceilMode countIncludePad=false x=[2,3,5,7]', 2, { ceilMode: true, countIncludePad: false }, [2, 3, 5, 7], undefined, { ceil_mode: 1, count_include_pad: 0 }),
  avg('k=3 s=2 p=1 ceilMode countIncludePad x=[2,2,6,6]', 3, { stride: 2, padding: 1, ceilMode: true }, [2, 2, 6, 6], undefined, { ceil_mode: 1, count_include_pad: 1 }),
  avg('k=3 s=2 p=1 ceilMode countIncludePad=false x=[2,2,6,6]', 3, { stride: 2, padding: 1, ceilMode: true, countIncludePad: false }, [2, 2, 6, 6]),
  avg('k=4 s=3 p=2 ceilMode countIncludePad x=[1,1,7,7]', 4, { stride: 3, padding: 2, ceilMode: true }, [1, 1, 7, 7]),
  avg('k=2 s=3 p=1 ceilMode x=[1,2,4,7] (last windows dropped)', 2, { stride: 3, padding: 1, ceilMode: true }, [1, 2, 4, 7], undefined, { pads: [1, 1, 1, 1] }),
  // Counting padding, the mixed case pads with real zeros first (Pad) and then counts only those.
  avg('k=2 s=[2,3] p=[0,1] ceilMode countIncludePad x=[1,2,5,4] (H ragged, W dropped)', 2, { stride: [2, 3], padding: [0, 1], ceilMode: true },
    [1, 2, 5, 4], ['Pad', 'AveragePool'], { pads: [0, 0, 1, 0], count_include_pad: 0 }),
  avg('k=2 s=[2,3] p=[0,1] ceilMode countIncludePad=false x=[1,2,5,4]', 2, { stride: [2, 3], padding: [0, 1], ceilMode: true, countIncludePad: false },
    [1, 2, 5, 4], ['AveragePool'], { pads: [0, 1, 1, 1], count_include_pad: 0 }),
  avg('k=3 s=2 p=[1,0,2,1] countIncludePad x=[1,2,7,6] (four sides)', 3, { stride: 2, padding: [1, 0, 2, 1] }, [1, 2, 7, 6]),
  avg('k=3 s=2 p=[1,0,2,1] countIncludePad=false x=[1,2,7,6]', 3, { stride: 2, padding: [1, 0, 2, 1], countIncludePad: false }, [1, 2, 7, 6]),
  avg('k=3 s=1 p=2 countIncludePad x=[1,2,5,5] (past half the kernel)', 3, { stride: 1, padding: 2 }, [1, 2, 5, 5]),
  avg('k=3 s=2 p=2 ceilMode countIncludePad x=[1,1,6,7]', 3, { stride: 2, padding: 2, ceilMode: true }, [1, 1, 6, 7]),
  avg('k=2 ceilMode divisorOverride=3 x=[2,2,5,5]', 2, { ceilMode: true, divisorOverride: 3 }, [2, 2, 5, 5], ['Conv'], { pads: [0, 0, 1, 1], group: 2 }),
  avg('k=3 s=2 p=1 divisorOverride=5 x=[1,2,6,7]', 3, { stride: 2, padding: 1, divisorOverride: 5 }, [1, 2, 6, 7], ['Conv']),
  { name: 'GlobalAvgPool2d x=[2,3,5,7]', layer: new GlobalAvgPool2d(), x: [2, 3, 5, 7], ops: ['GlobalAveragePool'] },
  { name: 'GlobalAvgPool2d x=[1,4,1,1]', layer: new GlobalAvgPool2d(), x: [1, 4, 1, 1], ops: ['GlobalAveragePool'] },
  { name: 'AdaptiveAvgPool2d(1) x=[2,3,5,7]', layer: new AdaptiveAvgPool2d(1), x: [2, 3, 5, 7], ops: ['GlobalAveragePool'] },
  { name: 'AdaptiveAvgPool2d([2,3]) x=[1,3,6,9]', layer: new AdaptiveAvgPool2d([2, 3]), x: [1, 3, 6, 9], ops: ['AveragePool'], attributes: { kernel_shape: [3, 3], strides: [3, 3] } },
  { name: 'AdaptiveAvgPool2d([null,3]) x=[2,2,5,9]', layer: new AdaptiveAvgPool2d([null, 3]), x: [2, 2, 5, 9], ops: ['AveragePool'], attributes: { kernel_shape: [1, 3] } },
  { name: 'AdaptiveAvgPool2d(7) x=[1,2,7,7] (identity)', layer: new AdaptiveAvgPool2d(7), x: [1, 2, 7, 7], ops: ['AveragePool'] },
];

const OPSETS = [13, 17, 21];

describe('exportOnnx of the pools runs in ONNX Runtime with Nabla\'s outputs', () => {
  for (const c of CASES) {
    it(c.name, (t) => checkExport({ name: c.name, model: new Sequential([c.layer]), inputShape: c.x, opsets: OPSETS, ops: () => c.ops,
      attributes: c.attributes, attributeNode: 'last', absent: c.attributes && !('ceil_mode' in c.attributes) ? ['ceil_mode'] : [] }, t));
  }

  it('a ResNet-style head: conv, ceil-mode max pool, GlobalAvgPool2d, Flatten, Linear', async () => {
    const rng = new Rng(5);
    const { Conv2d } = await import('../../src/layers/conv2d.js');
    const model = new Sequential([
      new Conv2d(2, 6, 3, { rng, stride: 2, padding: 1 }),
      new MaxPool2d(3, { stride: 2, padding: 1, ceilMode: true }),
      new GlobalAvgPool2d(),
      new Flatten(),
      new Linear(6, 4, { rng }),
    ]);
    const bytes = exportOnnx(model, { inputShape: [2, 2, 13, 11] });
    const x = randomInput([2, 2, 13, 11], 9);
    const actual = await runOrt(bytes, x.data as Float32Array, x.shape);
    expectClose(actual.data, model.forward(x, 'eval').data, { rtol: 1e-4, atol: 1e-6, name: 'head' });
    checkAllWithPythonOnnx([{ name: 'head', bytes, opset: 17 }]);
  });
});

describe('exportOnnx refuses adaptive sizes with unequal windows, naming the sizes', () => {
  const cases: [AdaptiveAvgPool2d, number[], RegExp][] = [
    [new AdaptiveAvgPool2d(3), [2, 2, 7, 7], /layer 0 \(AdaptiveAvgPool2d\): output size 3×3 from input 7×7 cannot be exported: .*7 is not a multiple of 3/],
    [new AdaptiveAvgPool2d([4, 5]), [1, 2, 3, 3], /output size 4×5 from input 3×3 cannot be exported.*3 is not a multiple of 4/],
    [new AdaptiveAvgPool2d([2, 4]), [1, 2, 6, 6], /output size 2×4 from input 6×6 cannot be exported.*6 is not a multiple of 4/],
  ];
  for (const [layer, x, message] of cases) {
    it(`${layer.outputSize.join('×')} from [${x.join(', ')}]`, () => {
      assert.throws(() => exportOnnx(new Sequential([layer]), { inputShape: x }), message);
    });
  }
});

describe('exportOnnx refuses a dilated ceil-mode MaxPool2d it cannot write unambiguously', () => {
  it('H rounds up with an overhang of 2 and W drops a window: the end padding would reach the kernel', () => {
    // H: ⌈(5 − 4)/3⌉ + 1 = 2 windows, the second overhanging by 2; W: ONNX's formula gives 2, PyTorch drops the second.
    const layer = new MaxPool2d(2, { stride: [3, 5], padding: [0, 1], dilation: 3, ceilMode: true });
    assert.deepEqual(layer.outputShape([1, 1, 5, 4]), [1, 1, 2, 1]);
    assert.throws(
      () => exportOnnx(new Sequential([layer]), { inputShape: [1, 1, 5, 4] }),
      /layer 0 \(MaxPool2d\): ceil mode over input 5×4 needs end padding \[2, 1\] in floor mode, not less than the kernel \[2, 2\] as ONNX Runtime requires \(dilation \[3, 3\]\)/,
    );
  });
});
