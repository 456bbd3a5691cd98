// SPDX-License-Identifier: MIT
// (Node only) Downloads the four IDX files of MNIST or Fashion-MNIST from the dataset's public
// mirror. Each file streams into `<name>.part` (resumed with an HTTP Range request after an
// interruption), is checked against its known SHA-256, fsynced and renamed into place; a file
// that fails the check is deleted, never kept.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { type FileHandle, mkdir, open, rename, stat, unlink } from 'node:fs/promises';
import { get as httpGet } from 'node:http';
import { get as httpsGet } from 'node:https';
import { basename, join } from 'node:path';

export type DownloadableDataset = 'mnist' | 'fashion-mnist';

export interface DatasetMirror {
  baseUrl: string;
  /** File name → SHA-256 (hex) of the gzipped file. */
  sha256: Record<string, string>;
}

/**
 * Public mirrors and the SHA-256 of each file. MNIST: PyTorch's S3 mirror of the original
 * yann.lecun.com files. Fashion-MNIST: Zalando Research's bucket. The hashes are the ones
 * torchvision and TensorFlow Datasets pin for the same files.
 */
export const DATASET_MIRRORS: Record<DownloadableDataset, DatasetMirror> = {
  mnist: {
    baseUrl: 'https://ossci-datasets.s3.amazonaws.com/mnist/',
    sha256: {
      'train-images-idx3-ubyte.gz': '440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609',
      'train-labels-idx1-ubyte.gz': '3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c',
      't10k-images-idx3-ubyte.gz': '8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6',
      't10k-labels-idx1-ubyte.gz': 'f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6',
    },
  },
  'fashion-mnist': {
    baseUrl: 'https://fashion-mnist.s3.eu-central-1.amazonaws.com/',
    sha256: {
      'train-images-idx3-ubyte.gz': '3aede38d61863908ad78613f6a32ed271626dd12800ba2636569512369268a84',
      'train-labels-idx1-ubyte.gz': 'a04f17134ac03560a47e3764e11b92fc97de4d1bfaf8ba1a3aa29af54cc90845',
      't10k-images-idx3-ubyte.gz': '346e55b948d973a97e58d2351dde16a484bd415d4595297633bb08f03db6a073',
      't10k-labels-idx1-ubyte.gz': '67da17c76eaffca5446c3361aaab5c3cd6d1c2608764d35dfb1850b086bf8dd5',
    },
  },
};

export interface DownloadProgress {
  file: string;
  received: number;
  /** Total bytes when the server says, else null. */
  total: number | null;
}

export interface DownloadOptions {
  /** Another mirror (must serve the same file names). */
  baseUrl?: string;
  /** Replaces the known hashes (tests serve their own files). */
  sha256?: Record<string, string>;
  /** How many times an interrupted transfer is resumed within one call. Default 3. */
  retries?: number;
  /** Refuse a file whose body grows past this many bytes (the known files are all under 30 MB). Default 64 MiB. */
  maxBytes?: number;
  /** Abort a request that receives nothing for this long. Default 60 s. */
  idleTimeoutMs?: number;
  onProgress?: (progress: DownloadProgress) => void;
  /** Called once per file: 'verified' (already there), 'downloaded' or 'resumed'. */
  onFile?: (file: string, outcome: 'verified' | 'downloaded' | 'resumed') => void;
}

export class DownloadError extends Error {
  override name = 'DownloadError';
  /** The host could not be reached at all (no network, wrong name, nothing listening). */
  unreachable = false;
}

