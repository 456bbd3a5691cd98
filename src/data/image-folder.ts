// SPDX-License-Identifier: MIT
// (Node only) Image classification data from folders, as torchvision's ImageFolder reads them:
// root/<class>/**/<image> (class names are the folder names, sorted by code point), or, when the
// user has made the split, root/train/<class>/... with root/val/ (or validation/, valid/) and
// root/test/ beside it. PNG and JPEG files are decoded once (data/decode.ts), turned into
// 1 or 3 channels and resized to size×size (data/image-ops.ts: shorter side, then centre crop),
// and kept as bytes [C, H, W]: in memory while they fit in the bound (cacheBytes), else in a
// record file read back through an LRU cache of that size (data/image-store-file.ts). Hidden
// files (.DS_Store) are passed over; any other file that is not a readable image is an error
// naming it, or, with skipBad, skipped and counted.
import { readFileSync } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import type { Dirent } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ImageDataset } from './dataset.js';
import { decodeImage, ImageDecodeError, MAX_IMAGE_PIXELS } from './decode.js';
import { isGray, luma, type PlanarImage, resizeAndCrop, type RgbaImage, toPlanes } from './image-ops.js';
import { type ImageStore, MemoryImageStore } from './image-store.js';
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
  /** Side of the square images after resizing. Default: see Sizer. */
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
  /**
   * A model's classes, in its order (evaluating it): the labels index these, the folder's class
   * folders must be among them and may be fewer (held-out data need not hold every class).
   */
  classNames?: readonly string[];
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
  return (await subfolders(dir)).length > 0;
}

/**
 * What a folder entry is, a symbolic link by what it points to (as torchvision's ImageFolder
 * follows links): 'folder', 'file', or 'file' for a broken link too, so that reading it names it.
 */
async function entryKind(dir: string, e: Dirent): Promise<'folder' | 'file' | 'other'> {
  if (e.isDirectory()) return 'folder';
  if (e.isFile()) return 'file';
  if (!e.isSymbolicLink()) return 'other';
  const target = await stat(join(dir, e.name)).catch(() => null);
  return target?.isDirectory() ? 'folder' : target?.isFile() || !target ? 'file' : 'other';
}

/** The largest --size: an image of MAX_IMAGE_PIXELS (8192²), the most a decoded file may hold. */
export const MAX_IMAGE_SIDE = Math.floor(Math.sqrt(MAX_IMAGE_PIXELS));

