// SPDX-License-Identifier: MIT
// --tta flip (test-time augmentation) on `nabla train` and `nabla eval`, and `nabla eval --split
// validation`, which rebuilds the images a run held back (--val-split, --seed): eval's figures
// must equal the train report's, with and without the flips; misuse is a usage error.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { EXIT } from '../../src/cli/errors.js';
import { run, writeIdxFolder } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'nabla-tta-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const data = join(dir, 'bands10');
before(() => writeIdxFolder(data, 10, 80, 30));
const quick = ['--model', 'mlp', '--epochs', '2', '--batch-size', '16', '--backend', 'ref', '--label-smoothing', '0'];

/** "accuracy: 93.33% (28/30), cross-entropy 0.1234" figures of a report line. */
function figures(text: string, what: RegExp): string {
  const m = what.exec(text);
  assert.ok(m, `${what} in:\n${text}`);
  return m[1];
}

describe('test-time flips and the validation split in nabla eval', () => {
  it("eval --split validation --tta flip gives the train report's validation and test figures", async () => {
    const out = join(dir, 'run');
    const r = await run('train', '--dataset', data, ...quick, '--val-split', '0.25', '--seed', '3', '--tta', 'flip', '--eval-test', '--out', out);
    assert.equal(r.code, EXIT.ok, r.err);
    assert.match(r.out, /test-time flips \(validation and final figures: the mean of the logits for each image and its mirror image\)/);
    const val = figures(r.out, /validation accuracy: ([\d.]+% \(\d+\/20\)) on .*; cross-entropy ([\d.]+)/);
    const valLoss = figures(r.out, /validation accuracy: .*\(\d+\/20\) on .*; cross-entropy ([\d.]+)/);
    const test = figures(r.out, /test accuracy: ([\d.]+% \(\d+\/30\))/);
    const model = join(out, 'model.safetensors');

    const v = await run('eval', model, '--split', 'validation', '--val-split', '0.25', '--seed', '3', '--tta', 'flip', '--backend', 'ref');
    assert.equal(v.code, EXIT.ok, v.err);
    assert.match(v.out, /the validation split \(25% of mnist train's 80, seeded \(--seed 3\), stratified by class\) \(20 images/);
    assert.equal(figures(v.out, /accuracy: ([\d.]+% \(\d+\/20\))/), val);
    assert.equal(figures(v.out, /cross-entropy ([\d.]+)/), valLoss);
    const t = await run('eval', model, '--tta', 'flip', '--backend', 'ref');
    assert.equal(t.code, EXIT.ok, t.err);
    assert.match(t.out, /test-time augmentation: the mean of the logits for each image and its mirror image/);
    assert.equal(figures(t.out, /accuracy: ([\d.]+% \(\d+\/30\))/), test);
    const plain = await run('eval', model, '--split', 'validation', '--val-split', '0.25', '--seed', '3', '--backend', 'ref');
    assert.equal(plain.code, EXIT.ok, plain.err);
    assert.notEqual(figures(plain.out, /cross-entropy ([\d.]+)/), valLoss, 'without --tta the plain forward pass: other figures');
    // Another seed holds back other images.
    const other = await run('eval', model, '--split', 'validation', '--val-split', '0.25', '--seed', '4', '--tta', 'flip', '--backend', 'ref');
    assert.match(other.out, /seeded \(--seed 4\)/);

    // The checkpoint records --tta: a resume with another value is refused, one with the same value is not.
    const resume = await run('train', '--resume', join(out, 'checkpoint.safetensors'), '--tta', 'none');
    assert.equal(resume.code, EXIT.usage);
    assert.match(resume.err, /these differ: tta \(checkpoint flip, given the default\)/);
  });

  it('misuse is a usage error naming the option', async () => {
    const model = join(dir, 'plain');
    const r = await run('train', '--dataset', data, ...quick, '--epochs', '1', '--out', model);
    assert.equal(r.code, EXIT.ok, r.err);
    const file = join(model, 'model.safetensors');
    const seedAlone = await run('eval', file, '--seed', '2', '--backend', 'ref');
    assert.equal(seedAlone.code, EXIT.usage);
    assert.match(seedAlone.err, /--val-split and --seed choose the validation split: give them with --split validation/);
    const none = await run('eval', file, '--split', 'validation', '--val-split', '0', '--backend', 'ref');
    assert.equal(none.code, EXIT.usage);
    assert.match(none.err, /--split validation: .* has no validation split with --val-split 0/);
    const kind = await run('eval', file, '--tta', 'rotate', '--backend', 'ref');
    assert.equal(kind.code, EXIT.usage);
    assert.match(kind.err, /--tta/);
    const csv = join(dir, 'rows.csv');
    writeFileSync(csv, 'a,b,y\n' + Array.from({ length: 20 }, (_, i) => `${i},${i % 3},${i % 2}`).join('\n') + '\n');
    const table = await run('train', '--data', csv, '--target', 'y', '--tta', 'flip', '--epochs', '1', '--out', join(dir, 'table'));
    assert.equal(table.code, EXIT.usage);
    assert.match(table.err, /--tta flip mirrors images; a table has none/);
  });
});
