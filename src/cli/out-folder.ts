// SPDX-License-Identifier: MIT
// The output folder of `nabla train`, claimed before anything is trained: created if needed,
// checked for folders standing where files will be written, for writability and (once the model
// is built) for free space, and locked with a lock file naming its holder, so two runs never
// write into the same folder. A lock whose process is gone (a killed run) is taken over.
// (A pid-based lock rather than a library: lock libraries that refresh an mtime on a timer see
// a run whose event loop is busy with a long epoch as dead.)
import { randomUUID } from 'node:crypto';
import { readFileSync, unlinkSync } from 'node:fs';
import { link, lstat, mkdir, open, readFile, rename, rmdir, statfs, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileError } from './errors.js';
import { printError } from './io.js';

export const LOCK_FILE = 'train.lock';

/** What a lock file says about its holder. */
export interface LockOwner {
  pid: number;
  host: string;
  started: string;
  command: string;
  token: string;
}

export interface OutFolder {
  dir: string;
  lockPath: string;
  /** Refuses the run when the folder's file system has less than `bytes` free. */
  checkSpace(bytes: number, what: string): Promise<void>;
  /** Removes the lock (only if it is still this run's). */
  release(): Promise<void>;
}

const REASONS: Record<string, string> = {
  EROFS: 'the file system is read-only',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EEXIST: 'a file of that name is in the way',
};

function reason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  return code && REASONS[code] ? `${REASONS[code]} (${code})` : (err as Error).message;
}

/**
 * Creates and locks `dir` for a run that writes `files` ({name: what it is}) into it. Throws a
 * file error naming the path for a folder that cannot be created or written, a folder where a
 * file goes, or a lock held by a live run.
 */
export async function claimOutFolder(dir: string, files: Record<string, string>, command: string): Promise<OutFolder> {
  let created: string | undefined; // the first folder this run created, if any
  try {
    created = await mkdir(dir, { recursive: true });
  } catch (err) {
    throw fileError(`--out ${dir}: cannot create the folder: ${reason(await realMkdirError(dir, err))}`);
  }
  const kind = await lstat(dir).catch(() => null);
  if (!kind?.isDirectory()) throw fileError(`--out ${dir} is a file, not a folder`);
  for (const [name, what] of Object.entries(files)) {
    const path = join(dir, name);
    if ((await lstat(path).catch(() => null))?.isDirectory()) {
      throw fileError(`${path} is a folder, where this run writes its ${what}: remove it or choose another --out`);
    }
  }
  const lockPath = join(dir, LOCK_FILE);
  const owner: LockOwner = { pid: process.pid, host: hostname(), started: new Date().toISOString(), command, token: randomUUID() };
  await takeLock(dir, lockPath, owner);
  const removeOnExit = () => {
    try {
      unlinkSync(lockPath);
    } catch {
      // already gone
    }
  };
  process.once('exit', removeOnExit); // process.exit() (e.g. a closed pipe) skips finally blocks
  return {
    dir,
    lockPath,
    checkSpace: async (bytes, what) => {
      let free: number;
      try {
        const s = await statfs(dir);
        free = s.bavail * s.bsize;
      } catch {
        return; // statfs not supported here: the writes will say if the disk fills
      }
      if (free < bytes) {
        throw fileError(`--out ${dir}: ${formatBytes(free)} free on its file system, this run writes about ${formatBytes(bytes)} (${what}); free some space or choose another --out`);
      }
    },
    release: async () => {
      const current = await readOwner(lockPath);
      if (current?.token === owner.token) await unlink(lockPath).catch(() => undefined);
      process.removeListener('exit', removeOnExit); // only now: an exit while releasing still removes the lock
      if (created) await removeEmpty(resolve(dir), resolve(created));
    },
  };
}

/** Removes the folders from `dir` up to `top` that a failed run created and left empty. */
async function removeEmpty(dir: string, top: string): Promise<void> {
  for (let d = dir; d.startsWith(top); d = dirname(d)) {
    try {
      await rmdir(d); // only succeeds when empty
    } catch {
      return;
    }
    if (d === top) return;
  }
}

