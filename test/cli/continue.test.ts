// Issue 14 item 3: a finished run can be extended (--resume with more --epochs: more epochs of the
// same constant rate, or a new schedule over the added epochs, saying which), and a new run can
// start from saved weights (--init-from).
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { EXIT } from '../../src/cli/errors.js';
import { continueRun, makeSchedule, TRAIN_DEFAULTS, type TrainConfig } from '../../src/cli/train-config.js';
import { decodeSafetensors, encodeSafetensors } from '../../src/io/safetensors.js';
import { SGD } from '../../src/optim/sgd.js';
import { Parameter, Tensor } from '../../src/tensor/tensor.js';
import { run, writeIdxFolder } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'nabla-continue-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const data = join(dir, 'bands');
const common = ['--dataset', data, '--model', 'mlp', '--batch-size', '20', '--shift', '0', '--backend', 'ref'];

const history = (out: string) => JSON.parse(readFileSync(join(out, 'history.json'), 'utf8')) as { epoch: number; lr: number; valAccuracy: number }[];

before(async () => {
  writeIdxFolder(data, 28, 200, 50);
  const r = await run('train', ...common, '--epochs', '2', '--out', join(dir, 'onecycle'));
  assert.equal(r.code, EXIT.ok, r.err);
});

describe('extending a finished run', () => {
  it('--resume --epochs 3 after 2 one-cycle epochs runs epoch 3 with a new one-cycle schedule and says so', async () => {
    const out = join(dir, 'extended');
    cpSync(join(dir, 'onecycle'), out, { recursive: true });
    const r = await run('train', '--resume', join(out, 'checkpoint.safetensors'), '--epochs', '3');
    assert.equal(r.code, EXIT.ok, r.err);
    assert.match(r.out, /extending the run: epochs 3–3 with a new onecycle schedule \(lr 0\.003\) from the checkpoint's weights and optimizer state \(its onecycle schedule ended at epoch 2\)/);
    assert.match(r.out, /\nepoch 3\/3 /);
    assert.doesNotMatch(r.out, /\nepoch [12]\//, 'the first two epochs are not run again');
    const h = history(out);
    assert.deepEqual(h.map((e) => e.epoch), [1, 2, 3]);
    // The old schedule had annealed to ~lr/25e4; the new one starts again from lr/25 and ends low.
    assert.ok(h[1].lr < 1e-4 && h[2].lr < h[1].lr * 10 && h[2].lr > 0, `lrs ${h.map((e) => e.lr)}`);
    // Resuming the extended checkpoint is a plain resume of a finished 3-epoch run (the schedule start is recorded).
    const again = await run('train', '--resume', join(out, 'checkpoint.safetensors'));
    assert.equal(again.code, EXIT.ok, again.err);
    assert.match(again.out, /the checkpoint has finished its 3 epochs \(give --epochs N > 3 to train more\)/);
  });

  it('with a constant rate, extending 2 → 4 epochs gives the same model file as a 4-epoch run', async () => {
    const constant = [...common, '--schedule', 'constant', '--lr', '0.001'];
    assert.equal((await run('train', ...constant, '--epochs', '4', '--out', join(dir, 'c4'))).code, EXIT.ok);
    assert.equal((await run('train', ...constant, '--epochs', '2', '--out', join(dir, 'c2'))).code, EXIT.ok);
    const r = await run('train', '--resume', join(dir, 'c2', 'checkpoint.safetensors'), '--epochs', '4');
    assert.equal(r.code, EXIT.ok, r.err);
    assert.match(r.out, /extending the run from 2 to 4 epochs: more epochs of the same constant lr 0\.001/);
    assert.ok(readFileSync(join(dir, 'c2', 'model.safetensors')).equals(readFileSync(join(dir, 'c4', 'model.safetensors'))), 'bit-identical to the uninterrupted run');
  });

  it('refuses too few epochs and options an extension cannot change, before anything runs', async () => {
    const checkpoint = join(dir, 'onecycle', 'checkpoint.safetensors');
    const few = await run('train', '--resume', checkpoint, '--epochs', '2', '--lr', '0.01');
    assert.equal(few.code, EXIT.usage);
    assert.match(few.err, /the checkpoint has already completed 2 epochs; to extend the run give more than 2/);
    const other = await run('train', '--resume', checkpoint, '--epochs', '3', '--optimizer', 'sgd');
    assert.equal(other.code, EXIT.usage);
    assert.match(other.err, /optimizer \(checkpoint adam, given sgd\).*use --init-from/);
    assert.equal(few.out + other.out, '');
  });

  it('the schedule of an extension spans only the added epochs (recorded as scheduleFrom)', () => {
    const saved: TrainConfig = { ...TRAIN_DEFAULTS, dataset: 'mnist', model: 'mlp', epochs: 2, batchSize: 20, optimizer: 'sgd', weightDecay: 0, flip: false, schedule: 'onecycle' };
    const given = (k: string) => k === 'epochs' || k === 'schedule';
    const c = continueRun(saved, 2, { epochs: 5, schedule: 'cosine' }, given);
    assert.equal(c.newSchedule, true);
    assert.equal(c.config.scheduleFrom, 2);
    assert.equal(c.config.schedule, 'cosine');
    const schedule = makeSchedule(c.config, new SGD([new Parameter('w', Tensor.zeros([1]))], { lr: 0.1, momentum: 0.9 }), 10);
    assert.equal((schedule as unknown as { totalSteps: number }).totalSteps, 30, '3 added epochs × 10 batches');
  });
});

describe('the training options a checkpoint records are validated', () => {
  const cases: [string, (run: Record<string, any>) => void, RegExp][] = [
    ['an unknown optimizer', (r) => (r.config.optimizer = 'sgd2'), /config\.optimizer must be one of sgd, adam, adamw, got "sgd2"/],
    ['a learning rate that is text', (r) => (r.config.lr = 'x'), /config\.lr must be a finite number > 0, got "x"/],
    ['a negative epoch count', (r) => (r.config.epochs = -1000000), /config\.epochs must be an integer from 1 to/],
    ['a schedule start after the end', (r) => (r.config.scheduleFrom = 7), /config\.scheduleFrom must be less than epochs \(2\), got 7/],
    ['label smoothing above 1', (r) => (r.config.labelSmoothing = 2), /config\.labelSmoothing must be a number in \[0, 1\], got 2/],
    ['an absurd thread count', (r) => (r.threads = 1e9), /threads must be an integer from 1 to 1024, got 1000000000/],
    ['no options at all', (r) => delete r.config, /not a checkpoint of `nabla train`/],
  ];
  for (const [name, mutate, expected] of cases) {
    it(`--resume refuses ${name} (exit 3, naming the field) before anything runs`, async () => {
      const source = join(dir, 'onecycle', 'checkpoint.safetensors');
      const { tensors, metadata } = decodeSafetensors(new Uint8Array(readFileSync(source)), source);
      const state = JSON.parse(metadata['nabla.state']);
      mutate(state.extra.callbacks.cli);
      const file = join(dir, 'mutated-checkpoint.safetensors');
      writeFileSync(file, encodeSafetensors(tensors, { ...metadata, 'nabla.state': JSON.stringify(state) }));
      const r = await run('train', '--resume', file, '--out', join(dir, 'mutated-out'));
      assert.equal(r.code, EXIT.file, r.err);
      assert.match(r.err, expected);
      assert.equal(r.out, '');
    });
  }
});

describe('--init-from', () => {
  it('starts a new run from the weights and spec of a saved model (lr ≈ 0 keeps its accuracy)', async () => {
    const source = join(dir, 'onecycle', 'model.safetensors');
    const before = await run('eval', source, '--backend', 'ref');
    const r = await run('train', '--init-from', source, '--epochs', '1', '--lr', '1e-12', '--schedule', 'constant', '--batch-size', '20', '--shift', '0', '--backend', 'ref', '--out', join(dir, 'init'));
    assert.equal(r.code, EXIT.ok, r.err);
    assert.match(r.out, /starting from the weights of .*onecycle\/model\.safetensors/);
    assert.match(r.out, new RegExp(`on ${data.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}, 1 epoch;`), 'the dataset it was trained on, by default');
    const accuracy = (text: string) => /accuracy: ([\d.]+%)/.exec(text)?.[1];
    assert.equal(accuracy(r.out), accuracy(before.out));
    // A fresh model at the same tiny rate stays near chance (10 classes): the weights really came from the file.
    const fresh = await run('train', ...common, '--epochs', '1', '--lr', '1e-12', '--schedule', 'constant', '--out', join(dir, 'fresh'));
    assert.ok(Number(accuracy(fresh.out)?.slice(0, -1)) < 40 && Number(accuracy(before.out)?.slice(0, -1)) > 60, `${accuracy(fresh.out)} vs ${accuracy(before.out)}`);
  });

  it('refuses a --model the weights do not fit (exit 4) and --init-from with --resume (exit 2)', async () => {
    const source = join(dir, 'onecycle', 'model.safetensors');
    const r = await run('train', '--init-from', source, '--model', 'lenet5', '--epochs', '1', '--backend', 'ref', '--out', join(dir, 'init-bad'));
    assert.equal(r.code, EXIT.mismatch);
    assert.match(r.err, /--init-from .*does not fit this model/);
    const both = await run('train', '--init-from', source, '--resume', join(dir, 'onecycle', 'checkpoint.safetensors'));
    assert.equal(both.code, EXIT.usage);
    assert.match(both.err, /give one of them/);
  });
});
