// SPDX-License-Identifier: MIT
// (Node only) PNG and JPEG files to RGBA bytes, through pngjs (every PNG colour type and bit depth;
// 16-bit samples are scaled to 8 bits) and jpeg-js (baseline and progressive, gray or colour). The
// format is told by the file's first bytes, not its name; anything else is an ImageDecodeError
// naming the file.
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
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
      checkPngSize(bytes, file);
      image = pngjs(bytes);
    } else {
      const decoded = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true, maxResolutionInMP: MAX_IMAGE_PIXELS / 1e6, maxMemoryUsageInMB: 1024 });
      image = { width: decoded.width, height: decoded.height, data: decoded.data };
    }
  } catch (err) {
    if (err instanceof ImageDecodeError) throw err;
    throw new ImageDecodeError(`${file}: a corrupt or truncated ${format.toUpperCase()} (${(err as Error).message})`);
  }
  if (!(image.width > 0 && image.height > 0) || image.data.length !== 4 * image.width * image.height) {
    throw new ImageDecodeError(`${file}: the ${format.toUpperCase()} decoded to ${image.width}×${image.height} with ${image.data.length} bytes (truncated?)`);
  }
  return image;
}

/**
 * Refuses a PNG whose header (IHDR, the first chunk: width and height as big-endian 32-bit
 * integers at bytes 16 and 20) declares more than MAX_IMAGE_PIXELS, before any of it is inflated:
 * a few hundred kilobytes of zeros can declare gigabytes of pixels (the JPEG decoder checks its own).
 */
function checkPngSize(bytes: Uint8Array, file: string): void {
  if (bytes.length < 24) return; // too short for a header: pngjs names what is missing
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const width = view.getUint32(16), height = view.getUint32(20);
  if (width * height > MAX_IMAGE_PIXELS) {
    throw new ImageDecodeError(`${file}: the PNG declares ${width}×${height} pixels, more than the ${MAX_IMAGE_PIXELS.toLocaleString('en-US')} an image may have`);
  }
}

function pngjs(bytes: Uint8Array): RgbaImage {
  const png = PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  return { width: png.width, height: png.height, data: new Uint8Array(png.data.buffer, png.data.byteOffset, png.data.byteLength) };
}

function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join(' ');
}