/**
 * A recursive mkdir says ENOENT when the real trouble is a read-only or forbidden parent: make
 * the first missing folder alone to get the real reason.
 */
async function realMkdirError(dir: string, err: unknown): Promise<unknown> {
  if ((err as NodeJS.ErrnoException).code !== 'ENOENT') return err;
  let missing = resolve(dir);
  while (dirname(missing) !== missing && !(await lstat(dirname(missing)).catch(() => null))) missing = dirname(missing);
  try {
    await mkdir(missing);
    await rmdir(missing);
    return err;
  } catch (real) {
    return real;
  }
}

async function takeLock(dir: string, lockPath: string, owner: LockOwner): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const handle = await open(lockPath, 'wx');
      try {
        await handle.writeFile(JSON.stringify(owner, null, 2) + '\n');
        await handle.sync();
      } finally {
        await handle.close();
      }
      return;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') {
        await unlink(lockPath).catch(() => undefined);
        throw fileError(`--out ${dir} is not writable: ${reason(err)} (while creating ${lockPath})`);
      }
    }
    const holder = await readOwner(lockPath);
    if (!holder && (await isFresh(lockPath))) {
      throw fileError(`--out ${dir} is being claimed by another nabla train right now (${lockPath} was just created); choose another --out`);
    }
    if (holder && (holder.host !== owner.host || isAlive(holder.pid))) {
      const where = holder.host === owner.host ? 'on this machine' : `on host ${holder.host}, which cannot be checked from here`;
      throw fileError(
        `--out ${dir} is in use by another nabla train (pid ${holder.pid} ${where}, started ${holder.started}: ${holder.command}); ` +
          `wait for it to finish or choose another --out (if no such run is going on, delete ${lockPath})`,
      );
    }
    await removeStale(lockPath, holder);
  }
  throw fileError(`--out ${dir}: could not take the lock ${lockPath} (other runs keep taking it)`);
}

/**
 * Removes a lock left by a run that is gone. It is renamed away first and checked: if it is not
 * the stale lock that was read (another run took over in between), it is put back.
 */
async function removeStale(lockPath: string, stale: LockOwner | null): Promise<void> {
  const aside = `${lockPath}.stale-${process.pid}`;
  try {
    await rename(lockPath, aside);
  } catch {
    return; // gone already: someone else removed it; try again
  }
  const moved = await readOwner(aside);
  if (stale && moved?.token !== stale.token) {
    await link(aside, lockPath).catch(() => undefined); // not ours to remove: put it back (unless a new one is there)
    await unlink(aside).catch(() => undefined);
    return;
  }
  await unlink(aside).catch(() => undefined);
  const who = stale ? `pid ${stale.pid}, started ${stale.started}` : 'unreadable';
  printError(`nabla: note: removed a stale lock ${lockPath} (${who}): that run ended without removing it (killed?)`);
}

/** A lock file too new to be unreadable for any reason but that its writer is still writing it. */
async function isFresh(path: string): Promise<boolean> {
  const s = await lstat(path).catch(() => null);
  return s !== null && Date.now() - s.mtimeMs < 5000;
}

/** The lock's owner, or null when the file is missing or not a lock this code wrote. */
async function readOwner(path: string): Promise<LockOwner | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return null;
  }
  if (text.length > 10_000) return null;
  try {
    const o = JSON.parse(text) as Partial<LockOwner>;
    if (!Number.isSafeInteger(o.pid) || (o.pid as number) <= 0 || typeof o.host !== 'string' || typeof o.token !== 'string') return null;
    return { pid: o.pid as number, host: o.host, started: String(o.started ?? '?'), command: String(o.command ?? '?'), token: o.token };
  } catch {
    return null;
  }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0); // signal 0: only asks whether the process exists
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'; // exists, owned by someone else
  }
  return !isZombie(pid);
}

/** A killed process whose parent has not collected it yet still answers signal 0 (Linux: state Z in /proc). */
function isZombie(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) === 'Z';
  } catch {
    return false; // no /proc here: trust the signal
  }
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.ceil(bytes / 1024)} KiB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}
