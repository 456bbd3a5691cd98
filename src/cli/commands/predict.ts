// SPDX-License-Identifier: MIT
// `nabla predict <model> <image...>`: the top-k classes, by name, with probabilities for PNG or
// JPEG images (decoded by data/decode.ts). A model trained on an image folder (its data settings
// say preprocess 'resize-center-crop') gets each image as in training: 1 or 3 channels, the
// shorter side resized and the centre cropped. Otherwise (MNIST-like models) an image is made
// gray (transparent pixels count as white paper), resized by area averaging, and, because MNIST
// and Fashion-MNIST show light strokes on black, inverted when its border is light:
// --invert auto|yes|no; --center fits and centres the ink as MNIST's digits were. The pixels are
// normalised as the model file's data settings say; a file without them needs --normalize.
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { formatNormalization, type Normalization } from '../../data/data-info.js';
import { decodeImage } from '../../data/decode.js';
import { isGray, type RgbaImage } from '../../data/image-ops.js';
import { prepare } from '../../data/image-folder.js';
import { Tensor } from '../../tensor/tensor.js';
import { predict, predictValues } from '../../train/metrics.js';
import { BACKENDS, checkFit, setupBackend } from '../common.js';
import { choice, CliError, EXIT, fileError, mismatchError, positiveInt, usageError } from '../errors.js';
import { borderMean, centerLikeMnist, contrast, resizeArea, toGray } from '../images.js';
import { print, printError } from '../io.js';
import { ALLOW_NON_FINITE_HELP, classNamesOption, loadSavedModel, normalizeOption, type SavedModel } from '../saved-model.js';
import { stringify } from 'csv-stringify/sync';
import { type Encoded, encodeRows, featureCount, TableError } from '../../data/table.js';
import { type CsvTable, readCsvTable } from '../../data/table-csv.js';
import { writeFileAtomic } from '../../io/node-file.js';

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
  out?: string;
}

