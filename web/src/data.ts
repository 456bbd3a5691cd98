// SPDX-License-Identifier: MIT
// The playground's data: the packed embedded digits (gzipped IDX assets, see
// scripts/pack-mnist.ts) or two IDX files the user drops on the page, as train / held-out
// ImageDatasets.
import { ImageDataset, MNIST_MEAN, MNIST_STD, readIdx } from 'nabla';

export async function fetchBytes(url: URL): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url.pathname}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

/** Images [N, H, W] (or [N, 1, H, W]) and labels [N] from IDX bytes, split 80 / 20 with seed 0. */
export async function datasetsFromIdx(imageBytes: Uint8Array, labelBytes: Uint8Array, name: string, embedded: boolean): Promise<[ImageDataset, ImageDataset]> {
  const images = await readIdx(imageBytes, `${name} images`);
  const labels = await readIdx(labelBytes, `${name} labels`);
  const shape = images.shape.length === 4 && images.shape[1] === 1 ? [images.shape[0], images.shape[2], images.shape[3]] : images.shape;
  if (images.dtype !== 'uint8' || shape.length !== 3) {
    throw new Error(`${name} images: expected uint8 [N, H, W], got ${images.dtype} [${images.shape.join(', ')}]`);
  }
  if (labels.shape.length !== 1 || labels.shape[0] !== shape[0]) {
    throw new Error(`${name} labels: expected [${shape[0]}] (one per image), got [${labels.shape.join(', ')}]`);
  }
  if (labels.dtype === 'float32' || labels.dtype === 'float64') throw new Error(`${name} labels: expected integer class labels, got ${labels.dtype}`);
  let numClasses = 0;
  for (const y of labels.data) numClasses = Math.max(numClasses, Number(y) + 1);
  // The embedded digits use MNIST's constants (as the CLI); other files get their own statistics.
  let mean = MNIST_MEAN;
  let std = MNIST_STD;
  if (!embedded) {
    let sum = 0;
    let sumSq = 0;
    for (const v of images.data as Uint8Array) {
      sum += v / 255;
      sumSq += (v / 255) ** 2;
    }
    mean = sum / images.data.length;
    std = Math.sqrt(Math.max(sumSq / images.data.length - mean * mean, 1e-12));
  }
  const all = ImageDataset.fromBytes(images.data as Uint8Array, labels.data, {
    name, imageShape: [1, shape[1], shape[2]], numClasses, mean, std,
  });
  const trainCount = embedded ? 8000 : Math.round(all.length * 0.8);
  if (trainCount < 1 || trainCount >= all.length) {
    throw new Error(`${name}: ${all.length} image${all.length === 1 ? ' is' : 's are'} too few to hold back a fifth for the held-out split`);
  }
  if (numClasses < 2) throw new Error(`${name} labels: every label is ${numClasses - 1}; a classifier needs at least 2 classes`);
  return all.split(trainCount, 0, [`${name} train`, `${name} held-out`]);
}

/** Tells an images file (rank 3 or 4) from a labels file (rank 1) by their IDX headers. */
export async function sortIdxFiles(files: { name: string; bytes: ArrayBuffer }[]): Promise<{ name: string; bytes: Uint8Array }[]> {
  if (files.length !== 2) throw new Error(`drop two IDX files (images and labels), got ${files.length}`);
  const parsed = await Promise.all(files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(f.bytes), rank: (await readIdx(new Uint8Array(f.bytes), f.name)).shape.length })));
  const images = parsed.find((f) => f.rank >= 3);
  const labels = parsed.find((f) => f.rank === 1);
  if (!images || !labels) throw new Error(`expected one images file [N, H, W] and one labels file [N]; got ranks ${parsed.map((f) => `${f.name}: ${f.rank}`).join(', ')}`);
  return [images, labels];
}
