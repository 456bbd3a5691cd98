// SPDX-License-Identifier: MIT
// An image classification dataset and its integer labels. Images are kept one of two ways: as
// bytes (decoded pixels, [C, H, W] per image, in an ImageStore: memory or a file read through a
// bounded cache), normalised (x/255 − mean[c]) / std[c] per channel c only when a batch is made,
// through a table of the 256 values per channel; or as one Float32Array [N, C, H, W] already
// normalised (tables, which have no bytes). Splits and subsets are deterministic; a subset of
// bytes is a view of the same store (indices), so it copies no pixels.
import { Rng } from '../tensor/rng.js';
import { Tensor } from '../tensor/tensor.js';
import { type ImageStore, MemoryImageStore } from './image-store.js';

/** An image dataset's pixels as bytes. */
export interface BytePixels {
  store: ImageStore;
  /** Sample i is record indices[i] of the store (default: record i). */
  indices?: Int32Array;
  /** The normalised value of byte v in channel c is table[c·256 + v] (normalizationTable()). */
  table: Float32Array;
}

export interface ImageDatasetInit {
  /** Where it came from, for messages ('mnist (embedded) train'). */
  name: string;
  /** The normalised images [N, C, H, W]; or `pixels`. */
  images?: Float32Array;
  /** The images as bytes, normalised per batch; or `images`. */
  pixels?: BytePixels;
  labels: Int32Array;
  /** One image's shape [C, H, W]. */
  imageShape: [number, number, number];
  numClasses: number;
  classNames?: string[];
  /**
   * The normalisation already applied: x = (raw/255 − mean[c]) / std[c]; one number applies to
   * every channel. Predict applies it to new images.
   */
  mean?: number | readonly number[];
  std?: number | readonly number[];
  /**
   * Shape of one sample's label: [] (default) for one class per image, [H, W] for a class per
   * pixel (segmentation masks: labels holds N·H·W classes, sample after sample).
   */
  labelShape?: number[];
  /**
   * Regression: one standardised target per sample, (value − targetScale.mean) / targetScale.std;
   * then numClasses is 1 (one output), labels are all 0 and only `targets` is trained on.
   */
  targets?: Float32Array;
  /** Regression: the target's mean and std in its own units (to report RMSE and de-standardise predictions). */
  targetScale?: TargetScale;
}

export interface TargetScale {
  mean: number;
  std: number;
}

/** One value per channel from a number (every channel) or a list of C values. */
function perChannel(value: number | readonly number[] | undefined, fallback: number, channels: number, what: string): number[] {
  if (value === undefined) return new Array<number>(channels).fill(fallback);
  if (typeof value === 'number') return new Array<number>(channels).fill(value);
  if (value.length !== channels) throw new Error(`${what}: ${value.length} values for ${channels} channels`);
  return [...value];
}

/**
 * Per channel c and byte v: (v/255 − mean[c]) / std[c] as float32, computed as v·(1/(255·std[c]))
 * − mean[c]/std[c] in float64 (the table has C·256 entries).
 */
export function normalizationTable(mean: readonly number[], std: readonly number[]): Float32Array {
  const table = new Float32Array(mean.length * 256);
  for (let c = 0; c < mean.length; c++) {
    const scale = 1 / (255 * std[c]);
    const shift = mean[c] / std[c];
    for (let v = 0; v < 256; v++) table[c * 256 + v] = v * scale - shift;
  }
  return table;
}

export class ImageDataset {
  readonly name: string;
  /** The images as bytes (null for a dataset of floats). */
  readonly pixels: BytePixels | null;
  private floats: Float32Array | null;
  readonly labels: Int32Array;
  readonly imageShape: [number, number, number];
  readonly numClasses: number;
  readonly classNames: string[];
  /** Per channel: x = (raw/255 − channelMean[c]) / channelStd[c]. */
  readonly channelMean: number[];
  readonly channelStd: number[];
  readonly labelShape: number[];
  /** Regression targets (standardised), or null for classes. */
  readonly targets: Float32Array | null;
  readonly targetScale: TargetScale | null;

