// SPDX-License-Identifier: MIT
// A last batch of one sample cannot train batch norm (PyTorch raises "Expected more than 1 value per channel"):
// `nabla train` drops it and says so; the library names dropLast in its error.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { EXIT } from '../../src/cli/errors.js';
import { ImageDataset } from '../../src/data/dataset.js';
import { sequentialFromSpec } from '../../src/layers/spec.js';
import { SGD } from '../../src/optim/sgd.js';
import { Rng } from '../../src/tensor/rng.js';
import { fit } from '../../src/train/fit.js';
import { run, writeIdxFolder } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'nabla-drop-last-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const SPEC = [
  { type: 'Flatten' },
  { type: 'Linear', inFeatures: 64, outFeatures: 16 },
  { type: 'BatchNorm1d', numFeatures: 16 },
  { type: 'ReLU' },
  { type: 'Linear', inFeatures: 16, outFeatures: 10 },
];

describe('a last batch of one sample and batch norm', () => {
  it('nabla train leaves that batch out each epoch, says so, and trains (before: exit 4 "does not fit")', async () => {
    const data = join(dir, 'idx8');
    writeIdxFolder(data, 8, 21, 10);
    const spec = join(dir, 'bn1d.json');
    writeFileSync(spec, JSON.stringify(SPEC));
    const r = await run('train', '--dataset', data, '--model', spec, '--epochs', '2', '--batch-size', '10', '--val-split', '0', '--shift', '0', '--out', join(dir, 'run'));
    assert.equal(r.code, EXIT.ok, r.err);
    assert.match(r.out, /note: the last batch of each epoch would hold 1 sample, which batch norm cannot train on; it is left out \(20 samples per epoch\)/);
    // without batch norm nothing is dropped
    const plain = join(dir, 'plain.json');
    writeFileSync(plain, JSON.stringify(SPEC.filter((l) => l.type !== 'BatchNorm1d')));
    const q = await run('train', '--dataset', data, '--model', plain, '--epochs', '1', '--batch-size', '10', '--val-split', '0', '--shift', '0', '--out', join(dir, 'run2'));
    assert.equal(q.code, EXIT.ok, q.err);
    assert.doesNotMatch(q.out, /left out/);
  });

  it('fit without dropLast names the cause and the option; with it, trains', async () => {
    const rng = new Rng(3);
    const images = Float32Array.from({ length: 21 * 64 }, () => rng.uniform(0, 1));
    const labels = Int32Array.from({ length: 21 }, (_, i) => i % 10);
    const train = new ImageDataset({ images, labels, imageShape: [1, 8, 8], numClasses: 10, name: 'tiny' });
    const model = sequentialFromSpec(SPEC, new Rng(0));
    await assert.rejects(
      fit(model, { optimizer: new SGD(model.parameters(), { lr: 0.01 }), train, epochs: 1, batchSize: 10 }),
      /BatchNorm1d: training needs more than 1 value per channel, got input \[1, 16\].*Expected more than 1 value per channel when training.*dropLast: true/,
    );
    const again = sequentialFromSpec(SPEC, new Rng(0));
    const result = await fit(again, { optimizer: new SGD(again.parameters(), { lr: 0.01 }), train, epochs: 1, batchSize: 10, dropLast: true });
    assert.equal(result.history[0].step, 2, 'two full batches, the single sample left out');
  });
});
