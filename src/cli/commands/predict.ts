// SPDX-License-Identifier: MIT
// `nabla predict <model> <image.png...>`: class probabilities for PNG images. Each PNG is decoded
// with pngjs, made grayscale (transparent pixels count as white paper), resized to the model's
// input by area averaging, and, because MNIST and Fashion-MNIST show light strokes on black,
// inverted when its border is light (a dark digit on white paper): --invert auto|yes|no.
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

export function registerPredict(program: Command): void {
  program
    .command('predict')
    .description('classify PNG images with a saved model')
    .argument('<model>', 'a model.safetensors or checkpoint written by nabla train')
    .argument('<images...>', 'PNG files')
    .option('--invert <when>', 'auto (dark-on-light images are inverted to MNIST\'s light-on-dark), yes or no', choice('--invert', ['auto', 'yes', 'no'] as const), 'auto')
    .option('--top <k>', 'classes to show per image', positiveInt('--top'), 3)
    .option('--backend <name>', 'auto, wasm or ref', choice('--backend', BACKENDS), 'auto')
    .action(async (path: string, images: string[], opts: { invert: 'auto' | 'yes' | 'no'; top: number; backend: (typeof BACKENDS)[number] }) => {
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
        const resized = resizeArea(gray, w, h);
        for (let k = 0; k < resized.length; k++) {
          const v = (invert ? 255 - resized[k] : resized[k]) / 255;
          x.data[i * h * w + k] = (v - mean) / std;
        }
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
