// SPDX-License-Identifier: MIT
// End-to-end test of the playground's image upload in Debian's Chromium. With the embedded digits,
// an uploaded PNG of dark ink on white paper goes into the drawing pad as white ink on black, fitted
// and centred like MNIST, and is classified over the ten digits. With an image folder (a zip of
// three classes of synthetic shapes, trained to > 80% validation accuracy), an uploaded circle and
// a dropped cross are classified with their top-k class names and probabilities, and those
// probabilities are the ones Node computes from the page's saved weights and data settings with
// core's decode → toPlanes → resizeAndCrop → normalisation (the path the CLI's `predict` and the
// folder's training images take): the upload is prepared exactly as the training input was.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { zipSync } from 'fflate';
import { chromium } from 'playwright-core';
import { PNG } from 'pngjs';
import { build } from 'vite';
import { loadSavedModel } from '../../src/cli/saved-model.js';
import { decodeImage } from '../../src/data/decode.js';
import { resizeAndCrop, toPlanes } from '../../src/data/image-ops.js';
import { Rng } from '../../src/tensor/rng.js';
import { Tensor } from '../../src/tensor/tensor.js';
import { predict } from '../../src/train/metrics.js';
import { CHROMIUM, CHROMIUM_ARGS, PageWatch, SKIP_WITHOUT_CHROMIUM, validationAbove, waitForReady } from './browser.js';
import { shapePng } from './shapes.js';
import { serveStatic } from './static-server.js';

const ROOT = resolve(import.meta.dirname, '../..');
const ARTIFACTS = join(ROOT, 'test-artifacts');
const DIST = join(ARTIFACTS, 'playground-upload-dist');
const CLASSES = ['circle', 'cross', 'square'];

/** A dark "0" (a ring) on white paper, 60×90, off-centre: what a photo of a written digit looks like. */
function inkDigitPng(): Buffer {
  const width = 60;
  const height = 90;
  const png = new PNG({ width, height });
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const ring = Math.abs(Math.hypot((x - 22) / 14, (y - 50) / 24) - 1) < 0.22;
      const v = ring ? 30 : 240;
      png.data.set([v, v, v, 255], 4 * (y * width + x));
    }
  }
  return PNG.sync.write(png);
}

/** A colour picture of none of the classes (77×53, soft blobs and noise): its probabilities are not saturated, so they show any difference in preparation. */
function ambiguousPng(rng: Rng): Buffer {
  const width = 77;
  const height = 53;
  const png = new PNG({ width, height });
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const blob = 200 * Math.exp(-((x - 30) ** 2 + (y - 20) ** 2) / 200) + 120 * Math.exp(-((x - 55) ** 2 + (y - 35) ** 2) / 60);
      png.data.set([Math.min(255, blob + rng.int(60)), Math.min(255, 0.6 * blob + rng.int(60)), rng.int(120), 255], 4 * (y * width + x));
    }
  }
  return PNG.sync.write(png);
}

/** Node's prediction for a PNG from a saved model: core's decode, toPlanes, resizeAndCrop, then (v/255 − mean[c]) / std[c]. */
async function nodeProbabilities(modelPath: string, png: Uint8Array): Promise<number[]> {
  const saved = await loadSavedModel(modelPath);
  const info = saved.data!;
  assert.equal(info.preprocess, 'resize-center-crop');
  const [C, H, W] = info.inputShape;
  const pixels = resizeAndCrop(toPlanes(decodeImage(png, 'upload.png'), C as 1 | 3), H).data;
  const x = Tensor.zeros([1, C, H, W]);
  const { mean, std } = info.normalization!;
  for (let k = 0; k < pixels.length; k++) {
    const c = Math.floor(k / (H * W));
    x.data[k] = (pixels[k] / 255 - mean[mean.length === 1 ? 0 : c]) / std[std.length === 1 ? 0 : c];
  }
  return Array.from(predict(saved.model, x).data);
}

