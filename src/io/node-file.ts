// SPDX-License-Identifier: MIT
// (Node only) Reading and atomically writing weight and checkpoint files. A write goes to
// `<path>.tmp-<pid>`, is fsynced, then renamed over the target, so a crash or a kill at any
// moment leaves either the previous file or the new one, never a half-written file. The next
// write removes the temporary files that killed writers left behind.
import { open, readdir, readFile, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { type CheckpointState, decodeCheckpoint, type DecodedCheckpoint, encodeCheckpoint } from './checkpoint.js';
import { decodeWeights, type DecodedWeights, encodeWeights, type LoadOptions, loadWeightsInto, type WeightSource } from './weights.js';

/** Writes bytes to path atomically (temp file, fsync, rename, fsync of the folder). */
export async function writeFileAtomic(path: string, bytes: Uint8Array): Promise<void> {
  const tmp = `${path}.tmp-${process.pid}`;
  try {
    const handle = await open(tmp, 'w');
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, path);
  } catch (err) {
    await unlink(tmp).catch(() => undefined);
    throw writeError(path, err);
  }
  await syncDirectory(dirname(path));
  await removeStaleTemporaries(path);
}

const WRITE_REASONS: Record<string, string> = {
  ENOENT: 'its folder does not exist',
  ENOTDIR: 'a part of its folder path is a file, not a folder',
  EISDIR: 'it is a folder',
  EROFS: 'the file system is read-only',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
};

/** An error naming the file that could not be written (not the temporary file) and why; keeps the code. */
function writeError(path: string, err: unknown): Error {
  const code = (err as NodeJS.ErrnoException).code;
  const reason = code && WRITE_REASONS[code] ? `${WRITE_REASONS[code]} (${code})` : (err as Error).message;
  return Object.assign(new Error(`${path}: cannot write: ${reason}`), { code });
}

/**
 * Removes `<path>.tmp-<pid>` files left by writers that were killed mid-write (their process is
 * gone). A temporary file of a process that is still alive is left alone: it may be writing.
 */
async function removeStaleTemporaries(path: string): Promise<void> {
  const prefix = `${basename(path)}.tmp-`;
  let names: string[];
  try {
    names = await readdir(dirname(path));
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(name.slice(prefix.length));
    if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid || isAlive(pid)) continue;
    await unlink(join(dirname(path), name)).catch(() => undefined);
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0); // signal 0: only asks whether the process exists
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'; // exists, owned by someone else
  }
}

/** fsync of the folder makes the rename itself durable; some systems refuse it, which is fine. */
async function syncDirectory(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // not supported here (e.g. Windows); the rename is still atomic
  }
}

export async function readBytes(path: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(path));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new Error(`${path}: no such file`);
    throw err;
  }
}

export async function saveWeights(path: string, model: WeightSource, metadata: Record<string, string> = {}): Promise<void> {
  await writeFileAtomic(path, encodeWeights(model, metadata));
}

/** Reads a weights file (or a checkpoint's weights) without a model, e.g. to rebuild it from the spec. */
export async function readWeights(path: string, options: LoadOptions = {}): Promise<DecodedWeights> {
  return decodeWeights(await readBytes(path), path, options);
}

/** Loads a weights file (or a checkpoint's weights) into the model, checking names and shapes. */
export async function loadWeights(path: string, model: WeightSource, options: LoadOptions = {}): Promise<DecodedWeights> {
  const decoded = await readWeights(path, options);
  loadWeightsInto(model, decoded.tensors, path, options);
  return decoded;
}

export async function saveCheckpoint(path: string, model: WeightSource, state: CheckpointState, metadata: Record<string, string> = {}): Promise<void> {
  await writeFileAtomic(path, encodeCheckpoint(model, state, metadata));
}

export async function loadCheckpoint(path: string, options: LoadOptions = {}): Promise<DecodedCheckpoint> {
  return decodeCheckpoint(await readBytes(path), path, options);
}
