// The `nabla` command: a train → eval → predict → summary round trip on a tiny IDX folder, and
// the exit codes and messages for bad arguments, missing and corrupt files and a model that does
// not fit the data. Most cases call main() in-process (fast); one spawns the real command via tsx.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { PNG } from 'pngjs';
import { centerLikeMnist } from '../../src/cli/commands/predict.js';
import { EXIT } from '../../src/cli/errors.js';
import { LAYER_TYPES } from '../../src/layers/spec.js';
import { run, writeIdxFolder } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'nabla-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const data28 = join(dir, 'bands28');
const data8 = join(dir, 'bands8');
const out = join(dir, 'run');
const model = join(out, 'model.safetensors');

before(() => {
  writeIdxFolder(data28, 28, 200, 50);
  writeIdxFolder(data8, 8, 20, 10);
});

describe('nabla train, eval, predict, summary', () => {
  it('train on an IDX folder validates on 10% of the training split, keeps the test split aside, and says where the model was saved', async () => {
    const r = await run('train', '--dataset', data28, '--model', 'mlp', '--epochs', '3', '--batch-size', '20', '--shift', '0', '--backend', 'ref', '--out', out);
    assert.equal(r.code, EXIT.ok, r.err);
    assert.match(r.out, /epoch 3\/3 /);
    assert.match(r.out, /data: mnist train \(180 images of \[1, 28, 28\]\); normalised with mean [\d.]+, std [\d.]+ \(measured on the training split\)/);
    assert.match(r.out, /validation: mnist train validation split \(20\): 10% of mnist train's 200, seeded \(--seed 0\), stratified by class/);
    assert.match(r.out, /test split: not evaluated \(mnist test, 50 images; --eval-test evaluates it\)/);
    assert.doesNotMatch(r.out, /test accuracy/);
    const accuracy = Number(/validation accuracy: ([\d.]+)% \(\d+\/20\)/.exec(r.out)?.[1]);
    assert.ok(accuracy >= 90, `bands are trivially separable; got ${accuracy}%\n${r.out}`);
    assert.match(r.out, new RegExp(`model saved to ${model.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  });

  it('eval prints accuracy, per-class accuracy and the confusion matrix', async () => {
    const r = await run('eval', model, '--dataset', data28, '--backend', 'ref');
    assert.equal(r.code, EXIT.ok, r.err);
    assert.match(r.out, /accuracy: [\d.]+% \(\d+\/50\)/);
    assert.match(r.out, /per-class accuracy:\n {2}0 /);
    assert.match(r.out, /true\\pred +0 +1 /);
  });

  it('predict reads a PNG: dark-on-light images are inverted to MNIST polarity and resized', async () => {
    // 56×56 white paper with a black band where class 3's band is (row 8 of 28 → rows 16–17 of 56)
    const png = new PNG({ width: 56, height: 56 });
    png.data.fill(255);
    for (let y = 16; y < 18; y++) for (let x = 0; x < 56; x++) png.data.fill(0, (y * 56 + x) * 4, (y * 56 + x) * 4 + 3);
    const file = join(dir, 'three.png');
    writeFileSync(file, PNG.sync.write(png));
    const r = await run('predict', model, file, '--backend', 'ref');
    assert.equal(r.code, EXIT.ok, r.err);
    assert.match(r.out, /three\.png: 3 \d+\.\d%.*\[inverted\]/);
    // Several images, some unreadable: the readable ones are predicted, the others named, and the exit code says so.
    const broken = join(dir, 'broken.png');
    writeFileSync(broken, 'not a png');
    const some = await run('predict', model, broken, file, join(dir, 'gone.png'), '--backend', 'ref');
    assert.equal(some.code, EXIT.file);
    assert.match(some.out, /three\.png: 3 \d+\.\d%/);
    assert.match(some.err, /2 of 3 images could not be read \(the others are predicted above\):\n {2}.*broken\.png: not a PNG or JPEG file.*\n {2}.*gone\.png: no such file/);
  });

  it('predict --center fits the ink into 20×20 and puts its centre of mass at the centre, as MNIST', async () => {
    // A 30×40 block of ink far off-centre in a 100×60 image.
    const pixels = new Float32Array(100 * 60);
    for (let y = 5; y < 45; y++) for (let x = 62; x < 92; x++) pixels[y * 100 + x] = 255;
    const out = centerLikeMnist({ width: 100, height: 60, pixels }, 28, 28);
    let mass = 0;
    let cx = 0;
    let cy = 0;
    const rows = new Set<number>();
    const cols = new Set<number>();
    for (let y = 0; y < 28; y++) {
      for (let x = 0; x < 28; x++) {
        const v = out[y * 28 + x];
        if (v > 0) {
          rows.add(y);
          cols.add(x);
        }
        mass += v;
        cx += v * (x + 0.5);
        cy += v * (y + 0.5);
      }
    }
    assert.equal(rows.size, 20, 'the long side is scaled to 20 pixels');
    assert.equal(cols.size, 15, 'the aspect ratio is kept (30:40 → 15:20)');
    assert.ok(Math.abs(cx / mass - 14) <= 0.5 && Math.abs(cy / mass - 14) <= 0.5, `centre of mass (${cx / mass}, ${cy / mass})`);
    // No ink: a plain resize (all zeros here), never NaN.
    assert.deepEqual(Array.from(centerLikeMnist({ width: 10, height: 10, pixels: new Float32Array(100) }, 28, 28)), new Array(784).fill(0));
    // The option reaches the command (a centred band is no longer where its class's band is, so only the run is checked).
    const r = await run('predict', model, join(dir, 'three.png'), '--center', '--backend', 'ref');
    assert.equal(r.code, EXIT.ok, r.err);
    assert.match(r.out, /three\.png: \d/);
  });

  it('summary of a preset lists the layers and parameter count', async () => {
    const r = await run('summary', 'lenet5');
    assert.equal(r.code, EXIT.ok, r.err);
    assert.match(r.out, /Conv2d\(inChannels=1, outChannels=6, kernelSize=5, padding=2\)/);
    assert.match(r.out, /Total parameters: 61,706/);
  });
});

describe('nabla gradcheck', () => {
  it('checks every layer type and both losses, and prints one table row each', async () => {
    const r = await run('gradcheck');
    assert.equal(r.code, EXIT.ok, r.err);
    for (const type of [...LAYER_TYPES, 'SoftmaxCrossEntropy', 'MSELoss']) assert.match(r.out, new RegExp(`\\n${type}[ \\d]`), `no row for ${type}`);
    assert.match(r.out, /all \d+ passed/);
  });

  it('fails (exit 1) when the tolerance is impossibly tight', async () => {
    const r = await run('gradcheck', '--tolerance', '1e-15');
    assert.equal(r.code, EXIT.failure);
    assert.match(r.err, /gradcheck: \d+ of \d+ failed/);
  });
});

describe('nabla errors and exit codes', () => {
  it('bad option values are usage errors (exit 2) naming the option', async () => {
    const r = await run('train', '--optimizer', 'rmsprop');
    assert.equal(r.code, EXIT.usage);
    assert.match(r.err, /--optimizer must be one of sgd, adam, adamw, got 'rmsprop'/);
    const e = await run('train', '--epochs', '0');
    assert.equal(e.code, EXIT.usage);
    assert.match(e.err, /--epochs must be a positive integer, got '0'/);
    const size = await run('train', '--size', '100000');
    assert.equal(size.code, EXIT.usage);
    assert.match(size.err, /--size must be at most 8192, got 100000/);
    const dl = await run('data', 'download', 'cifar10');
    assert.equal(dl.code, EXIT.usage);
    assert.match(dl.err, /<dataset> must be one of mnist, fashion-mnist, got 'cifar10'/);
    const u = await run('fly');
    assert.equal(u.code, EXIT.usage);
    assert.match(u.err, /unknown command 'fly'/);
  });

  it('missing and corrupt files exit 3 with the path', async () => {
    const missing = await run('eval', join(dir, 'nope.safetensors'));
    assert.equal(missing.code, EXIT.file);
    assert.match(missing.err, /nope\.safetensors: no such file/);
    const corrupt = join(dir, 'corrupt.safetensors');
    writeFileSync(corrupt, new Uint8Array([200, 0, 0, 0, 0, 0, 0, 0, 123]));
    const c = await run('eval', corrupt);
    assert.equal(c.code, EXIT.file);
    assert.match(c.err, /corrupt\.safetensors/);
    const d = await run('train', '--dataset', join(dir, 'no-such-folder'));
    assert.equal(d.code, EXIT.file);
    assert.match(d.err, /no-such-folder/);
    // a truncated IDX image file
    const truncated = join(dir, 'truncated');
    writeIdxFolder(truncated, 28, 20, 10);
    const images = join(truncated, 'train-images-idx3-ubyte');
    writeFileSync(images, readFileSync(images).subarray(0, 1000));
    const t = await run('eval', model, '--dataset', truncated, '--backend', 'ref');
    assert.equal(t.code, EXIT.file);
    assert.match(t.err, /train-images-idx3-ubyte/);
  });

  it('data download from a mirror serving the wrong bytes exits 3 with the SHA-256 mismatch', async () => {
    const server = createServer((_req, res) => res.end('not the MNIST file'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const target = join(dir, 'download');
      const r = await run('data', 'download', 'mnist', '--dir', target, '--base-url', `http://127.0.0.1:${port}/`);
      assert.equal(r.code, EXIT.file);
      assert.match(r.err, /download of mnist failed: .*train-images-idx3-ubyte\.gz: SHA-256 mismatch/);
      assert.deepEqual(readdirSync(target), []); // nothing corrupt left behind
    } finally {
      server.close();
    }
  });

  it('a model that does not fit the data exits 4 and says so', async () => {
    const r = await run('eval', model, '--dataset', data8, '--backend', 'ref');
    assert.equal(r.code, EXIT.mismatch);
    assert.match(r.err, /the model does not fit .*Linear/);
    // a spec for 28×28 inputs trained on 8×8 images
    const spec = join(dir, 'mlp784.json');
    writeFileSync(spec, JSON.stringify([{ type: 'Flatten' }, { type: 'Linear', inFeatures: 784, outFeatures: 10 }]));
    const t = await run('train', '--dataset', data8, '--model', spec, '--epochs', '1', '--backend', 'ref', '--out', join(dir, 'run8'));
    assert.equal(t.code, EXIT.mismatch, t.err);
    assert.match(t.err, /the model does not fit the data .*layer 1 \(Linear\): 'inFeatures' is 784 but its input gives 64/);
  });

  it('--resume refuses options that differ from the checkpoint (other than an extension\'s)', async () => {
    const r = await run('train', '--resume', join(out, 'checkpoint.safetensors'), '--batch-size', '10', '--backend', 'ref', '--out', out);
    assert.equal(r.code, EXIT.usage);
    assert.match(r.err, /batchSize \(checkpoint 20, given 10\)/);
    assert.match(r.err, /an extension may change only --epochs, --lr and --schedule/);
    assert.equal(r.out, '', 'refused before anything runs');
  });

  it('--resume without --out keeps writing into the checkpoint\'s folder', async () => {
    const resumed = join(dir, 'resumed');
    mkdirSync(resumed, { recursive: true });
    copyFileSync(join(out, 'checkpoint.safetensors'), join(resumed, 'checkpoint.safetensors'));
    const r = await run('train', '--resume', join(resumed, 'checkpoint.safetensors'));
    assert.equal(r.code, EXIT.ok, r.err);
    assert.match(r.out, new RegExp(`model saved to ${join(resumed, 'model.safetensors').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    assert.ok(readdirSync(resumed).includes('model.safetensors'), `files in ${resumed}: ${readdirSync(resumed).join(', ')}`);
  });

  it('the real command (spawned through tsx) prints help with exit 0 and fails bad arguments with exit 2', () => {
    const cli = ['--import', 'tsx', 'src/cli/main.ts'];
    const help = spawnSync(process.execPath, [...cli, '--help'], { encoding: 'utf8' });
    assert.equal(help.status, 0, help.stderr);
    for (const command of ['train', 'eval', 'predict', 'summary', 'gradcheck', 'data']) assert.match(help.stdout, new RegExp(`\\n  ${command}`));
    const bad = spawnSync(process.execPath, [...cli, 'train', '--batch-size', 'big'], { encoding: 'utf8' });
    assert.equal(bad.status, EXIT.usage);
    assert.match(bad.stderr, /nabla: --batch-size must be a positive integer, got 'big'/);
  });
});
