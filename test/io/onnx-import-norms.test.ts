// SPDX-License-Identifier: MIT
// LayerNorm, GroupNorm and the newer activations survive export → import at opsets 13 and 17 (the ReduceMean formula and
// LayerNormalization; GroupNorm's InstanceNormalization form), with every option and input rank
// the export tests use: the same spec and the same eval outputs.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { exportOnnx } from '../../src/io/onnx/export.js';
import { readOnnx } from '../../src/io/onnx/import.js';
import { GroupNorm } from '../../src/layers/group-norm.js';
import type { Layer } from '../../src/layers/layer.js';
import { LayerNorm } from '../../src/layers/layer-norm.js';
import { Sequential } from '../../src/layers/sequential.js';
import { modelFromSpec } from '../../src/layers/spec.js';
import { Rng } from '../../src/tensor/rng.js';
import { expectClose } from '../helpers/close.js';
import { randomInput } from './onnx-models.js';

function randomAffine<L extends Layer>(layer: L, seed: number): L {
  const rng = new Rng(seed);
  for (const p of layer.parameters()) for (let i = 0; i < p.size; i++) p.value.data[i] = rng.normal(p.name === 'weight' ? 1 : 0, 0.5);
  return layer;
}

const CASES: [string, () => Layer, number[]][] = [
  ['LayerNorm [5]', () => new LayerNorm([5]), [2, 5]],
  ['LayerNorm [3, 4]', () => new LayerNorm([3, 4]), [2, 3, 4]],
  ['LayerNorm [3, 5, 5]', () => new LayerNorm([3, 5, 5]), [1, 3, 5, 5]],
  ['LayerNorm [6] with leading dims', () => new LayerNorm([6]), [2, 3, 6]],
  ['LayerNorm no affine, eps 1e-3', () => new LayerNorm([7], { elementwiseAffine: false, eps: 1e-3 }), [2, 7]],
  ['LayerNorm bias = false', () => new LayerNorm([4], { bias: false }), [3, 4]],
  ['GroupNorm G=2 C=6', () => new GroupNorm(2, 6), [2, 6, 3, 5]],
  ['GroupNorm G=C', () => new GroupNorm(5, 5), [2, 5, 4, 2]],
  ['GroupNorm no spatial dims', () => new GroupNorm(2, 4), [3, 4]],
  ['GroupNorm one spatial dim, eps 1e-3', () => new GroupNorm(3, 6, { eps: 1e-3 }), [2, 6, 7]],
  ['GroupNorm affine = false', () => new GroupNorm(2, 6, { affine: false }), [2, 6, 3, 3]],
];

describe('LayerNorm and GroupNorm: export → import gives back the layer', () => {
  for (const [name, make, shape] of CASES) {
    it(name, () => {
      const layer = randomAffine(make(), shape.length + 7);
      const model = new Sequential([layer]);
      for (const opset of [13, 17]) {
        const { specs, model: back } = readOnnx(exportOnnx(model, { inputShape: shape, opset }));
        // Without γ (or β) the export writes 1 (or 0): the layer comes back with them, the same function.
        const { elementwiseAffine: _affine, bias: _bias, ...expected } = layer.toSpec();
        assert.deepEqual(specs, [expected], `${name} opset ${opset}`);
        const x = randomInput(shape, 5);
        for (let i = 0; i < x.size; i++) x.data[i] = 2 * x.data[i] + 1;
        expectClose(back.forward(x, 'eval').data, model.forward(x, 'eval').data, { rtol: 1e-6, atol: 1e-6, name: `${name} opset ${opset}` });
      }
    });
  }
});

describe('the newer activations: export → import gives back the layer at opsets 13, 17 and 20', () => {
  const specs = [
    { type: 'ReLU6' }, { type: 'Hardswish' }, { type: 'Hardsigmoid' }, { type: 'SiLU' }, { type: 'ELU', alpha: 0.5 }, { type: 'Mish' },
    { type: 'GELU', approximate: 'tanh' },
  ];
  for (const spec of specs) {
    it(JSON.stringify(spec), () => {
      const model = modelFromSpec([spec], { inputShape: [2, 6] });
      const x = randomInput([2, 6], 3);
      for (let i = 0; i < x.size; i++) x.data[i] *= 8; // past every kink (±3 of Hardswish, 0 and 6 of ReLU6)
      for (const opset of [13, 17, 20]) {
        const back = readOnnx(exportOnnx(model, { inputShape: [2, 6], opset }));
        assert.deepEqual(back.specs, [spec], `${JSON.stringify(spec)} opset ${opset}`);
        expectClose(back.model.forward(x, 'eval').data, model.forward(x, 'eval').data, { rtol: 1e-6, atol: 1e-7, name: `${spec.type} opset ${opset}` });
      }
    });
  }
});
