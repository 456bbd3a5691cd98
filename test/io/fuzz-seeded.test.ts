// Seeded fuzzing in the suite (issue 13): a few hundred mutated weights files, checkpoints and
// specs (scripts/fuzz-cases.ts; scripts/fuzz.mjs runs thousands with a time and RSS watch). Every
// case must end in a correct load or a Nabla error with its own class, never a TypeError or
// RangeError, a non-finite weight accepted, or a long run.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type Format, runCase } from '../../scripts/fuzz-cases.js';

const CASES: Record<Exclude<Format, 'cli'>, number> = { weights: 120, checkpoint: 100, spec: 80 };

describe('fuzz: mutated files and specs end in a load or a Nabla error', () => {
  for (const format of Object.keys(CASES) as (keyof typeof CASES)[]) {
    it(`${format}: ${CASES[format]} seeded cases`, () => {
      const seen = { ok: 0, error: 0 };
      for (let index = 0; index < CASES[format]; index++) {
        const began = Date.now();
        const r = runCase(format, 13, index);
        assert.ok(r.outcome === 'ok' || r.outcome === 'error', `${format} case ${index} (${r.mutation}): ${r.outcome}: ${r.detail}`);
        seen[r.outcome]++;
        const ms = Date.now() - began;
        assert.ok(ms < 5000, `${format} case ${index} (${r.mutation}) took ${ms} ms`);
      }
      // The mutations must reach both ends: some files still load, most are refused.
      assert.ok(seen.error > 0, `${format}: no case was refused`);
    });
  }
});
