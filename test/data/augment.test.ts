// Photo augmentation: the geometry of rotations, flips and crops on crafted draws, colour jitter on
// raw values, and the draws' ranges (RandomResizedCrop's area share and aspect ratio, angles).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { augmentImage, type AugmentDraw, drawAugment, type PhotoDraw } from '../../src/data/augment.js';
import { Rng } from '../../src/tensor/rng.js';

const still: PhotoDraw = { verticalFlip: false, box: [0, 0, 4, 4], angle: 0, brightness: 1, contrast: 1, saturation: 1, order: [0, 1, 2] };
const draw = (photo: Partial<PhotoDraw>, extra: Partial<AugmentDraw> = {}): AugmentDraw => ({ dy: 0, dx: 0, flip: false, ...extra, photo: { ...still, ...photo } });
const image = Float32Array.from({ length: 16 }, (_, i) => i); // 4×4, value = 4·row + column

function apply(d: AugmentDraw, src = image, shape: [number, number, number] = [1, 4, 4], stats?: { mean: number[]; std: number[] }): number[] {
  const dst = new Float32Array(src.length);
  augmentImage(src, dst, shape, d, -1, stats);
  return Array.from(dst, (v) => Math.round(v * 1e4) / 1e4);
}

describe('photo augmentation', () => {
  it('no change draws give the image back; flips mirror it', () => {
    assert.deepEqual(apply(draw({})), Array.from(image));
    assert.deepEqual(apply(draw({ verticalFlip: true })).slice(0, 4), [12, 13, 14, 15]);
    assert.deepEqual(apply(draw({}, { flip: true })).slice(0, 4), [3, 2, 1, 0]);
  });

  it('a quarter turn is an exact rotation about the centre; a shift of the photo path fills with the background', () => {
    const turned = apply(draw({ angle: Math.PI / 2 }));
    // out(h, w) reads src at (w, 3 − h): the first row of the output is the last column, top to bottom... of src read rotated
    for (let h = 0; h < 4; h++) for (let w = 0; w < 4; w++) assert.equal(turned[h * 4 + w], image[w * 4 + (3 - h)], `(${h}, ${w})`);
    const shifted = apply(draw({}, { dy: 1 }));
    assert.deepEqual(shifted.slice(0, 4), [-1, -1, -1, -1]);
    assert.deepEqual(shifted.slice(4, 8), [0, 1, 2, 3]);
  });

  it('a crop box is stretched to the whole image (bilinear): the top-left 2×2 box doubles in size', () => {
    const zoomed = apply(draw({ box: [0, 0, 2, 2] }));
    // output pixel h reads source row (h + 0.5)/2 − 0.5: −0.25, 0.25, 0.75, 1.25, clamped to the box's rows 0..1
    assert.deepEqual(zoomed.slice(0, 4), [0, 0.25, 0.75, 1]);
    assert.deepEqual([zoomed[0], zoomed[4], zoomed[8], zoomed[12]], [0, 1, 3, 4]);
  });

  it('colour jitter works on raw values: brightness scales them, clamped to [0, 1]; saturation 0 makes colours gray', () => {
    const stats = { mean: [0.5], std: [0.25] };
    const raw = Float32Array.from([0.1, 0.2, 0.4, 0.8], (v) => (v - 0.5) / 0.25);
    const bright = apply(draw({ box: [0, 0, 2, 2], brightness: 2 }), raw, [1, 2, 2], stats);
    assert.deepEqual(bright, [0.2, 0.4, 0.8, 1].map((v) => Math.round(((v - 0.5) / 0.25) * 1e4) / 1e4));
    const rgb = Float32Array.from([1, 1, 0, 0, 0, 0]); // two red pixels (planes R, G, B), raw (mean 0, std 1)
    const gray = apply(draw({ box: [0, 0, 1, 2], saturation: 0 }), rgb, [3, 1, 2], { mean: [0, 0, 0], std: [1, 1, 1] });
    assert.deepEqual(gray, [0.299, 0.299, 0.299, 0.299, 0.299, 0.299]);
  });

  it('draws: crop area share in [scale, 1] and aspect ratio in [3/4, 4/3] (rounded), angles within ±rotate, the same seed the same draws', () => {
    const rng = new Rng(1);
    for (let i = 0; i < 300; i++) {
      const d = drawAugment(rng, { cropScale: 0.3, rotate: 10, jitter: 0.2 }, [3, 32, 48]);
      const [top, left, h, w] = d.photo!.box;
      assert.ok(top >= 0 && left >= 0 && top + h <= 32 && left + w <= 48, `box ${d.photo!.box} inside 32×48`);
      assert.ok((h * w) / (32 * 48) >= 0.3 - 0.05 && (h * w) / (32 * 48) <= 1.0001, `area share ${(h * w) / (32 * 48)}`);
      assert.ok(w / h >= 0.7 && w / h <= 1.43, `ratio ${w / h}`);
      assert.ok(Math.abs(d.photo!.angle) <= (10 * Math.PI) / 180);
      assert.ok(d.photo!.brightness >= 0.8 && d.photo!.brightness <= 1.2);
    }
    const a = drawAugment(new Rng(9), { cropScale: 0.5, rotate: 5 }, [1, 8, 8]);
    assert.deepEqual(drawAugment(new Rng(9), { cropScale: 0.5, rotate: 5 }, [1, 8, 8]), a);
    assert.throws(() => drawAugment(new Rng(0), { cropScale: 0 }), /cropScale must be in \(0, 1\], got 0/);
    assert.throws(() => drawAugment(new Rng(0), { rotate: 200 }), /rotate must be from 0 to 180/);
    assert.throws(() => drawAugment(new Rng(0), { jitter: 1 }), /jitter must be in \[0, 1\)/);
  });
});
