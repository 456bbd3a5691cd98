// Killing a process while it writes a checkpoint leaves the previous checkpoint intact and
// loadable: a child writes 24 MB checkpoints in a loop and gets SIGKILL mid-write.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, watch } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { loadCheckpoint } from '../../src/io/node-file.js';

const writer = fileURLToPath(new URL('./helpers/checkpoint-writer.ts', import.meta.url));

/**
 * Starts the writer and, once it has saved `saves` checkpoints, kills it `delayMs` after its
 * next temporary file appears (fs.watch), i.e. while that checkpoint is being written.
 */
function killDuringWrite(dir: string, path: string, saves: number, delayMs: number): Promise<{ lastSaved: number; killedWriting: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', writer, path], { stdio: ['ignore', 'pipe', 'inherit'] });
    let lastSaved = 0;
    let writing = 0;
    let killedWriting = 0;
    let buffered = '';
    const watcher = watch(dir, (_event, file) => {
      if (killedWriting || lastSaved < saves || !file?.endsWith(`.tmp-${child.pid}`) || !existsSync(join(dir, file))) return;
      killedWriting = writing;
      setTimeout(() => child.kill('SIGKILL'), delayMs);
    });
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop()!;
      for (const line of lines) {
        const [what, n] = line.split(' ');
        if (what === 'saved') lastSaved = Number(n);
        if (what === 'writing') writing = Number(n);
      }
    });
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      watcher.close();
      if (signal !== 'SIGKILL') reject(new Error(`writer exited without being killed (signal ${signal})`));
      else resolve({ lastSaved, killedWriting });
    });
  });
}

describe('checkpoint writes survive SIGKILL', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nabla-kill-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('after a kill in the middle of a write, the last complete checkpoint loads and is consistent', { timeout: 60_000 }, async () => {
    const path = join(dir, 'ckpt.safetensors');
    let sawHalfWritten = false;
    for (const delayMs of [0, 5, 15]) {
      const { lastSaved, killedWriting } = await killDuringWrite(dir, path, 2, delayMs);
      const leftovers = readdirSync(dir).filter((f) => f.includes('.tmp-'));
      if (leftovers.length > 0) sawHalfWritten = true;
      const ckpt = await loadCheckpoint(path);
      // The write in progress when killed either finished its rename or left the old file.
      assert.ok(ckpt.step === lastSaved || ckpt.step === killedWriting, `step ${ckpt.step}, last saved ${lastSaved}, killed while writing ${killedWriting}`);
      assert.ok(ckpt.step >= 2);
      const weight = ckpt.weights.get('0.weight')!.data as Float32Array;
      assert.equal(weight.length, 6_000_000);
      assert.ok(weight.every((v) => v === ckpt.step), 'every value belongs to the same checkpoint');
      assert.deepEqual(Array.from(ckpt.weights.get('0.bias')!.data as Float32Array), [-ckpt.step, -ckpt.step, -ckpt.step]);
      assert.deepEqual(ckpt.history, { saved: ckpt.step });
      for (const f of leftovers) rmSync(join(dir, f));
    }
    assert.ok(existsSync(path));
    // At least one kill must have hit a write in progress, or the test proved nothing.
    assert.ok(sawHalfWritten, 'no kill landed in the middle of a write (no temporary file was left)');
  });
});
