// SPDX-License-Identifier: MIT
// End-to-end test of the playground in Debian's Chromium (playwright-core, never a downloaded
// browser): build the static page, serve it cross-origin isolated from 127.0.0.1, train the MLP
// until the held-out accuracy passes 90%, draw a digit and read the prediction, save the weights,
// reload the page, load them back and get the same prediction. A console error, page error or
// failed request fails the test at once. Artifacts (screenshots, weights) go to test-artifacts/.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { chromium, type Page } from 'playwright-core';
import { build } from 'vite';
import { MNIST_IMAGES_FILE, MNIST_LABELS_FILE } from '../../scripts/pack-mnist.js';
import { saveWeights } from '../../src/io/node-file.js';
import { decodeWeights } from '../../src/io/weights.js';
import { sequentialFromSpec } from '../../src/layers/spec.js';
import { Rng } from '../../src/tensor/rng.js';
import { presetSpec } from '../../src/train/presets.js';
import { CHROMIUM, CHROMIUM_ARGS, PageWatch, waitForReady } from './browser.js';
import { serveStatic } from './static-server.js';

const ROOT = resolve(import.meta.dirname, '../..');
const ARTIFACTS = join(ROOT, 'test-artifacts');
const DIST = join(ARTIFACTS, 'playground-dist');

/** A "7": a bar across the top and a stroke down to the lower left (fractions of the pad). */
const SEVEN: [number, number][][] = [[[0.25, 0.22], [0.75, 0.22], [0.45, 0.82]]];

async function drawStrokes(page: Page, strokes: [number, number][][]): Promise<void> {
  await page.locator('#pad').scrollIntoViewIfNeeded();
  const box = await page.locator('#pad').boundingBox();
  assert.ok(box, 'the drawing pad is not visible');
  for (const stroke of strokes) {
    const at = ([fx, fy]: [number, number]) => [box.x + fx * box.width, box.y + fy * box.height] as const;
    await page.mouse.move(...at(stroke[0]));
    await page.mouse.down();
    for (const point of stroke.slice(1)) await page.mouse.move(...at(point), { steps: 12 });
    await page.mouse.up();
  }
}

/** Waits for a prediction of the current drawing and returns the class probabilities. */
async function readPrediction(page: Page, watch: PageWatch): Promise<{ label: string; probabilities: number[] }> {
  await watch.until('a prediction', () => (document.getElementById('prediction')?.dataset.probabilities ?? '') !== '', null);
  const label = (await page.locator('#prediction').textContent()) ?? '';
  const probabilities = JSON.parse((await page.locator('#prediction').getAttribute('data-probabilities')) ?? '[]') as number[];
  return { label, probabilities };
}

const heldOutAbove = (level: number) => Number(document.getElementById('heldout-accuracy')!.dataset.value) > level;