/** Downloads (or verifies) the dataset's four files into dir; returns their paths. */
export async function downloadDataset(name: DownloadableDataset, dir: string, options: DownloadOptions = {}): Promise<string[]> {
  const mirror = DATASET_MIRRORS[name];
  if (!mirror) throw new DownloadError(`unknown dataset '${name}' (known: ${Object.keys(DATASET_MIRRORS).join(', ')})`);
  const baseUrl = options.baseUrl ?? mirror.baseUrl;
  const hashes = options.sha256 ?? mirror.sha256;
  await mkdir(dir, { recursive: true });
  const paths: string[] = [];
  for (const file of Object.keys(hashes)) {
    const url = new URL(file, baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`).toString();
    const path = join(dir, file);
    const outcome = await downloadFile(url, path, hashes[file], options);
    options.onFile?.(file, outcome);
    paths.push(path);
  }
  return paths;
}

/** SHA-256 (hex) of a file, streamed. */
export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

async function downloadFile(url: string, path: string, sha256: string, options: DownloadOptions): Promise<'verified' | 'downloaded' | 'resumed'> {
  if ((await sizeOf(path)) !== null && (await sha256File(path)) === sha256) return 'verified';
  const part = `${path}.part`;
  const resumed = ((await sizeOf(part)) ?? 0) > 0;
  await fetchToPart(url, part, options);
  let actual = await sha256File(part);
  if (actual !== sha256 && resumed) {
    // The old partial file may be what is wrong: start over once from byte 0.
    await unlink(part);
    await fetchToPart(url, part, options);
    actual = await sha256File(part);
  }
  if (actual !== sha256) {
    await unlink(part).catch(() => undefined);
    throw new DownloadError(`${url}: SHA-256 mismatch: expected ${sha256}, got ${actual}; the corrupt download was deleted`);
  }
  await rename(part, path);
  return resumed ? 'resumed' : 'downloaded';
}

/** Fetches url into part, continuing from part's current size; retries interrupted transfers. */
async function fetchToPart(url: string, part: string, options: DownloadOptions): Promise<void> {
  const retries = options.retries ?? 3;
  for (let attempt = 0; ; attempt++) {
    const offset = (await sizeOf(part)) ?? 0;
    try {
      await fetchOnce(url, part, offset, options);
      return;
    } catch (err) {
      if (err instanceof TooLargeError) {
        await unlink(part).catch(() => undefined);
        throw new DownloadError(`${url}: ${err.message}; the partial download was deleted`);
      }
      if (err instanceof UnreachableError) {
        if (((await sizeOf(part)) ?? 0) === 0) await unlink(part).catch(() => undefined); // leave no empty .part behind
        const host = new URL(url).host;
        throw Object.assign(new DownloadError(`could not reach ${host} (${err.message}); check the network connection, or use another mirror of the same files`), { unreachable: true });
      }
      if (!(err instanceof InterruptedError) || attempt >= retries) {
        if (err instanceof InterruptedError) {
          const have = (await sizeOf(part)) ?? 0;
          throw new DownloadError(`${url}: download interrupted after ${have} bytes (${err.message}); run again to resume from ${part}`);
        }
        throw err;
      }
    }
  }
}

/** The transfer broke off; what was received so far is on disk. */
class InterruptedError extends Error {}

/** The body passed options.maxBytes (a server sending more than any known file). */
class TooLargeError extends Error {}

/** No connection could be made (the message is the system's error code). */
class UnreachableError extends Error {}

/** The known IDX files are under 30 MB each: a body past this is not one of them. */
const DEFAULT_MAX_DOWNLOAD_BYTES = 64 * 2 ** 20;

const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'ENETDOWN', 'EHOSTDOWN']);

/**
 * Fetches url into the open part file (appending at `offset`), with Node's http/https. Listeners
 * are attached as soon as the response arrives, so every received byte is written, even when
 * the connection is cut right after. Follows up to 5 redirects.
 */
async function fetchOnce(url: string, part: string, offset: number, options: DownloadOptions): Promise<void> {
  const handle = await open(part, 'a');
  const state = { writes: Promise.resolve() as Promise<unknown> };
  try {
    await transfer(url, handle, offset, options, state, 5);
  } finally {
    await state.writes.catch(() => undefined); // everything received is on disk before we go on
    await handle.sync();
    await handle.close();
  }
  await state.writes;
}

function transfer(
  url: string,
  handle: FileHandle,
  offset: number,
  options: DownloadOptions,
  state: { writes: Promise<unknown> },
  redirects: number,
): Promise<void> {
  const idleMs = options.idleTimeoutMs ?? 60_000;
  const headers: Record<string, string> = offset > 0 ? { Range: `bytes=${offset}-` } : {};
  const file = basename(url);
  return new Promise<void>((resolve, reject) => {
    const request = (url.startsWith('https:') ? httpsGet : httpGet)(url, { headers }, (response) => {
      const status = response.statusCode ?? 0;
      const location = response.headers.location;
      if (status >= 300 && status < 400 && location && redirects > 0) {
        response.resume();
        transfer(new URL(location, url).toString(), handle, offset, options, state, redirects - 1).then(resolve, reject);
        return;
      }
      let received = offset;
      if (status === 206) {
        const range = /^bytes (\d+)-/.exec(String(response.headers['content-range'] ?? ''));
        if (!range || Number(range[1]) !== offset) {
          response.destroy();
          reject(new DownloadError(`${url}: asked for bytes from ${offset}, server sent range '${response.headers['content-range']}'`));
          return;
        }
      } else if (status === 200) {
        received = 0; // the whole file again (the server ignored Range): start the part over
        state.writes = state.writes.then(() => handle.truncate(0));
      } else if (status === 416 && offset > 0) {
        response.resume(); // nothing left to fetch: the part is complete (the hash check decides)
        resolve();
        return;
      } else {
        response.resume();
        reject(new DownloadError(`${url}: HTTP ${status} ${response.statusMessage ?? ''}`.trimEnd()));
        return;
      }
      const length = Number(response.headers['content-length']);
      const total = Number.isFinite(length) && length > 0 ? received + length : null;
      const maxBytes = options.maxBytes ?? DEFAULT_MAX_DOWNLOAD_BYTES;
      const tooLarge = (size: number) => new TooLargeError(`the server sends more than ${maxBytes} bytes (${size}${total === size ? ', as its Content-Length says' : ' so far'}), more than the file can be`);
      if (total !== null && total > maxBytes) {
        response.destroy();
        reject(tooLarge(total));
        return;
      }
      response.on('data', (chunk: Buffer) => {
        if (received + chunk.length > maxBytes) {
          response.destroy();
          reject(tooLarge(received + chunk.length));
          return;
        }
        received += chunk.length;
        state.writes = state.writes.then(() => handle.write(chunk));
        options.onProgress?.({ file, received, total });
      });
      response.on('end', () => {
        if (!response.complete || (total !== null && received < total)) reject(new InterruptedError(`got ${received} of ${total ?? '?'} bytes`));
        else resolve();
      });
      response.on('error', (err) => reject(new InterruptedError(err.message)));
      response.on('close', () => reject(new InterruptedError('connection closed early'))); // no-op once settled
    });
    request.setTimeout(idleMs, () => request.destroy(new Error(`no data for ${idleMs} ms`)));
    request.on('error', (err: NodeJS.ErrnoException) => {
      reject(err.code && UNREACHABLE.has(err.code) ? new UnreachableError(err.code) : new InterruptedError(`request failed: ${err.message}`));
    });
  });
}

async function sizeOf(path: string): Promise<number | null> {
  try {
    return (await stat(path)).size;
  } catch {
    return null;
  }
}
