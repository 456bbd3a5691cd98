// Issue 13, the CLI's part: `nabla train` locks its --out folder (a second run is refused and
// told who holds it; a killed run's lock is taken over), fails at once naming the path for a
// folder where a file goes, a read-only folder and a full disk, never saves a non-finite model,
// and warns when a run diverges to absurd but finite losses.
import assert from 'node:assert/strict';
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { EXIT } from '../../src/cli/errors.js';
import { LOCK_FILE } from '../../src/cli/out-folder.js';
import { writeFileAtomic } from '../../src/io/node-file.js';
import { run, writeIdxFolder } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'nabla-out-'));
const mounts: string[] = [];
after(() => {
  for (const m of mounts) spawnSync('umount', [m]);
  rmSync(dir, { recursive: true, force: true });
});
const data = join(dir, 'bands');
const quick = ['--dataset', data, '--model', 'mlp', '--epochs', '1', '--batch-size', '20', '--shift', '0', '--backend', 'ref'];

before(() => writeIdxFolder(data, 28, 200, 50));

/** Mounts a tmpfs (root with CAP_SYS_ADMIN only); returns why not when it cannot. */
function mountTmpfs(path: string, options: string): string | null {
  mkdirSync(path, { recursive: true });
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', path], { encoding: 'utf8' });
  if (r.status !== 0) return `cannot mount a tmpfs here (${(r.stderr || r.error?.message || '').trim()})`;
  mounts.push(path);
  return null;
}

function waitFor(check: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  return new Promise((resolve) => {
    const tick = () => (check() ? resolve(true) : Date.now() > end ? resolve(false) : setTimeout(tick, 50));
    tick();
  });
}

describe('the --out lock', () => {
  it('a second run into the same --out is refused naming the holder; after the holder is killed its lock is taken over', async () => {
    const out = join(dir, 'shared');
    // The holder: the real command in another process, training long enough to be caught at it.
    const holder: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'train', ...quick, '--epochs', '200', '--out', out], { stdio: 'ignore' });
    const exited = new Promise((resolve) => holder.once('exit', resolve));
    try {
      assert.ok(await waitFor(() => existsSync(join(out, LOCK_FILE)), 30_000), 'the holder took the lock');
      const second = await run('train', ...quick, '--out', out);
      assert.equal(second.code, EXIT.file);
      assert.match(second.err, new RegExp(`--out .*shared is in use by another nabla train \\(pid ${holder.pid} on this machine, started .*\\); wait for it to finish or choose another --out`));
      assert.equal(second.out, '', 'refused before anything ran');
    } finally {
      holder.kill('SIGKILL');
      await exited;
    }
    assert.ok(existsSync(join(out, LOCK_FILE)), 'a killed run leaves its lock');
    const third = await run('train', ...quick, '--out', out);
    assert.equal(third.code, EXIT.ok, third.err);
    assert.match(third.err, new RegExp(`note: removed a stale lock .*${LOCK_FILE} \\(pid ${holder.pid}, started`));
    assert.ok(!existsSync(join(out, LOCK_FILE)), 'the lock is removed when the run ends');
  });

  it('two runs started together in one process: one trains, the other is refused', async () => {
    const out = join(dir, 'together');
    // main() swaps one global output, so the two runs' text is not separated here: exit codes and files tell.
    const codes = await Promise.all([run('train', ...quick, '--out', out), run('train', ...quick, '--out', out)]);
    assert.deepEqual(codes.map((r) => r.code).sort(), [EXIT.ok, EXIT.file]);
    // Which message the loser gets depends on timing: the lock is either complete (the holder's pid is named) or
    // was created a moment ago and not yet written (then it is "being claimed"). Both refuse before anything runs.
    assert.match(
      codes.map((r) => r.err).join(''),
      /is in use by another nabla train \(pid \d+ on this machine|is being claimed by another nabla train right now \(.*train\.lock was just created\)/,
    );
    assert.deepEqual(readdirSync(out).sort(), ['checkpoint.safetensors', 'history.csv', 'history.json', 'model.safetensors']);
  });

  it('a lock file that is not a lock (garbage, old) is taken over; a fresh unreadable one is not', async () => {
    const out = join(dir, 'garbage');
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, LOCK_FILE), 'not json');
    const fresh = await run('train', ...quick, '--out', out);
    assert.equal(fresh.code, EXIT.file);
    assert.match(fresh.err, /is being claimed by another nabla train right now/);
    const old = new Date(Date.now() - 60_000);
    spawnSync('touch', ['-d', old.toISOString(), join(out, LOCK_FILE)]);
    const r = await run('train', ...quick, '--out', out);
    assert.equal(r.code, EXIT.ok, r.err);
    assert.match(r.err, /removed a stale lock .* \(unreadable\)/);
  });
});

