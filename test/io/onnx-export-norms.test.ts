// SPDX-License-Identifier: MIT
// ONNX export of LayerNorm and GroupNorm in ONNX Runtime: LayerNormalization from opset 17 and the
// ReduceMean decomposition before it; GroupNorm as PyTorch exports it (Reshape, InstanceNormalization,
// Reshape, Mul, Add) at every opset. Each file runs at opsets 13, 17, 18 and 21 against Nabla's
// forward (itself checked against PyTorch by the goldens), at the exported batch and another, and
// passes ONNX's checker with shape inference where python3-onnx knows the opset.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { exportOnnx } from '../../src/io/onnx/export.js';
import { onnx, type DecodedGraph } from '../../src/io/onnx/proto.js';
import { Conv2d } from '../../src/layers/conv2d.js';
import { GroupNorm } from '../../src/layers/group-norm.js';
import type { Layer } from '../../src/layers/layer.js';
import { LayerNorm } from '../../src/layers/layer-norm.js';
import { Sequential } from '../../src/layers/sequential.js';
import { Rng } from '../../src/tensor/rng.js';
import { expectClose } from '../helpers/close.js';
import { randomInput } from './onnx-models.js';
import { checkAllWithPythonOnnx, runOrt } from './onnx-runtime.js';

const LAYER_NORM_DECOMPOSED = ['ReduceMean', 'Sub', 'Mul', 'ReduceMean', 'Add', 'Sqrt', 'Div', 'Mul', 'Add'];
const GROUP_NORM = ['Reshape', 'InstanceNormalization', 'Shape', 'Reshape', 'Mul', 'Add'];

interface ExportCase {
  name: string;
  layer: Layer;
  x: number[];
  /** The node types by opset: [ops below 17, ops from 17]. */
  ops: [string[], string[]];
}

/** Random γ and β, so a transposed or misplaced scale shows. */
function randomAffine<L extends Layer>(layer: L, seed: number): L {
  const rng = new Rng(seed);
  for (const p of layer.parameters()) for (let i = 0; i < p.size; i++) p.value.data[i] = rng.normal(p.name === 'weight' ? 1 : 0, 0.5);
  return layer;
}

const ln = (shape: number[], x: number[], options = {}, note = ''): ExportCase => ({
  name: `LayerNorm [${shape.join(', ')}] x=[${x.join(',')}]${note}`,
  layer: randomAffine(new LayerNorm(shape, options), x.length + shape.length),
  x,
  ops: [LAYER_NORM_DECOMPOSED, ['LayerNormalization']],
});
const gn = (G: number, C: number, x: number[], options = {}, note = ''): ExportCase => {
  const ops = (options as { affine?: boolean }).affine === false ? GROUP_NORM.slice(0, 4) : GROUP_NORM;
  return { name: `GroupNorm G=${G} C=${C} x=[${x.join(',')}]${note}`, layer: randomAffine(new GroupNorm(G, C, options), G + C), x, ops: [ops, ops] };
};

const CASES: ExportCase[] = [
  ln([5], [2, 5]),
  ln([3, 4], [2, 3, 4]),
  ln([3, 5, 5], [1, 3, 5, 5], {}, ' (k=3)'),
  ln([6], [2, 3, 6], {}, ' (leading dims)'),
  ln([7], [2, 7], { elementwiseAffine: false, eps: 1e-3 }, ' no affine eps=1e-3'),
  ln([4], [3, 4], { bias: false }, ' bias=false'),
  gn(2, 6, [2, 6, 3, 5]),
  gn(1, 4, [1, 4, 3, 3], {}, ' (groups=1)'),
  gn(5, 5, [2, 5, 4, 2], {}, ' (groups=C)'),
  gn(2, 4, [3, 4], {}, ' (no spatial dims)'),
  gn(3, 6, [2, 6, 7], { eps: 1e-3 }, ' (one spatial dim) eps=1e-3'),
  gn(2, 6, [2, 6, 3, 3], { affine: false }, ' affine=false'),
];

const OPSETS = [13, 17, 18, 21];

describe('exportOnnx of LayerNorm and GroupNorm runs in ONNX Runtime with Nabla\'s outputs', () => {
  for (const c of CASES) {
    it(c.name, async (t) => {
      const model = new Sequential([c.layer]);
      const toCheck = [];
      for (const opset of OPSETS) {
        const bytes = exportOnnx(model, { inputShape: c.x, opset });
        const g = onnx.ModelProto.decode(bytes).graph as DecodedGraph;
        assert.deepEqual(g.node.map((n) => n.opType), c.ops[opset >= 17 ? 1 : 0], `${c.name} opset ${opset}: nodes`);
        for (const N of [c.x[0], 3]) {
          const x = randomInput([N, ...c.x.slice(1)], 60 + N);
          for (let i = 0; i < x.size; i++) x.data[i] = 2 * x.data[i] + 1; // off-centre, not unit variance
          const expected = model.forward(x, 'eval');
          const actual = await runOrt(bytes, x.data as Float32Array, x.shape);
          assert.deepEqual(actual.dims, [...expected.shape], `${c.name} opset ${opset} N=${N}: dims`);
          const scale = Math.max(...Array.from(expected.data, Math.abs));
          expectClose(actual.data, expected.data, { rtol: 1e-4, atol: 1e-6 * scale, name: `${c.name} opset ${opset} N=${N}` });
        }
        toCheck.push({ name: `${c.name} opset ${opset}`, bytes, opset });
      }
      for (const reason of checkAllWithPythonOnnx(toCheck)) t.diagnostic(`onnx.checker: ${reason}`);
    });
  }

  it('a conv, GroupNorm, conv, LayerNorm over [C, H, W] chain', async () => {
    const rng = new Rng(3);
    const model = new Sequential([
      new Conv2d(2, 6, 3, { rng, padding: 1 }),
      randomAffine(new GroupNorm(3, 6), 1),
      new Conv2d(6, 4, 3, { rng, stride: 2 }),
      randomAffine(new LayerNorm([4, 3, 3]), 2),
    ]);
    for (const opset of [13, 17]) {
      const bytes = exportOnnx(model, { inputShape: [2, 2, 7, 7], opset });
      const x = randomInput([2, 2, 7, 7], 9);
      const actual = await runOrt(bytes, x.data as Float32Array, x.shape);
      expectClose(actual.data, model.forward(x, 'eval').data, { rtol: 1e-4, atol: 1e-6, name: `chain opset ${opset}` });
      checkAllWithPythonOnnx([{ name: 'chain', bytes, opset }]);
    }
  });
});
