// SPDX-License-Identifier: MIT
// An in-memory image classification dataset: images as one Float32Array [N, C, H, W],
// normalised (x/255 − mean[c]) / std[c] per channel c, and integer labels. Splits and subsets
// are deterministic.
import { Rng } from '../tensor/rng.js';
import { Tensor } from '../tensor/tensor.js';

export interface ImageDatasetInit {
  /** Where it came from, for messages ('mnist (embedded) train'). */
  name: string;
  images: Float32Array;
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

export class ImageDataset {
  readonly name: string;
  readonly images: Float32Array;
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
    if (init.images.length !== n * c * h * w) {
      throw new Error(`${init.name}: ${n} labels need ${n * c * h * w} image values of shape [${c}, ${h}, ${w}], got ${init.images.length}`);
    }
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
    this.images = init.images;
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
   * Builds a dataset from raw bytes (0..255), normalising each value of channel c to
   * (v/255 − mean[c]) / std[c]. `images` holds N·C·H·W bytes in NCHW order (an IDX image file's
   * data, with C = 1).
   */
  static fromBytes(
    images: Uint8Array,
    labels: ArrayLike<number>,
    options: Omit<ImageDatasetInit, 'images' | 'labels'>,
  ): ImageDataset {
    const [C, H, W] = options.imageShape;
    const mean = perChannel(options.mean, 0, C, `${options.name}: mean`);
    const std = perChannel(options.std, 1, C, `${options.name}: std`);
    const x = new Float32Array(images.length);
    const plane = H * W;
    for (let start = 0; start < images.length; start += plane) {
      const c = (start / plane) % C;
      const scale = 1 / (255 * std[c]);
      const shift = mean[c] / std[c];
      for (let i = start; i < Math.min(images.length, start + plane); i++) x[i] = images[i] * scale - shift;
    }
    return new ImageDataset({ ...options, images: x, labels: Int32Array.from(labels), mean, std });
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

  /** A new dataset of the samples at `indices`, in that order (copies the pixels). */
  subset(indices: ArrayLike<number>, name = this.name): ImageDataset {
    const size = this.imageSize;
    const images = new Float32Array(indices.length * size);
    const labelSize = this.labelSize;
    const labels = new Int32Array(indices.length * labelSize);
    for (let i = 0; i < indices.length; i++) {
      const j = indices[i];
      if (!Number.isInteger(j) || j < 0 || j >= this.length) throw new Error(`${this.name}.subset: index ${j} out of range 0..${this.length - 1}`);
      images.set(this.images.subarray(j * size, (j + 1) * size), i * size);
      labels.set(this.labels.subarray(j * labelSize, (j + 1) * labelSize), i * labelSize);
    }
    const targets = this.targets ? Float32Array.from(indices, (j) => this.targets![j]) : undefined;
    return new ImageDataset({ ...this.describe(name), images, labels, targets });
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
    return new Tensor(this.images.slice(0, n * this.imageSize), [n, ...this.imageShape]);
  }

  private describe(name: string): Omit<ImageDatasetInit, 'images' | 'labels' | 'targets'> {
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
