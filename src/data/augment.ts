// SPDX-License-Identifier: MIT
// Seeded image augmentation for NCHW batches. For digits and clothes: random shifts with padding
// (torchvision's RandomCrop(H, padding=p)) and horizontal flips, done exactly by moving whole
// pixels. For photos: torchvision's RandomResizedCrop (a random box of scale × the area and an
// aspect ratio in [3/4, 4/3], resized back to H×W), vertical flips, small rotations about the
// centre (RandomRotation) and colour jitter (ColorJitter's brightness, contrast and saturation),
// sampled bilinearly in one pass. Draws come from the Rng passed in, one draw set per image, in
// batch order, so a resumed DataLoader that replays the draws sees the same images.
import type { Rng } from '../tensor/rng.js';

export interface AugmentOptions {
  /** Largest shift in pixels along each axis; each image moves by dy, dx ∈ [−maxShift, maxShift]. */
  maxShift?: number;
  /** Mirror left–right with probability 0.5 (for data where that keeps the label: clothes, not digits). */
  horizontalFlip?: boolean;
  /** Mirror top–bottom with probability 0.5 (aerial photos, cells; not for most photos). */
  verticalFlip?: boolean;
  /** RandomResizedCrop's smallest share of the area (scale ∈ [cropScale, 1], ratio ∈ [3/4, 4/3]); 1 or absent: none. */
  cropScale?: number;
  /** Largest rotation in degrees: each image turns by an angle ∈ [−rotate, rotate] about its centre. */
  rotate?: number;
  /** ColorJitter(brightness=j, contrast=j, saturation=j): each factor ∈ [1 − j, 1 + j], applied in random order. */
  jitter?: number;
}

/** The pixel statistics an augmentation needs to undo and redo the normalisation (colour jitter works on raw values). */
export interface PixelStats {
  mean: readonly number[];
  std: readonly number[];
}

/** The random choices for one image. */
export interface AugmentDraw {
  dy: number;
  dx: number;
  flip: boolean;
  /** Photo augmentation (absent when only shifts and horizontal flips are on). */
  photo?: PhotoDraw;
}

export interface PhotoDraw {
  verticalFlip: boolean;
  /** The crop box in the source, in pixels: top, left, height, width (the whole image when no crop). */
  box: [number, number, number, number];
  /** Rotation in radians. */
  angle: number;
  /** Jitter factors, and the order they apply in (0 brightness, 1 contrast, 2 saturation). */
  brightness: number;
  contrast: number;
  saturation: number;
  order: number[];
}

/** True when the options change anything. */
export function isAugmenting(options: AugmentOptions | undefined): boolean {
  return !!options && ((options.maxShift ?? 0) > 0 || !!options.horizontalFlip || isPhoto(options));
}

function isPhoto(o: AugmentOptions): boolean {
  return !!o.verticalFlip || (o.cropScale !== undefined && o.cropScale < 1) || (o.rotate ?? 0) > 0 || (o.jitter ?? 0) > 0;
}

/** Checks the options, naming the one at fault. */
export function checkAugment(o: AugmentOptions): void {
  const s = o.maxShift ?? 0;
  if (!Number.isInteger(s) || s < 0) throw new Error(`augment: maxShift must be an integer ≥ 0, got ${s}`);
  if (o.cropScale !== undefined && !(o.cropScale > 0 && o.cropScale <= 1)) throw new Error(`augment: cropScale must be in (0, 1], got ${o.cropScale}`);
  if (o.rotate !== undefined && !(o.rotate >= 0 && o.rotate <= 180)) throw new Error(`augment: rotate must be from 0 to 180 degrees, got ${o.rotate}`);
  if (o.jitter !== undefined && !(o.jitter >= 0 && o.jitter < 1)) throw new Error(`augment: jitter must be in [0, 1), got ${o.jitter}`);
}

/** Draws one image's choices (deterministic in the Rng's state, so replaying the draws repeats them). */
export function drawAugment(rng: Rng, options: AugmentOptions, shape: readonly [number, number, number] = [1, 1, 1]): AugmentDraw {
  checkAugment(options);
  const s = options.maxShift ?? 0;
  const dy = s > 0 ? rng.int(2 * s + 1) - s : 0;
  const dx = s > 0 ? rng.int(2 * s + 1) - s : 0;
  const flip = options.horizontalFlip ? rng.next() < 0.5 : false;
  if (!isPhoto(options)) return { dy, dx, flip };
  const [, H, W] = shape;
  const verticalFlip = options.verticalFlip ? rng.next() < 0.5 : false;
  const box = options.cropScale !== undefined && options.cropScale < 1 ? drawCropBox(rng, H, W, options.cropScale) : ([0, 0, H, W] as [number, number, number, number]);
  const r = options.rotate ?? 0;
  const angle = r > 0 ? (rng.uniform(-r, r) * Math.PI) / 180 : 0;
  const j = options.jitter ?? 0;
  const factor = () => (j > 0 ? rng.uniform(1 - j, 1 + j) : 1);
  const brightness = factor();
  const contrast = factor();
  const saturation = factor();
  const order = j > 0 ? Array.from(rng.permutation(3)) : [0, 1, 2];
  return { dy, dx, flip, photo: { verticalFlip, box, angle, brightness, contrast, saturation, order } };
}

/**
 * RandomResizedCrop.get_params: up to 10 tries of an area share ∈ [scale, 1] and a log-uniform
 * aspect ratio ∈ [3/4, 4/3] whose box fits; else the whole image cropped to the nearest ratio in range.
 */
