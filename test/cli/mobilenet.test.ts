// SPDX-License-Identifier: MIT
// `nabla train --model mobilenet` end to end on a small IDX folder (wasm kernels): it trains,
// reports a held-out accuracy, saves the model, and `nabla summary mobilenet` lists the blocks.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { EXIT } from '../../src/cli/errors.js';
import { literal, run, writeIdxFolder } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'nabla-mobilenet-'));
after(() => rmSync(dir, { recursive: true, force: true }));

describe('nabla with the mobilenet preset', () => {
  it('train --model mobilenet runs, reports the held-out accuracy and saves the model', async () => {
    const data = join(dir, 'bands28');
    writeIdxFolder(data, 28, 100, 20);
    const out = join(dir, 'run');
    const r = await run('train', '--dataset', data, '--model', 'mobilenet', '--epochs', '2', '--batch-size', '10', '--shift', '0', '--out', out);
    assert.equal(r.code, EXIT.ok, r.err);
    assert.match(r.out, /epoch 2\/2 /);
    // 20 steps learn the bands (training accuracy), but are too few for the running statistics of
    // 22 BatchNorm layers to settle (momentum 0.1), so the validation figure is only reported, not judged.
    const trainAccuracy = Number(/epoch 2\/2 +loss [\d.]+ +acc ([\d.]+)%/.exec(r.out)?.[1]);
    assert.ok(trainAccuracy >= 50, `training accuracy after 20 steps on trivially separable bands: ${trainAccuracy}%\n${r.out}`);
    assert.match(r.out, /validation accuracy: [\d.]+% \(\d+\/\d+\) on .*validation split/);
    assert.match(r.out, literal(`model saved to ${join(out, 'model.safetensors')}`));
  });

  it('summary mobilenet lists the inverted residual blocks and the parameter count', async () => {
    const r = await run('summary', 'mobilenet');
    assert.equal(r.code, EXIT.ok, r.err);
    assert.match(r.out, /features\.2\.conv\.1\.0 +Conv2d\(inChannels=64, outChannels=64, kernelSize=3, stride=2, padding=1, groups=64, bias=false\)/);
    assert.match(r.out, /Total parameters: 86,634/);
  });
});