  constructor(init: ImageDatasetInit) {
    const [c, h, w] = init.imageShape;
    const labelShape = init.labelShape ?? [];
    const labelSize = labelShape.reduce((a, b) => a * b, 1);
    if (!labelShape.every((d) => Number.isInteger(d) && d >= 1) || init.labels.length % labelSize !== 0) {
      throw new Error(`${init.name}: ${init.labels.length} labels do not make whole label maps of shape [${labelShape.join(', ')}]`);
    }
    const n = init.labels.length / labelSize;
    if ((init.images === undefined) === (init.pixels === undefined)) throw new Error(`${init.name}: give the images either as floats (images) or as bytes (pixels)`);
    if (init.images && init.images.length !== n * c * h * w) {
      throw new Error(`${init.name}: ${n} labels need ${n * c * h * w} image values of shape [${c}, ${h}, ${w}], got ${init.images.length}`);
    }
    if (init.pixels) checkPixels(init.name, init.pixels, n, [c, h, w]);
    if (!Number.isInteger(init.numClasses) || init.numClasses < 1) throw new Error(`${init.name}: numClasses must be a positive integer, got ${init.numClasses}`);
    for (let i = 0; i < init.labels.length; i++) {
      const y = init.labels[i];
      if (y < 0 || y >= init.numClasses) {
        throw new Error(`${init.name}: label ${y} of sample ${Math.floor(i / labelSize)} is out of range for ${init.numClasses} classes (0..${init.numClasses - 1})`);
      }
    }
    if (init.classNames && init.classNames.length !== init.numClasses) {
      throw new Error(`${init.name}: ${init.classNames.length} class names for ${init.numClasses} classes`);
    }
    this.name = init.name;
    this.floats = init.images ?? null;
    this.pixels = init.pixels ? { ...init.pixels } : null;
    this.labels = init.labels;
    this.imageShape = [c, h, w];
    this.numClasses = init.numClasses;
    this.classNames = init.classNames ?? Array.from({ length: init.numClasses }, (_, i) => String(i));
    this.channelMean = perChannel(init.mean, 0, c, `${init.name}: mean`);
    this.channelStd = perChannel(init.std, 1, c, `${init.name}: std`);
    this.labelShape = [...labelShape];
    this.targets = init.targets ?? null;
    this.targetScale = init.targets ? (init.targetScale ?? { mean: 0, std: 1 }) : null;
    if (this.targets && (this.targets.length !== n || labelSize !== 1 || init.numClasses !== 1)) {
      throw new Error(`${init.name}: regression needs one target per sample (${n}), one output (numClasses 1) and no label maps; got ${this.targets.length} targets, numClasses ${init.numClasses}`);
    }
  }

  /** True when the samples carry regression targets instead of classes. */
  get isRegression(): boolean {
    return this.targets !== null;
  }

  /** The mean of channel 0 (the only one of a grayscale dataset). */
  get mean(): number {
    return this.channelMean[0];
  }

  /** The std of channel 0 (the only one of a grayscale dataset). */
  get std(): number {
    return this.channelStd[0];
  }

  /**
   * A dataset of raw bytes (0..255) whose value of channel c is normalised to (v/255 − mean[c]) /
   * std[c] when batches are made. `images` holds N·C·H·W bytes in NCHW order (an IDX image file's
   * data, with C = 1); it is kept, not copied.
   */
  static fromBytes(
    images: Uint8Array,
    labels: ArrayLike<number>,
    options: Omit<ImageDatasetInit, 'images' | 'pixels' | 'labels'>,
  ): ImageDataset {
    const [C, H, W] = options.imageShape;
    const n = labels.length / (options.labelShape ?? []).reduce((a, b) => a * b, 1);
    if (images.length !== n * C * H * W) {
      throw new Error(`${options.name}: ${n} labels need ${n * C * H * W} image values of shape [${C}, ${H}, ${W}], got ${images.length}`);
    }
    return ImageDataset.fromStore(new MemoryImageStore(images, C * H * W), labels, options);
  }

