// SPDX-License-Identifier: MIT
// `nabla predict <model> <image.png...>`: class probabilities for PNG images. Each PNG is decoded
// with pngjs, made grayscale (transparent pixels count as white paper), resized to the model's
// input by area averaging, and, because MNIST and Fashion-MNIST show light strokes on black,
// inverted when its border is light (a dark digit on white paper): --invert auto|yes|no. With
// --center the ink is fitted and centred as MNIST's digits were (centerLikeMnist).
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { PNG } from 'pngjs';
import { Tensor } from '../../tensor/tensor.js';
import { predict } from '../../train/metrics.js';
import { BACKENDS, checkFit, loadSavedModel, setupBackend } from '../common.js';
import { choice, fileError, mismatchError, positiveInt, usageError } from '../errors.js';
import { print } from '../io.js';

export interface GrayImage {
  width: number;
  height: number;
  /** Row-major values 0..255. */
  pixels: Float32Array;
}

/** RGBA → gray (ITU-R BT.601 luma), alpha composited over white. */
export function toGray(png: { width: number; height: number; data: Uint8Array }): GrayImage {
  const { width, height, data } = png;
  const pixels = new Float32Array(width * height);
  for (let i = 0; i < width * height; i++) {
    const luma = 0.299 * data[4 * i] + 0.587 * data[4 * i + 1] + 0.114 * data[4 * i + 2];
    const a = data[4 * i + 3] / 255;
    pixels[i] = a * luma + (1 - a) * 255;
  }
  return { width, height, pixels };
}

/** Mean of the outermost ring of pixels: the paper's colour. */
export function borderMean(img: GrayImage): number {
  const { width: w, height: h, pixels } = img;
  let sum = 0;
  let n = 0;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      if (y === 0 || y === h - 1 || x === 0 || x === w - 1) {
        sum += pixels[y * w + x];
        n++;
      }
    }
  }
  return sum / n;
}

/** Resizes by area averaging: each output pixel is the mean of the source area it covers (fractional edges weighted). */
export function resizeArea(img: GrayImage, outW: number, outH: number): Float32Array {
  const { width: w, height: h, pixels } = img;
  const out = new Float32Array(outW * outH);
  const sx = w / outW;
  const sy = h / outH;
  for (let oy = 0; oy < outH; oy++) {
    const y0 = oy * sy;
    const y1 = y0 + sy;
    for (let ox = 0; ox < outW; ox++) {
      const x0 = ox * sx;
      const x1 = x0 + sx;
      let sum = 0;
      let area = 0;
      for (let y = Math.floor(y0); y < Math.min(h, Math.ceil(y1)); y++) {
        const wy = Math.min(y + 1, y1) - Math.max(y, y0);
        for (let x = Math.floor(x0); x < Math.min(w, Math.ceil(x1)); x++) {
          const wx = Math.min(x + 1, x1) - Math.max(x, x0);
          sum += wy * wx * pixels[y * w + x];
          area += wy * wx;
        }
      }
      out[oy * outW + ox] = sum / area;
    }
  }
  return out;
}

/**
 * MNIST's own preprocessing of a digit (light ink on black, values 0..255): the ink's bounding box
 * is scaled, aspect kept, to fit a box of 20/28 of the output (20×20 in 28×28), then shifted by
 * whole pixels so that the ink's centre of mass sits at the centre of the output. An image with no
 * ink above `threshold` is plainly resized.
 */
