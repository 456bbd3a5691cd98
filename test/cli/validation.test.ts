// `nabla train`'s validation: a seeded, stratified share of the training split; the test split is
// read only with --eval-test; model.safetensors holds the epoch of the lowest val_loss; the report
// names the split behind each figure; history.{json,csv} carry train and validation curves.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { EXIT } from '../../src/cli/errors.js';
import { formatLoss } from '../../src/train/callbacks.js';
import { run, writeIdxFolder } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'nabla-val-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const data = join(dir, 'bands8');
before(() => writeIdxFolder(data, 8, 60, 20));

interface Epoch { epoch: number; trainLoss: number; trainAccuracy: number; valLoss?: number; valAccuracy?: number }
const history = (out: string) => JSON.parse(readFileSync(join(out, 'history.json'), 'utf8')) as Epoch[];
// SGD at a constant lr 0.4 on 42 samples makes val_loss jump about: lowest at epoch 4 of 6 (ref backend, seed 0).
const bumpy = ['--model', 'mlp', '--epochs', '6', '--batch-size', '10', '--shift', '0', '--backend', 'ref', '--optimizer', 'sgd', '--schedule', 'constant', '--lr', '0.4', '--label-smoothing', '0'];

describe('nabla train: validation split, best epoch, test split only when asked', () => {
  it('keeps the weights of the lowest val_loss, and reports validation and (with --eval-test) test figures with their split', async () => {
    const out = join(dir, 'best');
    const r = await run('train', '--dataset', data, ...bumpy, '--val-split', '0.3', '--eval-test', '--out', out);
    assert.equal(r.code, EXIT.ok, r.err);
    const h = history(out);
    assert.equal(h.length, 6);
    assert.ok(h.every((e) => Number.isFinite(e.trainLoss) && Number.isFinite(e.valLoss) && Number.isFinite(e.valAccuracy)), 'train and validation curves in history.json');
    const best = h.reduce((a, b) => (b.valLoss! < a.valLoss! ? b : a));
    assert.notEqual(best.epoch, 6, 'this run is chosen so that the last epoch is not the best');
    assert.match(r.out, /validation: mnist train validation split \(18\): 30% of mnist train's 60/);
    // The final validation figure is recomputed from the kept weights: it must equal that epoch's val_loss.
    assert.match(r.out, new RegExp(`validation accuracy: [\\d.]+% \\(\\d+/18\\) on mnist train validation split, epoch ${best.epoch}'s weights; cross-entropy ${formatLoss(best.valLoss!)}\\n`));
    assert.match(r.out, new RegExp(`test accuracy: [\\d.]+% \\(\\d+/20\\) on mnist test, epoch ${best.epoch}'s weights`));
    assert.match(r.out, new RegExp(`model saved to .*model\\.safetensors \\(epoch ${best.epoch}, the lowest val_loss`));
    assert.match(r.out, new RegExp(`\\n +${best.epoch}\\* +[\\d.]+ +[\\d.]+% +${formatLoss(best.valLoss!)}`), 'the curves table marks the kept epoch');
    const csv = readFileSync(join(out, 'history.csv'), 'utf8').trim().split('\n');
    assert.equal(csv[0], 'epoch,step,lr,trainLoss,trainAccuracy,valLoss,valAccuracy,seconds');
    assert.equal(csv.length, 7);
    assert.ok(csv.slice(1).every((line) => line.split(',').every((cell) => cell !== '')), 'every epoch has its validation cells');

    // eval of the saved model on the test split agrees with the report: model.safetensors is the best epoch.
    const e = await run('eval', join(out, 'model.safetensors'), '--backend', 'ref');
    assert.equal(e.code, EXIT.ok, e.err);
    const testLine = /test accuracy: ([\d.]+)% \((\d+)\/20\)/.exec(r.out)!;
    assert.match(e.out, new RegExp(`accuracy: ${testLine[1].replace('.', '\\.')}% \\(${testLine[2]}/20\\)`));
  });

  it('without --eval-test the test split is never evaluated; the same seed gives the same split and run', async () => {
    const a = await run('train', '--dataset', data, ...bumpy, '--epochs', '2', '--out', join(dir, 'a'));
    const b = await run('train', '--dataset', data, ...bumpy, '--epochs', '2', '--out', join(dir, 'b'));
    assert.equal(a.code, EXIT.ok, a.err);
    assert.doesNotMatch(a.out, /test accuracy/);
    assert.match(a.out, /test split: not evaluated \(mnist test, 20 images; --eval-test evaluates it\)/);
    assert.match(a.out, /validation: mnist train validation split \(6\): 10% of mnist train's 60, seeded \(--seed 0\), stratified by class/);
    assert.deepEqual(history(join(dir, 'a')).map((e) => e.valLoss), history(join(dir, 'b')).map((e) => e.valLoss));
    const c = await run('train', '--dataset', data, ...bumpy, '--epochs', '2', '--seed', '5', '--out', join(dir, 'c'));
    assert.match(c.out, /seeded \(--seed 5\)/);
  });

  it('--val-split 0 trains on every training sample with no validation; --patience then is refused', async () => {
    const out = join(dir, 'none');
    const r = await run('train', '--dataset', data, ...bumpy, '--epochs', '2', '--val-split', '0', '--out', out);
    assert.equal(r.code, EXIT.ok, r.err);
    assert.match(r.out, /data: mnist train \(60 images of \[1, 8, 8\]\)/);
    assert.match(r.out, /validation: none \(--val-split 0\)/);
    assert.doesNotMatch(r.out, /validation accuracy/);
    assert.match(r.out, /\(epoch 2, the last;/);
    assert.ok(history(out).every((e) => e.valLoss === undefined));
    const p = await run('train', '--dataset', data, ...bumpy, '--val-split', '0', '--patience', '2', '--out', join(dir, 'p'));
    assert.equal(p.code, EXIT.usage);
    assert.match(p.err, /--patience watches the validation loss: it needs a validation split \(--val-split > 0\)/);
  });

  it('bad --val-split values are usage errors; a split too small to hold back a sample is named', async () => {
    for (const bad of ['1', '-0.1', 'x', '']) {
      const r = await run('train', '--dataset', data, '--val-split', bad, '--out', join(dir, 'bad'));
      assert.equal(r.code, EXIT.usage, `--val-split '${bad}'`);
      assert.match(r.err, /--val-split must be a number from 0 to 1 \(not included\)/);
    }
    const tiny = await run('train', '--dataset', data, ...bumpy, '--val-split', '0.001', '--out', join(dir, 'tiny'));
    assert.equal(tiny.code, EXIT.usage);
    assert.match(tiny.err, /--val-split 0.001 of mnist train's 60 samples holds back none/);
  });

  it('--patience stops on the validation loss; --resume with another --val-split is refused', async () => {
    const out = join(dir, 'patience');
    const r = await run('train', '--dataset', data, ...bumpy, '--val-split', '0.3', '--patience', '1', '--out', out);
    assert.equal(r.code, EXIT.ok, r.err);
    assert.match(r.out, /early stopping: valLoss has not improved for 1 epochs/);
    const h = history(out);
    assert.ok(h.length < 6 && h.at(-1)!.valLoss! >= h.at(-2)!.valLoss!, 'stopped after the first epoch that did not improve');
    const again = await run('train', '--resume', join(out, 'checkpoint.safetensors'), '--val-split', '0.2', '--backend', 'ref');
    assert.equal(again.code, EXIT.usage);
    assert.match(again.err, /valSplit \(checkpoint 0.3, given 0.2\)/);
  });
});
