// SPDX-License-Identifier: MIT
// (Node only) Decoded images larger than the memory bound: written once, as they are decoded, to a
// file of raw records (one image [C, H, W] of bytes each, record i at offset i·recordSize, no
// header), then read back by offset through an LRU cache of at most `maxBytes` bytes. The file is
// made in a fresh folder inside `dir` and unlinked as soon as it is open, so nothing is left
// behind whatever happens to the process (the disk space is freed when it exits).
// RecordSink decides where the records go: memory while they fit in maxBytes, else that file.
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ImageStore, MemoryImageStore, RecordCache } from './image-store.js';

/** Closes the file of a store nobody holds any more (a long-lived process may load many folders). */
const closeWhenCollected = new FinalizationRegistry<number>((fd) => {
  try {
    closeSync(fd);
  } catch {
    // already closed
  }
});

/** Records in a file, read through an LRU cache bounded in bytes. */
export class FileImageStore implements ImageStore {
  readonly cache: RecordCache;

  constructor(
    private readonly fd: number,
    readonly count: number,
    readonly recordSize: number,
    maxBytes: number,
    /** The file's path when it was made (it is unlinked: for messages only). */
    readonly path: string,
  ) {
    this.cache = new RecordCache(recordSize, maxBytes);
    closeWhenCollected.register(this, fd);
  }

  record(i: number): Uint8Array {
    if (!(i >= 0 && i < this.count)) throw new Error(`${this.path}: record ${i} out of range 0..${this.count - 1}`);
    return this.cache.get(i, (index, buffer) => {
      const read = readSync(this.fd, buffer, 0, this.recordSize, index * this.recordSize);
      if (read !== this.recordSize) throw new Error(`${this.path}: record ${index} is short (${read} of ${this.recordSize} bytes)`);
    });
  }

  get bytesHeld(): number {
    return this.cache.bytesHeld;
  }

  get fileBytes(): number {
    return this.count * this.recordSize;
  }
}

/** Where decoding writes: records kept in memory while count·recordSize ≤ maxBytes, else a file. */
export class RecordSink {
  private memory: Uint8Array | null = null;
  private file: { fd: number; path: string } | null = null;
  private pending: Uint8Array;
  private pendingLength = 0;
  count = 0;

  /**
   * @param expected records to come at most (room is made for them in memory when they fit)
   * @param recordSize bytes per record (may grow 3× once, expandToRgb)
   * @param maxBytes the memory bound for decoded images
   * @param dir where the file goes when they do not fit (default: the system's temporary folder)
   */
  constructor(
    private readonly expected: number,
    public recordSize: number,
    readonly maxBytes: number,
    private readonly dir: string = tmpdir(),
  ) {
    this.pending = new Uint8Array(0);
    if (expected * recordSize <= maxBytes) this.memory = new Uint8Array(expected * recordSize);
    else this.openFile();
  }

  get inMemory(): boolean {
    return this.memory !== null;
  }

  push(record: Uint8Array): void {
    if (record.length !== this.recordSize) throw new Error(`RecordSink: a record of ${record.length} bytes, expected ${this.recordSize}`);
    if (this.memory) this.memory.set(record, this.count * this.recordSize);
    else this.write(record);
    this.count++;
  }

  /** Turns every record so far from 1 plane into 3 equal planes (gray images as RGB), and later ones must come as 3. */
  expandToRgb(): void {
    const plane = this.recordSize;
    const old = this.memory;
    const oldFile = this.file;
    this.flush();
    const count = this.count;
    this.recordSize = 3 * plane;
    this.count = 0;
    if (old && this.expected * this.recordSize <= this.maxBytes) this.memory = new Uint8Array(this.expected * this.recordSize);
    else {
      this.memory = null;
      this.openFile();
    }
    const rgb = new Uint8Array(3 * plane);
    const one = new Uint8Array(plane);
    for (let i = 0; i < count; i++) {
      if (old) one.set(old.subarray(i * plane, (i + 1) * plane));
      else readSync(oldFile!.fd, one, 0, plane, i * plane);
      for (let c = 0; c < 3; c++) rgb.set(one, c * plane);
      this.push(rgb);
    }
    if (oldFile) closeSync(oldFile.fd);
  }

  /** The records written, as a store: in memory, or the file read through a cache of maxBytes. */
  finish(): ImageStore {
    if (this.memory) return new MemoryImageStore(this.memory.subarray(0, this.count * this.recordSize), this.recordSize);
    this.flush();
    return new FileImageStore(this.file!.fd, this.count, this.recordSize, this.maxBytes, this.file!.path);
  }

  /** Drops what was written: closes the file (its space goes with it), for a sink that will not finish. */
  discard(): void {
    if (this.file) closeSync(this.file.fd);
    this.file = null;
    this.memory = null;
    this.count = 0;
  }

  /** Bytes of the file (0 in memory). */
  get fileBytes(): number {
    return this.memory ? 0 : this.count * this.recordSize;
  }

  get path(): string | null {
    return this.file?.path ?? null;
  }

  private openFile(): void {
    const folder = mkdtempSync(join(this.dir, '.nabla-images-'));
    const path = join(folder, 'images.u8');
    const fd = openSync(path, 'w+');
    // Unlinked at once: the records stay readable through fd, and no file outlives the process
    // (where the system refuses to unlink an open file, it goes when the process exits).
    try {
      rmSync(folder, { recursive: true, force: true });
    } catch {
      process.once('exit', () => {
        closeSync(fd);
        rmSync(folder, { recursive: true, force: true });
      });
    }
    this.file = { fd, path };
    // Records are written 1 MiB at a time (this buffer is the only other memory the file costs).
    this.pending = new Uint8Array(Math.max(this.recordSize, 1 << 20));
    this.pendingLength = 0;
  }

  private write(record: Uint8Array): void {
    if (this.pendingLength + record.length > this.pending.length) this.flush();
    if (record.length > this.pending.length) this.pending = new Uint8Array(record.length);
    this.pending.set(record, this.pendingLength);
    this.pendingLength += record.length;
  }

  private flush(): void {
    if (!this.file || this.pendingLength === 0) return;
    const position = this.count * this.recordSize - this.pendingLength;
    let done = 0;
    while (done < this.pendingLength) done += writeSync(this.file.fd, this.pending, done, this.pendingLength - done, position + done);
    this.pendingLength = 0;
  }
}