  /** A dataset of the records of an ImageStore (one image [C, H, W] each), normalised as fromBytes. */
  static fromStore(
    store: ImageStore,
    labels: ArrayLike<number>,
    options: Omit<ImageDatasetInit, 'images' | 'pixels' | 'labels'> & { indices?: Int32Array },
  ): ImageDataset {
    const { indices, ...rest } = options;
    const C = options.imageShape[0];
    const mean = perChannel(options.mean, 0, C, `${options.name}: mean`);
    const std = perChannel(options.std, 1, C, `${options.name}: std`);
    const pixels = { store, indices, table: normalizationTable(mean, std) };
    return new ImageDataset({ ...rest, pixels, labels: Int32Array.from(labels), mean, std });
  }

  /**
   * The normalised images [N, C, H, W] as one Float32Array. A dataset of bytes makes it on first
   * use and keeps it (4 bytes a value: the memory the bytes were kept to save); fit, evaluate
   * and the DataLoader never ask for it, they read samples (sampleInto, slice).
   */
  get images(): Float32Array {
    if (!this.floats) {
      const size = this.imageSize;
      const all = new Float32Array(this.length * size);
      for (let j = 0; j < this.length; j++) this.sampleInto(j, all.subarray(j * size, (j + 1) * size));
      this.floats = all;
    }
    return this.floats;
  }

  /** 'uint8' when the images are kept as bytes, 'float32' when as normalised floats. */
  get storage(): 'uint8' | 'float32' {
    return this.pixels ? 'uint8' : 'float32';
  }

  /** Bytes of image data this dataset reads from memory (a store shared by splits counts in each). */
  get bytesHeld(): number {
    return this.pixels ? this.pixels.store.bytesHeld : this.floats!.byteLength;
  }

  /** The store's record of sample j (bytes datasets only). */
  recordOf(j: number): number {
    const { indices } = this.pixels!;
    return indices ? indices[j] : j;
  }

  /** Writes sample j's normalised image (C·H·W floats) into dst. */
  sampleInto(j: number, dst: Float32Array): void {
    if (!this.pixels) {
      const size = this.imageSize;
      dst.set(this.floats!.subarray(j * size, (j + 1) * size));
      return;
    }
    const { store, table } = this.pixels;
    const bytes = store.record(this.recordOf(j));
    const plane = this.imageShape[1] * this.imageShape[2];
    for (let c = 0, i = 0; c < this.imageShape[0]; c++) {
      const offset = c * 256;
      for (let end = i + plane; i < end; i++) dst[i] = table[offset + bytes[i]];
    }
  }

  /** The images of samples [start, end) as one tensor [B, C, H, W] (a view for floats, normalised now for bytes). */
  slice(start: number, end: number): Tensor {
    const size = this.imageSize;
    if (!this.pixels) return new Tensor(this.floats!.subarray(start * size, end * size), [end - start, ...this.imageShape]);
    const x = new Float32Array((end - start) * size);
    for (let j = start; j < end; j++) this.sampleInto(j, x.subarray((j - start) * size, (j - start + 1) * size));
    return new Tensor(x, [end - start, ...this.imageShape]);
  }

  get length(): number {
    return this.labels.length / this.labelSize;
  }

  /** Labels per sample: 1, or H·W for segmentation masks. */
  get labelSize(): number {
    return this.labelShape.reduce((a, b) => a * b, 1);
  }

  /** Values per image, C·H·W. */
  get imageSize(): number {
    return this.imageShape[0] * this.imageShape[1] * this.imageShape[2];
  }

  /** The normalised value of a black (raw 0) pixel of channel 0: what padding should fill with. */
  get background(): number {
    return -this.mean / this.std;
  }

  /** The normalised value of a black pixel, per channel. */
  get backgrounds(): number[] {
    return this.channelMean.map((m, c) => -m / this.channelStd[c]);
  }

