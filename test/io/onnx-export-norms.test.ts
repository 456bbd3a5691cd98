// SPDX-License-Identifier: MIT
// ONNX export of LayerNorm, GroupNorm and the activations added with them, in ONNX Runtime.
// LayerNormalization from opset 17 and the ReduceMean decomposition before it; GroupNorm as PyTorch
// exports it (Reshape, InstanceNormalization, Reshape, Mul, Add) at every opset. Clip with min/max
// inputs for ReLU6, HardSigmoid, HardSwish from 14 (x·HardSigmoid before), Sigmoid·Mul for SiLU,
// Elu, Mish from 18 (x·tanh(softplus) before), Gelu approximate 'tanh' from 20 (the formula before).
// Each file runs against Nabla's forward (itself checked against PyTorch by the goldens), at the
// exported batch and another, and passes ONNX's checker where python3-onnx knows the opset.
import { describe, it } from 'node:test';
import { exportOnnx } from '../../src/io/onnx/export.js';
import { ELU, GELU, Hardsigmoid, Hardswish, Mish, ReLU6, SiLU } from '../../src/layers/activations.js';
import { Conv2d } from '../../src/layers/conv2d.js';
import { GroupNorm } from '../../src/layers/group-norm.js';
import type { Layer } from '../../src/layers/layer.js';
import { LayerNorm } from '../../src/layers/layer-norm.js';
import { Sequential } from '../../src/layers/sequential.js';
import { Rng } from '../../src/tensor/rng.js';
import type { Tensor } from '../../src/tensor/tensor.js';
import { randomInput } from './onnx-models.js';
import { checkExport, expectOrtMatches } from './onnx-export-check.js';
import { checkAllWithPythonOnnx } from './onnx-runtime.js';

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

/** x of the given shape at another batch size too, off-centre and not of unit variance. */
function offCentre(shape: number[]): Tensor[] {
  return [shape[0], 3].map((N) => {
    const x = randomInput([N, ...shape.slice(1)], 60 + N);
    for (let i = 0; i < x.size; i++) x.data[i] = 2 * x.data[i] + 1;
    return x;
  });
}

describe('exportOnnx of LayerNorm and GroupNorm runs in ONNX Runtime with Nabla\'s outputs', () => {
  for (const c of CASES) {
    it(c.name, (t) => checkExport({ name: c.name, model: new Sequential([c.layer]), inputShape: c.x, opsets: OPSETS,
      ops: (opset) => c.ops[opset >= 17 ? 1 : 0], inputs: offCentre }, t));
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
      await expectOrtMatches(`chain opset ${opset}`, model, bytes, [randomInput([2, 2, 7, 7], 9)]);
      checkAllWithPythonOnnx([{ name: 'chain', bytes, opset }]);
    }
  });
});

interface ActivationCase {
  name: string;
  layer: Layer;
  /** Node types from the given opset on (the highest opset not above the exported one applies). */
  ops: [number, string[]][];
}

const ACTIVATION_CASES: ActivationCase[] = [
  { name: 'ReLU6', layer: new ReLU6(), ops: [[13, ['Clip']]] },
  { name: 'Hardsigmoid', layer: new Hardsigmoid(), ops: [[13, ['HardSigmoid']]] },
  { name: 'Hardswish', layer: new Hardswish(), ops: [[13, ['HardSigmoid', 'Mul']], [14, ['HardSwish']]] },
  { name: 'SiLU', layer: new SiLU(), ops: [[13, ['Sigmoid', 'Mul']]] },
  { name: 'ELU', layer: new ELU(), ops: [[13, ['Elu']]] },
  { name: 'ELU alpha=0.3', layer: new ELU(0.3), ops: [[13, ['Elu']]] },
  { name: 'Mish', layer: new Mish(), ops: [[13, ['Softplus', 'Tanh', 'Mul']], [18, ['Mish']]] },
  { name: 'GELU tanh', layer: new GELU({ approximate: 'tanh' }), ops: [[13, ['Mul', 'Mul', 'Mul', 'Add', 'Mul', 'Tanh', 'Add', 'Mul', 'Mul']], [20, ['Gelu']]] },
];

/** Random values of scale 4 with the kinks −3, 0, 3, 6 and their neighbours among them. */
function activationInput(shape: number[], seed: number) {
  const x = randomInput(shape, seed);
  const kinks = [-3, 0, 3, 6, -3.001, 2.999, 5.999, 6.001, -20, 25];
  for (let i = 0; i < x.size; i++) x.data[i] = i < kinks.length ? kinks[i] : 4 * x.data[i];
  return x;
}

describe('exportOnnx of the new activations runs in ONNX Runtime with Nabla\'s outputs', () => {
  for (const c of ACTIVATION_CASES) {
    it(c.name, (t) => checkExport({ name: c.name, model: new Sequential([c.layer]), inputShape: [2, 3, 4, 5], opsets: [13, 14, 17, 18, 20, 21],
      ops: (opset) => c.ops.filter(([from]) => from <= opset).at(-1)![1],
      inputs: () => [2, 3].map((N) => activationInput([N, 3, 4, 5], 70 + N)) }, t));
  }
});
