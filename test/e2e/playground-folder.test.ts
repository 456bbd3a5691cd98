// SPDX-License-Identifier: MIT
// End-to-end test of the playground's image folders in Debian's Chromium: a zip of three class
// folders of synthetic shapes (PNG, drawn here with pngjs in sizes that need the resize and the
// centre crop) plus a corrupt PNG and a stray text file is loaded through the zip input, decoded
// by the browser, and trained on until the validation accuracy is well above chance (1/3); the
// class names must show in the confusion matrix and the sample grid, and the two bad files must be
// listed by name and counted. The same files as a folder (the webkitdirectory input) load too.
import assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { test } from 'node:test';
import { zipSync } from 'fflate';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { Rng } from '../../src/tensor/rng.js';
import { CHROMIUM, CHROMIUM_ARGS, PageWatch, SKIP_WITHOUT_CHROMIUM, validationAbove, waitForReady } from './browser.js';
import { serveStatic } from './static-server.js';
import { shapePng } from './shapes.js';

const ROOT = resolve(import.meta.dirname, '../..');
const ARTIFACTS = join(ROOT, 'test-artifacts');
const DIST = join(ARTIFACTS, 'playground-folder-dist');
const CLASSES = ['circle', 'cross', 'square'];
const PER_CLASS = 30;

/** shapes/<class>/<i>.png, plus shapes/square/broken.png (a truncated PNG) and shapes/readme.txt. */
function shapeFiles(): Record<string, Uint8Array> {
  const rng = new Rng(3);
  const files: Record<string, Uint8Array> = {};
  for (const kind of CLASSES) {
    for (let i = 0; i < PER_CLASS; i++) files[`shapes/${kind}/${i}.png`] = shapePng(kind, rng);
  }
  files['shapes/square/broken.png'] = shapePng('square', rng).subarray(0, 60);
  files['shapes/readme.txt'] = new TextEncoder().encode('three kinds of shapes');
  return files;
}

test('playground: trains on a zip of class folders decoded by the browser, names the classes, lists the bad files', {
  skip: SKIP_WITHOUT_CHROMIUM,
  timeout: 120_000,
}, async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  const files = shapeFiles();
  const zipPath = join(ARTIFACTS, 'shapes.zip');
  writeFileSync(zipPath, zipSync(files));
  const folder = join(ARTIFACTS, 'shapes-folder');
  rmSync(folder, { recursive: true, force: true });
  for (const [path, bytes] of Object.entries(files)) {
    mkdirSync(dirname(join(folder, path)), { recursive: true });
    writeFileSync(join(folder, path), bytes);
  }
  await build({ configFile: join(ROOT, 'web/vite.config.ts'), logLevel: 'warn', build: { outDir: DIST, emptyOutDir: true } });
  const server = await serveStatic(DIST);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 1800 } })).newPage();
    const watch = new PageWatch(page);
    await page.goto(server.url);
    await waitForReady(page, watch);
    await page.locator('#preset').selectOption('mlp');

    await page.locator('#zip-file').setInputFiles(zipPath);
    await watch.until('the zip to load', () => (document.getElementById('dataset')!.textContent ?? '').startsWith('shapes.zip'), null, 30_000);
    // 90 images, 20% held back per class (stratified): 18 for validation, 6 of each class.
    assert.match((await page.locator('#dataset').textContent()) ?? '', /^shapes\.zip: 72 train, 18 held out · 2 bad files skipped/);
    assert.equal(await page.locator('#skipped').isHidden(), false, 'the skipped files are shown');
    assert.equal(await page.locator('#skipped-summary').textContent(), 'Skipped 2 files that are not readable images');
    const skipped = await page.locator('#skipped-list li').allTextContents();
    assert.equal(skipped.length, 2);
    assert.match(skipped.find((line) => line.includes('broken.png')) ?? '', /^shapes\.zip\/shapes\/square\/broken\.png: the browser cannot decode it/);
    assert.match(skipped.find((line) => line.includes('readme.txt')) ?? '', /not a \.png, \.jpg or \.jpeg file/);
    // The MLP preset is rebuilt for 28×28 gray images and three classes.
    await watch.until('the MLP for three classes', () => /"outFeatures":3\b/.test((document.getElementById('spec') as HTMLTextAreaElement).value)
      && /^6 layers/.test(document.getElementById('model-size')!.textContent ?? ''), null);

    await page.locator('#start').click();
    await watch.until('validation accuracy > 80% (chance: 33%)', validationAbove, 0.8, 45_000);
    await page.locator('#pause').click();
    await watch.until('training to pause', () => !(document.getElementById('start') as HTMLButtonElement).disabled, null);
    const accuracy = Number(await page.locator('#heldout-accuracy').getAttribute('data-value'));
    assert.ok(accuracy > 0.8, `validation accuracy ${accuracy} after pausing`);
    const confusion = (await page.locator('#confusion').textContent()) ?? '';
    for (const name of CLASSES) assert.ok(confusion.includes(name), `the confusion matrix names class '${name}': ${confusion}`);
    const sampleLabels = new Set(await page.locator('#samples .sample-label').allTextContents());
    assert.ok(CLASSES.some((name) => [...sampleLabels].some((label) => label.startsWith(name))), `the sample grid shows class names: ${[...sampleLabels].join(', ')}`);
    await page.screenshot({ path: join(ARTIFACTS, 'playground-folder.png'), fullPage: true });

    // The same files picked as a folder: paths from the folder's own name, the same split and skips.
    await page.locator('#folder-files').setInputFiles(folder);
    await watch.until('the folder to load', () => (document.getElementById('dataset')!.textContent ?? '').startsWith('shapes-folder:'), null, 30_000);
    assert.match((await page.locator('#dataset').textContent()) ?? '', /72 train, 18 held out/);
    assert.equal(await page.locator('#skipped-list li').count(), 2);
    watch.check();
    console.log(`playground folder e2e: validation accuracy ${(accuracy * 100).toFixed(1)}% (${await page.locator('#status').textContent()})`);
  } finally {
    await browser.close();
    await server.close();
  }
});