  /** A new dataset of the samples at `indices`, in that order (copies floats; a dataset of bytes shares its store). */
  subset(indices: ArrayLike<number>, name = this.name): ImageDataset {
    const size = this.imageSize;
    const labelSize = this.labelSize;
    const labels = new Int32Array(indices.length * labelSize);
    const images = this.pixels ? null : new Float32Array(indices.length * size);
    const records = this.pixels ? new Int32Array(indices.length) : null;
    for (let i = 0; i < indices.length; i++) {
      const j = indices[i];
      if (!Number.isInteger(j) || j < 0 || j >= this.length) throw new Error(`${this.name}.subset: index ${j} out of range 0..${this.length - 1}`);
      if (records) records[i] = this.recordOf(j);
      else images!.set(this.floats!.subarray(j * size, (j + 1) * size), i * size);
      labels.set(this.labels.subarray(j * labelSize, (j + 1) * labelSize), i * labelSize);
    }
    const targets = this.targets ? Float32Array.from(indices, (j) => this.targets![j]) : undefined;
    const pixels = records ? { ...this.pixels!, indices: records } : undefined;
    return new ImageDataset({ ...this.describe(name), ...(images ? { images } : { pixels }), labels, targets });
  }

  /**
   * Splits into two datasets: a seeded permutation, the first `firstCount` samples go to the
   * first part. The same seed always gives the same split.
   */
  split(firstCount: number, seed: number, names: [string, string] = [`${this.name} train`, `${this.name} held-out`]): [ImageDataset, ImageDataset] {
    if (!Number.isInteger(firstCount) || firstCount < 0 || firstCount > this.length) {
      throw new Error(`${this.name}.split: first part must have 0..${this.length} samples, got ${firstCount}`);
    }
    const order = new Rng(seed).permutation(this.length);
    return [this.subset(order.subarray(0, firstCount), names[0]), this.subset(order.subarray(firstCount), names[1])];
  }

  /** Samples per class. */
  classCounts(): number[] {
    const counts = new Array<number>(this.numClasses).fill(0);
    for (const y of this.labels) counts[y]++;
    return counts;
  }

  /** The first `count` samples as one tensor [count, C, H, W] (handy for summaries and tests). */
  head(count: number): Tensor {
    const n = Math.min(count, this.length);
    const x = this.slice(0, n);
    return this.pixels ? x : new Tensor(x.data.slice(), x.shape);
  }

  private describe(name: string): Omit<ImageDatasetInit, 'images' | 'pixels' | 'labels' | 'targets'> {
    return {
      name,
      imageShape: this.imageShape,
      numClasses: this.numClasses,
      classNames: this.classNames,
      mean: this.channelMean,
      std: this.channelStd,
      labelShape: this.labelShape,
      ...(this.targetScale ? { targetScale: this.targetScale } : {}),
    };
  }
}

/** Checks that a store's records fit the samples and their shape, naming the dataset. */
function checkPixels(name: string, pixels: BytePixels, n: number, [c, h, w]: number[]): void {
  const { store, indices, table } = pixels;
  if (store.recordSize !== c * h * w) throw new Error(`${name}: images of shape [${c}, ${h}, ${w}] need ${c * h * w} bytes each, the store's records have ${store.recordSize}`);
  const count = indices ? indices.length : store.count;
  if (count !== n) throw new Error(`${name}: ${n} labels for ${count} images`);
  if (table.length !== c * 256) throw new Error(`${name}: a normalisation table needs ${c * 256} values for ${c} channels, got ${table.length}`);
  if (indices) {
    for (let i = 0; i < indices.length; i++) {
      if (!(indices[i] >= 0 && indices[i] < store.count)) throw new Error(`${name}: sample ${i} is record ${indices[i]}, outside the store's 0..${store.count - 1}`);
    }
  }
}

/** One-hot rows [N, numClasses] for integer labels (for losses that take dense targets, e.g. MSE). */
export function oneHot(labels: ArrayLike<number>, numClasses: number): Tensor {
  const out = Tensor.zeros([labels.length, numClasses]);
  for (let i = 0; i < labels.length; i++) {
    const y = labels[i];
    if (!Number.isInteger(y) || y < 0 || y >= numClasses) throw new Error(`oneHot: label ${y} at ${i} is out of range for ${numClasses} classes`);
    out.data[i * numClasses + y] = 1;
  }
  return out;
}
