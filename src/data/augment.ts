// SPDX-License-Identifier: MIT
// Seeded image augmentation for NCHW batches: random shifts with padding (the same as
// torchvision's RandomCrop(H, padding=p)) and optional horizontal flips. Draws come from
// the Rng passed in, one draw set per image, in batch order.
import type { Rng } from '../tensor/rng.js';

export interface AugmentOptions {
  /** Largest shift in pixels along each axis; each image moves by dy, dx ∈ [−maxShift, maxShift]. */
  maxShift?: number;
  /** Mirror left–right with probability 0.5 (for data where that keeps the label: clothes, not digits). */
  horizontalFlip?: boolean;
}

/** The random choices for one image. */
export interface AugmentDraw {
  dy: number;
  dx: number;
  flip: boolean;
}

/** True when the options change anything. */
export function isAugmenting(options: AugmentOptions | undefined): boolean {
  return !!options && ((options.maxShift ?? 0) > 0 || !!options.horizontalFlip);
}

/** Draws one image's shift and flip (always the same number of draws for the same options). */
export function drawAugment(rng: Rng, options: AugmentOptions): AugmentDraw {
  const s = options.maxShift ?? 0;
  if (!Number.isInteger(s) || s < 0) throw new Error(`augment: maxShift must be an integer ≥ 0, got ${s}`);
  const dy = s > 0 ? rng.int(2 * s + 1) - s : 0;
  const dx = s > 0 ? rng.int(2 * s + 1) - s : 0;
  const flip = options.horizontalFlip ? rng.next() < 0.5 : false;
  return { dy, dx, flip };
}

/**
 * Writes one augmented image of shape [C, H, W] from `src` into `dst`:
 *   dst[c, h, w] = src[c, h − dy, w' − dx]   with w' = W − 1 − w when flipped, else w,
 * and `fill` (one value, or one per channel) where the source index falls outside the image
 * (padding with a black pixel).
 */
export function augmentImage(
  src: Float32Array,
  dst: Float32Array,
  shape: readonly [number, number, number],
  draw: AugmentDraw,
  fill: number | readonly number[],
): void {
  const [C, H, W] = shape;
  for (let c = 0; c < C; c++) {
    const background = typeof fill === 'number' ? fill : fill[c];
    for (let h = 0; h < H; h++) {
      const sh = h - draw.dy;
      const row = (c * H + h) * W;
      for (let w = 0; w < W; w++) {
        const sw = (draw.flip ? W - 1 - w : w) - draw.dx;
        dst[row + w] = sh >= 0 && sh < H && sw >= 0 && sw < W ? src[(c * H + sh) * W + sw] : background;
      }
    }
  }
}
