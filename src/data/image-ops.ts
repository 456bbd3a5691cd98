// SPDX-License-Identifier: MIT
// Preparing decoded images for a model, as torchvision's Resize(size) + CenterCrop(size) do:
// the shorter side is resized to `size` (the longer one to int(size · long / short)), with PIL's
// antialiased bilinear filter (a triangle whose support grows with the downscale factor), then
// the centre size×size is cut out (top = round((H − size) / 2), Python's half-to-even rounding).
// Pixels are bytes; colour becomes gray with PIL's luma (R·299 + G·587 + B·114) / 1000 and alpha
// is dropped, as PIL's convert('RGB') / convert('L') do. No Node imports: the page uses it too.

/** A decoded image: RGBA bytes, row-major. */
export interface RgbaImage {
  width: number;
  height: number;
  data: Uint8Array;
}

/** Bytes in CHW order: C planes of H×W. */
export interface PlanarImage {
  channels: number;
  height: number;
  width: number;
  data: Uint8Array;
}

/** True when every pixel has R = G = B (the image carries no colour). */
export function isGray(image: RgbaImage): boolean {
  const { data } = image;
  for (let i = 0; i < data.length; i += 4) if (data[i] !== data[i + 1] || data[i] !== data[i + 2]) return false;
  return true;
}

/** PIL's L: the rounded luma (R·299 + G·587 + B·114) / 1000 of a pixel. */
export function luma(r: number, g: number, b: number): number {
  return Math.floor((r * 299 + g * 587 + b * 114 + 500) / 1000);
}

/** RGBA → C planes (C = 3: R, G, B; C = 1: PIL's integer luma), alpha dropped. */
export function toPlanes(image: RgbaImage, channels: 1 | 3): PlanarImage {
  const { width, height, data } = image;
  const plane = width * height;
  const out = new Uint8Array(channels * plane);
  for (let i = 0; i < plane; i++) {
    const r = data[4 * i];
    const g = data[4 * i + 1];
    const b = data[4 * i + 2];
    if (channels === 1) {
      out[i] = luma(r, g, b);
    } else {
      out[i] = r;
      out[plane + i] = g;
      out[2 * plane + i] = b;
    }
  }
  return { channels, height, width, data: out };
}

/** torchvision's Resize(size) output size for an H×W image: the shorter side becomes `size`. */
export function shorterSideSize(height: number, width: number, size: number): [number, number] {
  if (height <= width) return [size, Math.max(1, Math.trunc((size * width) / height))];
  return [Math.max(1, Math.trunc((size * height) / width)), size];
}

/** Resizes every plane to outH×outW with PIL's antialiased bilinear filter, separably (rows, then columns). */
export function resizeBilinear(image: PlanarImage, outH: number, outW: number): PlanarImage {
  const { channels, height, width, data } = image;
  if (outH === height && outW === width) return image;
  const across = filterWeights(width, outW);
  const down = filterWeights(height, outH);
  const out = new Uint8Array(channels * outH * outW);
  const rows = new Float64Array(height * outW);
  for (let c = 0; c < channels; c++) {
    const src = c * height * width;
    for (let y = 0; y < height; y++) {
      for (let ox = 0; ox < outW; ox++) {
        let sum = 0;
        const { start, weights } = across[ox];
        for (let k = 0; k < weights.length; k++) sum += weights[k] * data[src + y * width + start + k];
        rows[y * outW + ox] = sum;
      }
    }
    for (let oy = 0; oy < outH; oy++) {
      const { start, weights } = down[oy];
      for (let ox = 0; ox < outW; ox++) {
        let sum = 0;
        for (let k = 0; k < weights.length; k++) sum += weights[k] * rows[(start + k) * outW + ox];
        out[c * outH * outW + oy * outW + ox] = Math.min(255, Math.max(0, Math.round(sum)));
      }
    }
  }
  return { channels, height: outH, width: outW, data: out };
}

/** Per output pixel: the first input pixel it reads and the normalised triangle weights (PIL's ImagingResample). */
function filterWeights(inSize: number, outSize: number): { start: number; weights: Float64Array }[] {
  const scale = inSize / outSize;
  const support = Math.max(scale, 1); // the bilinear filter's radius 1, widened when shrinking (antialias)
  const result = [];
  for (let o = 0; o < outSize; o++) {
    const center = (o + 0.5) * scale;
    const start = Math.max(0, Math.trunc(center - support + 0.5));
    const end = Math.min(inSize, Math.trunc(center + support + 0.5));
    const weights = new Float64Array(end - start);
    let total = 0;
    for (let i = start; i < end; i++) {
      const w = Math.max(0, 1 - Math.abs((i - center + 0.5) / support));
      weights[i - start] = w;
      total += w;
    }
    for (let k = 0; k < weights.length; k++) weights[k] = total > 0 ? weights[k] / total : 0;
    result.push({ start, weights });
  }
  return result;
}

/** Python's round(): halves go to the even neighbour (torchvision's centre crop uses it). */
function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/** The centre cropH×cropW of every plane (torchvision's CenterCrop; the image must be at least that large). */
export function centerCrop(image: PlanarImage, cropH: number, cropW: number): PlanarImage {
  const { channels, height, width, data } = image;
  if (cropH > height || cropW > width) throw new Error(`centerCrop: ${cropH}×${cropW} does not fit in ${height}×${width}`);
  const top = roundHalfEven((height - cropH) / 2);
  const left = roundHalfEven((width - cropW) / 2);
  const out = new Uint8Array(channels * cropH * cropW);
  for (let c = 0; c < channels; c++) {
    for (let y = 0; y < cropH; y++) {
      const from = c * height * width + (top + y) * width + left;
      out.set(data.subarray(from, from + cropW), (c * cropH + y) * cropW);
    }
  }
  return { channels, height: cropH, width: cropW, data: out };
}

/** Resize(size) then CenterCrop(size): a size×size image whatever the input's aspect ratio. */
export function resizeAndCrop(image: PlanarImage, size: number): PlanarImage {
  const [h, w] = shorterSideSize(image.height, image.width, size);
  return centerCrop(resizeBilinear(image, h, w), size, size);
}
