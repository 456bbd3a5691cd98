// SPDX-License-Identifier: MIT
// Where a dataset's decoded pixels live: fixed-size records of bytes (one image [C, H, W] each,
// as decoded, before normalisation). In memory, one Uint8Array; larger than memory, a file of
// records read back by offset through a bounded LRU cache (data/image-store-file.ts, Node only).
// No Node imports: the page uses the memory store too.

/** Records of `recordSize` bytes, numbered 0..count−1. */
export interface ImageStore {
  readonly count: number;
  readonly recordSize: number;
  /** Record i's bytes (a view: read it before the next call). */
  record(i: number): Uint8Array;
  /** Bytes of decoded images this store holds in memory now. */
  readonly bytesHeld: number;
}

/** Every record in one Uint8Array (count · recordSize bytes). */
export class MemoryImageStore implements ImageStore {
  readonly count: number;

  constructor(
    readonly bytes: Uint8Array,
    readonly recordSize: number,
  ) {
    if (!Number.isInteger(recordSize) || recordSize < 1 || bytes.length % recordSize !== 0) {
      throw new Error(`MemoryImageStore: ${bytes.length} bytes do not make whole records of ${recordSize}`);
    }
    this.count = bytes.length / recordSize;
  }

  record(i: number): Uint8Array {
    return this.bytes.subarray(i * this.recordSize, (i + 1) * this.recordSize);
  }

  get bytesHeld(): number {
    return this.bytes.length;
  }
}

/**
 * A least-recently-used cache of records, holding at most floor(maxBytes / recordSize) of them
 * (at least one). A Map keeps insertion order, so re-inserting on every hit keeps the least
 * recently used first, and eviction takes the first key.
 */
export class RecordCache {
  readonly capacity: number;
  private readonly entries = new Map<number, Uint8Array>();
  hits = 0;
  misses = 0;
  /** The most records held at once. */
  peak = 0;

  constructor(
    readonly recordSize: number,
    maxBytes: number,
  ) {
    this.capacity = Math.max(1, Math.floor(maxBytes / recordSize));
  }

  /** Record i, through `load(i, buffer)` on a miss. */
  get(i: number, load: (i: number, buffer: Uint8Array) => void): Uint8Array {
    const found = this.entries.get(i);
    if (found) {
      this.hits++;
      this.entries.delete(i);
      this.entries.set(i, found);
      return found;
    }
    this.misses++;
    let buffer: Uint8Array;
    if (this.entries.size >= this.capacity) {
      // Reuse the evicted record's buffer: the cache never holds more than `capacity` buffers.
      const oldest = this.entries.keys().next().value as number;
      buffer = this.entries.get(oldest)!;
      this.entries.delete(oldest);
    } else {
      buffer = new Uint8Array(this.recordSize);
    }
    load(i, buffer);
    this.entries.set(i, buffer);
    this.peak = Math.max(this.peak, this.entries.size);
    return buffer;
  }

  get size(): number {
    return this.entries.size;
  }

  get bytesHeld(): number {
    return this.entries.size * this.recordSize;
  }
}