test('playground: an uploaded or dropped image is classified, prepared exactly as the training images', {
  skip: SKIP_WITHOUT_CHROMIUM,
  timeout: 150_000,
}, async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  const rng = new Rng(3);
  const files: Record<string, Uint8Array> = {};
  for (const kind of CLASSES) for (let i = 0; i < 30; i++) files[`shapes/${kind}/${i}.png`] = shapePng(kind, rng);
  const zipPath = join(ARTIFACTS, 'upload-shapes.zip');
  writeFileSync(zipPath, zipSync(files));
  const fresh = new Rng(77); // shapes the model never saw
  const circlePath = join(ARTIFACTS, 'upload-circle.png');
  writeFileSync(circlePath, shapePng('circle', fresh));
  const cross = shapePng('cross', fresh);
  const digitPath = join(ARTIFACTS, 'upload-digit.png');
  writeFileSync(digitPath, inkDigitPng());
  const notImage = join(ARTIFACTS, 'upload-not-an-image.png');
  writeFileSync(notImage, 'not a png at all');

  await build({ configFile: join(ROOT, 'web/vite.config.ts'), logLevel: 'warn', build: { outDir: DIST, emptyOutDir: true } });
  const server = await serveStatic(DIST);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 1800 }, acceptDownloads: true });
    const page = await context.newPage();
    const watch = new PageWatch(page);
    await page.goto(server.url);
    await waitForReady(page, watch);

    // Digits: the upload becomes white ink on black in the pad, fitted and centred like MNIST.
    await page.locator('#upload-image').setInputFiles(digitPath);
    await watch.until('a prediction of the uploaded digit', () => (document.getElementById('prediction')!.dataset.probabilities ?? '') !== '', null);
    const digit = await page.evaluate(() => {
      const preview = (document.getElementById('pad-preview') as HTMLCanvasElement).getContext('2d')!.getImageData(0, 0, 28, 28).data;
      let mass = 0;
      let cx = 0;
      let cy = 0;
      for (let i = 0; i < 784; i++) {
        mass += preview[4 * i];
        cx += preview[4 * i] * ((i % 28) + 0.5);
        cy += preview[4 * i] * (Math.floor(i / 28) + 0.5);
      }
      const corner = (document.getElementById('pad') as HTMLCanvasElement).getContext('2d')!.getImageData(0, 0, 1, 1).data[0];
      return { mass, cx: cx / mass, cy: cy / mass, corner, bars: document.querySelectorAll('#probabilities .bar').length, probabilities: JSON.parse(document.getElementById('prediction')!.dataset.probabilities!) as number[] };
    });
    assert.ok(digit.mass > 20 * 255, `the preview holds the ink (mass ${digit.mass})`);
    assert.ok(Math.abs(digit.cx - 14) < 1.5 && Math.abs(digit.cy - 14) < 1.5, `centred like MNIST: centre of mass (${digit.cx}, ${digit.cy})`);
    assert.equal(digit.corner, 0, 'the white paper became the black background');
    assert.equal(digit.bars, 10, 'every digit listed');
    assert.ok(Math.abs(digit.probabilities.reduce((a, b) => a + b, 0) - 1) < 1e-4);
    assert.match((await page.locator('#status').textContent()) ?? '', /Uploaded upload-digit\.png \(60×90\): as ink, fitted and centred like MNIST/);
    await page.locator('#upload-image').setInputFiles(notImage);
    await watch.until('the bad file to be named', () => /upload-not-an-image\.png: the browser cannot decode it/.test(document.getElementById('status')!.textContent ?? ''), null);
    // An image wider than a canvas reads (it drew as a blank picture, "uploaded" all the same): refused naming its size.
    const widePath = join(ARTIFACTS, 'upload-wide.png');
    const wide = new PNG({ width: 17000, height: 4 });
    wide.data.fill(255);
    writeFileSync(widePath, PNG.sync.write(wide));
    await page.locator('#upload-image').setInputFiles(widePath);
    await watch.until('the too-large image to be named', () => /upload-wide\.png is 17000×4: too large to read in the page/.test(document.getElementById('status')!.textContent ?? ''), null);

    // An image folder: train, then upload a circle and drop a cross.
    await page.locator('#preset').selectOption('mlp');
    await page.locator('#zip-file').setInputFiles(zipPath);
    await watch.until('the zip to load', () => (document.getElementById('dataset')!.textContent ?? '').startsWith('upload-shapes.zip'), null, 30_000);
    await watch.until('the MLP for three classes', () => /"outFeatures":3\b/.test((document.getElementById('spec') as HTMLTextAreaElement).value)
      && /^6 layers/.test(document.getElementById('model-size')!.textContent ?? ''), null);
    await page.locator('#start').click();
    await watch.until('validation accuracy > 80% (chance: 33%)', validationAbove, 0.8, 45_000);
    await page.locator('#pause').click();
    await watch.until('training to pause', () => !(document.getElementById('start') as HTMLButtonElement).disabled, null);
    const download = page.waitForEvent('download');
    await page.locator('#save').click();
    const modelPath = join(ARTIFACTS, 'upload-model.safetensors');
    await (await download).saveAs(modelPath);

    const shown = async (what: string) => {
      await watch.until(`the top classes of ${what}`, () => document.querySelectorAll('#probabilities .bar').length === 3
        && (document.getElementById('prediction')!.dataset.probabilities ?? '').split(',').length === 3, null);
      return page.evaluate(() => ({
        best: document.getElementById('prediction')!.textContent,
        labels: [...document.querySelectorAll('#probabilities .bar-label')].map((e) => e.textContent),
        values: [...document.querySelectorAll('#probabilities .bar-value')].map((e) => Number.parseFloat(e.textContent!)),
        probabilities: JSON.parse(document.getElementById('prediction')!.dataset.probabilities!) as number[],
      }));
    };
    const expectExact = async (what: string, png: Uint8Array, seen: { probabilities: number[]; labels: (string | null)[]; values: number[]; best: string | null }) => {
      const expected = await nodeProbabilities(modelPath, png);
      seen.probabilities.forEach((p, k) => assert.ok(Math.abs(p - expected[k]) < 1e-4, `${what}: p(${CLASSES[k]}) ${p} in the page, ${expected[k]} in Node`));
      const order = [0, 1, 2].sort((a, b) => expected[b] - expected[a]);
      assert.deepEqual(seen.labels, order.map((k) => CLASSES[k]), `${what}: the classes, most probable first`);
      assert.deepEqual(seen.values, order.map((k) => Number((expected[k] * 100).toFixed(1))), `${what}: their probabilities in %`);
      assert.equal(seen.best, CLASSES[order[0]]);
    };

    // The pad still holds the digit, predicted by the folder's model as a drawing: clear it first.
    await page.locator('#clear-pad').click();
    await page.waitForTimeout(500); // a prediction already on its way lands before the upload's
    await page.evaluate(() => {
      document.getElementById('prediction')!.dataset.probabilities = '';
      document.getElementById('probabilities')!.replaceChildren();
    });
    await page.locator('#upload-image').setInputFiles(circlePath);
    const circle = await shown('the uploaded circle');
    await expectExact('uploaded circle', readFileSync(circlePath), circle);
    assert.equal(circle.best, 'circle', `a new circle is classified as one: ${JSON.stringify(circle)}`);
    // The preview is the image the model was given: byte for byte core's decode, gray, resize and centre crop in Node.
    const seen = await page.evaluate(() => {
      const canvas = document.getElementById('pad-preview') as HTMLCanvasElement;
      const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      return { width: canvas.width, height: canvas.height, gray: Array.from({ length: canvas.width * canvas.height }, (_, i) => data[4 * i]) };
    });
    const prepared = resizeAndCrop(toPlanes(decodeImage(readFileSync(circlePath), 'circle.png'), 1), 28).data;
    assert.deepEqual([seen.width, seen.height], [28, 28]);
    assert.deepEqual(seen.gray, Array.from(prepared), 'the preview holds the prepared pixels');
    assert.match((await page.locator('#status').textContent()) ?? '', /Uploaded upload-circle\.png \(\d+×\d+\): resized and centre-cropped to 28×28, normalised as the training images/);

    // A picture of none of the classes, in colour and of another aspect ratio: probabilities away from 0 and 1.
    const ambiguous = ambiguousPng(new Rng(5));
    const ambiguousPath = join(ARTIFACTS, 'upload-ambiguous.png');
    writeFileSync(ambiguousPath, ambiguous);
    await page.evaluate(() => {
      document.getElementById('prediction')!.dataset.probabilities = '';
    });
    await page.locator('#upload-image').setInputFiles(ambiguousPath);
    const unsure = await shown('the ambiguous picture');
    await expectExact('ambiguous picture', ambiguous, unsure);
    console.log(`ambiguous picture: ${JSON.stringify(unsure.probabilities)}`);

    // Dropped onto the pad: one PNG file in a DataTransfer, as a drag from the desktop delivers it.
    await page.evaluate(() => {
      document.getElementById('prediction')!.dataset.probabilities = '';
      document.getElementById('probabilities')!.replaceChildren();
    });
    await page.evaluate((bytes) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(bytes)], 'dropped-cross.png', { type: 'image/png' }));
      document.getElementById('pad')!.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }, [...cross]);
    const dropped = await shown('the dropped cross');
    await expectExact('dropped cross', cross, dropped);
    assert.equal(dropped.best, 'cross', `a new cross is classified as one: ${JSON.stringify(dropped)}`);
    await page.screenshot({ path: join(ARTIFACTS, 'playground-upload.png'), fullPage: true });
    watch.check();
    console.log(`playground upload e2e: circle ${JSON.stringify(circle.values)}, cross ${JSON.stringify(dropped.values)}`);
  } finally {
    await browser.close();
    await server.close();
  }
});
