// SPDX-License-Identifier: MIT
// The command-line path of issue 10: `nabla import` of torchvision's resnet18 (the eval export,
// BatchNorm folded), then `nabla export --torch`; torchvision's resnet18() loads the file with
// load_state_dict(strict=True) and gives the imported model's eval outputs. The export comes from
// test/fixtures/make-onnx-models.py (test/io/real-models.ts); skipped, saying why, without PyTorch.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { loadSavedModel } from '../../src/cli/common.js';
import { EXIT } from '../../src/cli/errors.js';
import { Tensor } from '../../src/tensor/tensor.js';
import { expectWithin, inTorchvision, modelFolder, readFloats } from '../io/real-models.js';
import { run } from './helpers.js';

const folder = modelFolder();
const skip = 'skip' in folder ? `skipped: ${folder.skip}` : false;

describe('nabla import → nabla export --torch → torchvision', { skip }, () => {
  it('resnet18: torchvision loads the state dict strictly and gives the imported model\'s outputs', async () => {
    const dir = 'dir' in folder ? folder.dir : '';
    const work = mkdtempSync(join(tmpdir(), 'nabla-import-torch-'));
    try {
      const saved = join(work, 'resnet18.safetensors');
      const imported = await run('import', join(dir, 'resnet18-op17.onnx'), '--out', saved);
      assert.equal(imported.code, EXIT.ok, imported.err);
      const weights = join(work, 'resnet18-torch.safetensors');
      const exported = await run('export', saved, '--torch', weights);
      assert.equal(exported.code, EXIT.ok, exported.err);
      assert.match(exported.out, /20 BatchNorm2d folded into their convs by PyTorch's ONNX exporter: written as γ = 1, β = the folded bias, mean = 0, var = 1 − eps with eps 0\.00001/);
      const bad = await run('export', saved, '--torch', weights, '--folded-bn-eps', '0');
      assert.equal(bad.code, EXIT.usage, bad.out);
      assert.match(bad.err, /--folded-bn-eps must be a number > 0, got '0'/);
      const inputShape = [2, 3, 64, 64];
      const { model } = await loadSavedModel(saved);
      const ours = model.forward(Tensor.from(readFloats(dir, 'resnet18.input.bin'), inputShape), 'eval').data;
      const [result] = inTorchvision([{ weights, arch: 'resnet18', input: join(dir, 'resnet18.input.bin'), inputShape }]);
      assert.deepEqual(result.differ, []);
      expectWithin(result.y, ours, 'resnet18 via the CLI: torchvision vs Nabla');
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});