describe('--out problems fail at once, naming the path', () => {
  it('a folder where the model file goes', async () => {
    const out = join(dir, 'in-the-way');
    mkdirSync(join(out, 'model.safetensors'), { recursive: true });
    const r = await run('train', ...quick, '--out', out);
    assert.equal(r.code, EXIT.file);
    assert.match(r.err, /in-the-way\/model\.safetensors is a folder, where this run writes its model: remove it or choose another --out/);
    assert.equal(r.out, '', 'before training');
  });

  it('a read-only folder', async (t) => {
    const out = join(dir, 'read-only');
    const why = mountTmpfs(out, 'ro,size=1m');
    if (why) return t.skip(why);
    const r = await run('train', ...quick, '--out', out);
    assert.equal(r.code, EXIT.file);
    assert.match(r.err, /--out .*read-only is not writable: the file system is read-only \(EROFS\)/);
    const below = await run('train', ...quick, '--out', join(out, 'sub'));
    assert.match(below.err, /--out .*read-only\/sub: cannot create the folder: the file system is read-only \(EROFS\)/);
  });

  it('a disk without room for the model and checkpoint', async (t) => {
    const out = join(dir, 'full');
    const why = mountTmpfs(out, 'size=256k');
    if (why) return t.skip(why);
    const r = await run('train', ...quick, '--out', out);
    assert.equal(r.code, EXIT.file);
    assert.match(r.err, /--out .*full: \d+ KiB free on its file system, this run writes about [\d.]+ MiB \(model, checkpoint/);
    assert.doesNotMatch(r.out, /epoch 1/, 'before training');
    assert.deepEqual(readdirSync(out), [], 'lock removed, nothing written');
  });

  it('a write that hits a full device names the file (not the temporary file) and the reason', async () => {
    const target = join(dir, 'dev-full.safetensors');
    symlinkSync('/dev/full', `${target}.tmp-${process.pid}`); // the temporary file is where the bytes go first
    await assert.rejects(writeFileAtomic(target, new Uint8Array(1 << 16)), (err: Error & { code?: string }) => {
      assert.match(err.message, /dev-full\.safetensors: cannot write: no space left on the device \(ENOSPC\)/);
      assert.equal(err.code, 'ENOSPC');
      return true;
    });
    assert.ok(!existsSync(`${target}.tmp-${process.pid}`), 'temporary file removed');
  });
});

describe('absurd and non-finite runs', () => {
  it('a last step that makes the weights non-finite fails (exit 1) and saves neither model nor checkpoint', async () => {
    const out = join(dir, 'nan');
    // One batch per epoch, one epoch: the only step's loss is finite; its update (lr 1e300) is not.
    const r = await run('train', ...quick, '--batch-size', '200', '--lr', '1e300', '--optimizer', 'sgd', '--momentum', '0', '--schedule', 'constant', '--label-smoothing', '0', '--out', out);
    assert.equal(r.code, EXIT.failure);
    assert.match(r.err, /non-finite weights after epoch 1 \(step 1\): \d\.weight\[\d+\] is (-?Infinity|NaN); nothing of this epoch was saved/);
    assert.deepEqual(existsSync(out) ? readdirSync(out) : [], []);
  });

  it('a run that diverges to finite but absurd losses warns (and says so again at the end)', async () => {
    const out = join(dir, 'diverged');
    const r = await run('train', ...quick, '--epochs', '2', '--lr', '1e6', '--schedule', 'constant', '--out', out);
    assert.equal(r.code, EXIT.ok, r.err);
    const warnings = r.err.match(/warning: the run diverged at epoch 1: loss [\d.]+e\+\d+, far above ln\(10\) = 2\.30/g) ?? [];
    assert.equal(warnings.length, 2, r.err);
    assert.match(r.out, /epoch 1\/2 {2}loss \d\.\d{3}e\+\d+ /, 'huge losses in 4 significant digits');
    const history = JSON.parse(readFileSync(join(out, 'history.json'), 'utf8')) as { trainLoss: number }[];
    assert.ok(history.every((h) => Number.isFinite(h.trainLoss)));
  });

  it('an ordinary run does not warn', async () => {
    const r = await run('train', ...quick, '--out', join(dir, 'ordinary'));
    assert.equal(r.code, EXIT.ok, r.err);
    assert.equal(r.err, '');
  });
});
