// SPDX-License-Identifier: MIT
// (Node only) Image classification data from folders, as torchvision's ImageFolder reads them:
// root/<class>/**/<image> (class names are the folder names, sorted by code point), or, when the
// user has made the split, root/train/<class>/... with root/val/ (or validation/, valid/) and
// root/test/ beside it. PNG and JPEG files are decoded once (data/decode.ts), turned into
// 1 or 3 channels and resized to size×size (data/image-ops.ts: shorter side, then centre crop),
// and kept as bytes [C, H, W]: in memory while they fit in the bound (cacheBytes), else in a
// record file read back through an LRU cache of that size (data/image-store-file.ts). Hidden files (.DS_Store) are passed over; any other
// file that is not a readable image is an error naming it, or, with skipBad, skipped and counted.
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ImageDataset } from './dataset.js';
import { imageDimensions } from './decode.js';
import { decodeFiles, decodeThreads } from './image-decode-pool.js';
import type { ImageStore } from './image-store.js';
import { FileImageStore, RecordSink } from './image-store-file.js';

/** Sizes up to this are kept as they are when every image has the same square size. */
export const KEEP_SIZE_UP_TO = 96;
/** The side images are resized to when they differ in size (or are larger) and no size is given. */
export const DEFAULT_IMAGE_SIZE = 64;

/**
 * The most bytes of decoded images kept in memory by default (1 GiB). Larger datasets are decoded
 * once into a file of raw records and read back through an LRU cache of this many bytes.
 */
export const DEFAULT_CACHE_BYTES = 1024 * 2 ** 20;

export interface ImageFolderOptions {
  /** 1 (gray) or 3 (RGB). Default: 1 when every image is gray, else 3. */
  channels?: 1 | 3;
  /** Side of the square images after resizing. Default: see chooseSize(). */
  size?: number;
  /** Skip unreadable and non-image files (counted in `skipped`) instead of failing. */
  skipBad?: boolean;
  /**
   * The memory bound for decoded images, in bytes (default DEFAULT_CACHE_BYTES). When every
   * split's images (N·C·H·W bytes) fit, they are kept in memory; else they are written once, as
   * decoded, to a record file in `cacheDir` and read back per batch through an LRU cache of at
   * most this many bytes.
   */
  cacheBytes?: number;
  /** Where that file is made (default: the system's temporary folder); it is unlinked at once. */
  cacheDir?: string;
  /** Decoding threads (0: this thread). Default: none below POOL_FROM_FILES files, else one per core. */
  decodeThreads?: number;
}

export interface ImageFolderData {
  train: ImageDataset;
  /** From root/val/ (or validation/, valid/) when the user made the split. */
  validation: ImageDataset | null;
  /** From root/test/ when present. */
  test: ImageDataset | null;
  classNames: string[];
  channels: 1 | 3;
  size: number;
  /** Files passed over with skipBad, each with why. */
  skipped: string[];
  /** Lines for the user: how the size and channels were chosen, and where the images are kept. */
  notes: string[];
}

const VALIDATION_NAMES = ['val', 'validation', 'valid'];

export class ImageFolderError extends Error {
  override name = 'ImageFolderError';
}

interface Split {
  dir: string;
  /** files[k]: the files of class k. */
  files: string[][];
}

/** True when `dir` holds class subfolders (or a train/ folder of them) rather than IDX files. */
export async function isImageFolder(dir: string): Promise<boolean> {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries.some((e) => e.isDirectory() && !e.name.startsWith('.'));
}