export function registerPredict(program: Command): void {
  program
    .command('predict')
    .description('classify PNG or JPEG images with a saved model (top-k class names with probabilities)')
    .argument('<model>', 'a model.safetensors, checkpoint or imported model')
    .argument('<images...>', 'PNG or JPEG files')
    .option('--invert <when>', 'auto (dark-on-light images are inverted to MNIST\'s light-on-dark), yes or no', choice('--invert', ['auto', 'yes', 'no'] as const), 'auto')
    .option('--center', 'fit the ink into 20×20 and centre its mass, as MNIST digits were made (for photos or scans of one digit)', false)
    .option('--top <k>', 'classes to show per image', positiveInt('--top'), 3)
    .option('--normalize <how>', 'mnist, fashion-mnist, none (raw/255) or MEAN,STD (default: what the model file says)', normalizeOption)
    .option('--class-names <names>', 'mnist, fashion-mnist or names separated by commas (default: the model file\'s)', classNamesOption)
    .option('--out <file.csv>', 'a table: write the predictions there (default: to standard output)')
    .option('--backend <name>', 'auto, wasm or ref', choice('--backend', BACKENDS), 'auto')
    .option('--allow-non-finite', ALLOW_NON_FINITE_HELP, false)
    .action(async (path: string, images: string[], opts: PredictOptions) => {
      const tables = images.filter((file) => /\.csv$/i.test(file));
      if (tables.length > 0 && (tables.length !== 1 || images.length !== 1)) throw usageError('predict reads one CSV table (rows.csv) or PNG and JPEG images, not both');
      for (const file of images) if (!/\.(png|jpe?g|csv)$/i.test(file)) throw usageError(`${file}: predict reads PNG and JPEG images, or a CSV table of rows`);
      await setupBackend(opts.backend);
      const saved = await loadSavedModel(path, { allowNonFinite: opts.allowNonFinite === true });
      if (tables.length === 1) {
        await predictTable(saved, path, tables[0], opts);
        return;
      }
      const info = saved.data;
      const normalization = opts.normalize ?? info?.normalization;
      if (!normalization) {
        const why = info ? 'its data settings (metadata nabla.data) have no normalisation, as for a model imported without --normalize' : 'it has no data settings (metadata nabla.data)';
        throw fileError(`${path}: cannot tell how to normalise the pixels: ${why}; give --normalize mnist, fashion-mnist, none (raw/255) or MEAN,STD`);
      }
      if (!info) printError(`nabla: note: ${path} does not record its input shape; assuming one 28×28 gray image`);
      const shape = info?.inputShape ?? [1, 28, 28];
      const folderModel = info?.preprocess === 'resize-center-crop';
      if (shape.length !== 3 || (!folderModel && shape[0] !== 1)) throw mismatchError(`${path} takes inputs of shape [${shape.join(', ')}]; predict reads images ([C, H, W])`);
      const [C, h, w] = shape;
      if (folderModel && (opts.center || opts.invert !== 'auto')) {
        printError(`nabla: note: ${[opts.center ? '--center' : '', opts.invert !== 'auto' ? `--invert ${opts.invert}` : ''].filter(Boolean).join(' and ')} ` +
          `${opts.center && opts.invert !== 'auto' ? 'are' : 'is'} for MNIST-style models; ${path} was trained on an image folder: its images are resized and cropped as in training`);
      }
      // Every readable image is predicted; the unreadable ones are named after (and the exit code says so).
      const decoded: [string, RgbaImage][] = [];
      const failed: string[] = [];
      for (const file of images) {
        try {
          decoded.push([file, await readImage(file)]);
        } catch (err) {
          if (!(err instanceof CliError)) throw err;
          failed.push(err.message);
        }
      }
      const readable = decoded.map(([file]) => file);
      const x = Tensor.zeros([decoded.length, C, h, w]);
      const inverted: boolean[] = [];
      for (const [i, [file, image]] of decoded.entries()) {
        // A folder model's images as its training read them (image-folder.ts prepare: resized in RGB, then gray).
        const pixels = folderModel ? prepare(image, isGray(image), C as 1 | 3, h) : mnistLike(image, file, opts, w, h, inverted);
        const plane = h * w;
        for (let k = 0; k < pixels.length; k++) {
          const c = Math.floor(k / plane);
          const mean = normalization.mean[normalization.mean.length === 1 ? 0 : c];
          const std = normalization.std[normalization.std.length === 1 ? 0 : c];
          x.data[i * C * plane + k] = (pixels[k] / 255 - mean) / std;
        }
      }
      if (decoded.length === 0) throw fileError(failed.length === 1 ? failed[0] : `none of the ${images.length} images could be read:\n  ${failed.join('\n  ')}`);
      const probs = checkFit(`images of shape [${shape.join(', ')}]`, () => predict(saved.model, x));
      const K = probs.shape[1];
      if (probs.data.some((p) => !Number.isFinite(p))) throw new CliError(`${path}: the model's output is not finite (its weights or the normalisation ${formatNormalization(normalization)} are broken)`, EXIT.failure);
      const names = opts.classNames ?? info?.classNames ?? Array.from({ length: K }, (_, k) => String(k));
      if (names.length !== K) throw mismatchError(`${names.length} class names for a model with ${K} outputs (${opts.classNames ? '--class-names' : path})`);
      readable.forEach((file, i) => {
        const row = Array.from(probs.data.subarray(i * K, (i + 1) * K));
        const order = row.map((p, k) => [p, k] as const).sort((a, b) => b[0] - a[0]).slice(0, opts.top);
        const label = (k: number) => (names[k] === String(k) ? String(k) : `${k} (${names[k]})`);
        const [best, ...rest] = order;
        const others = rest.map(([p, k]) => `${label(k)} ${(p * 100).toFixed(1)}%`).join(', ');
        print(`${file}: ${label(best[1])} ${(best[0] * 100).toFixed(1)}%${others ? `  (next: ${others})` : ''}${inverted[i] ? '  [inverted]' : ''}`);
      });
      if (failed.length > 0) throw fileError(`${failed.length} of ${images.length} images could not be read (the others are predicted above):\n  ${failed.join('\n  ')}`);
    });
}

async function readImage(file: string): Promise<RgbaImage> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(file));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw fileError(code === 'ENOENT' ? `${file}: no such file` : `${file}: cannot be read (${(err as Error).message})`);
  }
  try {
    return decodeImage(bytes, file);
  } catch (err) {
    throw fileError((err as Error).message);
  }
}