export async function loadImageFolder(root: string, options: ImageFolderOptions = {}): Promise<ImageFolderData> {
  if (options.size !== undefined && !(Number.isInteger(options.size) && options.size >= 1 && options.size <= MAX_IMAGE_SIDE)) {
    throw new ImageFolderError(`${root}: the image size must be an integer from 1 to ${MAX_IMAGE_SIDE}, got ${options.size}`);
  }
  const top = await subfolders(root);
  const hasTrain = top.includes('train');
  const trainDir = hasTrain ? join(root, 'train') : root;
  const present = await subfolders(trainDir);
  const classNames = options.classNames ? [...options.classNames] : present;
  if (options.classNames) {
    if (present.length === 0) throw new ImageFolderError(`${trainDir}: found no class folders (${trainDir}/<class>/<image>.png)${await looseImagesHint(trainDir)}`);
  } else if (classNames.length < 2) {
    const found = classNames.length === 0 ? 'no class folders' : `one class folder (${classNames[0]})`;
    throw new ImageFolderError(`${trainDir}: found ${found}; an image classifier needs at least 2, one subfolder of images per class (${trainDir}/<class>/<image>.png)${await looseImagesHint(trainDir)}`);
  }
  const train = await listSplit(trainDir, classNames, !options.classNames, options.classNames ? 'the model\'s classes' : undefined);
  const valName = hasTrain ? VALIDATION_NAMES.find((n) => top.includes(n)) : undefined;
  const validation = valName ? await listSplit(join(root, valName), classNames, false) : null;
  const test = hasTrain && top.includes('test') ? await listSplit(join(root, 'test'), classNames, false) : null;
  for (const [split, name] of [[validation, valName], [test, 'test']] as const) {
    if (split && split.files.every((list) => list.length === 0)) {
      throw new ImageFolderError(`${split.dir}: the ${name}/ folder holds no images${name === 'test' ? '' : ' (its class folders are empty)'}: add images, or remove ${name}/${name === 'test' ? '' : ` (the validation split is then --val-split of ${trainDir})`}`);
    }
  }
  const cacheBytes = options.cacheBytes ?? DEFAULT_CACHE_BYTES;
  if (!(cacheBytes > 0)) throw new ImageFolderError(`${root}: the memory bound for decoded images must be > 0 bytes, got ${cacheBytes}`);

  const notes: string[] = [];
  const splits = [train, validation, test];
  const sizer = new Sizer(options.size);
  const decoded = decodeSplits(splits, root, options, cacheBytes, sizer);
  const size = sizer.finish(notes);
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
 * Decodes every file once, in order (split, class, path), into a RecordSink, at the size the
 * Sizer settles on. While every image so far has one square size of at most KEEP_SIZE_UP_TO they
 * are kept as they are; the first image that breaks that settles the size to DEFAULT_IMAGE_SIZE,
 * and the files before it are decoded again at that size (once: the size never changes again).
 * Without given channels the records start with 1 plane and become 3 at the first colour image
 * (the earlier, gray, ones get 3 equal planes: what decoding them as RGB gives, R = G = B).
 */
function decodeSplits(splits: (Split | null)[], root: string, options: ImageFolderOptions, cacheBytes: number, sizer: Sizer): Decoded {
  const files = splits.flatMap((split) => split?.files.flat() ?? []);
  const fileLabels = splits.flatMap((split) => split?.files.flatMap((list, label) => list.map(() => label)) ?? []);
  const splitEnds = splits.map((_, k) => splits.slice(0, k + 1).reduce((n, split) => n + (split?.files.flat().length ?? 0), 0));
  const labels = new Int32Array(files.length);
  let bad: string[] = [];
  let sink: RecordSink | null = null;
  let channels: 1 | 3 = options.channels ?? 1;
  let starts = [0];
  for (let f = 0; f < files.length; f++) {
    let rgba: RgbaImage | null = null;
    try {
      rgba = decodeImage(new Uint8Array(readFileSync(files[f])), files[f]);
    } catch (err) {
      if (!(err instanceof ImageDecodeError) && (err as NodeJS.ErrnoException).code === undefined) throw err;
      bad.push((err as Error).message);
    }
    if (rgba && sizer.see(rgba.width, rgba.height) && f > 0) {
      // The size settled only now: start again, every record at the final size (the old file closed: its space freed now).
      sink?.discard();
      sink = null;
      bad = [];
      channels = options.channels ?? 1;
      starts = [0];
      f = -1;
      continue;
    }
    if (rgba) {
      const size = sizer.target ?? rgba.width;
      const gray = isGray(rgba);
      if (!gray && channels === 1 && options.channels === undefined) {
        sink?.expandToRgb();
        channels = 3;
      }
      sink ??= new RecordSink(files.length, channels * size * size, cacheBytes, options.cacheDir);
      labels[sink.count] = fileLabels[f];
      sink.push(prepare(rgba, gray, channels, size));
    }
    while (starts.length <= splits.length && f + 1 === splitEnds[starts.length - 1]) starts.push(sink?.count ?? 0);
  }
  if (bad.length > 0 && !options.skipBad) {
    const shown = bad.slice(0, 5).map((m) => `  ${m}`).join('\n');
    throw new ImageFolderError(`${root}: ${bad.length} file${bad.length === 1 ? ' is' : 's are'} not readable images:\n${shown}${bad.length > 5 ? `\n  … and ${bad.length - 5} more` : ''}\n(--skip-bad skips them)`);
  }
  const store = sink?.finish() ?? new MemoryImageStore(new Uint8Array(0), 1);
  return { store, labels: labels.subarray(0, store.count), starts, channels, skipped: bad };
}

/**
 * One image as `channels` planes of size×size: RGB planes resized and cropped, then PIL's luma for
 * 1 channel (resize first, then gray). A gray image (R = G = B) resizes its one plane only: its
 * luma is that plane, and its R, G and B planes would resize to the same bytes.
 */
export function prepare(rgba: RgbaImage, gray: boolean, channels: 1 | 3, size: number): Uint8Array {
  const fit = (image: PlanarImage) => (image.width === size && image.height === size ? image : resizeAndCrop(image, size));
  if (gray && channels === 1) return fit(toPlanes(rgba, 1)).data;
  const rgb = fit(toPlanes(rgba, 3));
  if (channels === 3) return rgb.data;
  const plane = size * size;
  const out = new Uint8Array(plane);
  for (let i = 0; i < plane; i++) out[i] = luma(rgb.data[i], rgb.data[plane + i], rgb.data[2 * plane + i]);
  return out;
}

/**
 * Chooses the images' size as they are decoded: a given size, else the images' own when all share
 * one square size of at most KEEP_SIZE_UP_TO, else DEFAULT_IMAGE_SIZE.
 */
class Sizer {
  private sizes = new Set<string>();
  private first: string | null = null;
  /** The settled size (null while every image so far keeps its own). */
  target: number | null;

  constructor(readonly given: number | undefined) {
    this.target = given ?? null;
  }

  /** Records an image's size; true when this image settles the size (to DEFAULT_IMAGE_SIZE) just now. */
  see(width: number, height: number): boolean {
    const key = `${width}×${height}`;
    this.sizes.add(key);
    this.first ??= key;
    if (this.target !== null || (key === this.first && width === height && width <= KEEP_SIZE_UP_TO)) return false;
    this.target = DEFAULT_IMAGE_SIZE;
    return true;
  }

  finish(notes: string[]): number {
    const [only] = this.sizes;
    if (this.given !== undefined) {
      notes.push(`resized to ${this.given}×${this.given}: shorter side to ${this.given}, then the centre cropped (torchvision's Resize + CenterCrop)`);
      return this.given;
    }
    if (this.target === null) {
      this.target = only ? Number(only.split('×')[0]) : DEFAULT_IMAGE_SIZE;
      notes.push(`every image is ${only}: kept at that size (--size N resizes)`);
      return this.target;
    }
    const why = this.sizes.size === 1 ? `every image is ${only}` : `the images come in ${this.sizes.size} sizes (${[...this.sizes].slice(0, 3).join(', ')}${this.sizes.size > 3 ? ', …' : ''})`;
    notes.push(`${why}: resized to ${this.target}×${this.target}, shorter side to ${this.target} then the centre cropped, as torchvision's Resize + CenterCrop (--size N to choose)`);
    return this.target;
  }
}

/** The non-hidden subfolders of dir, sorted by code point (as torchvision sorts class names). */
async function subfolders(dir: string): Promise<string[]> {
  const entries = (await readdir(dir, { withFileTypes: true })).filter((e) => !e.name.startsWith('.'));
  const kinds = await Promise.all(entries.map((e) => entryKind(dir, e)));
  return entries.filter((_, i) => kinds[i] === 'folder').map((e) => e.name).sort(byCodePoint);
}

/** The files of each class under dir. In the training split every class must have some; elsewhere a class folder may be missing. */
async function listSplit(dir: string, classNames: string[], isTrain: boolean, whose = 'the training split'): Promise<Split> {
  const present = await subfolders(dir);
  const unknown = present.filter((name) => !classNames.includes(name));
  if (unknown.length > 0) throw new ImageFolderError(`${dir}: class folder${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')} not in ${whose} (classes: ${classNames.join(', ')})`);
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

/** ': it holds N files but no class folders …' when dir has files of its own (images without class folders), else ''. */
async function looseImagesHint(dir: string): Promise<string> {
  const entries = (await readdir(dir, { withFileTypes: true })).filter((e) => !e.name.startsWith('.'));
  const files = (await Promise.all(entries.map((e) => entryKind(dir, e)))).filter((k) => k === 'file').length;
  return files === 0 ? '' : `; it holds ${files} file${files === 1 ? '' : 's'} of its own: put each class's images in a subfolder named after the class`;
}

/** Every non-hidden file below dir, sorted by path, through symbolic links (each real folder once: a link to a folder above is no loop). */
async function walk(dir: string, seen = new Set<string>()): Promise<string[]> {
  const real = await realpath(dir);
  if (seen.has(real)) return [];
  seen.add(real);
  const out: string[] = [];
  const entries = (await readdir(dir, { withFileTypes: true })).filter((e) => !e.name.startsWith('.')).sort((a, b) => byCodePoint(a.name, b.name));
  for (const e of entries) {
    const path = join(dir, e.name);
    const kind = await entryKind(dir, e);
    if (kind === 'folder') out.push(...(await walk(path, seen)));
    else if (kind === 'file') out.push(path);
  }
  return out;
}

function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
