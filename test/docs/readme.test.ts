// The README's API example must run as written (against the source, under tsx).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { it } from 'node:test';

it('the README TypeScript example runs and its gradcheck passes', () => {
  const readme = readFileSync('README.md', 'utf8');
  const match = /```ts\n([\s\S]*?)```/.exec(readme);
  assert.ok(match, 'README has a ```ts block');
  const entry = resolve('src/index.ts');
  const code = match[1].replace("from 'nabla'", `from ${JSON.stringify(entry)}`);
  const dir = mkdtempSync(join(tmpdir(), 'nabla-readme-'));
  try {
    const file = join(dir, 'example.mts');
    writeFileSync(file, code);
    const run = spawnSync(process.execPath, ['--import', 'tsx', file], { encoding: 'utf8', timeout: 60_000 });
    assert.equal(run.status, 0, `example failed:\n${run.stderr}`);
    assert.match(run.stdout, /^true \{/, `gradcheck report: ${run.stdout}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
