// SPDX-License-Identifier: MIT
// Every model preset (src/train/presets.ts) exports to ONNX, runs in ONNX Runtime with Nabla's
// outputs, passes onnx.checker when python3-onnx is present, and imports back to the same model.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { exportOnnx } from '../../src/io/onnx/export.js';
import { importOnnx } from '../../src/io/onnx/import.js';
import { fromTorchStateDict, toTorchStateDict } from '../../src/io/torch.js';
import { sequentialFromSpec } from '../../src/layers/spec.js';
import { buildPreset, PRESET_NAMES, presetSpec } from '../../src/train/presets.js';
import { Rng } from '../../src/tensor/rng.js';
import { expectClose } from '../helpers/close.js';
import { randomInput, randomizeBatchNorm } from './onnx-models.js';
import { checkWithPythonOnnx, runOrt } from './onnx-runtime.js';

describe('every preset exports, runs in ONNX Runtime, and comes back', () => {
  for (const name of PRESET_NAMES) {
    it(name, async (t) => {
      const rng = new Rng(31);
      const model = buildPreset(name, rng);
      randomizeBatchNorm(model, rng);
      const inputShape = [2, 1, 28, 28];
      const bytes = exportOnnx(model, { inputShape });
      const x = randomInput([3, 1, 28, 28], 32);
      const expected = model.forward(x, 'eval');
      const actual = await runOrt(bytes, x.data as Float32Array, x.shape);
      assert.deepEqual(actual.dims, [3, 10]);
      const scale = Math.max(...Array.from(expected.data, Math.abs));
      expectClose(actual.data, expected.data, { rtol: 1e-4, atol: 1e-6 * scale, name: `preset ${name} in ONNX Runtime` });
      const skipped = checkWithPythonOnnx(bytes, 17);
      if (skipped) t.diagnostic(`onnx.checker skipped: ${skipped}`);

      const spec = presetSpec(name);
      const back = importOnnx(bytes);
      if (Array.isArray(spec)) {
        const withoutDropout = spec.filter((s) => s.type !== 'Dropout');
        assert.deepEqual(back.toSpec().layers, sequentialFromSpec(withoutDropout).toSpec().layers);
      } else {
        // A branching preset comes back nested as it was, every tensor under its own name.
        const names = (m: typeof model) => [...m.parameters(), ...m.buffers()].map((p) => p.name);
        assert.deepEqual(names(back), names(model));
      }
      expectClose(back.forward(x, 'eval').data, expected.data, { rtol: 1e-6, atol: 1e-7, name: `preset ${name} imported` });

      const viaTorch = buildPreset(name, new Rng(32));
      fromTorchStateDict(viaTorch, toTorchStateDict(model));
      assert.deepEqual(viaTorch.forward(x, 'eval').data, expected.data);
    });
  }
});