export async function loadImageFolder(root: string, options: ImageFolderOptions = {}): Promise<ImageFolderData> {
  const top = await subfolders(root);
  const hasTrain = top.includes('train');
  const trainDir = hasTrain ? join(root, 'train') : root;
  const classNames = await subfolders(trainDir);
  if (classNames.length < 2) {
    const found = classNames.length === 0 ? 'no class folders' : `one class folder (${classNames[0]})`;
    throw new ImageFolderError(`${trainDir}: found ${found}; an image classifier needs at least 2, one subfolder of images per class (${trainDir}/<class>/<image>.png)`);
  }
  const train = await listSplit(trainDir, classNames, true);
  const valName = hasTrain ? VALIDATION_NAMES.find((n) => top.includes(n)) : undefined;
  const validation = valName ? await listSplit(join(root, valName), classNames, false) : null;
  const test = hasTrain && top.includes('test') ? await listSplit(join(root, 'test'), classNames, false) : null;
  const cacheBytes = options.cacheBytes ?? DEFAULT_CACHE_BYTES;
  if (!(cacheBytes > 0)) throw new ImageFolderError(`${root}: the memory bound for decoded images must be > 0 bytes, got ${cacheBytes}`);

  const notes: string[] = [];
  const splits = [train, validation, test];
  const size = options.size ?? chooseSize(splits, notes);
  if (options.size !== undefined) notes.push(`resized to ${size}×${size}: shorter side to ${size}, then the centre cropped (torchvision's Resize + CenterCrop)`);
  const decoded = await decodeSplits(splits, root, size, options, cacheBytes);
  const channels = options.channels ?? decoded.channels;
  if (options.channels === undefined) notes.unshift(`${channels === 1 ? 'every image is gray: 1 channel' : 'colour images: 3 channels (RGB)'} (--channels 1 or 3 to choose)`);
  const { store, labels, starts } = decoded;
  const mb = (bytes: number) => (bytes < 2 ** 20 ? `${(bytes / 1024).toFixed(1)} KiB` : `${(bytes / 2 ** 20).toFixed(1)} MiB`);
  if (store instanceof FileImageStore) {
    notes.push(`the decoded images (${mb(store.fileBytes)}) exceed the memory bound of ${mb(cacheBytes)} (--cache-mb): written once to a record file in ${options.cacheDir ?? tmpdir()} (unlinked, freed at exit) and read per batch through an LRU cache of at most ${mb(cacheBytes)}`);
  } else {
    notes.push(`kept in memory as bytes: ${mb(store.bytesHeld)} (bound ${mb(cacheBytes)}, --cache-mb)`);
  }
  const build = (index: number, suffix: string): ImageDataset | null => {
    if (!splits[index]) return null;
    const indices = Int32Array.from({ length: starts[index + 1] - starts[index] }, (_, i) => starts[index] + i);
    const name = `${root}${suffix ? ` ${suffix}` : ''}`;
    return ImageDataset.fromStore(store, labels.subarray(starts[index], starts[index + 1]), { name, indices, imageShape: [channels, size, size], numClasses: classNames.length, classNames });
  };
  const trainSet = build(0, hasTrain ? 'train' : '')!;
  if (trainSet.length === 0) throw new ImageFolderError(`${trainDir}: no readable images (${decoded.skipped.length} skipped)`);
  return { train: trainSet, validation: build(1, valName ?? 'val'), test: build(2, 'test'), classNames, channels, size, skipped: decoded.skipped, notes };
}

interface Decoded {
  store: ImageStore;
  /** Every split's labels, one after the other. */
  labels: Int32Array;
  /** Split k's records are starts[k] ≤ i < starts[k + 1]. */
  starts: number[];
  /** 1 when every image is gray, else 3 (or the given channels). */
  channels: 1 | 3;
  skipped: string[];
}

/**
 * Decodes every file once, in order (split, class, path), into a RecordSink, on a pool of threads
 * for large folders (data/image-decode-pool.ts). Without given channels the records start with 1
 * plane and become 3 at the first colour image (the earlier, gray, ones get 3 equal planes: what
 * decoding them as RGB gives, since they have R = G = B).
 */
async function decodeSplits(splits: (Split | null)[], root: string, size: number, options: ImageFolderOptions, cacheBytes: number): Promise<Decoded> {
  const bad: string[] = [];
  const files = splits.flatMap((split) => split?.files.flat() ?? []);
  const fileLabels = splits.flatMap((split) => split?.files.flatMap((list, label) => list.map(() => label)) ?? []);
  const splitEnds = splits.map((_, k) => splits.slice(0, k + 1).reduce((n, split) => n + (split?.files.flat().length ?? 0), 0));
  let channels: 1 | 3 = options.channels ?? 1;
  const sink = new RecordSink(files.length, channels * size * size, cacheBytes, options.cacheDir);
  const labels = new Int32Array(files.length);
  const starts = [0];
  let f = 0;
  const threads = options.decodeThreads ?? decodeThreads(files.length);
  for await (const result of decodeFiles(files, size, options.channels, threads)) {
    if ('error' in result) {
      bad.push(result.error);
    } else {
      if (result.channels === 3 && channels === 1) {
        sink.expandToRgb();
        channels = 3;
      }
      labels[sink.count] = fileLabels[f];
      sink.push(result.channels === channels ? result.data : replicate(result.data));
    }
    f++;
    while (starts.length <= splits.length && f === splitEnds[starts.length - 1]) starts.push(sink.count);
  }
  if (bad.length > 0 && !options.skipBad) {
    const shown = bad.slice(0, 5).map((m) => `  ${m}`).join('\n');
    throw new ImageFolderError(`${root}: ${bad.length} file${bad.length === 1 ? ' is' : 's are'} not readable images:\n${shown}${bad.length > 5 ? `\n  … and ${bad.length - 5} more` : ''}\n(--skip-bad skips them)`);
  }
  return { store: sink.finish(), labels: labels.subarray(0, sink.count), starts, channels, skipped: bad };
}

