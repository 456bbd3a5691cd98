// SPDX-License-Identifier: MIT
// Image preparation for `nabla predict`: PNG pixels to gray, the paper's colour, area resizing
// and MNIST's own fit-and-centre of the ink, plus a measure of how much ink an image holds.
export interface GrayImage {
  width: number;
  height: number;
  /** Row-major values 0..255. */
  pixels: Float32Array;
}

/** RGBA → gray (ITU-R BT.601 luma), alpha composited over white. */
export function toGray(png: { width: number; height: number; data: Uint8Array }): GrayImage {
  const { width, height, data } = png;
  const pixels = new Float32Array(width * height);
  for (let i = 0; i < width * height; i++) {
    const luma = 0.299 * data[4 * i] + 0.587 * data[4 * i + 1] + 0.114 * data[4 * i + 2];
    const a = data[4 * i + 3] / 255;
    pixels[i] = a * luma + (1 - a) * 255;
  }
  return { width, height, pixels };
}

/** Mean of the outermost ring of pixels: the paper's colour. */
export function borderMean(img: GrayImage): number {
  const { width: w, height: h, pixels } = img;
  let sum = 0;
  let n = 0;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      if (y === 0 || y === h - 1 || x === 0 || x === w - 1) {
        sum += pixels[y * w + x];
        n++;
      }
    }
  }
  return sum / n;
}

/** Resizes by area averaging: each output pixel is the mean of the source area it covers (fractional edges weighted). */
export function resizeArea(img: GrayImage, outW: number, outH: number): Float32Array {
  const { width: w, height: h, pixels } = img;
  const out = new Float32Array(outW * outH);
  const sx = w / outW;
  const sy = h / outH;
  for (let oy = 0; oy < outH; oy++) {
    const y0 = oy * sy;
    const y1 = y0 + sy;
    for (let ox = 0; ox < outW; ox++) {
      const x0 = ox * sx;
      const x1 = x0 + sx;
      let sum = 0;
      let area = 0;
      for (let y = Math.floor(y0); y < Math.min(h, Math.ceil(y1)); y++) {
        const wy = Math.min(y + 1, y1) - Math.max(y, y0);
        for (let x = Math.floor(x0); x < Math.min(w, Math.ceil(x1)); x++) {
          const wx = Math.min(x + 1, x1) - Math.max(x, x0);
          sum += wy * wx * pixels[y * w + x];
          area += wy * wx;
        }
      }
      out[oy * outW + ox] = sum / area;
    }
  }
  return out;
}

/**
 * MNIST's own preprocessing of a digit (light ink on black, values 0..255): the ink's bounding box
 * is scaled, aspect kept, to fit a box of 20/28 of the output (20×20 in 28×28), then shifted by
 * whole pixels so that the ink's centre of mass sits at the centre of the output. An image with no
 * ink above `threshold` is plainly resized.
 */
export function centerLikeMnist(ink: GrayImage, outW: number, outH: number, threshold = 25): Float32Array {
  const { width: w, height: h, pixels } = ink;
  let top = h;
  let left = w;
  let bottom = -1;
  let right = -1;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      if (pixels[y * w + x] > threshold) {
        top = Math.min(top, y);
        bottom = Math.max(bottom, y);
        left = Math.min(left, x);
        right = Math.max(right, x);
      }
    }
  }
  if (bottom < 0) return resizeArea(ink, outW, outH);
  const boxW = right - left + 1;
  const boxH = bottom - top + 1;
  const crop = new Float32Array(boxW * boxH);
  for (let y = 0; y < boxH; y++) crop.set(pixels.subarray((top + y) * w + left, (top + y) * w + left + boxW), y * boxW);
  const scale = Math.min((outW * 20) / 28, (outH * 20) / 28) / Math.max(boxW, boxH);
  const fitW = Math.min(outW, Math.max(1, Math.round(boxW * scale)));
  const fitH = Math.min(outH, Math.max(1, Math.round(boxH * scale)));
  const fitted = resizeArea({ width: boxW, height: boxH, pixels: crop }, fitW, fitH);
  let mass = 0;
  let cx = 0;
  let cy = 0;
  for (let y = 0; y < fitH; y++) {
    for (let x = 0; x < fitW; x++) {
      const v = fitted[y * fitW + x];
      mass += v;
      cx += v * (x + 0.5);
      cy += v * (y + 0.5);
    }
  }
  // Offsets that put the centre of mass at the centre, kept so the whole box stays inside.
  const offsetX = Math.min(outW - fitW, Math.max(0, Math.round(outW / 2 - cx / mass)));
  const offsetY = Math.min(outH - fitH, Math.max(0, Math.round(outH / 2 - cy / mass)));
  const out = new Float32Array(outW * outH);
  for (let y = 0; y < fitH; y++) out.set(fitted.subarray(y * fitW, (y + 1) * fitW), (offsetY + y) * outW + offsetX);
  return out;
}

/** Range of the pixel values (max − min): about 0 for a blank image, whatever its colour. */
export function contrast(img: GrayImage): number {
  let min = Infinity;
  let max = -Infinity;
  for (const v of img.pixels) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return max - min;
}
