// SPDX-License-Identifier: MIT
// Synthetic PNG shapes for the playground's browser tests (drawn with pngjs): a light ring, X or
// filled square on a dark background, at a random place and size.
import { PNG } from 'pngjs';
import type { Rng } from '../../src/tensor/rng.js';

/** A light shape on a dark background at a random place and size: a ring, an X or a filled square. */
export function shapePng(kind: string, rng: Rng): Buffer {
  const width = rng.int(40) + 40;
  const height = rng.int(24) + 40;
  const png = new PNG({ width, height });
  const r = 8 + rng.int(6);
  const cx = width / 2 + (rng.uniform() - 0.5) * 8;
  const cy = height / 2 + (rng.uniform() - 0.5) * 8;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const dx = x - cx;
      const dy = y - cy;
      const inside = kind === 'circle' ? Math.abs(Math.hypot(dx, dy) - r) < 2.5
        : kind === 'cross' ? Math.max(Math.abs(dx), Math.abs(dy)) < r && Math.abs(Math.abs(dx) - Math.abs(dy)) < 2.5
        : Math.max(Math.abs(dx), Math.abs(dy)) < r * 0.8;
      const v = Math.min(255, (inside ? 220 : 20) + rng.int(30));
      const i = 4 * (y * width + x);
      png.data[i] = v;
      png.data[i + 1] = v;
      png.data[i + 2] = v;
      png.data[i + 3] = 255;
    }
  }
  return PNG.sync.write(png);
}
