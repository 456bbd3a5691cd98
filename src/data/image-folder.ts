// SPDX-License-Identifier: MIT
// (Node only) Image classification data from folders, as torchvision's ImageFolder reads them:
// root/<class>/**/<image> (class names are the folder names, sorted by code point), or, when the
// user has made the split, root/train/<class>/... with root/val/ (or validation/, valid/) and
// root/test/ beside it. PNG and JPEG files are decoded once (data/decode.ts), turned into
// 1 or 3 channels and resized to size×size (data/image-ops.ts: shorter side, then centre crop),
// and kept as bytes until the dataset is built. Hidden files (.DS_Store) are passed over; any other
// file that is not a readable image is an error naming it, or, with skipBad, skipped and counted.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ImageDataset } from './dataset.js';
import { decodeImage, ImageDecodeError } from './decode.js';
import { isGray, luma, type PlanarImage, resizeAndCrop, toPlanes } from './image-ops.js';

/** Sizes up to this are kept as they are when every image has the same square size. */
export const KEEP_SIZE_UP_TO = 96;
/** The side images are resized to when they differ in size (or are larger) and no size is given. */
export const DEFAULT_IMAGE_SIZE = 64;

export interface ImageFolderOptions {
  /** 1 (gray) or 3 (RGB). Default: 1 when every image is gray, else 3. */
  channels?: 1 | 3;
  /** Side of the square images after resizing. Default: see resolveSize(). */
  size?: number;
  /** Skip unreadable and non-image files (counted in `skipped`) instead of failing. */
  skipBad?: boolean;
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
  /** Lines for the user: how the size and channels were chosen. */
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

  const skipped: string[] = [];
  const notes: string[] = [];
  const sizer = new Sizer(options.size);
  const decoded = await decodeSplits([train, validation, test], root, options, skipped, sizer);
  const gray = decoded.every((split) => split === null || split.every((image) => image.gray));
  const channels = options.channels ?? (gray ? 1 : 3);
  if (options.channels === undefined) notes.push(`${channels === 1 ? 'every image is gray: 1 channel' : 'colour images: 3 channels (RGB)'} (--channels 1 or 3 to choose)`);
  const size = sizer.finish(notes);
  const build = (split: Split | null, index: number, suffix: string): ImageDataset | null => {
    const images = decoded[index];
    if (!split || !images) return null;
    const bytes = new Uint8Array(images.length * channels * size * size);
    const labels = new Int32Array(images.length);
    images.forEach((image, i) => {
      bytes.set(toChannels(sizer.fit(image.planes), channels).data, i * channels * size * size);
      labels[i] = image.label;
    });
    return ImageDataset.fromBytes(bytes, labels, { name: `${root}${suffix ? ` ${suffix}` : ''}`, imageShape: [channels, size, size], numClasses: classNames.length, classNames });
  };
  const trainSet = build(train, 0, hasTrain ? 'train' : '')!;
  if (trainSet.length === 0) throw new ImageFolderError(`${trainDir}: no readable images (${skipped.length} skipped)`);
  return { train: trainSet, validation: build(validation, 1, valName ?? 'val'), test: build(test, 2, 'test'), classNames, channels, size, skipped, notes };
}

interface DecodedImage {
  /** RGB planes as decoded (3 channels), before resizing. */
  planes: PlanarImage;
  gray: boolean;
  label: number;
}

async function decodeSplits(splits: (Split | null)[], root: string, options: ImageFolderOptions, skipped: string[], sizer: Sizer): Promise<(DecodedImage[] | null)[]> {
  const bad: string[] = [];
  const out: (DecodedImage[] | null)[] = [];
  for (const split of splits) {
    if (!split) {
      out.push(null);
      continue;
    }
    const images: DecodedImage[] = [];
    for (const [label, files] of split.files.entries()) {
      for (const file of files) {
        try {
          const rgba = decodeImage(new Uint8Array(await readFile(file)), file);
          images.push({ planes: sizer.see(toPlanes(rgba, 3), out.concat([images])), gray: isGray(rgba), label });
        } catch (err) {
          if (!(err instanceof ImageDecodeError) && (err as NodeJS.ErrnoException).code === undefined) throw err;
          bad.push((err as Error).message);
        }
      }
    }
    out.push(images);
  }
  if (bad.length > 0 && !options.skipBad) {
    const shown = bad.slice(0, 5).map((m) => `  ${m}`).join('\n');
    throw new ImageFolderError(`${root}: ${bad.length} file${bad.length === 1 ? ' is' : 's are'} not readable images:\n${shown}${bad.length > 5 ? `\n  … and ${bad.length - 5} more` : ''}\n(--skip-bad skips them)`);
  }
  skipped.push(...bad);
  return out;
}

/**
 * Chooses the images' size as they are decoded, keeping memory bounded: a given size, else the
 * images' own when all share one square size of at most KEEP_SIZE_UP_TO, else DEFAULT_IMAGE_SIZE.
 * An image is kept at its decoded size only while "keep" is still possible (so at most
 * KEEP_SIZE_UP_TO² pixels); once not, every image is resized to the final size at once.
 */
class Sizer {
  private first: string | null = null;
  private sizes = new Set<string>();
  private target: number | null;

  constructor(readonly given: number | undefined) {
    this.target = given ?? null;
  }

  /** Records an image's size; returns it resized when the size is settled. `stored` lets earlier images be resized when it settles now. */
  see(image: PlanarImage, stored: (DecodedImage[] | null)[]): PlanarImage {
    const key = `${image.width}×${image.height}`;
    this.sizes.add(key);
    this.first ??= key;
    if (this.target === null && (key !== this.first || image.width !== image.height || image.width > KEEP_SIZE_UP_TO)) {
      this.target = DEFAULT_IMAGE_SIZE;
      for (const split of stored) for (const d of split ?? []) d.planes = this.fit(d.planes);
    }
    return this.target === null ? image : this.fit(image);
  }

  /** The image at the final size (shorter side, then centre crop). */
  fit(image: PlanarImage): PlanarImage {
    const size = this.target ?? image.width;
    return image.width === size && image.height === size ? image : resizeAndCrop(image, size);
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

function toChannels(rgb: PlanarImage, channels: 1 | 3): PlanarImage {
  if (channels === 3) return rgb;
  const plane = rgb.width * rgb.height;
  const data = new Uint8Array(plane);
  for (let i = 0; i < plane; i++) data[i] = luma(rgb.data[i], rgb.data[plane + i], rgb.data[2 * plane + i]);
  return { channels: 1, height: rgb.height, width: rgb.width, data };
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