test('playground: trains to 90% held-out accuracy in the browser, predicts a drawing, saves and reloads weights', {
  skip: existsSync(CHROMIUM) ? false : `${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium) to run the browser test`,
  timeout: 240_000,
}, async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  const started = Date.now();
  await build({ configFile: join(ROOT, 'web/vite.config.ts'), logLevel: 'warn', build: { outDir: DIST, emptyOutDir: true } });
  const buildSeconds = (Date.now() - started) / 1000;
  const server = await serveStatic(DIST);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 1800 } });
    const page = await context.newPage();
    const watch = new PageWatch(page);

    await page.goto(server.url);
    const backend = await waitForReady(page, watch);
    assert.equal(await page.evaluate(() => crossOriginIsolated), true, 'the page is not cross-origin isolated');
    assert.match(backend, /^wasm/, `expected the wasm backend, the page says '${backend}'`);

    // An invalid spec gets a clear message and trains nothing.
    await page.locator('#spec').fill('[{"type": "Linear", "inFeatures": 784}]');
    await page.locator('#reset').click();
    await watch.until('the spec error', () => !document.getElementById('spec-error')!.hidden, null);
    assert.match((await page.locator('#spec-error').textContent()) ?? '', /layer 0 \(Linear\): missing 'outFeatures'/);

    // Train the MLP preset until the held-out accuracy passes 90%.
    await page.locator('#preset').selectOption('mlp');
    await watch.until('the MLP to build', () => document.getElementById('spec-error')!.hidden && /^6 layers/.test(document.getElementById('model-size')!.textContent ?? ''), null);
    const trainStart = Date.now();
    await page.locator('#start').click();
    await watch.until('held-out accuracy > 90%', heldOutAbove, 0.9, 120_000);
    const trainSeconds = (Date.now() - trainStart) / 1000;
    const accuracy = Number(await page.locator('#heldout-accuracy').getAttribute('data-value'));
    await page.locator('#pause').click();
    await watch.until('training to pause', () => !(document.getElementById('start') as HTMLButtonElement).disabled, null);
    const status = await page.locator('#status').textContent();
    // The worker evaluates the final model when it pauses: the saved weights must reproduce this number.
    const pausedAccuracy = Number(await page.locator('#heldout-accuracy').getAttribute('data-value'));

    // The gradient inspector has a row per layer, with a positive weight-gradient norm for the Linear layers.
    const rows = page.locator('#gradient-table tbody tr');
    assert.equal(await rows.count(), 6, 'one gradient row per MLP layer');
    for (const index of [1, 3, 5]) {
      const dW = Number(await rows.nth(index).locator('td').nth(2).textContent());
      assert.ok(dW > 0 && Number.isFinite(dW), `‖∂L/∂W‖ of layer ${index} should be positive and finite, got ${dW}`);
    }

    await drawStrokes(page, SEVEN);
    const before = await readPrediction(page, watch);
    assert.equal(before.probabilities.length, 10);
    assert.ok(Math.abs(before.probabilities.reduce((a, b) => a + b, 0) - 1) < 1e-4, 'probabilities sum to 1');
    await page.screenshot({ path: join(ARTIFACTS, 'playground-trained.png'), fullPage: true });

    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#save').click()]);
    const weightsPath = join(ARTIFACTS, 'playground-weights.safetensors');
    await download.saveAs(weightsPath);
    // The file is the CLI's weights format: the model spec rides along in the metadata.
    const saved = decodeWeights(new Uint8Array(readFileSync(weightsPath)), weightsPath);
    assert.deepEqual([...saved.tensors.keys()], ['1.weight', '1.bias', '3.weight', '3.bias', '5.weight', '5.bias']);
    assert.equal((saved.spec?.layers as unknown[] | undefined)?.length, 6, 'the file carries the model spec');

    // A fresh page starts from the default preset; loading the file restores the trained MLP.
    await page.reload();
    await waitForReady(page, watch);
    await page.locator('#load').setInputFiles(weightsPath);
    await watch.until('the weights to load', () => /^Loaded /.test(document.getElementById('status')!.textContent ?? ''), null);
    // Not "> 90%" again: the model kept training for a few steps after it first passed 90%, so the
    // saved model is the paused one, and its held-out accuracy is what the page showed at pause.
    await watch.until(
      `held-out accuracy ${pausedAccuracy} (as at pause) with the loaded weights`,
      (level) => Math.abs(Number(document.getElementById('heldout-accuracy')!.dataset.value) - level) < 1e-9,
      pausedAccuracy,
      60_000,
    );
    await drawStrokes(page, SEVEN);
    const after = await readPrediction(page, watch);
    await page.screenshot({ path: join(ARTIFACTS, 'playground-reloaded.png'), fullPage: true });
    assert.equal(after.label, before.label, 'the same prediction after saving, reloading and loading the weights');
    after.probabilities.forEach((p, k) => assert.ok(Math.abs(p - before.probabilities[k]) < 1e-6, `class ${k}: ${p} after reload vs ${before.probabilities[k]}`));

    // A file saved the way the CLI saves (io/node-file saveWeights) loads too, model and all.
    const cliPath = join(ARTIFACTS, 'playground-cli-lenet5.safetensors');
    await saveWeights(cliPath, sequentialFromSpec(presetSpec('lenet5'), new Rng(7)));
    await page.locator('#load').setInputFiles(cliPath);
    await watch.until('the CLI file to load', (name) => document.getElementById('status')!.textContent === `Loaded ${name}.`, 'playground-cli-lenet5.safetensors');
    assert.match((await page.locator('#model-size').textContent()) ?? '', /^12 layers, 61,706 parameters/);
    assert.match(await page.locator('#spec').inputValue(), /"Conv2d"/);

    // A file that is not safetensors gets a message naming it, and the model stays as it was.
    await page.locator('#load').setInputFiles({ name: 'notes.safetensors', mimeType: 'application/octet-stream', buffer: Buffer.from('not a weights file') });
    await watch.until('the bad-file message', () => /^Error \(load\): .*notes\.safetensors/.test(document.getElementById('status')!.textContent ?? ''), null);
    assert.match((await page.locator('#model-size').textContent()) ?? '', /^12 layers/);

    // The user's own IDX files (here the packed digits the build wrote) replace the data.
    await page.locator('#idx-files').setInputFiles([join(DIST, MNIST_LABELS_FILE), join(DIST, MNIST_IMAGES_FILE)]);
    await watch.until('the dropped IDX files', (name) => (document.getElementById('dataset')!.textContent ?? '').startsWith(name), MNIST_IMAGES_FILE);
    assert.match((await page.locator('#dataset').textContent()) ?? '', /8,000 train, 2,000 held out/);

    // A diverging run stops, and the page keeps saying why (the worker's next state report wiped it).
    await page.locator('#preset').selectOption('mlp');
    await watch.until('the MLP to build again', () => document.getElementById('spec-error')!.hidden && /^6 layers/.test(document.getElementById('model-size')!.textContent ?? ''), null);
    await page.locator('#optimizer').selectOption('sgd');
    await page.locator('#lr').fill('10');
    await page.locator('#reset').click();
    await page.locator('#start').click();
    await watch.until('the diverged run to stop and say so', () => /^Stopped · step \d+: .*diverged/.test(document.getElementById('status')!.textContent ?? ''), null, 60_000);
    await page.waitForTimeout(500);
    assert.match((await page.locator('#status').textContent()) ?? '', /^Stopped · step \d+: .*diverged/, 'still said half a second later');
    // A batch size changed after the build says it takes effect at Reset.
    await page.locator('#batch-size').fill('17');
    await page.locator('#batch-size').dispatchEvent('change');
    assert.match((await page.locator('#status').textContent()) ?? '', /batch size and the seed take effect when the model is built: press Reset/);
    watch.check();
    console.log(
      `playground e2e: build ${buildSeconds.toFixed(1)} s, backend '${backend}', held-out ${(accuracy * 100).toFixed(1)}% after ` +
        `${trainSeconds.toFixed(1)} s (${status}), drawn 7 predicted as ${before.label}`,
    );
  } finally {
    await browser.close();
    await server.close();
  }
});
