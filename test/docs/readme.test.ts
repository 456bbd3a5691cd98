// The README's API examples must run as written (against the source, under tsx).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { it } from 'node:test';

const blocks = [...readFileSync('README.md', 'utf8').matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]);

/** Runs a README block with 'nabla' and 'nabla/node' pointing at the source, in a fresh folder. */
function runBlock(code: string): { status: number | null; stdout: string; stderr: string; dir: string } {
  const source = code
    .replace("from 'nabla/node'", `from ${JSON.stringify(resolve('src/node.ts'))}`)
    .replace("from 'nabla'", `from ${JSON.stringify(resolve('src/index.ts'))}`);
  const dir = mkdtempSync(join(tmpdir(), 'nabla-readme-'));
  const file = join(dir, 'example.mts');
  writeFileSync(file, source);
  const tsx = pathToFileURL(resolve('node_modules/tsx/dist/esm/index.mjs')).href;
  const run = spawnSync(process.execPath, ['--import', tsx, file], { encoding: 'utf8', timeout: 120_000, cwd: dir });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr, dir };
}

it('the README TypeScript example runs and its gradcheck passes', () => {
  assert.ok(blocks.length >= 2, 'README has the two ```ts blocks');
  const r = runBlock(blocks[0]);
  rmSync(r.dir, { recursive: true, force: true });
  assert.equal(r.status, 0, `example failed:\n${r.stderr}`);
  assert.match(r.stdout, /^true \{/, `gradcheck report: ${r.stdout}`);
});

it('the README save/load example trains, saves with the data settings and loads back the same model', () => {
  const r = runBlock(blocks[1]);
  try {
    assert.equal(r.status, 0, `example failed:\n${r.stderr}`);
    assert.match(r.stdout, /^true \{ mean: \[ 0\.1307 \], std: \[ 0\.3081 \] \}/, r.stdout);
    assert.ok(existsSync(join(r.dir, 'mlp.safetensors')));
  } finally {
    rmSync(r.dir, { recursive: true, force: true });
  }
});

it('the README basic block prints its summary and passes gradcheck', () => {
  const r = runBlock(blocks[2]);
  rmSync(r.dir, { recursive: true, force: true });
  assert.equal(r.status, 0, `example failed:\n${r.stderr}`);
  assert.match(r.stdout, /add\s+Add\(\)\s+bn2, downsample\s+\[1, 4, 4, 4\]/, r.stdout);
  assert.match(r.stdout, /Total parameters: 248\ntrue\n$/, r.stdout);
});
