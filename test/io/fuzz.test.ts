// Issue 13: a seeded, bounded fuzz of the loaders in the suite (the full campaign is
// scripts/fuzz.ts, run on demand). Every mutated weights file, checkpoint and JSON spec must end in
// a Nabla error with a clear message or a correct, finite load — never a RangeError/TypeError,
// a silent NaN, a hang or an allocation far beyond the file.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { baseFiles, type Format, makeCases, runApiCase } from '../helpers/fuzz-cases.js';

const CASES = 150;
const bases = baseFiles();

describe('fuzz: mutated files and specs through the public API (seeded)', () => {
  for (const [k, format] of (['weights', 'checkpoint', 'spec'] as Format[]).entries()) {
    it(`${CASES} mutated ${format} cases: a clear Nabla error or a finite load`, { timeout: 20_000 }, () => {
      const counts = { loaded: 0, refused: 0 };
      const startRss = process.memoryUsage().rss;
      for (const c of makeCases(format, CASES, 1000 + k, bases)) {
        const outcome = runApiCase(c);
        assert.ok(outcome.kind === 'loaded' || outcome.kind === 'refused', `${format} / ${c.mutation}: ${JSON.stringify(outcome)}`);
        if (outcome.kind === 'refused') assert.ok(outcome.error.length > 20, `${c.mutation}: message too short: ${outcome.error}`);
        counts[outcome.kind]++;
        // the stated limit is 2^27 elements (512 MB); these files are a few kB
        assert.ok(process.memoryUsage().rss - startRss < 400e6, `${format} / ${c.mutation}: RSS grew by ${((process.memoryUsage().rss - startRss) / 1e6).toFixed(0)} MB`);
      }
      // the mutations must reach both outcomes, or the test would test nothing
      assert.ok(counts.refused > CASES / 2, `only ${counts.refused} refusals`);
      if (format !== 'spec') assert.ok(counts.loaded > 0, 'no mutation kept the file loadable');
    });
  }

  it('the base files load (the cases start from valid input)', () => {
    for (const format of ['weights', 'checkpoint', 'spec'] as Format[]) {
      assert.deepEqual(runApiCase({ format, mutation: 'none', bytes: bases[format] }), { kind: 'loaded' });
    }
  });
});
