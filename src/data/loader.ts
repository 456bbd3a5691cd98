// SPDX-License-Identifier: MIT
// DataLoader: batches of an ImageDataset, shuffled per epoch by a seeded Rng, optionally
// augmented; a dataset of bytes is normalised here, batch by batch. Its state (the Rng at the start of the current epoch and how many batches of it
// were served) can be saved and restored, so a resumed run sees exactly the same batches.
import type { Rng, RngState } from '../tensor/rng.js';
import { Tensor } from '../tensor/tensor.js';
import { type AugmentOptions, augmentImage, checkAugment, drawAugment, isAugmenting, type PixelStats } from './augment.js';
import type { ImageDataset } from './dataset.js';

export interface Batch {
  /** Images [B, C, H, W]. */
  x: Tensor;
  /** Class labels [B] (or [B, H, W] flattened for segmentation masks). */
  y: Int32Array;
  /** Regression: the standardised targets [B] (null for classes). */
  t: Float32Array | null;
}

export interface DataLoaderOptions {
  batchSize: number;
  /** Reshuffle every epoch (needs rng). Default true when rng is given. */
  shuffle?: boolean;
  /** Drop the last batch when it is smaller than batchSize. Default false. */
  dropLast?: boolean;
  /** Draws the shuffles and augmentations. Required for shuffle or augment. */
  rng?: Rng;
  augment?: AugmentOptions;
}

export interface DataLoaderState {
  /** The Rng state at the start of the epoch in progress (or now, between epochs). */
  rng: RngState | null;
  /** Batches of that epoch already served. */
  batchesServed: number;
}

export class DataLoader implements Iterable<Batch> {
  readonly dataset: ImageDataset;
  readonly batchSize: number;
  readonly shuffle: boolean;
  readonly dropLast: boolean;
  readonly augment: AugmentOptions | undefined;
  private readonly rng: Rng | null;
  private readonly stats: PixelStats;
  private epochStart: RngState | null = null;
  private batchesServed = 0;
  private skip = 0;

  constructor(dataset: ImageDataset, options: DataLoaderOptions) {
    const { batchSize } = options;
    if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error(`DataLoader: batchSize must be a positive integer, got ${batchSize}`);
    this.dataset = dataset;
    this.batchSize = batchSize;
    this.rng = options.rng ?? null;
    this.shuffle = options.shuffle ?? this.rng !== null;
    this.dropLast = options.dropLast ?? false;
    if (options.augment) checkAugment(options.augment); // a bad value is refused even when it would augment nothing
    this.augment = isAugmenting(options.augment) ? options.augment : undefined;
    this.stats = { mean: dataset.channelMean, std: dataset.channelStd };
    if ((this.shuffle || this.augment) && !this.rng) throw new Error('DataLoader: shuffle and augment need a seeded rng');
    if (this.augment && dataset.labelSize > 1) {
      throw new Error(`DataLoader: ${dataset.name} has label maps [${dataset.labelShape.join(', ')}]; augmentation would move the pixels but not their labels`);
    }
    if (this.dropLast && dataset.length < batchSize) {
      throw new Error(`DataLoader: ${dataset.name} has ${dataset.length} samples, fewer than one batch of ${batchSize} with dropLast`);
    }
  }

  /** Batches per epoch. */
  get length(): number {
    const n = this.dataset.length;
    return this.dropLast ? Math.floor(n / this.batchSize) : Math.ceil(n / this.batchSize);
  }

  /** One epoch of batches. After loadState() mid-epoch, the rest of that epoch. */
  *[Symbol.iterator](): Iterator<Batch> {
    const rng = this.rng;
    this.epochStart = rng ? rng.getState() : null;
    this.batchesServed = 0;
    const skip = this.skip;
    this.skip = 0;
    const n = this.dataset.length;
    const order = this.shuffle && rng ? rng.permutation(n) : Int32Array.from({ length: n }, (_, i) => i);
    for (let b = 0; b < this.length; b++) {
      const indices = order.subarray(b * this.batchSize, Math.min(n, (b + 1) * this.batchSize));
      const batch = this.makeBatch(indices, b < skip);
      this.batchesServed = b + 1;
      if (batch) yield batch;
    }
    this.epochStart = null;
    this.batchesServed = 0;
  }

  /**
   * Where the loader stands. Mid-epoch: the Rng at the epoch's start and the batches served.
   * After an epoch's last batch (even before the loop ends): the Rng now, 0 served, so a resumed
   * run starts the next epoch.
   */
  state(): DataLoaderState {
    if (this.epochStart && this.batchesServed < this.length) return { rng: { ...this.epochStart, s: [...this.epochStart.s] }, batchesServed: this.batchesServed };
    return { rng: this.rng ? this.rng.getState() : null, batchesServed: 0 };
  }

  /** Restores a state; the next iteration replays the epoch's draws and skips the served batches. */
  loadState(state: DataLoaderState): void {
    if (!Number.isInteger(state.batchesServed) || state.batchesServed < 0 || state.batchesServed > this.length) {
      throw new Error(`DataLoader.loadState: batchesServed ${state.batchesServed} is not in 0..${this.length}`);
    }
    if (this.rng && state.rng) this.rng.setState(state.rng);
    else if (this.rng || state.rng) throw new Error('DataLoader.loadState: the state and this loader disagree on having an rng');
    this.skip = state.batchesServed;
    this.epochStart = null;
    this.batchesServed = 0;
  }

  /** Copies (and augments) the samples at `indices`; when skipping, only makes the same draws. */
  private makeBatch(indices: Int32Array, skipping: boolean): Batch | null {
    const { dataset, augment, rng } = this;
    const size = dataset.imageSize;
    if (skipping) {
      if (augment && rng) for (let i = 0; i < indices.length; i++) drawAugment(rng, augment, dataset.imageShape);
      return null;
    }
    const x = new Float32Array(indices.length * size);
    const labelSize = dataset.labelSize;
    const y = new Int32Array(indices.length * labelSize);
    const t = dataset.targets ? new Float32Array(indices.length) : null;
    // Augmentation reads the normalised sample (made from the bytes just now) and writes the batch.
    const sample = augment ? new Float32Array(size) : null;
    for (let i = 0; i < indices.length; i++) {
      const j = indices[i];
      const dst = x.subarray(i * size, (i + 1) * size);
      if (sample && rng) {
        dataset.sampleInto(j, sample);
        augmentImage(sample, dst, dataset.imageShape, drawAugment(rng, augment!, dataset.imageShape), dataset.backgrounds, this.stats);
      } else {
        dataset.sampleInto(j, dst);
      }
      y.set(dataset.labels.subarray(j * labelSize, (j + 1) * labelSize), i * labelSize);
      if (t) t[i] = dataset.targets![j];
    }
    return { x: new Tensor(x, [indices.length, ...dataset.imageShape]), y, t };
  }
}