/** A gray plane as 3 equal planes (R = G = B). */
function replicate(plane: Uint8Array): Uint8Array {
  const rgb = new Uint8Array(3 * plane.length);
  for (let c = 0; c < 3; c++) rgb.set(plane, c * plane.length);
  return rgb;
}

/**
 * The side images are resized to when none is given, from the sizes their headers declare (read
 * without decoding): the images' own when all share one square size of at most KEEP_SIZE_UP_TO,
 * else DEFAULT_IMAGE_SIZE. Files without a readable header are left to decoding to report.
 */
function chooseSize(splits: (Split | null)[], notes: string[]): number {
  const sizes = new Set<string>();
  let square = 0;
  for (const split of splits) {
    for (const file of split?.files.flat() ?? []) {
      const dims = readDimensions(file);
      if (!dims) continue;
      sizes.add(`${dims.width}×${dims.height}`);
      if (sizes.size === 1) square = dims.width === dims.height && dims.width <= KEEP_SIZE_UP_TO ? dims.width : 0;
    }
  }
  const [only] = sizes;
  if (sizes.size === 0) return DEFAULT_IMAGE_SIZE;
  if (sizes.size === 1 && square > 0) {
    notes.push(`every image is ${only}: kept at that size (--size N resizes)`);
    return square;
  }
  const why = sizes.size === 1 ? `every image is ${only}` : `the images come in ${sizes.size} sizes (${[...sizes].slice(0, 3).join(', ')}${sizes.size > 3 ? ', …' : ''})`;
  notes.push(`${why}: resized to ${DEFAULT_IMAGE_SIZE}×${DEFAULT_IMAGE_SIZE}, shorter side to ${DEFAULT_IMAGE_SIZE} then the centre cropped, as torchvision's Resize + CenterCrop (--size N to choose)`);
  return DEFAULT_IMAGE_SIZE;
}

const HEAD = new Uint8Array(1 << 16);

/** A file's declared width and height from its first 64 KiB (all of it when a JPEG's header lies further). */
function readDimensions(file: string): { width: number; height: number } | null {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return null;
  }
  try {
    const length = readSync(fd, HEAD, 0, HEAD.length, 0);
    const head = HEAD;
    const dims = imageDimensions(head.subarray(0, length));
    if (dims || length < head.length) return dims;
    return imageDimensions(new Uint8Array(readFileSync(file)));
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}

/** The non-hidden subfolders of dir, sorted by code point (as torchvision sorts class names). */
async function subfolders(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries.filter((e) => e.isDirectory() && !e.name.startsWith('.')).map((e) => e.name).sort(byCodePoint);
}

/** The files of each class under dir. In the training split every class must have some; elsewhere a class folder may be missing. */
async function listSplit(dir: string, classNames: string[], isTrain: boolean): Promise<Split> {
  const present = await subfolders(dir);
  const unknown = present.filter((name) => !classNames.includes(name));
  if (unknown.length > 0) throw new ImageFolderError(`${dir}: class folder${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')} not in the training split (classes: ${classNames.join(', ')})`);
  const files: string[][] = [];
  for (const name of classNames) {
    const found = present.includes(name) ? await walk(join(dir, name)) : [];
    if (isTrain && found.length === 0) {
      throw new ImageFolderError(`${join(dir, name)}: the class folder '${name}' holds no files; every class needs images to learn from (remove the folder or add images)`);
    }
    files.push(found);
  }
  return { dir, files };
}

/** Every non-hidden file below dir, sorted by path. */
async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  const entries = (await readdir(dir, { withFileTypes: true })).filter((e) => !e.name.startsWith('.')).sort((a, b) => byCodePoint(a.name, b.name));
  for (const e of entries) {
    const path = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await walk(path)));
    else if (e.isFile()) out.push(path);
  }
  return out;
}

function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
