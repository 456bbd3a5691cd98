// `nabla train --data photos/` on class folders of PNG and JPEG files, then predict (top-k class
// names) and eval (confusion matrix with names); and the same Fashion-MNIST images as an IDX
// folder and as an image folder train to the same accuracy.
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { PNG } from 'pngjs';
import { EXIT } from '../../src/cli/errors.js';
import { encodeIdx, readIdx } from '../../src/data/idx.js';
import { FASHION_MNIST_CLASSES } from '../../src/data/mnist.js';
import { Rng } from '../../src/tensor/rng.js';
import { writeJpeg, writePng } from '../data/image-files.js';
import { run } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'nabla-photos-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const photos = join(dir, 'photos');
const CLASSES = ['blue sky', 'grass', 'rød'];
const COLOURS: [number, number, number][] = [[40, 60, 220], [50, 200, 40], [220, 40, 90]];

before(() => {
  const rng = new Rng(4);
  for (const [k, name] of CLASSES.entries()) {
    for (let i = 0; i < 30; i++) {
      const noisy = (): [number, number, number] => COLOURS[k].map((v) => Math.max(0, Math.min(255, v + rng.int(61) - 30))) as [number, number, number];
      const w = 10 + rng.int(8);
      const h = 10 + rng.int(8);
      if (i % 2) writePng(join(photos, name, `${i}.png`), w, h, noisy);
      else writeJpeg(join(photos, name, `${i}.jpg`), w, h, noisy);
    }
  }
  writeFileSync(join(photos, 'grass', 'broken.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]));
});

describe('nabla train --data on an image folder', () => {
  const out = join(dir, 'run');
  const model = join(out, 'model.safetensors');

  it('a corrupt file stops the run before training, naming it; --skip-bad trains without it and says how many were skipped', async () => {
    const refused = await run('train', '--data', photos, '--out', join(dir, 'refused'), '--backend', 'ref');
    assert.equal(refused.code, EXIT.file);
    assert.match(refused.err, /1 file is not readable images:\n {2}.*grass[/\\]broken\.jpg: a corrupt or truncated JPEG/);
    assert.ok(!existsSync(join(dir, 'refused', 'model.safetensors')));
    const r = await run('train', '--data', photos, '--size', '8', '--model', 'mlp', '--epochs', '4', '--batch-size', '16', '--shift', '0', '--skip-bad', '--backend', 'ref', '--out', out);
    assert.equal(r.code, EXIT.ok, r.err);
    assert.match(r.out, /images: 3 classes \(blue sky, grass, rød\); colour images: 3 channels \(RGB\)/);
    assert.match(r.out, /resized to 8×8: shorter side to 8, then the centre cropped/);
    assert.match(r.out, /skipped 1 unreadable file \(--skip-bad\): .*broken\.jpg/);
    assert.match(r.out, /mean and std measured on .*photos \(81 images\): mean [\d.]+, [\d.]+, [\d.]+, std [\d.]+, [\d.]+, [\d.]+/);
    assert.match(r.out, /data: .*photos \(81 images of \[3, 8, 8\]\)/);
    assert.match(r.out, /validation: .*photos validation split \(9\): 10% of .*photos's 90, seeded/);
    assert.match(r.out, /validation accuracy: 100\.00% \(9\/9\)/);
  });

  it('the model file carries class names, input size, channels, per-channel statistics and how to prepare an image', () => {
    const bytes = readFileSync(model);
    const header = JSON.parse(bytes.subarray(8, 8 + Number(bytes.readBigUInt64LE(0))).toString('utf8'));
    const info = JSON.parse(header.__metadata__['nabla.data']);
    assert.deepEqual(info.classNames, CLASSES);
    assert.deepEqual(info.inputShape, [3, 8, 8]);
    assert.equal(info.preprocess, 'resize-center-crop');
    assert.equal(info.normalization.mean.length, 3);
    // Measured per channel: about the mean of the three classes' colours (noise is symmetric).
    COLOURS[0].forEach((_, c) => {
      const expected = COLOURS.reduce((sum, colour) => sum + colour[c], 0) / 3 / 255;
      assert.ok(Math.abs(info.normalization.mean[c] - expected) < 0.03, `channel ${c}: mean ${info.normalization.mean[c]}, colours say ${expected.toFixed(3)}`);
      assert.ok(info.normalization.std[c] > 0.2, `channel ${c}: std ${info.normalization.std[c]} spans the classes' colours`);
    });
  });

  it('predict prints the top-k class names with probabilities for a PNG and a JPEG of another size', async () => {
    const red = writeJpeg(join(dir, 'red.jpg'), 40, 25, () => [230, 30, 30]);
    const grass = writePng(join(dir, 'grass.png'), 13, 31, () => [40, 210, 50]);
    const r = await run('predict', model, red, grass, '--top', '2', '--backend', 'ref');
    assert.equal(r.code, EXIT.ok, r.err);
    assert.match(r.out, /red\.jpg: 2 \(rød\) \d+\.\d%  \(next: \d \([a-z ]+\) \d+\.\d%\)\n/);
    assert.match(r.out, /grass\.png: 1 \(grass\) \d+\.\d%/);
    assert.doesNotMatch(r.out, /inverted/);
  });

  it('photo augmentation (crops, flips, rotations, jitter) is seeded and checkpointed: an interrupted run resumes to the same model', async () => {
    const aug = ['--data', photos, '--size', '8', '--model', 'mlp', '--batch-size', '16', '--shift', '1', '--flip', '--vflip', '--crop-scale', '0.5', '--rotate', '10', '--jitter', '0.2',
      '--skip-bad', '--schedule', 'constant', '--val-split', '0', '--backend', 'ref'];
    const whole = await run('train', ...aug, '--epochs', '3', '--out', join(dir, 'aug-whole'));
    assert.equal(whole.code, EXIT.ok, whole.err);
    assert.match(whole.out, /flips, vertical flips, random resized crops \(area 0\.5–1\), rotations ±10°, colour jitter ±0\.2/);
    const part = await run('train', ...aug, '--epochs', '1', '--out', join(dir, 'aug-part'));
    assert.equal(part.code, EXIT.ok, part.err);
    const rest = await run('train', '--resume', join(dir, 'aug-part', 'checkpoint.safetensors'), '--epochs', '3');
    assert.equal(rest.code, EXIT.ok, rest.err);
    assert.ok(readFileSync(join(dir, 'aug-whole', 'model.safetensors')).equals(readFileSync(join(dir, 'aug-part', 'model.safetensors'))), 'same weights byte for byte');
  });

  it('--cache-mb below the decoded size streams the images from a record file (nothing left in --out): same model, interrupted and resumed too', async () => {
    const aug = ['--data', photos, '--size', '8', '--model', 'mlp', '--batch-size', '16', '--shift', '1', '--flip', '--vflip', '--crop-scale', '0.5', '--rotate', '10', '--jitter', '0.2',
      '--skip-bad', '--schedule', 'constant', '--val-split', '0', '--backend', 'ref', '--cache-mb', '0.002'];
    const part = await run('train', ...aug, '--epochs', '1', '--out', join(dir, 'aug-stream'));
    assert.equal(part.code, EXIT.ok, part.err);
    assert.match(part.out, /the decoded images \(16\.9 KiB\) exceed the memory bound of 2\.0 KiB \(--cache-mb\): written once to a record file in .*aug-stream/);
    const rest = await run('train', '--resume', join(dir, 'aug-stream', 'checkpoint.safetensors'), '--epochs', '3', '--cache-mb', '0.002');
    assert.equal(rest.code, EXIT.ok, rest.err);
    assert.match(rest.out, /exceed the memory bound of 2\.0 KiB/);
    assert.ok(readFileSync(join(dir, 'aug-whole', 'model.safetensors')).equals(readFileSync(join(dir, 'aug-stream', 'model.safetensors'))), 'the in-memory run\'s weights byte for byte');
    assert.deepEqual(readdirSync(join(dir, 'aug-stream')).sort(), ['checkpoint.safetensors', 'history.csv', 'history.json', 'model.safetensors']);
  });

  it('eval on the folder prints the confusion matrix with the class names', async () => {
    const r = await run('eval', model, '--skip-bad', '--backend', 'ref');
    assert.equal(r.code, EXIT.ok, r.err);
    assert.match(r.out, /every image of the folder \(it has no test\/ or val\/ folder\) \(90 images/);
    assert.match(r.out, /true\\pred +0 +1 +2\n0 blue sky +\d+/);
    assert.match(r.out, /\n2 rød +\d+ +\d+ +\d+/);
    const streamed = await run('eval', model, '--skip-bad', '--backend', 'ref', '--cache-mb', '0.002');
    assert.equal(streamed.code, EXIT.ok, streamed.err);
    assert.match(streamed.out, /exceed the memory bound of 2\.0 KiB \(--cache-mb\): written once to a record file/);
    const figures = (out: string) => out.split('\n').filter((line) => !line.includes('images: 3 classes'));
    assert.deepEqual(figures(streamed.out), figures(r.out), 'the same figures from the record file');
  });

  it('--resume refuses a folder whose classes changed since the checkpoint, naming both lists', async () => {
    const copy = join(dir, 'changing');
    cpSync(photos, copy, { recursive: true });
    rmSync(join(copy, 'grass', 'broken.jpg'));
    const first = await run('train', '--data', copy, '--size', '8', '--model', 'mlp', '--epochs', '1', '--batch-size', '16', '--backend', 'ref', '--target', 'x', '--out', join(dir, 'changing-out'));
    assert.equal(first.code, EXIT.ok, first.err);
    assert.match(first.out, /note: --target is for tables \(\.csv\); .*changing is images: ignored/);
    renameSync(join(copy, 'grass'), join(copy, 'gress'));
    const resumed = await run('train', '--resume', join(dir, 'changing-out', 'checkpoint.safetensors'), '--epochs', '2');
    assert.equal(resumed.code, EXIT.mismatch, resumed.err);
    assert.match(resumed.err, /cannot resume: the checkpoint was trained on the classes blue sky, grass, rød; .*changing now has blue sky, gress, rød/);
  });

  it('eval on held-out images of some of the classes labels them by the model\'s classes; a class it does not know is named', async () => {
    const some = join(dir, 'some-classes');
    for (const name of ['blue sky', 'rød']) cpSync(join(photos, name), join(some, name), { recursive: true });
    const r = await run('eval', model, '--data', some, '--backend', 'ref');
    assert.equal(r.code, EXIT.ok, r.err);
    assert.match(r.out, /\(60 images/);
    assert.match(r.out, /true\\pred +0 +1 +2\n0 blue sky +\d+ +\d+ +\d+\n1 grass +0 +0 +0\n2 rød /);
    const one = join(dir, 'one-class');
    cpSync(join(photos, 'grass'), join(one, 'grass'), { recursive: true });
    rmSync(join(one, 'grass', 'broken.jpg'));
    assert.equal((await run('eval', model, '--data', one, '--backend', 'ref')).code, EXIT.ok, 'a single class');
    cpSync(join(photos, 'grass'), join(one, 'sand'), { recursive: true });
    const unknown = await run('eval', model, '--data', one, '--backend', 'ref', '--skip-bad');
    assert.notEqual(unknown.code, EXIT.ok);
    assert.match(unknown.err, /class folder sand not in the model's classes \(classes: blue sky, grass, rød\)/);
  });
});

const FASHION = '/usr/share/datasets/fashion-mnist';

describe('the same Fashion-MNIST images as IDX files and as an image folder', { skip: !existsSync(FASHION) && 'dataset-fashion-mnist is not installed' }, () => {
  it('train to the same validation and test accuracy (within 0.5 points) with the same settings', async () => {
    const idx = join(dir, 'fashion-idx');
    const folder = join(dir, 'fashion-png');
    mkdirSync(idx, { recursive: true });
    for (const [split, count, folderSplit] of [['train', 1500, 'train'], ['t10k', 300, 'test']] as const) {
      const images = await readIdx(readFileSync(join(FASHION, `${split}-images-idx3-ubyte.gz`)));
      const labels = await readIdx(readFileSync(join(FASHION, `${split}-labels-idx1-ubyte.gz`)));
      // Ordered by class, then by index: the order an image folder lists them in.
      const picked = Array.from({ length: count }, (_, i) => i).sort((a, b) => labels.data[a] - labels.data[b] || a - b);
      const pixels = new Uint8Array(count * 784);
      picked.forEach((j, i) => {
        pixels.set(images.data.subarray(j * 784, (j + 1) * 784) as Uint8Array, i * 784);
        const png = new PNG({ width: 28, height: 28 });
        for (let p = 0; p < 784; p++) png.data.set([pixels[i * 784 + p], pixels[i * 784 + p], pixels[i * 784 + p], 255], p * 4);
        const name = `${String(labels.data[j]).padStart(2, '0')} ${FASHION_MNIST_CLASSES[labels.data[j]].replace('/', '-')}`;
        mkdirSync(join(folder, folderSplit, name), { recursive: true });
        writeFileSync(join(folder, folderSplit, name, `${String(i).padStart(5, '0')}.png`), PNG.sync.write(png, { colorType: 0 }));
      });
      writeFileSync(join(idx, `${split}-images-idx3-ubyte`), encodeIdx({ dtype: 'uint8', shape: [count, 28, 28], data: pixels }));
      writeFileSync(join(idx, `${split}-labels-idx1-ubyte`), encodeIdx({ dtype: 'uint8', shape: [count], data: Uint8Array.from(picked, (j) => labels.data[j]) }));
    }
    const settings = ['--model', 'mlp', '--epochs', '2', '--batch-size', '50', '--shift', '0', '--eval-test', '--backend', 'ref'];
    const a = await run('train', '--data', idx, ...settings, '--out', join(dir, 'fa'));
    const b = await run('train', '--data', folder, ...settings, '--out', join(dir, 'fb'));
    assert.equal(a.code, EXIT.ok, a.err);
    assert.equal(b.code, EXIT.ok, b.err);
    const figure = (text: string, what: string) => Number(new RegExp(`${what} accuracy: ([\\d.]+)%`).exec(text)?.[1]);
    for (const what of ['validation', 'test']) {
      assert.ok(figure(a.out, what) > 60, `${what}: the IDX run learns (${figure(a.out, what)}%)`);
      assert.ok(Math.abs(figure(a.out, what) - figure(b.out, what)) <= 0.5, `${what}: IDX ${figure(a.out, what)}% vs folder ${figure(b.out, what)}%`);
    }
  });
});
