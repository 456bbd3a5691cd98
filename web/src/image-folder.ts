// SPDX-License-Identifier: MIT
// The playground's image folders: the files of a dropped or picked folder (or of a .zip, unpacked
// with fflate) laid out as torchvision's ImageFolder reads them, <root>/<class>/<image>. Each
// image's class is the folder it sits in; class names are sorted by code point, as the CLI's.
// Images are decoded by the browser (createImageBitmap, read back through an OffscreenCanvas),
// made gray or RGB and resized as the CLI does (core's image-ops: shorter side, then centre crop),
// then split with a seeded stratified validation split; mean and std per channel are measured on
// the training split only. Files that are not readable PNG/JPEG images are listed and skipped.
import { unzipSync } from 'fflate';
import { ImageDataset, measureNormalization, renormalize, resizeAndCrop, toPlanes, validationSplit, type RgbaImage } from 'nabla';

export interface FolderFile {
  /** The path inside the folder or zip ('shapes/circle/0.png'). */
  path: string;
  bytes: Uint8Array;
}

export interface FolderOptions {
  size: number;
  channels: 1 | 3;
  /** Share of each class held back for validation. */
  validation: number;
  seed: number;
}

export interface FolderData {
  train: ImageDataset;
  validation: ImageDataset;
  /** 'name: why' for each file skipped. */
  skipped: string[];
}

const IMAGE_EXTENSION = /\.(png|jpe?g)$/i;

/** The files of the upload, zips unpacked (directories and hidden files such as .DS_Store and __MACOSX/ dropped). */
export function expandZips(files: FolderFile[]): FolderFile[] {
  const out: FolderFile[] = [];
  for (const file of files) {
    if (!/\.zip$/i.test(file.path)) {
      out.push(file);
      continue;
    }
    let entries: Record<string, Uint8Array>;
    try {
      entries = unzipSync(file.bytes);
    } catch (err) {
      throw new Error(`${file.path}: not a readable zip file (${(err as Error).message})`);
    }
    for (const [path, bytes] of Object.entries(entries)) {
      if (!path.endsWith('/')) out.push({ path: `${file.path}/${path}`, bytes });
    }
  }
  return out.filter((f) => !f.path.split('/').some((part) => part.startsWith('.') || part === '__MACOSX'));
}

/** RGBA bytes of an image, decoded by the browser; throws on anything it cannot decode. */
export async function decode(bytes: Uint8Array): Promise<RgbaImage> {
  const bitmap = await createImageBitmap(new Blob([bytes as BlobPart]), { colorSpaceConversion: 'none', premultiplyAlpha: 'none' });
  try {
    // A canvas past the browser's limits draws nothing (all zeros): refuse rather than train on a blank image.
    if (bitmap.width > 16384 || bitmap.height > 16384 || bitmap.width * bitmap.height > 64 * 1024 * 1024) {
      throw new Error(`${bitmap.width}×${bitmap.height} is too large to read in the page (at most 16384 a side and 67,108,864 pixels)`);
    }
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = canvas.getContext('2d', { willReadFrequently: true });
    if (!context) throw new Error('no 2D canvas context');
    context.drawImage(bitmap, 0, 0);
    const { data } = context.getImageData(0, 0, bitmap.width, bitmap.height);
    return { width: bitmap.width, height: bitmap.height, data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) };
  } finally {
    bitmap.close();
  }
}

/** Decodes, resizes and splits an image folder; `progress` is told how many files are done. */
export async function loadImageFolder(files: FolderFile[], name: string, options: FolderOptions, progress: (done: number, total: number) => void = () => {}): Promise<FolderData> {
  const { size, channels } = options;
  if (!(Number.isInteger(size) && size >= 1 && size <= 256)) throw new Error(`the image size must be an integer in 1..256, got ${size}`);
  const all = expandZips(files);
  const skipped: string[] = [];
  const kept: { path: string; className: string; pixels: Uint8Array }[] = [];
  for (let i = 0; i < all.length; i++) {
    const { path, bytes } = all[i];
    const parts = path.split('/');
    if (parts.length < 2 || (parts.length === 2 && /\.zip$/i.test(parts[0]))) {
      skipped.push(`${path}: not inside a class folder`);
    } else if (!IMAGE_EXTENSION.test(path)) {
      skipped.push(`${path}: not a .png, .jpg or .jpeg file`);
    } else {
      try {
        const image = resizeAndCrop(toPlanes(await decode(bytes), channels), size);
        kept.push({ path, className: parts[parts.length - 2], pixels: image.data });
      } catch (err) {
        skipped.push(`${path}: the browser cannot decode it as an image (${(err as Error).message || (err as Error).name})`);
      }
    }
    if (i % 32 === 31) progress(i + 1, all.length);
  }
  const classNames = [...new Set(kept.map((k) => k.className))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (classNames.length < 2) {
    throw new Error(`${name}: found ${kept.length} images in ${classNames.length} class folder(s); the layout is <folder>/<class>/<image> with at least two classes` +
      (skipped.length ? ` (skipped: ${skipped.slice(0, 3).join('; ')}${skipped.length > 3 ? '; …' : ''})` : ''));
  }
  const imageSize = channels * size * size;
  const bytes = new Uint8Array(kept.length * imageSize);
  kept.forEach((k, i) => bytes.set(k.pixels, i * imageSize));
  const labels = kept.map((k) => classNames.indexOf(k.className));
  const raw = ImageDataset.fromBytes(bytes, labels, { name, imageShape: [channels, size, size], numClasses: classNames.length, classNames, mean: 0, std: 1 });
  const split = validationSplit(raw.length, options.validation, options.seed, labels);
  if (split.validation.length === 0) throw new Error(`${name}: ${raw.length} images are too few to hold back a validation split`);
  const train = raw.subset(split.train, `${name} train`);
  const normalization = measureNormalization(train);
  return {
    train: renormalize(train, normalization),
    validation: renormalize(raw.subset(split.validation, `${name} validation`), normalization),
    skipped,
  };
}
