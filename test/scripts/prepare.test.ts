// scripts/prepare.mjs builds only when dist/ is stale, so the first `npx nabla` in a folder (npm
// runs prepare there) does not rebuild an up-to-date package.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from 'node:test';
// @ts-expect-error: a plain .mjs script without type declarations
import { isStale, STAMP } from '../../scripts/prepare.mjs';

it('isStale: no stamp, a newer source file or a deleted one → stale; an older tree → up to date', () => {
  const root = mkdtempSync(join(tmpdir(), 'nabla-prepare-'));
  try {
    const at = (path: string, seconds: number) => utimesSync(join(root, path), seconds, seconds);
    mkdirSync(join(root, 'src', 'io'), { recursive: true });
    mkdirSync(join(root, 'dist'));
    for (const file of ['package.json', 'tsconfig.json', 'tsconfig.build.json', 'src/index.ts', 'src/io/a.ts', 'src/io/b.ts']) writeFileSync(join(root, file), '{}');
    for (const path of ['package.json', 'tsconfig.json', 'tsconfig.build.json', 'src/index.ts', 'src/io/a.ts', 'src/io/b.ts', 'src/io', 'src']) at(path, 1000);
    assert.equal(isStale(root), true, 'never built');
    writeFileSync(join(root, STAMP), 'built');
    at(STAMP, 2000);
    assert.equal(isStale(root), false, 'built after every input');
    at('src/io/a.ts', 3000);
    assert.equal(isStale(root), true, 'a source edited after the build');
    at('src/io/a.ts', 1000);
    unlinkSync(join(root, 'src/io/b.ts'));
    assert.equal(isStale(root), true, 'a source deleted after the build (its folder changed)');
    at('src/io', 1000);
    at('package.json', 2500);
    assert.equal(isStale(root), true, 'package.json changed');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
