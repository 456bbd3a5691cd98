// SPDX-License-Identifier: MIT
// `nabla predict <model> <image.png...>`: class probabilities for PNG images. Each PNG is decoded
// with pngjs, made grayscale (transparent pixels count as white paper), resized to the model's
// input by area averaging, and, because MNIST and Fashion-MNIST show light strokes on black,
// inverted when its border is light (a dark digit on white paper): --invert auto|yes|no. With
// --center the ink is fitted and centred as MNIST's digits were (centerLikeMnist). The pixels are
// normalised as the model file's data settings say; a file without them needs --normalize.
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { PNG } from 'pngjs';
import { formatNormalization, type Normalization } from '../../data/data-info.js';
import { Tensor } from '../../tensor/tensor.js';
import { predict } from '../../train/metrics.js';
import { BACKENDS, checkFit, setupBackend } from '../common.js';
import { choice, CliError, EXIT, fileError, mismatchError, positiveInt, usageError } from '../errors.js';
import { borderMean, centerLikeMnist, contrast, resizeArea, toGray } from '../images.js';
import { print, printError } from '../io.js';
import { ALLOW_NON_FINITE_HELP, classNamesOption, loadSavedModel, normalizeOption } from '../saved-model.js';

export { borderMean, centerLikeMnist, type GrayImage, resizeArea, toGray } from '../images.js';

/** Below this range of gray levels an image counts as blank (no ink). */
const MIN_CONTRAST = 16;

interface PredictOptions {
  allowNonFinite?: boolean;
  invert: 'auto' | 'yes' | 'no';
  center: boolean;
  top: number;
  normalize?: Normalization;
  classNames?: string[];
  backend: (typeof BACKENDS)[number];
}

export function registerPredict(program: Command): void {
  program
    .command('predict')
    .description('classify PNG images with a saved model')
    .argument('<model>', 'a model.safetensors, checkpoint or imported model')
    .argument('<images...>', 'PNG files')
    .option('--invert <when>', 'auto (dark-on-light images are inverted to MNIST\'s light-on-dark), yes or no', choice('--invert', ['auto', 'yes', 'no'] as const), 'auto')
    .option('--center', 'fit the ink into 20×20 and centre its mass, as MNIST digits were made (for photos or scans of one digit)', false)
    .option('--top <k>', 'classes to show per image', positiveInt('--top'), 3)
    .option('--normalize <how>', 'mnist, fashion-mnist, none (raw/255) or MEAN,STD (default: what the model file says)', normalizeOption)
    .option('--class-names <names>', 'mnist, fashion-mnist or names separated by commas (default: the model file\'s)', classNamesOption)
    .option('--backend <name>', 'auto, wasm or ref', choice('--backend', BACKENDS), 'auto')
    .option('--allow-non-finite', ALLOW_NON_FINITE_HELP, false)
    .action(async (path: string, images: string[], opts: PredictOptions) => {
      for (const file of images) if (!file.toLowerCase().endsWith('.png')) throw usageError(`${file}: predict reads PNG files`);
      await setupBackend(opts.backend);
      const saved = await loadSavedModel(path, { allowNonFinite: opts.allowNonFinite === true });
      const info = saved.data;
      const normalization = opts.normalize ?? info?.normalization;
      if (!normalization) {
        const why = info ? 'its data settings (metadata nabla.data) have no normalisation, as for a model imported without --normalize' : 'it has no data settings (metadata nabla.data)';
        throw fileError(`${path}: cannot tell how to normalise the pixels: ${why}; give --normalize mnist, fashion-mnist, none (raw/255) or MEAN,STD`);
      }
      if (!info) printError(`nabla: note: ${path} does not record its input shape; assuming one 28×28 gray image`);
      const shape = info?.inputShape ?? [1, 28, 28];
      if (shape.length !== 3 || shape[0] !== 1) throw mismatchError(`${path} takes inputs of shape [${shape.join(', ')}]; predict reads grayscale PNGs (1 channel, [1, H, W])`);
      const [, h, w] = shape;
      const mean = normalization.mean[0];
      const std = normalization.std[0];
      const x = Tensor.zeros([images.length, 1, h, w]);
      const inverted: boolean[] = [];
      for (const [i, file] of images.entries()) {
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
        if (contrast(ink) < MIN_CONTRAST) {
          printError(`nabla: warning: ${file} has no ink (all its pixels are within ${MIN_CONTRAST} gray levels of each other); its prediction means nothing`);
        } else if (!opts.center && (png.width !== w || png.height !== h)) {
          printError(
            `nabla: note: ${file} is ${png.width}×${png.height}; resized to ${w}×${h} by area averaging` +
              `${png.width * h !== png.height * w ? ' (aspect ratio not kept)' : ''}; --center fits the ink into ${Math.round((w * 20) / 28)}×${Math.round((h * 20) / 28)} and centres it, as MNIST digits were made`,
          );
        }
        const resized = opts.center ? centerLikeMnist(ink, w, h) : resizeArea(ink, w, h);
        for (let k = 0; k < resized.length; k++) x.data[i * h * w + k] = (resized[k] / 255 - mean) / std;
      }
      const probs = checkFit(`images of shape [1, ${h}, ${w}]`, () => predict(saved.model, x));
      const K = probs.shape[1];
      if (probs.data.some((p) => !Number.isFinite(p))) throw new CliError(`${path}: the model's output is not finite (its weights or the normalisation ${formatNormalization(normalization)} are broken)`, EXIT.failure);
      const names = opts.classNames ?? info?.classNames ?? Array.from({ length: K }, (_, k) => String(k));
      if (names.length !== K) throw mismatchError(`${names.length} class names for a model with ${K} outputs (${opts.classNames ? '--class-names' : path})`);
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