/** MNIST's preparation: gray, inverted when dark on light (--invert), area-resized or fitted and centred (--center). */
function mnistLike(image: RgbaImage, file: string, opts: PredictOptions, w: number, h: number, inverted: boolean[]): Float32Array {
  const gray = toGray(image);
  const invert = opts.invert === 'yes' || (opts.invert === 'auto' && borderMean(gray) > 127.5);
  inverted.push(invert);
  const ink = invert ? { ...gray, pixels: gray.pixels.map((v) => 255 - v) } : gray;
  if (contrast(ink) < MIN_CONTRAST) {
    printError(`nabla: warning: ${file} has no ink (all its pixels are within ${MIN_CONTRAST} gray levels of each other); its prediction means nothing`);
  } else if (!opts.center && (image.width !== w || image.height !== h)) {
    printError(
      `nabla: note: ${file} is ${image.width}×${image.height}; resized to ${w}×${h} by area averaging` +
        `${image.width * h !== image.height * w ? ' (aspect ratio not kept)' : ''}; --center fits the ink into ${Math.round((w * 20) / 28)}×${Math.round((h * 20) / 28)} and centres it, as MNIST digits were made`,
    );
  }
  return opts.center ? centerLikeMnist(ink, w, h) : resizeArea(ink, w, h);
}

/**
 * A table: every row of rows.csv encoded by the model's schema (its statistics and vocabularies),
 * written back as CSV with the predicted class and one probability column per class. Missing
 * values and categories the model never saw are named on standard error.
 */
async function predictTable(saved: SavedModel, path: string, file: string, opts: PredictOptions): Promise<void> {
  const schema = saved.data?.table;
  if (!schema) throw mismatchError(`${path} was not trained on a table (its data settings have no columns); predict reads images for it`);
  let encoded: Encoded;
  let table: CsvTable;
  try {
    table = await readCsvTable(file);
    encoded = encodeRows(schema, table.header, table.rows, file);
  } catch (err) {
    if (err instanceof TableError) throw fileError(err.message);
    throw err;
  }
  for (const [column, count] of encoded.missing) printError(`nabla: note: ${file}: column '${column}' has ${count} missing value${count === 1 ? '' : 's'} (encoded as in training)`);
  for (const [column, seen] of encoded.unseen) {
    printError(`nabla: warning: ${file}: column '${column}' has categories the model never saw: ${[...seen].slice(0, 5).map(([v, row]) => `'${v}' (row ${row})`).join(', ')}; encoded as no category`);
  }
  const F = featureCount(schema);
  const x = new Tensor(encoded.features, [table.rows.length, F, 1, 1]);
  if (schema.task === 'regression') {
    // One output, de-standardised to the target's units: out · targetStd + targetMean.
    const values = checkFit(`rows of ${F} features`, () => predictValues(saved.model, x, { mean: schema.targetMean!, std: schema.targetStd! }));
    const bad = values.findIndex((v) => !Number.isFinite(v));
    if (bad >= 0) throw new CliError(`${path}: the model's output for row ${bad + 1} of ${file} is not finite (its weights are broken)`, EXIT.failure);
    const header = [...table.header, `predicted ${schema.target}`];
    await writeTable(opts, [header, ...table.rows.map((row, i) => [...row, String(Number(values[i].toPrecision(7)))])], `${table.rows.length} predictions of '${schema.target}' (regression)`);
    return;
  }
  const probs = checkFit(`rows of ${F} features`, () => predict(saved.model, x));
  const names = opts.classNames ?? saved.data!.classNames;
  const K = probs.shape[1];
  if (names.length !== K) throw mismatchError(`${names.length} class names for a model with ${K} outputs`);
  const out = table.rows.map((row, i) => {
    const p = Array.from(probs.data.subarray(i * K, (i + 1) * K));
    const best = p.indexOf(Math.max(...p));
    return [...row, names[best], ...p.map((v) => v.toFixed(6))];
  });
  const header = [...table.header, `predicted ${schema.target}`, ...names.map((n) => `p(${n})`)];
  await writeTable(opts, [header, ...out], `${table.rows.length} predictions of '${schema.target}'`);
}

/** Writes the rows as CSV to --out (atomically) or to standard output. */
async function writeTable(opts: PredictOptions, records: string[][], what: string): Promise<void> {
  const csv = stringify(records);
  if (opts.out) {
    await writeFileAtomic(opts.out, new TextEncoder().encode(csv));
    print(`wrote ${opts.out}: ${what}`);
  } else {
    print(csv.trimEnd());
  }
}
