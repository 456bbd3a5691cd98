// SPDX-License-Identifier: MIT
// End-to-end test of the playground in Debian's Chromium (playwright-core, never a downloaded
// browser): build the static page, serve it cross-origin isolated from 127.0.0.1, train the MLP
// until the held-out accuracy passes 90%, draw a digit and read the prediction, save the weights,
// reload the page, load them back and get the same prediction. Any console error fails the test.
// Artifacts (screenshots, the weights file) go to test-artifacts/.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { chromium, type Page } from 'playwright-core';
import { build } from 'vite';
import { decodeWeights } from '../../src/io/weights.js';
import { MNIST_IMAGES_FILE, MNIST_LABELS_FILE } from '../../scripts/pack-mnist.js';
import { serveStatic } from './static-server.js';

const CHROMIUM = '/usr/bin/chromium';
const ROOT = resolve(import.meta.dirname, '../..');
const ARTIFACTS = join(ROOT, 'test-artifacts');
const DIST = join(ARTIFACTS, 'playground-dist');
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

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
async function readPrediction(page: Page): Promise<{ label: string; probabilities: number[] }> {
  await page.waitForFunction(() => (document.getElementById('prediction')?.dataset.probabilities ?? '') !== '', null, { timeout: 10_000 });
  const label = (await page.locator('#prediction').textContent()) ?? '';
  const probabilities = JSON.parse((await page.locator('#prediction').getAttribute('data-probabilities')) ?? '[]') as number[];
  return { label, probabilities };
}

async function waitForReady(page: Page): Promise<string> {
  await page.waitForFunction(() => !(document.getElementById('start') as HTMLButtonElement).disabled, null, { timeout: 30_000 });
  return (await page.locator('#backend').textContent()) ?? '';
}

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
  const problems: string[] = [];
  try {
    const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 1800 } });
    const page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`));
    const noProblems = () => assert.deepEqual(problems, [], 'the page reported errors');

    await page.goto(server.url);
    const backend = await waitForReady(page);
    assert.equal(await page.evaluate(() => crossOriginIsolated), true, 'the page is not cross-origin isolated');
    assert.match(backend, /^wasm/, `expected the wasm backend, the page says '${backend}'`);

    // An invalid spec gets a clear message and trains nothing.
    await page.locator('#spec').fill('[{"type": "Linear", "inFeatures": 784}]');
    await page.locator('#reset').click();
    await page.waitForFunction(() => !document.getElementById('spec-error')!.hidden);
    assert.match((await page.locator('#spec-error').textContent()) ?? '', /layer 0 \(Linear\): missing 'outFeatures'/);

    // Train the MLP preset until the held-out accuracy passes 90%.
    await page.locator('#preset').selectOption('mlp');
    await page.waitForFunction(() => document.getElementById('spec-error')!.hidden);
    const trainStart = Date.now();
    await page.locator('#start').click();
    await page.waitForFunction(() => Number(document.getElementById('heldout-accuracy')!.dataset.value) > 0.9, null, { timeout: 120_000, polling: 250 });
    const trainSeconds = (Date.now() - trainStart) / 1000;
    const accuracy = Number(await page.locator('#heldout-accuracy').getAttribute('data-value'));
    await page.locator('#pause').click();
    await page.waitForFunction(() => !(document.getElementById('start') as HTMLButtonElement).disabled);
    const status = await page.locator('#status').textContent();
    noProblems();

    // The gradient inspector has a row per layer with finite norms.
    const gradientRows = await page.locator('#gradient-table tbody tr').count();
    assert.equal(gradientRows, 6, 'one gradient row per MLP layer');
    const firstLinear = await page.locator('#gradient-table tbody tr').nth(1).locator('td').nth(2).textContent();
    assert.ok(Number(firstLinear) > 0, `‖∂L/∂W‖ of layer 1 should be positive, got ${firstLinear}`);

    await drawStrokes(page, SEVEN);
    const before = await readPrediction(page);
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
    await waitForReady(page);
    await page.locator('#load').setInputFiles(weightsPath);
    await page.waitForFunction(() => /^Loaded /.test(document.getElementById('status')!.textContent ?? ''), null, { timeout: 15_000 });
    await page.waitForFunction(() => Number(document.getElementById('heldout-accuracy')!.dataset.value) > 0.9, null, { timeout: 15_000 });
    await drawStrokes(page, SEVEN);
    const after = await readPrediction(page);
    await page.screenshot({ path: join(ARTIFACTS, 'playground-reloaded.png'), fullPage: true });
    assert.equal(after.label, before.label, 'the same prediction after saving, reloading and loading the weights');
    after.probabilities.forEach((p, k) => assert.ok(Math.abs(p - before.probabilities[k]) < 1e-6, `class ${k}: ${p} after reload vs ${before.probabilities[k]}`));

    // The user's own IDX files (here the packed digits the build wrote) replace the data.
    await page.locator('#idx-files').setInputFiles([join(DIST, MNIST_LABELS_FILE), join(DIST, MNIST_IMAGES_FILE)]);
    await page.waitForFunction((name) => (document.getElementById('dataset')!.textContent ?? '').startsWith(name), MNIST_IMAGES_FILE, { timeout: 15_000 });
    assert.match((await page.locator('#dataset').textContent()) ?? '', /8,000 train, 2,000 held out/);
    noProblems();
    console.log(
      `playground e2e: build ${buildSeconds.toFixed(1)} s, backend '${backend}', held-out ${(accuracy * 100).toFixed(1)}% after ` +
        `${trainSeconds.toFixed(1)} s (${status}), drawn 7 predicted as ${before.label}`,
    );
  } finally {
    await browser.close();
    await server.close();
  }
});
