// Writes small PNG and JPEG files for the image-folder tests: every colour type the loaders meet.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';

export type Pixel = (x: number, y: number) => [number, number, number, number?];

function rgba(width: number, height: number, pixel: Pixel): Buffer {
  const data = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const [r, g, b, a = 255] = pixel(x, y);
      data.set([r, g, b, a], (y * width + x) * 4);
    }
  }
  return data;
}

/** A PNG: 'rgb' (colour type 2), 'rgba' (6), 'gray' (0) or 'gray16' (0, 16 bits per sample). */
export function writePng(path: string, width: number, height: number, pixel: Pixel, kind: 'rgb' | 'rgba' | 'gray' | 'gray16' = 'rgb'): string {
  mkdirSync(dirname(path), { recursive: true });
  const png = new PNG({ width, height });
  if (kind === 'gray16') {
    const samples = new Uint16Array(width * height);
    for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) samples[y * width + x] = pixel(x, y)[0] * 257;
    png.data = Buffer.from(samples.buffer);
    writeFileSync(path, PNG.sync.write(png, { bitDepth: 16, colorType: 0, inputColorType: 0, inputHasAlpha: false }));
    return path;
  }
  png.data = rgba(width, height, pixel);
  const colorType = kind === 'rgb' ? 2 : kind === 'rgba' ? 6 : 0;
  writeFileSync(path, PNG.sync.write(png, { colorType }));
  return path;
}

/** A JPEG (quality 95). */
export function writeJpeg(path: string, width: number, height: number, pixel: Pixel): string {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, jpeg.encode({ width, height, data: rgba(width, height, pixel) }, 95).data);
  return path;
}