export function centerLikeMnist(ink: GrayImage, outW: number, outH: number, threshold = 25): Float32Array {
  const { width: w, height: h, pixels } = ink;
  let top = h;
  let left = w;
  let bottom = -1;
  let right = -1;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      if (pixels[y * w + x] > threshold) {
        top = Math.min(top, y);
        bottom = Math.max(bottom, y);
        left = Math.min(left, x);
        right = Math.max(right, x);
      }
    }
  }
  if (bottom < 0) return resizeArea(ink, outW, outH);
  const boxW = right - left + 1;
  const boxH = bottom - top + 1;
  const crop = new Float32Array(boxW * boxH);
  for (let y = 0; y < boxH; y++) crop.set(pixels.subarray((top + y) * w + left, (top + y) * w + left + boxW), y * boxW);
  const scale = Math.min((outW * 20) / 28, (outH * 20) / 28) / Math.max(boxW, boxH);
  const fitW = Math.min(outW, Math.max(1, Math.round(boxW * scale)));
  const fitH = Math.min(outH, Math.max(1, Math.round(boxH * scale)));
  const fitted = resizeArea({ width: boxW, height: boxH, pixels: crop }, fitW, fitH);
  let mass = 0;
  let cx = 0;
  let cy = 0;
  for (let y = 0; y < fitH; y++) {
    for (let x = 0; x < fitW; x++) {
      const v = fitted[y * fitW + x];
      mass += v;
      cx += v * (x + 0.5);
      cy += v * (y + 0.5);
    }
  }
  // Offsets that put the centre of mass at the centre, kept so the whole box stays inside.
  const offsetX = Math.min(outW - fitW, Math.max(0, Math.round(outW / 2 - cx / mass)));
  const offsetY = Math.min(outH - fitH, Math.max(0, Math.round(outH / 2 - cy / mass)));
  const out = new Float32Array(outW * outH);
  for (let y = 0; y < fitH; y++) out.set(fitted.subarray(y * fitW, (y + 1) * fitW), (offsetY + y) * outW + offsetX);
  return out;
}

export function registerPredict(program: Command): void {
  program
    .command('predict')
    .description('classify PNG images with a saved model')
    .argument('<model>', 'a model.safetensors or checkpoint written by nabla train')
    .argument('<images...>', 'PNG files')
    .option('--invert <when>', 'auto (dark-on-light images are inverted to MNIST\'s light-on-dark), yes or no', choice('--invert', ['auto', 'yes', 'no'] as const), 'auto')
    .option('--center', 'fit the ink into 20×20 and centre its mass, as MNIST digits were made (for photos or scans of one digit)', false)
    .option('--top <k>', 'classes to show per image', positiveInt('--top'), 3)
    .option('--backend <name>', 'auto, wasm or ref', choice('--backend', BACKENDS), 'auto')
    .action(async (path: string, images: string[], opts: { invert: 'auto' | 'yes' | 'no'; center: boolean; top: number; backend: (typeof BACKENDS)[number] }) => {
      await setupBackend(opts.backend);
      const saved = await loadSavedModel(path);
      const info = saved.data;
      const [c, h, w] = info?.imageShape ?? [1, 28, 28];
      if (c !== 1) throw mismatchError(`${path} takes ${c}-channel images; predict reads grayscale PNGs (1 channel)`);
      const mean = info?.mean ?? 0;
      const std = info?.std ?? 1;
      const x = Tensor.zeros([images.length, 1, h, w]);
      const inverted: boolean[] = [];
      for (const [i, file] of images.entries()) {
        if (!file.toLowerCase().endsWith('.png')) throw usageError(`${file}: predict reads PNG files`);
        let png: PNG;
        try {
          png = PNG.sync.read(await readFile(file));
        } catch (err) {
          const code = (err as NodeJS.ErrnoException).code;
          throw fileError(code === 'ENOENT' ? `${file}: no such file` : `${file}: not a readable PNG (${(err as Error).message})`);
        }
        const gray = toGray(png);
        const invert = opts.invert === 'yes' || (opts.invert === 'auto' && borderMean(gray) > 127.5);
        inverted.push(invert);
        const ink = invert ? { ...gray, pixels: gray.pixels.map((v) => 255 - v) } : gray;
        const resized = opts.center ? centerLikeMnist(ink, w, h) : resizeArea(ink, w, h);
        for (let k = 0; k < resized.length; k++) x.data[i * h * w + k] = (resized[k] / 255 - mean) / std;
      }
      const probs = checkFit(`images of shape [1, ${h}, ${w}]`, () => predict(saved.model, x));
      const K = probs.shape[1];
      const names = info?.classNames ?? Array.from({ length: K }, (_, k) => String(k));
      images.forEach((file, i) => {
        const row = Array.from(probs.data.subarray(i * K, (i + 1) * K));
        const order = row.map((p, k) => [p, k] as const).sort((a, b) => b[0] - a[0]).slice(0, opts.top);
        const label = (k: number) => (names[k] === String(k) ? String(k) : `${k} (${names[k]})`);
        const [best, ...rest] = order;
        const others = rest.map(([p, k]) => `${label(k)} ${(p * 100).toFixed(1)}%`).join(', ');
        print(`${file}: ${label(best[1])} ${(best[0] * 100).toFixed(1)}%${others ? `  (next: ${others})` : ''}${inverted[i] ? '  [inverted]' : ''}`);
      });
    });
}
