// SPDX-License-Identifier: MIT
// Issue 10: a branching ONNX model (a residual block and a channel concatenation) goes through the
// CLI: `nabla import` writes a weights file whose Graph spec the other commands load, `nabla eval`
// runs it, and `nabla train --init-from` fine-tunes it.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { loadSavedModel } from '../../src/cli/common.js';
import { EXIT } from '../../src/cli/errors.js';
import { exportOnnx } from '../../src/io/onnx/export.js';
import { modelFromSpec } from '../../src/layers/spec.js';
import { Rng } from '../../src/tensor/rng.js';
import { Tensor } from '../../src/tensor/tensor.js';
import { expectClose } from '../helpers/close.js';
import { run, writeIdxFolder } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'nabla-import-graph-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** conv → relu, a residual conv block, a concat with the block's input, pool, linear: [N, 1, 28, 28] → 10. */
function branchingModel() {
  return modelFromSpec({
    type: 'Graph',
    nodes: [
      { name: 'stem', type: 'Conv2d', outChannels: 4, kernelSize: 3, padding: 1, stride: 2 },
      { name: 'act', type: 'ReLU' },
      { name: 'conv', type: 'Conv2d', outChannels: 4, kernelSize: 3, padding: 1 },
      { name: 'add', type: 'Add', inputs: ['conv', 'act'] },
      { name: 'cat', type: 'Concat', inputs: ['add', 'act'] },
      { name: 'pool', type: 'MaxPool2d', kernelSize: 2 },
      { name: 'flat', type: 'Flatten' },
      { name: 'head', type: 'Linear', outFeatures: 10 },
    ],
  }, { rng: new Rng(4), inputShape: [1, 1, 28, 28] });
}

describe('nabla import of a branching model, then eval and train --init-from', () => {
  it('imports, evaluates and fine-tunes', async () => {
    const model = branchingModel();
    const onnxFile = join(dir, 'branching.onnx');
    writeFileSync(onnxFile, exportOnnx(model, { inputShape: [1, 1, 28, 28], opset: 13 }));
    const weights = join(dir, 'branching.safetensors');
    const imported = await run('import', onnxFile, '--out', weights);
    assert.equal(imported.code, EXIT.ok, imported.err);
    assert.match(imported.out, /Conv2d → ReLU → Conv2d → Add → Concat → MaxPool2d → Flatten → Linear/);

    const { model: loaded } = await loadSavedModel(weights);
    assert.equal(loaded.name, 'Graph');
    const x = Tensor.from(Array.from({ length: 2 * 784 }, (_, i) => Math.sin(i)), [2, 1, 28, 28]);
    expectClose(loaded.forward(x, 'eval').data, model.forward(x, 'eval').data, { rtol: 1e-6, atol: 1e-7, name: 'imported graph' });

    const data = join(dir, 'bands');
    writeIdxFolder(data, 28, 200, 50);
    const evaluated = await run('eval', weights, '--dataset', data, '--backend', 'ref', '--normalize', '0,1');
    assert.equal(evaluated.code, EXIT.ok, evaluated.err);
    assert.match(evaluated.out, /accuracy/);
    const out = join(dir, 'tuned');
    const trained = await run('train', '--init-from', weights, '--dataset', data, '--epochs', '2', '--batch-size', '20', '--shift', '0', '--backend', 'ref', '--out', out);
    assert.equal(trained.code, EXIT.ok, trained.err);
    assert.match(trained.out, /starting from the weights of .*branching\.safetensors/);
    // The band images are easy: two epochs from the imported weights must learn them.
    const accuracy = Number(/accuracy: ([\d.]+)%/.exec(trained.out)?.[1]);
    assert.ok(accuracy > 60, `accuracy ${accuracy}%:\n${trained.out}`);
    const { model: tuned } = await loadSavedModel(join(out, 'model.safetensors'));
    assert.equal(tuned.name, 'Graph');
  });
});
