// SPDX-License-Identifier: MIT
// (Node only) Decoding an image folder's files, in order, on the calling thread or on a pool of
// worker threads (data/decode-worker.ts) that each decode a chunk of files while the caller stores
// the records of the previous ones. Results come back in file order whatever the thread count, and
// each is computed by the same function (decodeFile), so the bytes do not depend on it.
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { decodeImage, ImageDecodeError } from './decode.js';
import { isGray, luma, type PlanarImage, resizeAndCrop, type RgbaImage, toPlanes } from './image-ops.js';

/** One decoded file: its planes at size×size (1 or 3), or why it could not be read. */
export type DecodedFile = { data: Uint8Array; channels: 1 | 3 } | { error: string };

/** Folders with fewer files than this are decoded on the calling thread (starting workers costs more). */
export const POOL_FROM_FILES = 2000;
const CHUNK = 256;

/**
 * Reads and decodes one file to `channels` planes of size×size (without given channels: 1 for a
 * gray image, 3 for colour). RGB planes are resized and cropped, then turned into PIL's luma for
 * 1 channel (resize first, then gray). A gray image (R = G = B) resizes its one plane only: its
 * luma is that plane, and its R, G and B planes would resize to the same bytes.
 */
export function decodeFile(file: string, size: number, channels: 1 | 3 | undefined): DecodedFile {
  let rgba: RgbaImage;
  try {
    rgba = decodeImage(new Uint8Array(readFileSync(file)), file);
  } catch (err) {
    if (!(err instanceof ImageDecodeError) && (err as NodeJS.ErrnoException).code === undefined) throw err;
    return { error: (err as Error).message };
  }
  const fit = (image: PlanarImage) => (image.width === size && image.height === size ? image : resizeAndCrop(image, size));
  const gray = isGray(rgba);
  if (gray && channels !== 3) return { data: fit(toPlanes(rgba, 1)).data, channels: 1 };
  const rgb = fit(toPlanes(rgba, 3));
  return channels === 1 ? { data: toGray(rgb), channels: 1 } : { data: rgb.data, channels: 3 };
}

function toGray(rgb: PlanarImage): Uint8Array {
  const plane = rgb.width * rgb.height;
  const data = new Uint8Array(plane);
  for (let i = 0; i < plane; i++) data[i] = luma(rgb.data[i], rgb.data[plane + i], rgb.data[2 * plane + i]);
  return data;
}

/** How many decoding threads a folder of `files` files gets: none below POOL_FROM_FILES, else one per core (at most 8). */
export function decodeThreads(files: number): number {
  return files < POOL_FROM_FILES ? 0 : Math.min(8, availableParallelism());
}

/** A decoding thread: dist/'s compiled worker, or, when tsx runs the sources (tests), the .ts one through tsx's loader. */
function startWorker(): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./decode-worker.js', import.meta.url));
  const tsx = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./decode-worker.ts', import.meta.url).href;
  return new Worker(`import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`, { eval: true });
}

/** Every file decoded, in order; `threads` 0 decodes on this thread. */
export async function* decodeFiles(files: string[], size: number, channels: 1 | 3 | undefined, threads: number): AsyncGenerator<DecodedFile> {
  if (threads <= 0) {
    for (const file of files) yield decodeFile(file, size, channels);
    return;
  }
  const workers = Array.from({ length: threads }, startWorker);
  const failed = new Promise<never>((_, reject) => {
    for (const worker of workers) worker.once('error', reject);
  });
  failed.catch(() => {}); // observed through Promise.race below
  const chunks: Promise<DecodedFile[]>[] = [];
  const send = (k: number) => {
    const worker = workers[k % threads];
    const part = files.slice(k * CHUNK, (k + 1) * CHUNK);
    chunks[k] = new Promise((resolve) => {
      const onMessage = (message: { k: number; results: DecodedFile[] }) => {
        if (message.k !== k) return;
        worker.off('message', onMessage);
        resolve(message.results);
      };
      worker.on('message', onMessage);
    });
    worker.postMessage({ k, files: part, size, channels });
  };
  const count = Math.ceil(files.length / CHUNK);
  try {
    // Two chunks in flight per worker: one decoding, one queued.
    for (let k = 0; k < Math.min(count, 2 * threads); k++) send(k);
    for (let k = 0; k < count; k++) {
      const results = await Promise.race([chunks[k], failed]);
      if (k + 2 * threads < count) send(k + 2 * threads);
      yield* results;
    }
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
