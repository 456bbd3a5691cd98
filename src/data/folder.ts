// SPDX-License-Identifier: MIT
// (Node only) MNIST-format datasets from a folder holding the four standard IDX files, raw or
// gzipped: train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte,
// t10k-labels-idx1-ubyte (also accepted: the `train-images.idx3-ubyte` spelling).
import { access, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ImageDataset } from './dataset.js';
import { type IdxArray, readIdx } from './idx.js';
import { FASHION_MNIST_CLASSES, FASHION_MNIST_MEAN, FASHION_MNIST_STD, MNIST_MEAN, MNIST_STD } from './mnist.js';

export type IdxDatasetKind = 'mnist' | 'fashion-mnist';
export type IdxSplit = 'train' | 't10k';

/** Where Debian's `dataset-fashion-mnist` package installs the gzipped IDX files. */
export const DEFAULT_FASHION_MNIST_DIR = '/usr/share/datasets/fashion-mnist';

export const IDX_FILES = {
  train: { images: 'train-images-idx3-ubyte', labels: 'train-labels-idx1-ubyte' },
  t10k: { images: 't10k-images-idx3-ubyte', labels: 't10k-labels-idx1-ubyte' },
} as const;

/** Finds `base`, `base.gz`, or the dotted spelling (`train-images.idx3-ubyte`) in dir. */
export async function findIdxFile(dir: string, base: string): Promise<string> {
  const dotted = base.replace(/-(idx\d)/, '.$1');
  const candidates = [base, `${base}.gz`, dotted, `${dotted}.gz`].map((name) => join(dir, name));
  for (const path of candidates) {
    try {
      await access(path);
      return path;
    } catch {
      // try the next spelling
    }
  }
  const names = await readdir(dir).catch(() => [] as string[]);
  const images = names.filter((name) => /\.(png|jpe?g)$/i.test(name) && !name.startsWith('.')).length;
  const hint = images > 0
    ? `; it holds ${images} image file${images === 1 ? '' : 's'} but no class folders: an image folder holds one subfolder of images per class (${join(dir, '<class>', '<image>.png')})`
    : '; or an image folder: one subfolder of images per class';
  throw new Error(`${dir}: no ${base} (or ${base}.gz) here; a dataset folder holds the four standard IDX files${hint}`);
}

export interface IdxFolderOptions {
  kind?: IdxDatasetKind;
  /** Normalisation; defaults to the dataset's usual mean and std. */
  mean?: number;
  std?: number;
}

/** Loads one split ('train' or 't10k', i.e. test) of an MNIST-format folder. */
export async function loadIdxFolder(dir: string, split: IdxSplit, options: IdxFolderOptions = {}): Promise<ImageDataset> {
  const kind = options.kind ?? 'mnist';
  const imagesPath = await findIdxFile(dir, IDX_FILES[split].images);
  const labelsPath = await findIdxFile(dir, IDX_FILES[split].labels);
  const images = await readIdx(new Uint8Array(await readFile(imagesPath)), imagesPath);
  const labels = await readIdx(new Uint8Array(await readFile(labelsPath)), labelsPath);
  checkIdx(images, imagesPath, 3);
  checkIdx(labels, labelsPath, 1);
  const [n, h, w] = images.shape;
  if (labels.shape[0] !== n) throw new Error(`${labelsPath}: ${labels.shape[0]} labels, but ${imagesPath} holds ${n} images`);
  const isFashion = kind === 'fashion-mnist';
  try {
    return ImageDataset.fromBytes(images.data as Uint8Array, labels.data, {
      name: `${kind} ${split === 'train' ? 'train' : 'test'}`,
      imageShape: [1, h, w],
      numClasses: 10,
      classNames: isFashion ? FASHION_MNIST_CLASSES : undefined,
      mean: options.mean ?? (isFashion ? FASHION_MNIST_MEAN : MNIST_MEAN),
      std: options.std ?? (isFashion ? FASHION_MNIST_STD : MNIST_STD),
    });
  } catch (err) {
    throw new Error(`${labelsPath}: ${(err as Error).message}`);
  }
}

/** Both splits: [train (60,000), test (10,000)] for the standard files. */
export async function loadIdxFolderSplits(dir: string, options: IdxFolderOptions = {}): Promise<[ImageDataset, ImageDataset]> {
  return [await loadIdxFolder(dir, 'train', options), await loadIdxFolder(dir, 't10k', options)];
}

function checkIdx(array: IdxArray, path: string, rank: number): void {
  if (array.dtype !== 'uint8') throw new Error(`${path}: expected uint8 data, got ${array.dtype}`);
  if (array.shape.length !== rank) {
    throw new Error(`${path}: expected ${rank === 3 ? 'images [N, H, W]' : 'labels [N]'}, got shape [${array.shape.join(', ')}]`);
  }
}
