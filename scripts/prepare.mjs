#!/usr/bin/env node
// The `prepare` script: builds (npm run build) unless dist/ is already up to date. npm runs
// prepare on `npm ci` and `npm install`, and also every time `npx nabla` first runs in a folder
// (npx links the folder into its cache and "prepares" it): a full build there cost ~6 s on a
// quiet machine and far more under load before the first line. Up to date means: dist/.build-stamp
// (written after a successful build) is newer than every file and folder under src/ and the
// package and TypeScript configuration. `npm run build` always builds.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const STAMP = join('dist', '.build-stamp');
const INPUTS = ['src', 'package.json', 'tsconfig.json', 'tsconfig.build.json'];

/** Newest modification time (ms) of a file, or of a folder and everything in it (a deletion changes its folder's). */
function newest(path) {
  const s = statSync(path, { throwIfNoEntry: false });
  if (!s) return 0;
  let t = s.mtimeMs;
  if (s.isDirectory()) for (const name of readdirSync(path)) t = Math.max(t, newest(join(path, name)));
  return t;
}

/** Whether the package in `root` needs a build: no stamp, or an input newer than the stamp. */
export function isStale(root) {
  const stamp = statSync(join(root, STAMP), { throwIfNoEntry: false });
  if (!stamp) return true;
  return INPUTS.some((input) => newest(join(root, input)) > stamp.mtimeMs);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = resolve(fileURLToPath(import.meta.url), '..', '..');
  if (!isStale(root)) {
    console.error(`nabla: dist/ is up to date (${STAMP} is newer than src/); not rebuilding (npm run build forces it)`);
  } else {
    const npm = process.env.npm_execpath ? [process.execPath, [process.env.npm_execpath, 'run', 'build']] : ['npm', ['run', 'build']];
    const r = spawnSync(npm[0], npm[1], { cwd: root, stdio: 'inherit' });
    if (r.status !== 0) process.exit(r.status ?? 1);
    writeFileSync(join(root, STAMP), `${new Date().toISOString()}\n`);
  }
}
