// SPDX-License-Identifier: MIT
// (Node only) PNG and JPEG files to RGBA bytes, through pngjs (every PNG colour type and bit depth;
// 16-bit samples are scaled to 8 bits; the common 8-bit PNG has a faster path here) and jpeg-js (baseline and progressive, gray or colour). The
// format is told by the file's first bytes, not its name; anything else is an ImageDecodeError
// naming the file.
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { inflateSync } from 'node:zlib';
import type { RgbaImage } from './image-ops.js';

export class ImageDecodeError extends Error {
  override name = 'ImageDecodeError';
}

/** Refuse images above this many pixels (jpeg-js and pngjs would otherwise allocate without bound). */
export const MAX_IMAGE_PIXELS = 64 * 1024 * 1024;

const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export function imageFormat(bytes: Uint8Array): 'png' | 'jpeg' | null {
  if (bytes.length >= 8 && PNG_MAGIC.every((b, i) => bytes[i] === b)) return 'png';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  return null;
}

/** Decodes a PNG or JPEG file's bytes to RGBA; `file` names it in errors. */
export function decodeImage(bytes: Uint8Array, file: string): RgbaImage {
  const format = imageFormat(bytes);
  if (!format) throw new ImageDecodeError(`${file}: not a PNG or JPEG file (${bytes.length === 0 ? 'it is empty' : `it starts ${hex(bytes.subarray(0, 4))}`})`);
  let image: RgbaImage;
  try {
    if (format === 'png') {
      image = decodeSimplePng(bytes) ?? pngjs(bytes);
    } else {
      const decoded = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true, maxResolutionInMP: MAX_IMAGE_PIXELS / 1e6, maxMemoryUsageInMB: 1024 });
      image = { width: decoded.width, height: decoded.height, data: decoded.data };
    }
  } catch (err) {
    throw new ImageDecodeError(`${file}: a corrupt or truncated ${format.toUpperCase()} (${(err as Error).message})`);
  }
  if (!(image.width > 0 && image.height > 0) || image.data.length !== 4 * image.width * image.height) {
    throw new ImageDecodeError(`${file}: the ${format.toUpperCase()} decoded to ${image.width}×${image.height} with ${image.data.length} bytes (truncated?)`);
  }
  return image;
}

function pngjs(bytes: Uint8Array): RgbaImage {
  const png = PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  return { width: png.width, height: png.height, data: new Uint8Array(png.data.buffer, png.data.byteOffset, png.data.byteLength) };
}

const CRC_TABLE = Uint32Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array, start: number, end: number): number {
  let c = 0xffffffff;
  for (let i = start; i < end; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** Samples per pixel of the PNG colour types the fast path reads: gray, RGB, gray + alpha, RGBA (8 bits each). */
const SAMPLES: Record<number, number> = { 0: 1, 2: 3, 4: 2, 6: 4 };

/**
 * The common PNG (8-bit gray, RGB, gray + alpha or RGBA, not interlaced, no transparency chunk)
 * decoded in one inflate and one pass of the five row filters: pngjs gives the same RGBA for these
 * (the tests compare them) at several times the cost per small image. Anything else, and any
 * file that does not parse cleanly here (CRC, length, filter type), returns null: pngjs decodes it
 * or names the fault.
 */
function decodeSimplePng(bytes: Uint8Array): RgbaImage | null {
  const u32 = (i: number) => ((bytes[i] << 24) | (bytes[i + 1] << 16) | (bytes[i + 2] << 8) | bytes[i + 3]) >>> 0;
  let width = 0;
  let height = 0;
  let samples = 0;
  const idat: Uint8Array[] = [];
  let ended = false;
  for (let i = 8; i + 12 <= bytes.length && !ended; ) {
    const length = u32(i);
    const type = String.fromCharCode(bytes[i + 4], bytes[i + 5], bytes[i + 6], bytes[i + 7]);
    const end = i + 8 + length;
    if (end + 4 > bytes.length || crc32(bytes, i + 4, end) !== u32(end)) return null;
    if (type === 'IHDR') {
      width = u32(i + 8);
      height = u32(i + 12);
      const [depth, colour, , , interlace] = bytes.subarray(i + 16, i + 21);
      samples = SAMPLES[colour] ?? 0;
      if (length !== 13 || depth !== 8 || samples === 0 || interlace !== 0) return null;
    } else if (type === 'IDAT') {
      idat.push(bytes.subarray(i + 8, end));
    } else if (type === 'IEND') {
      ended = true;
    } else if (type === 'tRNS' || type === 'PLTE' || (bytes[i + 4] & 0x20) === 0) {
      return null; // transparency or a palette, or a critical chunk this path does not know
    }
    i = end + 4;
  }
  if (!ended || samples === 0 || !(width > 0 && height > 0) || width * height > MAX_IMAGE_PIXELS || idat.length === 0) return null;
  let raw: Uint8Array;
  try {
    raw = inflateSync(idat.length === 1 ? idat[0] : Buffer.concat(idat));
  } catch {
    return null;
  }
  const stride = width * samples;
  if (raw.length !== height * (stride + 1)) return null;
  const rows = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const src = y * (stride + 1) + 1;
    const row = y * stride;
    const up = row - stride; // the row above (absent for y = 0: reads as 0)
    for (let x = 0; x < stride; x++) {
      const a = x >= samples ? rows[row + x - samples] : 0;
      const b = y > 0 ? rows[up + x] : 0;
      const c = x >= samples && y > 0 ? rows[up + x - samples] : 0;
      let predicted: number;
      if (filter === 0) predicted = 0;
      else if (filter === 1) predicted = a;
      else if (filter === 2) predicted = b;
      else if (filter === 3) predicted = (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        predicted = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      } else return null;
      rows[row + x] = (raw[src + x] + predicted) & 0xff;
    }
  }
  const data = new Uint8Array(4 * width * height);
  for (let p = 0; p < width * height; p++) {
    const s = p * samples;
    const gray = samples < 3;
    data[4 * p] = rows[s];
    data[4 * p + 1] = gray ? rows[s] : rows[s + 1];
    data[4 * p + 2] = gray ? rows[s] : rows[s + 2];
    data[4 * p + 3] = samples === 2 ? rows[s + 1] : samples === 4 ? rows[s + 3] : 255;
  }
  return { width, height, data };
}

function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join(' ');
}