function drawCropBox(rng: Rng, H: number, W: number, scale: number): [number, number, number, number] {
  const area = H * W;
  for (let attempt = 0; attempt < 10; attempt++) {
    const target = area * rng.uniform(scale, 1);
    const ratio = Math.exp(rng.uniform(Math.log(3 / 4), Math.log(4 / 3)));
    const w = Math.round(Math.sqrt(target * ratio));
    const h = Math.round(Math.sqrt(target / ratio));
    if (w > 0 && w <= W && h > 0 && h <= H) return [rng.int(H - h + 1), rng.int(W - w + 1), h, w];
  }
  const ratio = W / H;
  const [h, w] = ratio < 3 / 4 ? [Math.round(W / (3 / 4)), W] : ratio > 4 / 3 ? [H, Math.round(H * (4 / 3))] : [H, W];
  return [Math.floor((H - h) / 2), Math.floor((W - w) / 2), h, w];
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
  stats?: PixelStats,
): void {
  if (draw.photo) {
    augmentPhoto(src, dst, shape, draw, draw.photo, fill, stats);
    return;
  }
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

/**
 * The photo path: each output pixel (h, w) reads the source bilinearly at the point that the
 * flips, the rotation about the centre and the crop box map it to (fill outside), then colour
 * jitter works on the raw values v = x·std + mean, clamped to [0, 1], and normalises them again.
 */
function augmentPhoto(
  src: Float32Array,
  dst: Float32Array,
  shape: readonly [number, number, number],
  draw: AugmentDraw,
  photo: PhotoDraw,
  fill: number | readonly number[],
  stats: PixelStats | undefined,
): void {
  const [C, H, W] = shape;
  const [top, left, boxH, boxW] = photo.box;
  const cos = Math.cos(photo.angle);
  const sin = Math.sin(photo.angle);
  const cy = (H - 1) / 2;
  const cx = (W - 1) / 2;
  for (let h = 0; h < H; h++) {
    for (let w = 0; w < W; w++) {
      // Output → rotated back about the centre → flipped → shifted → into the crop box.
      const ry = (h - cy) * cos + (w - cx) * sin + cy;
      const rx = -(h - cy) * sin + (w - cx) * cos + cx;
      const fy = (photo.verticalFlip ? H - 1 - ry : ry) - draw.dy;
      const fx = (draw.flip ? W - 1 - rx : rx) - draw.dx;
      const outside = fy < -0.5 || fy > H - 0.5 || fx < -0.5 || fx > W - 0.5;
      // Inside the box, as if it had been cut out first and resized (torchvision crops, then resizes).
      const sy = Math.min(top + boxH - 1, Math.max(top, top + ((fy + 0.5) * boxH) / H - 0.5));
      const sx = Math.min(left + boxW - 1, Math.max(left, left + ((fx + 0.5) * boxW) / W - 0.5));
      for (let c = 0; c < C; c++) {
        const background = typeof fill === 'number' ? fill : fill[c];
        dst[(c * H + h) * W + w] = outside ? background : bilinear(src, c, H, W, sy, sx);
      }
    }
  }
  if (photo.brightness !== 1 || photo.contrast !== 1 || photo.saturation !== 1) jitterColours(dst, shape, photo, stats);
}

/** The value of plane c at (y, x), a point inside the image, by bilinear interpolation. */
function bilinear(src: Float32Array, c: number, H: number, W: number, y: number, x: number): number {
  const y0 = Math.floor(y);
  const x0 = Math.floor(x);
  const y1 = Math.min(H - 1, y0 + 1);
  const x1 = Math.min(W - 1, x0 + 1);
  const ty = y - y0;
  const tx = x - x0;
  const at = (yy: number, xx: number) => src[(c * H + yy) * W + xx];
  return (1 - ty) * ((1 - tx) * at(y0, x0) + tx * at(y0, x1)) + ty * ((1 - tx) * at(y1, x0) + tx * at(y1, x1));
}

/**
 * ColorJitter on one image, in raw values v ∈ [0, 1] (torchvision's adjust_* on float images):
 * brightness v·f; contrast (v − mean gray)·f + mean gray; saturation gray + (v − gray)·f (3 channels).
 */
function jitterColours(x: Float32Array, shape: readonly [number, number, number], photo: PhotoDraw, stats: PixelStats | undefined): void {
  const [C, H, W] = shape;
  const plane = H * W;
  const mean = (c: number) => stats?.mean[c] ?? 0;
  const std = (c: number) => stats?.std[c] ?? 1;
  const v = new Float64Array(C * plane);
  for (let i = 0; i < v.length; i++) v[i] = x[i] * std(Math.floor(i / plane)) + mean(Math.floor(i / plane));
  const clamp = (t: number) => Math.min(1, Math.max(0, t));
  const gray = (p: number) => (C === 3 ? 0.299 * v[p] + 0.587 * v[plane + p] + 0.114 * v[2 * plane + p] : v[p]);
  for (const step of photo.order) {
    if (step === 0) for (let i = 0; i < v.length; i++) v[i] = clamp(v[i] * photo.brightness);
    if (step === 1) {
      let m = 0;
      for (let p = 0; p < plane; p++) m += gray(p);
      m /= plane;
      for (let i = 0; i < v.length; i++) v[i] = clamp((v[i] - m) * photo.contrast + m);
    }
    if (step === 2 && C === 3) {
      for (let p = 0; p < plane; p++) {
        const g = gray(p);
        for (let c = 0; c < 3; c++) v[c * plane + p] = clamp(g + (v[c * plane + p] - g) * photo.saturation);
      }
    }
  }
  for (let i = 0; i < v.length; i++) x[i] = (v[i] - mean(Math.floor(i / plane))) / std(Math.floor(i / plane));
}
