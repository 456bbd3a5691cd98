// Image preparation against torchvision (test/fixtures/make-image-fixtures.py): Resize(size) +
// CenterCrop(size) on PIL images, RGB and gray; PIL works in fixed point, so values may differ by 1.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { centerCrop, isGray, luma, resizeAndCrop, shorterSideSize, toPlanes } from '../../src/data/image-ops.js';

interface Case { name: string; height: number; width: number; size: number; pixels: number[]; rgb: number[]; grayFirst: number[]; gray: number[] }
const cases = JSON.parse(readFileSync(new URL('../fixtures/images.json', import.meta.url), 'utf8')) as Case[];

function rgba(c: Case): { width: number; height: number; data: Uint8Array } {
  const data = new Uint8Array(c.width * c.height * 4);
  for (let i = 0; i < c.width * c.height; i++) {
    data.set(c.pixels.slice(3 * i, 3 * i + 3), 4 * i);
    data[4 * i + 3] = 255;
  }
  return { width: c.width, height: c.height, data };
}

function expectClose(actual: Uint8Array, expected: number[], what: string): void {
  assert.equal(actual.length, expected.length, `${what}: length`);
  let worst = 0;
  let at = -1;
  for (let i = 0; i < actual.length; i++) {
    const d = Math.abs(actual[i] - expected[i]);
    if (d > worst) [worst, at] = [d, i];
  }
  assert.ok(worst <= 1, `${what}: value ${at} is ${actual[at]}, torchvision ${expected[at]}`);
}

describe('image ops (torchvision Resize + CenterCrop)', () => {
  for (const c of cases) {
    it(`${c.name}: RGB and gray within 1 of torchvision`, () => {
      const image = rgba(c);
      expectClose(resizeAndCrop(toPlanes(image, 3), c.size).data, c.rgb, `${c.name} rgb`);
      const gray = toPlanes(image, 1);
      expectClose(gray.data, c.grayFirst, `${c.name} convert('L')`);
      expectClose(resizeAndCrop(gray, c.size).data, c.gray, `${c.name} gray`);
    });
  }

  it('shorter side to size, the longer one truncated as torchvision; centre crop rounds halves to even', () => {
    assert.deepEqual(shorterSideSize(480, 640, 224), [224, 298]);
    assert.deepEqual(shorterSideSize(640, 480, 224), [298, 224]);
    assert.deepEqual(shorterSideSize(10, 10, 3), [3, 3]);
    // 1 row and 5 rows to drop: top = round(0.5) = 0 and round(2.5) = 2 (Python), not 1 and 3.
    const rows = (h: number) => ({ channels: 1, height: h, width: 1, data: Uint8Array.from({ length: h }, (_, i) => i) });
    assert.deepEqual([...centerCrop(rows(4), 3, 1).data], [0, 1, 2]);
    assert.deepEqual([...centerCrop(rows(8), 3, 1).data], [2, 3, 4]);
    assert.throws(() => centerCrop(rows(2), 3, 1), /3×1 does not fit in 2×1/);
  });

  it('gray detection and luma; alpha is dropped as PIL convert does', () => {
    const px = (r: number, g: number, b: number, a: number) => ({ width: 1, height: 1, data: Uint8Array.from([r, g, b, a]) });
    assert.equal(isGray(px(7, 7, 7, 0)), true);
    assert.equal(isGray(px(7, 8, 7, 255)), false);
    assert.equal(luma(255, 0, 0), 76);
    assert.equal(luma(255, 255, 255), 255);
    assert.deepEqual([...toPlanes(px(10, 20, 30, 0), 3).data], [10, 20, 30]);
  });
});
